/**
 * Failed sign-ins per client address in a sliding window: once `limit` have failed within `windowMs`, further
 * attempts from that address are answered 429 until the oldest failure leaves the window. Only failures count,
 * so a team behind one address signing in correctly is never held up.
 */
export class FailedSignIns {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
  }

  /** Seconds until this address may try again, or null when it may now. */
  retryAfterS(address: string): number | null {
    const recent = this.recent(address);
    if (recent.length === 0) this.failures.delete(address);
    if (recent.length < this.limit) return null;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit]! + this.windowMs - this.now()) / 1000));
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }
}
