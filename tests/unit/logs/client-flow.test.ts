import { describe, expect, it } from "vitest";
import { ClientFlow } from "../../../server/logs/client-flow";
import { OutputBuffer } from "../../../server/logs/output-buffer";

function source() {
  const buffer = new OutputBuffer(1_000_000);
  return (data: string) => buffer.append(data);
}

describe("ClientFlow (per-client flow control)", () => {
  it("sends while unacknowledged output stays under the high watermark", () => {
    const flow = new ClientFlow({ highWater: 10, lowWater: 2 });
    const next = source();
    flow.reset("r", []);
    expect([1, 2, 3].map(() => flow.offer("r", next("abc")))).toEqual([true, true, true]);
    expect(flow.unackedChars).toBe(9);
  });

  it("skips a client past its high watermark without queueing, then reports the skipped range once it caught up", () => {
    const flow = new ClientFlow({ highWater: 6, lowWater: 3 });
    const next = source();
    flow.reset("r", []);
    const c1 = next("abc");
    const c2 = next("def");
    expect(flow.offer("r", c1)).toBe(true);
    expect(flow.offer("r", c2)).toBe(true);
    expect(flow.offer("r", next("ghi"))).toBe(false);
    expect(flow.offer("r", next("jkl"))).toBe(false);
    expect(flow.skipping).toBe(true);
    expect(flow.ack("r", 1)).toEqual({ runId: "r", afterSeq: 2, toSeq: 4, fromOffset: 6, toOffset: 12 });
    expect(flow.skipping).toBe(false);
    expect(flow.offer("r", next("mno"))).toBe(true);
  });

  it("keeps skipping while the client stays above its low watermark", () => {
    const flow = new ClientFlow({ highWater: 6, lowWater: 0 });
    const next = source();
    flow.reset("r", []);
    flow.offer("r", next("abc"));
    flow.offer("r", next("def"));
    flow.offer("r", next("ghi"));
    expect(flow.ack("r", 1)).toBeNull();
    expect(flow.offer("r", next("jkl"))).toBe(false);
    expect(flow.ack("r", 2)).toMatchObject({ afterSeq: 2, toSeq: 4 });
  });

  it("counts the replay a watcher was sent, and starts over for a new run", () => {
    const flow = new ClientFlow({ highWater: 5, lowWater: 1 });
    const next = source();
    flow.reset("r", [next("abcdef")]);
    expect(flow.offer("r", next("x"))).toBe(false);
    expect(flow.offer("r2", { seq: 1, data: "new", offset: 0, endOffset: 3, at: 0 })).toBe(true);
    expect(flow.ack("r", 99)).toBeNull();
  });

  it("holds only counters for a client that never acknowledges, however much is printed", () => {
    const flow = new ClientFlow({ highWater: 1000, lowWater: 100 });
    const next = source();
    flow.reset("r", []);
    let sent = 0;
    for (let i = 0; i < 100_000; i++) if (flow.offer("r", next("0123456789"))) sent++;
    expect(sent).toBe(100);
    expect(flow.unackedChars).toBe(1000);
  });
});
