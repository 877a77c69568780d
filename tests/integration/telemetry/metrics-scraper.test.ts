import { afterEach, describe, expect, it } from "vitest";
import type { InstanceView } from "../../../lib/instance-view";
import { SGLANG_METRICS } from "../../../lib/telemetry/sglang-metrics";
import { parsePrometheusText } from "../../../lib/telemetry/prometheus";
import { MetricsScraper } from "../../../server/telemetry/metrics-scraper";
import { waitFor } from "../../support/processes";
import { GLM_MODEL, killAll, startSim, waitForHealth } from "../simulator/helpers";

afterEach(async () => {
  await killAll();
});

const view = (id: string, argv: string[]): InstanceView =>
  ({ id, name: id, owner: "local", phase: "ready", run: { id: `${id}-run`, argv } }) as unknown as InstanceView;

describe("SGLang metrics scraper", () => {
  it("reads the simulator's /metrics under SGLang's names: requests, KV usage, throughput, cache hits and TTFT", async () => {
    const argv = ["--model-path", GLM_MODEL, "--enable-metrics", "--served-model-name", "glm"];
    // 0.1 token/s × speed 1000: 100 tokens per second, so a 300-token request runs for 3 s.
    const sim = await startSim(argv, { SGLANG_SIM_TOKENS_PER_S: "0.1" });
    await waitForHealth(sim);
    const names = new Set(parsePrometheusText(await (await fetch(`${sim.base}/metrics`)).text()).map((s) => s.name));
    for (const name of Object.values(SGLANG_METRICS)) expect([...names].some((n) => n === name || n === `${name}_bucket`), name).toBe(true);

    const scraper = new MetricsScraper({
      intervalMs: 1000,
      historyMs: 60_000,
      instances: () => [view("i-1", argv)],
      endpointOf: () => ({ baseUrl: sim.base, apiKey: null }),
      log: () => undefined,
    });
    await scraper.scrape("i-1", "i-1-run");
    // A long request is running while we scrape again; the same prompt twice hits the prefix cache.
    const body = { model: "glm", messages: [{ role: "user", content: `Tell me a long story about GPUs. ${"Make it about memory and clocks. ".repeat(60)}` }], max_tokens: 300, ignore_eos: true };
    const post = () => fetch(`${sim.base}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await (await post()).json();
    await scraper.scrape("i-1", "i-1-run");
    const running = post();
    const latest = await waitFor(
      async () => {
        await scraper.scrape("i-1", "i-1-run");
        const point = scraper.history(view("i-1", argv)).points.at(-1)!;
        return point.running === 1 ? point : null;
      },
      { timeoutMs: 3000, what: "a scrape while the request runs" },
    );
    await (await running).json();
    const { points, enabled } = scraper.history(view("i-1", argv));
    expect(enabled).toBe(true);
    // The first request finished before the second scrape: its TTFT is in that scrape's window.
    expect(points[1]!.ttftP50).toBeGreaterThan(0);
    expect(points[1]!.ttftP99).toBeGreaterThanOrEqual(points[1]!.ttftP50!);
    expect(latest.running).toBe(1);
    expect(latest.queued).toBe(0);
    expect(latest.tokenUsage).toBeGreaterThan(0);
    expect(latest.cacheHitRate).toBeGreaterThan(0);
    expect(latest.genThroughput).toBeGreaterThan(0);
  });

  it("does not scrape an instance started without --enable-metrics", () => {
    const scraper = new MetricsScraper({ intervalMs: 1000, historyMs: 1000, instances: () => [], endpointOf: () => ({ baseUrl: "", apiKey: null }), log: () => undefined });
    expect(scraper.history(view("i-2", ["--model-path", GLM_MODEL])).enabled).toBe(false);
  });
});
