/**
 * Calls `onIdle` once `touch()` has not been called for `idleMs`. A touch only notes the time, so it can run on every
 * chunk of a stream: the timer is set again only when it fires early.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | null = null;
  private touchedAt = Date.now();
  constructor(private readonly idleMs: number, private readonly onIdle: () => void) {
    this.arm(idleMs);
  }
  touch(): void {
    this.touchedAt = Date.now();
  }
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.touchedAt;
      if (idle >= this.idleMs) this.onIdle();
      else this.arm(this.idleMs - idle);
    }, ms);
  }
}
