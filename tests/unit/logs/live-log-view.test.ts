import type { Terminal } from "@xterm/xterm";
import { describe, expect, it } from "vitest";
import { LiveLogView } from "@/components/logs/live-log-view";
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

const chunk = (seq: number, data: string, offset: number): LogChunkEvent => ({ instanceId: "i", runId: "r", seq, data, offset, at: 0 });

describe("LiveLogView", () => {
  it("holds output that arrives before xterm.js has loaded, and writes it in order once attached", () => {
    const view = new LiveLogView(() => undefined);
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
    const view = new LiveLogView(() => undefined);
    view.pause();
    view.writeChunk(chunk(1, "early\n", 0), () => undefined);
    const { term, written } = fakeTerminal();
    view.attach(term);
    expect(written).toEqual([]);
    view.jumpToLive();
    expect(written[0]).toBe("early\n");
  });
});
