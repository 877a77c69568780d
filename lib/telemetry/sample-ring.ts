// A bounded history of numeric columns: fixed memory however long the console runs (typed arrays, no garbage).

export class SampleRing<K extends string> {
  private readonly times: Float64Array;
  private readonly columns: Record<K, Float64Array>;
  private start = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    private readonly keys: readonly K[],
  ) {
    this.times = new Float64Array(capacity);
    this.columns = Object.fromEntries(keys.map((key) => [key, new Float64Array(capacity)])) as Record<K, Float64Array>;
  }

  get length(): number {
    return this.size;
  }

  /** Appends one point; null values are kept as gaps. The oldest point goes when the ring is full. */
  push(t: number, values: Record<K, number | null>): void {
    const slot = (this.start + this.size) % this.capacity;
    this.times[slot] = t;
    for (const key of this.keys) this.columns[key][slot] = values[key] ?? NaN;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The newest `limit` points (all by default), oldest first, as columns. */
  columnsOf(limit = this.size): { t: number[]; values: Record<K, (number | null)[]> } {
    const n = Math.min(limit, this.size);
    const first = this.size - n;
    const t: number[] = new Array(n);
    const values = Object.fromEntries(this.keys.map((key) => [key, new Array(n)])) as Record<K, (number | null)[]>;
    for (let i = 0; i < n; i++) {
      const slot = (this.start + first + i) % this.capacity;
      t[i] = this.times[slot]!;
      for (const key of this.keys) {
        const value = this.columns[key][slot]!;
        values[key][i] = Number.isNaN(value) ? null : value;
      }
    }
    return { t, values };
  }
}
