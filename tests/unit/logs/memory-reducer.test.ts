import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryReducer } from "../../../server/logs/memory-reducer";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("MemoryReducer", () => {
  it("collects once, when a burst of output has been quiet for the quiet period", () => {
    const gc = vi.fn();
    const reducer = new MemoryReducer(gc, { afterChars: 1000, quietMs: 3000 });
    for (let i = 0; i < 20; i++) {
      reducer.noteOutput(100);
      vi.advanceTimersByTime(100); // output keeps coming: no collection yet
    }
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2899); // 3 s after the last output, less the 100 ms already gone
    expect(gc).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it("does nothing for a trickle of output below the threshold", () => {
    const gc = vi.fn();
    const reducer = new MemoryReducer(gc, { afterChars: 1000, quietMs: 3000 });
    reducer.noteOutput(999);
    vi.advanceTimersByTime(60_000);
    expect(gc).not.toHaveBeenCalled();
  });

  it("counts again from zero after a collection", () => {
    const gc = vi.fn();
    const reducer = new MemoryReducer(gc, { afterChars: 1000, quietMs: 10 });
    reducer.noteOutput(1000);
    vi.advanceTimersByTime(10);
    reducer.noteOutput(500);
    vi.advanceTimersByTime(1000);
    expect(gc).toHaveBeenCalledTimes(1);
    reducer.noteOutput(500);
    vi.advanceTimersByTime(10);
    expect(gc).toHaveBeenCalledTimes(2);
  });

  it("is a no-op without V8's gc, and stop cancels a pending collection", () => {
    new MemoryReducer(null, { afterChars: 1, quietMs: 1 }).noteOutput(10);
    const gc = vi.fn();
    const reducer = new MemoryReducer(gc, { afterChars: 1, quietMs: 10 });
    reducer.noteOutput(10);
    reducer.stop();
    vi.advanceTimersByTime(100);
    expect(gc).not.toHaveBeenCalled();
  });
});
