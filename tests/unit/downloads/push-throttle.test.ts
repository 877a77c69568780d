import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PushThrottle } from "../../../server/downloads/push-throttle";
import { applyDownloadPush } from "../../../lib/realtime-downloads";
import type { DownloadView } from "../../../lib/downloads";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("PushThrottle", () => {
  it("sends the first change at once, then at most one per interval per key, and always the last change", async () => {
    const sent: { key: string; at: number }[] = [];
    const throttle = new PushThrottle(250, (key) => void sent.push({ key, at: Date.now() }));
    const start = Date.now();
    // A change every 10 ms for 2 s on one key, one change on another.
    for (let t = 0; t < 2000; t += 10) {
      throttle.changed("a");
      if (t === 500) throttle.changed("b");
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    const a = sent.filter((s) => s.key === "a").map((s) => s.at - start);
    expect(a[0]).toBe(0);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(250);
    expect(a.length).toBe(9); // 0, 250, … 2000: the last change (at 1990) goes out when its interval ends
    expect(a.at(-1)).toBeGreaterThanOrEqual(1990);
    expect(sent.filter((s) => s.key === "b").map((s) => s.at - start)).toEqual([500]);
  });

  it("counts the interval from the end of a slow send, and sends what changed during it afterwards", async () => {
    const sent: number[] = [];
    const start = Date.now();
    const throttle = new PushThrottle(250, async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sent.push(Date.now() - start);
    });
    throttle.changed("a");
    await vi.advanceTimersByTimeAsync(50);
    throttle.changed("a");
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([100, 450]);
  });

  it("sends a change marked now at once: it cuts a waiting send short, and follows a send under way without waiting", async () => {
    const sent: number[] = [];
    const start = Date.now();
    const throttle = new PushThrottle(300, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(Date.now() - start);
    });
    throttle.changed("a"); // quiet: at once, sent at 20
    await vi.advanceTimersByTimeAsync(50);
    throttle.changed("a"); // waits for 20 + 300
    await vi.advanceTimersByTimeAsync(50);
    throttle.changed("a", { now: true }); // at 100: no more waiting, sent at 120
    await vi.advanceTimersByTimeAsync(10);
    throttle.changed("a", { now: true }); // at 110, while that send is under way: follows it, sent at 140
    await vi.advanceTimersByTimeAsync(40);
    expect(sent).toEqual([20, 120, 140]);
    throttle.changed("a"); // at 150, an ordinary change: it waits its interval again, from 140
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([20, 120, 140, 460]);
  });
});

describe("applyDownloadPush", () => {
  const view = (id: string, bytesDone: number) => ({ id, bytesDone }) as DownloadView;
  it("replaces a download in place and puts a new one first", () => {
    const list = [view("b", 1), view("a", 1)];
    expect(applyDownloadPush(list, view("a", 5)).map((d) => [d.id, d.bytesDone])).toEqual([["b", 1], ["a", 5]]);
    expect(applyDownloadPush(list, view("c", 0)).map((d) => d.id)).toEqual(["c", "b", "a"]);
  });
});
