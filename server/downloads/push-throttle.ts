/**
 * Per key, sends at least `everyMs` apart, counted from the end of one send to the start of the next (a send may read
 * the database first), and never a change left unsent: a change meanwhile is sent once the interval is over, with
 * whatever is latest then (send reads the state itself). The first change of a quiet key goes at once.
 */
export class PushThrottle {
  private readonly lastSent = new Map<string, number>();
  /** Keys with a send under way or waiting for its interval. */
  private readonly busy = new Set<string>();
  /** Keys that changed while busy. */
  private readonly dirty = new Set<string>();

  constructor(
    private readonly everyMs: number,
    private readonly send: (key: string) => void | Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  changed(key: string): void {
    if (this.busy.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.busy.add(key);
    const wait = (this.lastSent.get(key) ?? -Infinity) + this.everyMs - this.now();
    if (wait <= 0) return this.fire(key);
    setTimeout(() => this.fire(key), wait).unref();
  }

  private fire(key: string): void {
    this.dirty.delete(key);
    const sent = () => {
      this.lastSent.set(key, this.now());
      this.busy.delete(key);
      if (this.dirty.delete(key)) this.changed(key);
    };
    Promise.resolve()
      .then(() => this.send(key))
      .then(sent, sent);
  }
}
