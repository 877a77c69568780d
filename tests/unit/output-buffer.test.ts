import { describe, expect, it } from "vitest";
import { OutputBuffer } from "../../server/logs/output-buffer";

describe("OutputBuffer", () => {
  it("numbers chunks from 1 and replays everything after a given sequence number", () => {
    const buffer = new OutputBuffer(1000);
    for (const data of ["a", "b", "c"]) buffer.append(data);
    expect(buffer.since(0)).toEqual({ chunks: [{ seq: 1, data: "a" }, { seq: 2, data: "b" }, { seq: 3, data: "c" }], gap: false });
    expect(buffer.since(2)).toEqual({ chunks: [{ seq: 3, data: "c" }], gap: false });
    expect(buffer.since(3)).toEqual({ chunks: [], gap: false });
  });

  it("drops the oldest chunks past its byte limit and reports the gap to a client that was behind", () => {
    const buffer = new OutputBuffer(10);
    for (let i = 1; i <= 5; i++) buffer.append("12345");
    const replay = buffer.since(0);
    expect(replay.gap).toBe(true);
    expect(replay.chunks.map((c) => c.seq)).toEqual([4, 5]);
    expect(buffer.since(3)).toEqual({ chunks: [{ seq: 4, data: "12345" }, { seq: 5, data: "12345" }], gap: false });
  });

  it("keeps the newest chunk even when it alone exceeds the limit", () => {
    const buffer = new OutputBuffer(4);
    buffer.append("0123456789");
    expect(buffer.since(0).chunks).toHaveLength(1);
  });
});
