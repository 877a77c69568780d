import { bucketDelta, histogramBuckets, histogramQuantile, type PromSample } from "./prometheus";

// SGLang's metric names (python/sglang/srt/metrics/collector.py), as /metrics exposes them with --enable-metrics.
export const SGLANG_METRICS = {
  running: "sglang:num_running_reqs",
  queued: "sglang:num_queue_reqs",
  tokenUsage: "sglang:token_usage",
  genThroughput: "sglang:gen_throughput",
  cacheHitRate: "sglang:cache_hit_rate",
  ttft: "sglang:time_to_first_token_seconds",
} as const;

/** One scrape of an instance's /metrics, reduced to what the console charts. Null: not exported. */
export interface InstanceMetricsPoint {
  t: number;
  running: number | null;
  queued: number | null;
  /** Fraction of the KV cache pool in use (0..1). */
  tokenUsage: number | null;
  /** Tokens per second. */
  genThroughput: number | null;
  /** Fraction of prompt tokens served from the prefix cache (0..1). */
  cacheHitRate: number | null;
  /** TTFT percentiles in seconds over the requests since the previous scrape; null when none finished. */
  ttftP50: number | null;
  ttftP90: number | null;
  ttftP99: number | null;
}

export type HistogramBuckets = { le: number; count: number }[];

// The ranks of one replica's schedulers. With --enable-metrics-for-all-schedulers each of them exports its own series
// of the same batch (SGLang's SchedulerMetricsCollector labels), so adding them up would count each request once per
// rank: a replica's requests are read from one rank. Series that differ in any other label (dp_rank) are replicas
// with requests of their own, and add up.
const REPLICA_RANK_LABELS = new Set(["tp_rank", "pp_rank", "moe_ep_rank"]);

function perReplicaSum(samples: PromSample[], name: string): number | null {
  const byReplica = new Map<string, number>();
  for (const sample of samples) {
    if (sample.name !== name) continue;
    const replica = JSON.stringify(Object.entries(sample.labels).filter(([label]) => !REPLICA_RANK_LABELS.has(label)).sort());
    byReplica.set(replica, Math.max(byReplica.get(replica) ?? -Infinity, sample.value));
  }
  return byReplica.size === 0 ? null : [...byReplica.values()].reduce((a, b) => a + b, 0);
}

// A usage fraction is as high as its fullest rank.
function max(samples: PromSample[], name: string): number | null {
  const values = samples.filter((s) => s.name === name).map((s) => s.value);
  return values.length === 0 ? null : Math.max(...values);
}

/** The point of one scrape; `previousTtft` (the TTFT buckets of the previous scrape) turns totals into a window. */
export function summariseSglangMetrics(
  samples: PromSample[],
  t: number,
  previousTtft: HistogramBuckets | null,
): { point: InstanceMetricsPoint; ttftBuckets: HistogramBuckets } {
  const ttftBuckets = histogramBuckets(samples, SGLANG_METRICS.ttft);
  const window = bucketDelta(ttftBuckets, previousTtft);
  return {
    point: {
      t,
      running: perReplicaSum(samples, SGLANG_METRICS.running),
      queued: perReplicaSum(samples, SGLANG_METRICS.queued),
      tokenUsage: max(samples, SGLANG_METRICS.tokenUsage),
      genThroughput: perReplicaSum(samples, SGLANG_METRICS.genThroughput),
      cacheHitRate: max(samples, SGLANG_METRICS.cacheHitRate),
      ttftP50: histogramQuantile(0.5, window),
      ttftP90: histogramQuantile(0.9, window),
      ttftP99: histogramQuantile(0.99, window),
    },
    ttftBuckets,
  };
}
