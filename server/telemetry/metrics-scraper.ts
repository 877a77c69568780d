import { EventEmitter } from "node:events";
import type { InstanceView } from "../../lib/instance-view";
import type { InstanceMetricsEvent, InstanceMetricsHistory } from "../../lib/realtime-telemetry";
import { parsePrometheusText } from "../../lib/telemetry/prometheus";
import { bearer, fetchWithDeadline } from "../http/fetch-with-deadline";
import { summariseSglangMetrics, type HistogramBuckets, type InstanceMetricsPoint } from "../../lib/telemetry/sglang-metrics";

export interface MetricsScraperOptions {
  intervalMs: number;
  historyMs: number;
  timeoutMs?: number;
  /** Every instance the supervisor knows. */
  instances: () => InstanceView[];
  /** Base URL and API key of a ready instance. */
  endpointOf: (instanceId: string) => { baseUrl: string; apiKey: string | null };
  log: (message: string) => void;
}

interface Scraped {
  runId: string;
  points: InstanceMetricsPoint[];
  ttft: HistogramBuckets | null;
  failing: boolean;
}

/** Whether the run was started with SGLang's --enable-metrics (a switch, possibly written `--enable-metrics=true`). */
export function hasMetricsEnabled(instance: InstanceView): boolean {
  return instance.run?.argv.some((arg) => arg === "--enable-metrics" || arg === "--enable-metrics=true") ?? false;
}

/**
 * Scrapes `/metrics` of every ready instance started with --enable-metrics every few seconds and keeps the
 * last hour per run. One scrape at a time per instance; a server that does not answer is skipped quietly
 * (one log line when it starts failing, one when it recovers).
 */
export class MetricsScraper extends EventEmitter<{ metrics: [InstanceMetricsEvent] }> {
  private readonly scraped = new Map<string, Scraped>();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: MetricsScraperOptions) {
    super();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  history(instance: InstanceView): InstanceMetricsHistory {
    const runId = instance.run?.id ?? null;
    const scraped = this.scraped.get(instance.id);
    return {
      instanceId: instance.id,
      runId,
      enabled: hasMetricsEnabled(instance),
      points: scraped && scraped.runId === runId ? [...scraped.points] : [],
    };
  }

  private tick(): void {
    const known = new Set<string>();
    for (const instance of this.options.instances()) {
      known.add(instance.id);
      if (instance.phase !== "ready" || !instance.run || !hasMetricsEnabled(instance) || this.inFlight.has(instance.id)) continue;
      this.inFlight.add(instance.id);
      void this.scrape(instance.id, instance.run.id).finally(() => this.inFlight.delete(instance.id));
    }
    for (const id of this.scraped.keys()) if (!known.has(id)) this.scraped.delete(id);
  }

  async scrape(instanceId: string, runId: string): Promise<void> {
    let entry = this.scraped.get(instanceId);
    if (!entry || entry.runId !== runId) {
      entry = { runId, points: [], ttft: null, failing: false };
      this.scraped.set(instanceId, entry);
    }
    let text: string;
    try {
      const { baseUrl, apiKey } = this.options.endpointOf(instanceId);
      const response = await fetchWithDeadline(`${baseUrl}/metrics`, { headers: bearer(apiKey), timeoutMs: this.options.timeoutMs ?? 2000 });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = response.text;
    } catch (error) {
      if (!entry.failing) this.options.log(`metrics of instance ${instanceId}: cannot scrape /metrics (${error instanceof Error ? error.message : String(error)})`);
      entry.failing = true;
      return;
    }
    if (entry.failing) this.options.log(`metrics of instance ${instanceId}: scraping again`);
    entry.failing = false;
    const { point, ttftBuckets } = summariseSglangMetrics(parsePrometheusText(text), Date.now(), entry.ttft);
    entry.ttft = ttftBuckets;
    entry.points.push(point);
    const keep = Math.ceil(this.options.historyMs / this.options.intervalMs);
    if (entry.points.length > keep) entry.points.splice(0, entry.points.length - keep);
    this.emit("metrics", { instanceId, runId, point });
  }
}
