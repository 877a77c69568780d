/**
 * Per key, at most one `send` every `everyMs`, and never a change left unsent: a change inside the interval is sent
 * when it ends, with whatever is latest then (send reads the state itself). Leading edge immediate.
 */
export class PushThrottle {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly everyMs: number,
    private readonly send: (key: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  changed(key: string): void {
    if (this.pending.has(key)) return;
    const wait = (this.lastSent.get(key) ?? -Infinity) + this.everyMs - this.now();
    if (wait <= 0) return this.fire(key);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.fire(key);
    }, wait);
    timer.unref();
    this.pending.set(key, timer);
  }

  private fire(key: string): void {
    this.lastSent.set(key, this.now());
    this.send(key);
  }
}
