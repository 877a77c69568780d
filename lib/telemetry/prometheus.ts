// A small reader of Prometheus' text exposition format (version 0.0.4): enough for SGLang's /metrics.
// Comments and TYPE/HELP lines are skipped; each sample keeps its full name (`x_bucket`, `x_sum`, `x_count`).

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(text: string): number {
  if (text === "+Inf" || text === "Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  return Number(text);
}

/** Labels from just after `{`; returns them and the index after `}`, or null when malformed. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } | null {
  const labels: Record<string, string> = {};
  let i = start;
  while (i < line.length) {
    while (line[i] === " " || line[i] === ",") i++;
    if (line[i] === "}") return { labels, end: i + 1 };
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i));
    if (!name || line[i + name[0].length] !== "=" || line[i + name[0].length + 1] !== '"') return null;
    i += name[0].length + 2;
    let value = "";
    while (i < line.length && line[i] !== '"') {
      if (line[i] === "\\" && i + 1 < line.length) {
        const next = line[i + 1]!;
        value += next === "n" ? "\n" : next;
        i += 2;
      } else value += line[i++];
    }
    if (line[i] !== '"') return null;
    labels[name[0]] = value;
    i++;
  }
  return null;
}

export function parsePrometheusText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const name = NAME.exec(line);
    if (!name) continue;
    let rest = line.slice(name[0].length);
    let labels: Record<string, string> = {};
    if (rest.startsWith("{")) {
      const parsed = parseLabels(rest, 1);
      if (!parsed) continue;
      labels = parsed.labels;
      rest = rest.slice(parsed.end);
    }
    const value = parseValue(rest.trim().split(/\s+/)[0] ?? "");
    if (Number.isNaN(value) && rest.trim().split(/\s+/)[0] !== "NaN") continue;
    samples.push({ name: name[0], labels, value });
  }
  return samples;
}

/** Cumulative buckets `(le, count)` of a histogram, summed over every series (ranks, models), sorted by bound. */
export function histogramBuckets(samples: PromSample[], name: string): { le: number; count: number }[] {
  const byBound = new Map<number, number>();
  for (const sample of samples) {
    if (sample.name !== `${name}_bucket` || sample.labels.le === undefined) continue;
    const le = parseValue(sample.labels.le);
    byBound.set(le, (byBound.get(le) ?? 0) + sample.value);
  }
  return [...byBound.entries()].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/**
 * The q-quantile (0..1) of cumulative buckets, interpolated linearly inside the bucket it falls in, as
 * Prometheus' histogram_quantile does; the open +Inf bucket answers its lower bound. Null without observations.
 */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number | null {
  const total = buckets[buckets.length - 1]?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let previousLe = 0;
  let previousCount = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (le === Infinity) return previousLe;
      const inBucket = count - previousCount;
      return inBucket <= 0 ? le : previousLe + ((le - previousLe) * (rank - previousCount)) / inBucket;
    }
    previousLe = le;
    previousCount = count;
  }
  return previousLe;
}

/** Bucket counts of `now` minus those of `before` (observations in between); a reset (counts fell) gives `now`. */
export function bucketDelta(now: { le: number; count: number }[], before: { le: number; count: number }[] | null): { le: number; count: number }[] {
  if (!before) return now;
  const old = new Map(before.map((b) => [b.le, b.count]));
  const delta = now.map(({ le, count }) => ({ le, count: count - (old.get(le) ?? 0) }));
  return delta.some((b) => b.count < 0) ? now : delta;
}
