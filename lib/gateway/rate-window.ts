/** Amounts (requests, tokens) spent in the last `windowMs`, per key: enough to answer "may it spend now?". */
export class RateWindow {
  private readonly entries = new Map<string, { at: number; amount: number }[]>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(key: string, amount: number): void {
    const list = this.recent(key);
    list.push({ at: this.now(), amount });
    this.entries.set(key, list);
  }

  total(key: string): number {
    return this.recent(key).reduce((sum, entry) => sum + entry.amount, 0);
  }

  /** Seconds until the total falls below `limit`, or null when it is below now. */
  retryAfterS(key: string, limit: number): number | null {
    const list = this.recent(key);
    let total = list.reduce((sum, entry) => sum + entry.amount, 0);
    if (total < limit) return null;
    for (const entry of list) {
      total -= entry.amount;
      if (total < limit) return Math.max(1, Math.ceil((entry.at + this.windowMs - this.now()) / 1000));
    }
    return Math.ceil(this.windowMs / 1000);
  }

  private recent(key: string) {
    const since = this.now() - this.windowMs;
    const list = (this.entries.get(key) ?? []).filter((entry) => entry.at > since);
    if (list.length === 0) this.entries.delete(key);
    return list;
  }
}
