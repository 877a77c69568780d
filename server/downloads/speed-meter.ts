/** Bytes per second over the last few seconds, from samples taken at most every `sampleMs`. */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 3000, private readonly sampleMs = 250) {}

  note(bytes: number, now = Date.now()): void {
    const last = this.samples.at(-1);
    if (last && now - last.at < this.sampleMs) return;
    this.samples.push({ at: now, bytes });
    while (this.samples.length > 2 && now - this.samples[0]!.at > this.windowMs) this.samples.shift();
  }

  speed(now = Date.now()): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last === first || now - last.at > this.windowMs) return 0;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }
}
