import { describe, expect, it } from "vitest";
import { StreamCursor, type CursorAction } from "../../../lib/logs/stream-cursor";
import type { LogChunkEvent, WatchAck } from "../../../lib/realtime";
import { OutputBuffer } from "../../../server/logs/output-buffer";

const I = "inst";
const chunk = (runId: string, seq: number, data: string, offset: number): LogChunkEvent => ({ instanceId: I, runId, seq, data, offset, at: 0 });
const ack = (runId: string | null, chunks: LogChunkEvent[], gap = false): Extract<WatchAck, { ok: true }> => ({
  ok: true,
  state: {} as never,
  runId,
  chunks,
  gap,
});
const written = (actions: CursorAction[]) => actions.flatMap((a) => (a.type === "write" ? [a.chunk.data] : []));

/** A console's buffer for one run, answering watches as the namespace does. */
function consoleRun(runId: string, maxBytes = 1_000_000) {
  const buffer = new OutputBuffer(maxBytes);
  return {
    buffer,
    append: (data: string) => {
      const c = buffer.append(data);
      return chunk(runId, c.seq, c.data, c.offset);
    },
    answer: (request: { runId?: string; afterSeq?: number }) => {
      const replay = buffer.since(request.runId === runId ? (request.afterSeq ?? 0) : 0);
      return ack(runId, replay.chunks.map((c) => chunk(runId, c.seq, c.data, c.offset)), replay.gap);
    },
  };
}

describe("StreamCursor (the browser's resume logic)", () => {
  it("a late joiner gets the held output, then live chunks, each once and in order", () => {
    const run = consoleRun("r1");
    run.append("a");
    run.append("b");
    const cursor = new StreamCursor(I);
    const replayed = cursor.onWatchAck(run.answer(cursor.watchRequest()));
    expect(replayed[0]).toEqual({ type: "new-run", runId: "r1", previousRunId: null });
    expect(written(replayed)).toEqual(["a", "b"]);
    expect(written(cursor.onChunk(run.append("c")))).toEqual(["c"]);
  });

  it("ignores a chunk it has already written (a live chunk also found in a replay)", () => {
    const run = consoleRun("r1");
    const c1 = run.append("a");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(run.answer(cursor.watchRequest()));
    expect(cursor.onChunk(c1)).toEqual([]);
  });

  it("reconnecting mid-run asks for what follows its last chunk and writes no gap and no duplicate", () => {
    const run = consoleRun("r1");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(run.answer(cursor.watchRequest()));
    cursor.onChunk(run.append("one "));
    cursor.onChunk(run.append("two "));
    // disconnected: these are never delivered live
    run.append("three ");
    run.append("four ");
    const request = cursor.watchRequest();
    expect(request).toEqual({ instanceId: I, runId: "r1", afterSeq: 2 });
    expect(written(cursor.onWatchAck(run.answer(request)))).toEqual(["three ", "four "]);
    expect(written(cursor.onChunk(run.append("five")))).toEqual(["five"]);
  });

  it("a new run starts a new numbering and says so before writing its output", () => {
    const first = consoleRun("r1");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(first.answer(cursor.watchRequest()));
    cursor.onChunk(first.append("old"));
    const second = consoleRun("r2");
    const actions = cursor.onChunk(second.append("new"));
    expect(actions).toEqual([{ type: "new-run", runId: "r2", previousRunId: "r1" }, expect.objectContaining({ type: "write" })]);
    expect(cursor.seq).toBe(1);
  });

  it("reconnecting after the run changed replays the new run from its start", () => {
    const first = consoleRun("r1");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(first.answer(cursor.watchRequest()));
    cursor.onChunk(first.append("old"));
    const second = consoleRun("r2");
    second.append("x");
    second.append("y");
    const actions = cursor.onWatchAck(second.answer(cursor.watchRequest()));
    expect(actions[0]).toMatchObject({ type: "new-run", runId: "r2" });
    expect(written(actions)).toEqual(["x", "y"]);
  });

  it("shows a gap with the log's byte range when the console's buffer dropped what it needs", () => {
    const run = consoleRun("r1", 10);
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(run.answer(cursor.watchRequest()));
    cursor.onChunk(run.append("12345"));
    for (let i = 0; i < 4; i++) run.append("abcde");
    const actions = cursor.onWatchAck(run.answer(cursor.watchRequest()));
    expect(actions[0]).toEqual({ type: "gap", gap: { runId: "r1", fromOffset: 5, toOffset: 15, reason: "buffer" } });
    expect(written(actions)).toEqual(["abcde", "abcde"]);
  });

  it("a late joiner whose start was dropped sees a gap from byte 0", () => {
    const run = consoleRun("r1", 4);
    run.append("héllo");
    run.append("next");
    const cursor = new StreamCursor(I);
    const actions = cursor.onWatchAck(run.answer(cursor.watchRequest()));
    expect(actions[1]).toEqual({ type: "gap", gap: { runId: "r1", fromOffset: 0, toOffset: 6, reason: "buffer" } });
  });

  it("a chunk that skips ahead without notice triggers one re-watch, and the replay fills the hole", () => {
    const run = consoleRun("r1");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(run.answer(cursor.watchRequest()));
    cursor.onChunk(run.append("1"));
    run.append("2");
    expect(cursor.onChunk(run.append("3"))).toEqual([{ type: "rewatch" }]);
    expect(cursor.onChunk(run.append("4"))).toEqual([]);
    expect(written(cursor.onWatchAck(run.answer(cursor.watchRequest())))).toEqual(["2", "3", "4"]);
  });

  it("a skipped-forward notice moves the cursor past the skipped chunks and marks the gap", () => {
    const run = consoleRun("r1");
    const cursor = new StreamCursor(I);
    cursor.onWatchAck(run.answer(cursor.watchRequest()));
    cursor.onChunk(run.append("aa"));
    run.append("bb");
    run.append("cc");
    const actions = cursor.onGap({ instanceId: I, runId: "r1", afterSeq: 1, toSeq: 3, fromOffset: 2, toOffset: 6 });
    expect(actions).toEqual([{ type: "gap", gap: { runId: "r1", fromOffset: 2, toOffset: 6, reason: "slow" } }]);
    expect(written(cursor.onChunk(run.append("dd")))).toEqual(["dd"]);
    expect(cursor.endOffset).toBe(8);
  });

  it("over many random disconnects, what is written equals what was printed, once and in order", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const run = consoleRun("r1");
    const cursor = new StreamCursor(I);
    let connected = true;
    let printed = "";
    let screen = "";
    for (const action of cursor.onWatchAck(run.answer(cursor.watchRequest()))) if (action.type === "write") screen += action.chunk.data;
    for (let i = 0; i < 2000; i++) {
      const data = `line ${i}\r\n`;
      printed += data;
      const live = run.append(data);
      if (connected) for (const action of cursor.onChunk(live)) if (action.type === "write") screen += action.chunk.data;
      if (random() < 0.05) connected = !connected;
      if (connected && random() < 0.1) {
        for (const action of cursor.onWatchAck(run.answer(cursor.watchRequest()))) if (action.type === "write") screen += action.chunk.data;
      }
    }
    for (const action of cursor.onWatchAck(run.answer(cursor.watchRequest()))) if (action.type === "write") screen += action.chunk.data;
    expect(screen).toBe(printed);
  });
});
