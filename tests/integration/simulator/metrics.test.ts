import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText } from "../../../lib/telemetry/prometheus";
import { summariseSglangMetrics } from "../../../lib/telemetry/sglang-metrics";
import { GLM_MODEL, killAll, startSim, waitForHealth, type Sim } from "./helpers";

let sim: Sim;

beforeAll(async () => {
  // tp 2 with --enable-metrics-for-all-schedulers: both schedulers report their (identical) batch.
  sim = await startSim(
    ["--model-path", GLM_MODEL, "--served-model-name", "glm-4.7-flash", "--tp-size", "2", "--enable-metrics", "--enable-metrics-for-all-schedulers"],
    { SGLANG_SIM_TOKENS_PER_S: "0.1" },
  );
  await waitForHealth(sim);
});
afterAll(killAll);

describe("simulator metrics with --enable-metrics-for-all-schedulers", () => {
  it("reports the schedulers' gauges once per TP rank, and the console reads one running request, not two", async () => {
    const controller = new AbortController();
    const body = JSON.stringify({ prompt: "a long story", max_tokens: 500, ignore_eos: true, stream: true });
    const response = await fetch(`${sim.base}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body, signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    const text = await (await fetch(`${sim.base}/metrics`)).text();
    controller.abort();
    expect(text).toContain('sglang:num_running_reqs{model_name="glm-4.7-flash",tp_rank="0"} 1.0');
    expect(text).toContain('sglang:num_running_reqs{model_name="glm-4.7-flash",tp_rank="1"} 1.0');
    const { point } = summariseSglangMetrics(parsePrometheusText(text), 0, null);
    expect(point).toMatchObject({ running: 1, queued: 0 });
  });
});
