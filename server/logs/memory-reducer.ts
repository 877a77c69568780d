/**
 * After a burst of server output, once the output has been quiet a while, asks V8 for a full collection.
 * A flood's chunks outlive a few young-generation collections (in the replay buffer, in flight to
 * browsers) and end as old-generation garbage that V8 frees only at its next major collection, which a
 * quiet console may not run for hours: after a million lines its resident memory stayed up to 140 MB
 * above its start, against 8–10 MB retained (bench:logs). One collection when the burst is over gives
 * that back. `gc` is V8's (node --expose-gc, as scripts/start-console.sh starts the console); without
 * it, nothing.
 */
export class MemoryReducer {
  private charsSinceCollection = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gc: (() => void) | null,
    private readonly options = { afterChars: 32 * 1024 * 1024, quietMs: 3000 },
  ) {}

  /** A chunk of output of `chars` characters arrived. */
  noteOutput(chars: number): void {
    if (!this.gc) return;
    this.charsSinceCollection += chars;
    if (this.charsSinceCollection < this.options.afterChars) return;
    if (this.timer) this.timer.refresh();
    else this.timer = setTimeout(() => this.collect(), this.options.quietMs).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private collect(): void {
    this.timer = null;
    this.charsSinceCollection = 0;
    this.gc?.();
  }
}
