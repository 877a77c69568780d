import { describe, expect, it } from "vitest";
import { OutputBuffer } from "../../server/logs/output-buffer";

const seqs = (chunks: { seq: number }[]) => chunks.map((c) => c.seq);

describe("OutputBuffer", () => {
  it("numbers chunks from 1 and replays everything after a given sequence number", () => {
    const buffer = new OutputBuffer(1000);
    for (const data of ["a", "b", "c"]) buffer.append(data);
    expect(buffer.since(0)).toEqual({ chunks: [expect.objectContaining({ seq: 1, data: "a" }), expect.objectContaining({ seq: 2, data: "b" }), expect.objectContaining({ seq: 3, data: "c" })], gap: false });
    expect(buffer.since(2)).toEqual({ chunks: [expect.objectContaining({ seq: 3, data: "c" })], gap: false });
    expect(buffer.since(3)).toEqual({ chunks: [], gap: false });
  });

  it("gives each chunk its byte offset in the log, counting UTF-8 bytes, or the offset it is told", () => {
    const buffer = new OutputBuffer(1000);
    expect(buffer.append("é")).toMatchObject({ offset: 0, endOffset: 2 });
    expect(buffer.append("x").offset).toBe(2);
    expect(buffer.append("y█", 100)).toMatchObject({ offset: 100, endOffset: 104 });
    expect(buffer.append("z").offset).toBe(104);
  });

  it("drops the oldest chunks past its byte limit and reports the gap to a client that was behind", () => {
    const buffer = new OutputBuffer(10);
    for (let i = 1; i <= 5; i++) buffer.append("12345");
    const replay = buffer.since(0);
    expect(replay.gap).toBe(true);
    expect(seqs(replay.chunks)).toEqual([4, 5]);
    expect(buffer.since(3)).toEqual({ chunks: [expect.objectContaining({ seq: 4 }), expect.objectContaining({ seq: 5 })], gap: false });
  });

  it("keeps the newest chunk even when it alone exceeds the limit", () => {
    const buffer = new OutputBuffer(4);
    buffer.append("0123456789");
    expect(buffer.since(0).chunks).toHaveLength(1);
  });

  it("stays within its limit however much is appended (memory bound)", () => {
    const buffer = new OutputBuffer(64 * 1024);
    const line = "x".repeat(199) + "\n";
    for (let i = 0; i < 200_000; i++) buffer.append(line);
    expect(buffer.heldChars).toBeLessThanOrEqual(64 * 1024);
    expect(buffer.retainedChars).toBeLessThanOrEqual(64 * 1024);
    const replay = buffer.since(0);
    expect(replay.chunks.length).toBe(Math.floor((64 * 1024) / 200));
    expect(replay.chunks.at(-1)!.seq).toBe(200_000);
    expect(seqs(buffer.since(199_990).chunks)).toEqual(Array.from({ length: 10 }, (_, i) => 199_991 + i));
  });

  it("lets go of dropped chunks at once, also when a few large chunks fill it (a flood's 256 KiB batches)", () => {
    const buffer = new OutputBuffer(2 * 1024 * 1024);
    const batch = "y".repeat(256 * 1024);
    for (let i = 0; i < 500; i++) buffer.append(batch);
    expect(buffer.retainedChars).toBeLessThanOrEqual(2 * 1024 * 1024 + batch.length);
  });
});
