// Live speed of a stream: time to first token, tokens per second and the gaps between tokens.

export interface StreamStats {
  /** ms from sending the request to the first reasoning or answer token. */
  ttftMs: number | null;
  tokens: number;
  /** Tokens after the first, per second of decoding. */
  tokensPerSecond: number | null;
  gapMedianMs: number | null;
  gapP95Ms: number | null;
  gapMaxMs: number | null;
  elapsedMs: number;
  /** Errors SGLang sent in the stream (an abort part-way): such a stream failed, whatever came before. */
  errors: number;
}

export class StreamClock {
  private first: number | null = null;
  private last: number | null = null;
  private readonly gaps: number[] = [];
  private count = 0;
  private errorCount = 0;

  constructor(private readonly start: number) {}

  /** Call for a chunk that was SGLang's error rather than a token. */
  error(): void {
    this.errorCount += 1;
  }

  /** Call once per chunk that carried a token. */
  token(now: number): void {
    if (this.first === null) this.first = now;
    else if (this.last !== null) this.gaps.push(now - this.last);
    this.last = now;
    this.count += 1;
  }

  stats(now: number): StreamStats {
    const sorted = [...this.gaps].sort((a, b) => a - b);
    const decodeMs = this.first !== null && this.last !== null ? this.last - this.first : 0;
    return {
      ttftMs: this.first === null ? null : this.first - this.start,
      tokens: this.count,
      tokensPerSecond: this.count > 1 && decodeMs > 0 ? ((this.count - 1) * 1000) / decodeMs : null,
      gapMedianMs: quantile(sorted, 0.5),
      gapP95Ms: quantile(sorted, 0.95),
      gapMaxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : null,
      elapsedMs: now - this.start,
      errors: this.errorCount,
    };
  }

  /** The most recent gaps, for a small chart. */
  recentGaps(limit: number): number[] {
    return this.gaps.slice(-limit);
  }
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}
