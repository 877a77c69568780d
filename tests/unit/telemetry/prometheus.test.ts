import { describe, expect, it } from "vitest";
import { bucketDelta, histogramBuckets, histogramQuantile, parsePrometheusText } from "../../../lib/telemetry/prometheus";
import { summariseSglangMetrics } from "../../../lib/telemetry/sglang-metrics";

// The shape of SGLang's /metrics (docs/references/production_metrics.md), two TP ranks reporting with
// --enable-metrics-for-all-schedulers: each rank exports the same batch.
const TEXT = `# HELP sglang:num_running_reqs The number of running requests.
# TYPE sglang:num_running_reqs gauge
sglang:num_running_reqs{model_name="glm-4.7-flash",tp_rank="0"} 3.0
sglang:num_running_reqs{model_name="glm-4.7-flash",tp_rank="1"} 3.0
sglang:num_queue_reqs{model_name="glm-4.7-flash",tp_rank="0"} 1.0
sglang:num_queue_reqs{model_name="glm-4.7-flash",tp_rank="1"} 1.0
sglang:token_usage{model_name="glm-4.7-flash",tp_rank="0"} 0.25
sglang:token_usage{model_name="glm-4.7-flash",tp_rank="1"} 0.5
sglang:gen_throughput{model_name="glm-4.7-flash",tp_rank="0"} 812.5
sglang:gen_throughput{model_name="glm-4.7-flash",tp_rank="1"} 812.5
sglang:cache_hit_rate{model_name="glm-4.7-flash",tp_rank="0"} 0.007507552643049313
sglang:prompt_tokens_total{model_name="glm-4.7-flash"} 8.128902e+06
# TYPE sglang:time_to_first_token_seconds histogram
sglang:time_to_first_token_seconds_sum{model_name="glm-4.7-flash"} 12.5
sglang:time_to_first_token_seconds_bucket{le="0.1",model_name="glm-4.7-flash"} 0.0
sglang:time_to_first_token_seconds_bucket{le="0.2",model_name="glm-4.7-flash"} 50.0
sglang:time_to_first_token_seconds_bucket{le="0.4",model_name="glm-4.7-flash"} 90.0
sglang:time_to_first_token_seconds_bucket{le="1.0",model_name="glm-4.7-flash"} 100.0
sglang:time_to_first_token_seconds_bucket{le="+Inf",model_name="glm-4.7-flash"} 100.0
sglang:time_to_first_token_seconds_count{model_name="glm-4.7-flash"} 100.0
`;

describe("Prometheus text", () => {
  it("reads names, labels and values, including exponents and +Inf bounds", () => {
    const samples = parsePrometheusText(TEXT);
    expect(samples.find((s) => s.name === "sglang:prompt_tokens_total")!.value).toBe(8128902);
    expect(samples.filter((s) => s.name === "sglang:num_running_reqs").map((s) => s.labels.tp_rank)).toEqual(["0", "1"]);
    expect(histogramBuckets(samples, "sglang:time_to_first_token_seconds").at(-1)).toEqual({ le: Infinity, count: 100 });
  });

  it("unescapes label values and skips malformed lines", () => {
    const samples = parsePrometheusText('m{a="x\\"y\\\\z\\nw",b="2"} 1 1700000000\nbroken{a="1" 2\nnot a metric line\n');
    expect(samples).toEqual([{ name: "m", labels: { a: 'x"y\\z\nw', b: "2" }, value: 1 }]);
  });

  it("interpolates quantiles inside buckets like histogram_quantile", () => {
    const buckets = histogramBuckets(parsePrometheusText(TEXT), "sglang:time_to_first_token_seconds");
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.2);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.3);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.7);
    expect(histogramQuantile(0.5, [{ le: 1, count: 0 }, { le: Infinity, count: 0 }])).toBeNull();
    expect(histogramQuantile(0.99, [{ le: 1, count: 0 }, { le: Infinity, count: 4 }])).toBe(1);
  });

  it("windows a histogram by subtracting the previous scrape, and survives a counter reset", () => {
    const now = [{ le: 1, count: 10 }, { le: Infinity, count: 12 }];
    expect(bucketDelta(now, [{ le: 1, count: 8 }, { le: Infinity, count: 8 }])).toEqual([{ le: 1, count: 2 }, { le: Infinity, count: 4 }]);
    expect(bucketDelta(now, [{ le: 1, count: 20 }, { le: Infinity, count: 20 }])).toEqual(now);
  });
});

describe("SGLang's metrics", () => {
  it("reads a replica's requests and throughput from one rank, takes the fullest rank's KV usage, and gives TTFT percentiles", () => {
    const { point, ttftBuckets } = summariseSglangMetrics(parsePrometheusText(TEXT), 1000, null);
    expect(point).toMatchObject({ t: 1000, running: 3, queued: 1, tokenUsage: 0.5, genThroughput: 812.5, cacheHitRate: 0.007507552643049313 });
    expect(point.ttftP50).toBeCloseTo(0.2);
    expect(point.ttftP99).toBeCloseTo(0.94);
    const again = summariseSglangMetrics(parsePrometheusText(TEXT), 2000, ttftBuckets).point;
    expect(again.ttftP50).toBeNull();
  });

  it("adds requests across data-parallel replicas, each read from one of its TP ranks", () => {
    const series = (dp: number, tp: number, running: number) => `sglang:num_running_reqs{dp_rank="${dp}",model_name="m",tp_rank="${tp}"} ${running}`;
    const text = [series(0, 0, 4), series(0, 1, 4), series(1, 2, 2), series(1, 3, 2)].join("\n");
    expect(summariseSglangMetrics(parsePrometheusText(text), 0, null).point.running).toBe(6);
  });

  it("sums the TTFT of streamed and non-streamed requests (SGLang's is_streaming label)", () => {
    const bucket = (le: string, streaming: boolean, n: number) =>
      `sglang:time_to_first_token_seconds_bucket{le="${le}",model_name="m",is_streaming="${streaming}"} ${n}`;
    const text = [bucket("0.1", true, 2), bucket("+Inf", true, 2), bucket("0.1", false, 0), bucket("+Inf", false, 2)].join("\n");
    const { ttftBuckets } = summariseSglangMetrics(parsePrometheusText(text), 0, null);
    expect(ttftBuckets).toEqual([{ le: 0.1, count: 2 }, { le: Infinity, count: 4 }]);
  });

  it("reports what a server without those metrics does not export as null", () => {
    const { point } = summariseSglangMetrics([], 0, null);
    expect(Object.values(point).filter((v) => v !== null)).toEqual([0]);
  });
});
