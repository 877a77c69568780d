/** Resolves after `ms`, or at once when the signal aborts; its timer and listener are removed on both paths. */
export function sleep(ms: number, signal: AbortSignal, wakeup?: Wakeup): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted || wakeup?.takePending()) return resolve();
    const timer = setTimeout(done, ms);
    const unsubscribe = wakeup?.subscribe(done);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      unsubscribe?.();
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Cuts a poll loop's sleep short: `wake()` ends the current sleep, or the next one at once if none is running. */
export class Wakeup {
  private pending = false;
  private waiter: (() => void) | null = null;

  wake(): void {
    if (this.waiter) this.waiter();
    else this.pending = true;
  }

  takePending(): boolean {
    const pending = this.pending;
    this.pending = false;
    return pending;
  }

  subscribe(callback: () => void): () => void {
    this.waiter = callback;
    return () => {
      if (this.waiter === callback) this.waiter = null;
    };
  }
}
