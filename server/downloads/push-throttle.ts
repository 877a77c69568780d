/**
 * Per key, sends at least `everyMs` apart, counted from the end of one send to the start of the next (a send may read
 * the database first), and never a change left unsent: a change meanwhile is sent once the interval is over, with
 * whatever is latest then (send reads the state itself). The first change of a quiet key goes at once.
 * A change marked `now` (a download's state: done, failed, paused) does not wait for the interval: it cuts a waiting
 * send short, or follows a send under way at once. Such changes are a few per download, so the rate holds.
 */
export class PushThrottle {
  private readonly lastSent = new Map<string, number>();
  /** Keys with a send under way or waiting for its interval. */
  private readonly busy = new Set<string>();
  /** Keys that changed while busy. */
  private readonly dirty = new Set<string>();
  /** Keys whose change while busy was marked `now`. */
  private readonly urgent = new Set<string>();
  /** Keys waiting for their interval, and the timer that ends the wait. */
  private readonly waiting = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly everyMs: number,
    private readonly send: (key: string) => void | Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  changed(key: string, options: { now?: boolean } = {}): void {
    if (this.busy.has(key)) {
      this.dirty.add(key);
      if (!options.now) return;
      const timer = this.waiting.get(key);
      if (!timer) return void this.urgent.add(key);
      clearTimeout(timer);
      this.waiting.delete(key);
      return this.fire(key);
    }
    this.busy.add(key);
    const wait = options.now ? 0 : (this.lastSent.get(key) ?? -Infinity) + this.everyMs - this.now();
    if (wait <= 0) return this.fire(key);
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      this.fire(key);
    }, wait);
    this.waiting.set(key, timer.unref());
  }

  private fire(key: string): void {
    this.dirty.delete(key);
    const sent = () => {
      this.lastSent.set(key, this.now());
      this.busy.delete(key);
      const now = this.urgent.delete(key);
      if (this.dirty.delete(key)) this.changed(key, { now });
    };
    Promise.resolve()
      .then(() => this.send(key))
      .then(sent, sent);
  }
}
