import type { Terminal } from "@xterm/xterm";
import { describe, expect, it } from "vitest";
import { LiveLogView, type LiveLogTexts } from "@/components/logs/live-log-view";
import type { LogChunkEvent } from "@/lib/realtime";

/** The little of xterm.js the view touches when it writes plain lines, recording what was written. */
function fakeTerminal(): { term: Terminal; written: string[] } {
  const written: string[] = [];
  const term = {
    element: undefined,
    rows: 24,
    buffer: { active: { baseY: 0, viewportY: 0, cursorY: 0, length: 0, getLine: () => undefined } },
    onScroll: () => ({ dispose() {} }),
    onWriteParsed: () => ({ dispose() {} }),
    scrollToBottom: () => undefined,
    write: (data: string, callback?: () => void) => {
      written.push(data);
      callback?.();
    },
  };
  return { term: term as unknown as Terminal, written };
}

const TEXTS: LiveLogTexts = { newRun: (runId) => `new run ${runId}`, gapNotice: () => "gap", historyFailed: (message) => message };

const chunk = (seq: number, data: string, offset: number): LogChunkEvent => ({ instanceId: "i", runId: "r", seq, data, offset, at: 0 });

describe("LiveLogView", () => {
  it("holds output that arrives before xterm.js has loaded, and writes it in order once attached", () => {
    const view = new LiveLogView(() => undefined, TEXTS);
    const acknowledged: number[] = [];
    view.writeChunk(chunk(1, "first\n", 0), () => acknowledged.push(1));
    view.writeChunk(chunk(2, "second\n", 6), () => acknowledged.push(2));
    expect(acknowledged).toEqual([]);

    const { term, written } = fakeTerminal();
    view.attach(term);
    view.writeChunk(chunk(3, "third\n", 13), () => acknowledged.push(3));
    expect(written).toEqual(["first\n", "second\n", "third\n"]);
    expect(acknowledged).toEqual([1, 2, 3]);
  });

  it("keeps holding after attach while paused, and writes on jump to live", () => {
    const view = new LiveLogView(() => undefined, TEXTS);
    view.pause();
    view.writeChunk(chunk(1, "early\n", 0), () => undefined);
    const { term, written } = fakeTerminal();
    view.attach(term);
    expect(written).toEqual([]);
    view.jumpToLive();
    expect(written[0]).toBe("early\n");
  });
});

describe("LiveLogView writing a large batch", () => {
  it("hands xterm.js slices it can yield between, split never inside a surrogate pair, acknowledged once after the last", () => {
    const view = new LiveLogView(() => undefined, TEXTS);
    const { term, written } = fakeTerminal();
    view.attach(term);
    // An emoji (two UTF-16 units) straddling the first slice's end.
    const text = `${"x".repeat(16 * 1024 - 1)}😀${"y".repeat(40 * 1024)}\n`;
    let acknowledged = 0;
    view.writeChunk(chunk(1, text, 0), () => acknowledged++);
    expect(written.length).toBeGreaterThan(2);
    expect(written.join("")).toBe(text);
    for (const slice of written) expect(slice.length).toBeLessThanOrEqual(16 * 1024);
    expect(written[1]!.startsWith("😀")).toBe(true);
    expect(acknowledged).toBe(1);
  });
});

describe("LiveLogView with timestamps", () => {
  const shown = (written: string[]) => written.join("").replace(/\x1b\[[0-9;]*m/g, "");

  it("puts the local time before every line, and before every redraw of a progress bar, across chunks", () => {
    const view = new LiveLogView(() => undefined, TEXTS);
    const { term, written } = fakeTerminal();
    view.attach(term);
    view.timestamps = true;
    const at = new Date(2026, 10, 25, 9, 5, 7, 42).getTime();
    view.writeChunk({ ...chunk(1, "first\nbar 10%\rbar 50%\r", 0), at }, () => undefined);
    view.writeChunk({ ...chunk(2, "bar 100%\nlast\n", 23), at }, () => undefined);
    expect(shown(written)).toBe("09:05:07.042 first\n09:05:07.042 bar 10%\r09:05:07.042 bar 50%\r09:05:07.042 bar 100%\n09:05:07.042 last\n");
  });
});
