import { afterEach, describe, expect, it } from "vitest";
import { GLM_MODEL, descendants, killAll, startSim, waitForHealth } from "./helpers";

afterEach(killAll);

const HEALTH_FAILED = /Health check failed\. Server couldn't get a response from detokenizer for last 20 seconds\./;

async function timed(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** A request that has not answered after `ms` (it is then abandoned). */
async function hangs(url: string, init: RequestInit, ms: number): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    await fetch(url, { ...init, signal: controller.signal });
    return false;
  } catch {
    return controller.signal.aborted;
  } finally {
    clearTimeout(timer);
  }
}

/** Asks until the answer is `status` (a check that began before the fault passes). */
async function untilStatus(url: string, status: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await timed(url)).status !== status) if (Date.now() > deadline) throw new Error(`${url} never answered ${status}`);
}

const completion = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "m", prompt: "hi", max_tokens: 2 }) };

describe("simulator health checks", () => {
  it("generates on /health and /health_generate: each takes a simulated second, as SGLang's checks once a second", async () => {
    // At speed 20 a simulated second is 50 ms.
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_SPEED: "20" });
    await waitForHealth(sim, 30_000);
    for (const path of ["/health", "/health_generate"]) {
      const answer = await timed(`${sim.base}${path}`);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeGreaterThanOrEqual(45);
    }
  });

  it("hang_after_ready: a wedged rank hangs generation; health checks fail with SGLang's line after its timeout; the rest answers", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "hang_after_ready", SGLANG_SIM_CRASH_AFTER_S: "100" });
    await sim.waitFor(/fired up and ready to roll/);
    await untilStatus(`${sim.base}/health_generate`, 503);
    expect((await timed(`${sim.base}/health`)).status).toBe(503);
    expect(sim.output()).toMatch(HEALTH_FAILED);
    expect((await fetch(`${sim.base}/v1/models`)).status).toBe(200);
    expect(await hangs(`${sim.base}/v1/completions`, completion, 500)).toBe(true);
    expect(sim.proc.exitCode).toBeNull();
    expect(descendants(sim.pid).filter((p) => p.comm.startsWith("sglang::schedul"))).toHaveLength(1);
  });

  it("scheduler_dead_after_ready: the scheduler is killed, the launcher keeps listening, and only a generating check tells", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], {
      SGLANG_SIM_FAIL: "scheduler_dead_after_ready",
      SGLANG_SIM_CRASH_AFTER_S: "100",
      // As older releases: /health answers without generating.
      SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION: "false",
    });
    await sim.waitFor(/fired up and ready to roll/);
    const deadline = Date.now() + 10_000;
    while (descendants(sim.pid).some((p) => p.comm.startsWith("sglang::schedul")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(descendants(sim.pid).filter((p) => p.comm.startsWith("sglang::schedul"))).toEqual([]);
    expect((await timed(`${sim.base}/health`)).status).toBe(200);
    expect((await timed(`${sim.base}/health_generate`)).status).toBe(503);
    expect(sim.output()).toMatch(HEALTH_FAILED);
    expect(await hangs(`${sim.base}/v1/completions`, completion, 500)).toBe(true);
    expect(sim.proc.exitCode).toBeNull();
  });
});
