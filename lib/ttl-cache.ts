// Answers of a lookup made on every request (a session by its cookie, an API key by its hash), trusted for a short
// time. An answer is never older than `ttlMs`, counted from when its lookup started. Past `refreshAfterMs` it is
// still given, and looked up again in the background a moment later (`defer`), once the request that noticed has gone
// on its way rather than in the middle of it: a caller that comes back steadily then never waits for a lookup.
// Callers that miss at the same time share one lookup. `clear` forgets everything at once, lookups under
// way included (their answers are not kept), for a change that must take effect now (a revocation).

export interface TtlCacheOptions {
  ttlMs: number;
  /** Default: half of ttlMs. */
  refreshAfterMs?: number;
  /** The oldest entries are dropped past this many. */
  maxEntries?: number;
  now?: () => number;
  /** Runs a background lookup; default: 100 ms later, without keeping the process alive. */
  defer?: (run: () => void) => void;
}

const later = (run: () => void) => void setTimeout(run, 100).unref();

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  private readonly lookups = new Map<K, Promise<V>>();
  private readonly refreshing = new Set<K>();
  /** Bumped by clear(): a lookup started before it keeps its answer to itself. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly refreshAfterMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly defer: (run: () => void) => void;

  constructor(options: TtlCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.refreshAfterMs = options.refreshAfterMs ?? options.ttlMs / 2;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    this.defer = options.defer ?? later;
  }

  /** The answer for `key`: remembered when fresh enough, else from `lookUp` (one at a time per key). */
  get(key: K, lookUp: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry) {
      const age = this.now() - entry.at;
      if (age < this.ttlMs) {
        if (age >= this.refreshAfterMs) this.refreshLater(key, lookUp);
        return Promise.resolve(entry.value);
      }
      this.entries.delete(key);
    }
    return this.lookups.get(key) ?? this.start(key, lookUp);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.lookups.clear();
    this.refreshing.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private refreshLater(key: K, lookUp: () => Promise<V>): void {
    if (this.refreshing.has(key) || this.lookups.has(key)) return;
    this.refreshing.add(key);
    const generation = this.generation;
    this.defer(() => {
      this.refreshing.delete(key);
      const entry = this.entries.get(key);
      // Another lookup got there first, or a clear() since: nothing to refresh.
      if (generation !== this.generation || this.lookups.has(key) || (entry && this.now() - entry.at < this.refreshAfterMs)) return;
      this.start(key, lookUp).catch(() => undefined);
    });
  }

  private start(key: K, lookUp: () => Promise<V>): Promise<V> {
    const generation = this.generation;
    const at = this.now();
    const done = () => {
      if (this.lookups.get(key) === lookup) this.lookups.delete(key);
    };
    const lookup: Promise<V> = lookUp().then(
      (value) => {
        done();
        if (generation === this.generation) this.remember(key, value, at);
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    this.lookups.set(key, lookup);
    return lookup;
  }

  private remember(key: K, value: V, at: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, at });
  }
}
