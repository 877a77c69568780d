import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GpuSnapshot } from "../../../lib/realtime-telemetry";
import { GpuSampler, type GpuSamplerOptions } from "../../../server/telemetry/gpu-sampler";
import { waitFor } from "../../support/processes";
import { GLM_MODEL, REPO, killAll, startSim, waitForHealth } from "../simulator/helpers";

const FAKE_NVIDIA_SMI = path.join(REPO, "simulator/bin/nvidia-smi");
let stateDir: string;
const saved = { ...process.env };
const samplers: GpuSampler[] = [];

beforeAll(() => {
  // The fake nvidia-smi and the simulators it watches share a private state folder and a 4-GPU box.
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-gpus-"));
  Object.assign(process.env, { SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "4" });
});

afterEach(async () => {
  for (const sampler of samplers.splice(0)) sampler.stop();
  await killAll();
});

afterAll(() => {
  process.env = saved;
  fs.rmSync(stateDir, { recursive: true, force: true });
});

function startSampler(overrides: Partial<GpuSamplerOptions> = {}) {
  const logs: string[] = [];
  const snapshots: GpuSnapshot[] = [];
  const sampler = new GpuSampler({
    nvidiaSmi: FAKE_NVIDIA_SMI,
    intervalMs: 200,
    appsIntervalMs: 300,
    historyMs: 60_000,
    instances: () => [],
    log: (line) => logs.push(line),
    restartMinMs: 100,
    noGpuRetryMs: 200,
    ...overrides,
  });
  sampler.on("snapshot", (snapshot) => snapshots.push(snapshot));
  sampler.start();
  samplers.push(sampler);
  return { sampler, logs, snapshots };
}

const holdersOf = (sampler: GpuSampler, index: number) => sampler.snapshot().gpus.find((g) => g.index === index)?.holders ?? [];

describe("GPU sampler", () => {
  it("keeps one nvidia-smi streaming samples for every GPU into a bounded history", async () => {
    const { sampler } = startSampler();
    await waitFor(() => (sampler.history(3)?.t.length ?? 0) >= 3, { timeoutMs: 10_000, what: "three samples of GPU 3" });
    const snapshot = sampler.snapshot();
    expect(snapshot.status).toEqual({ state: "ok" });
    expect(snapshot.gpus.map((g) => g.index)).toEqual([0, 1, 2, 3]);
    expect(snapshot.gpus[0]).toMatchObject({ name: "NVIDIA H100 80GB HBM3", memoryTotalMiB: 81559, powerLimitW: 700 });
    const pid = sampler.pid;
    await waitFor(() => (sampler.history(0)?.t.length ?? 0) >= 6, { timeoutMs: 10_000, what: "more samples" });
    expect(sampler.pid).toBe(pid);
  });

  it("restarts nvidia-smi with backoff after its process is killed, and samples again", async () => {
    const { sampler, snapshots, logs } = startSampler();
    await waitFor(() => sampler.pid !== null && sampler.snapshot().status.state === "ok", { timeoutMs: 10_000, what: "sampling" });
    const first = sampler.pid!;
    process.kill(first, "SIGKILL");
    await waitFor(() => snapshots.some((s) => s.status.state === "restarting"), { timeoutMs: 5000, what: "a restarting status" });
    const before = sampler.history(0)!.t.length;
    await waitFor(() => sampler.pid !== null && sampler.pid !== first && sampler.history(0)!.t.length > before + 1, { timeoutMs: 10_000, what: "samples from a new nvidia-smi" });
    expect(sampler.snapshot().status).toEqual({ state: "ok" });
    expect(logs.some((line) => /killed by SIGKILL; restarting nvidia-smi/.test(line))).toBe(true);
  });

  it("settles in no_gpu when nvidia-smi is missing", async () => {
    const { sampler, logs } = startSampler({ nvidiaSmi: path.join(stateDir, "no-such-nvidia-smi") });
    await waitFor(() => sampler.snapshot().status.state === "no_gpu", { timeoutMs: 5000, what: "no_gpu" });
    expect(sampler.snapshot().status).toMatchObject({ state: "no_gpu", reason: expect.stringContaining("not found") });
    expect(logs.filter((line) => line.includes("no NVIDIA GPU found"))).toHaveLength(1);
  });

  it("settles in no_gpu when nvidia-smi finds no device, and logs it once however often it looks again", async () => {
    // A wrapper that counts how often the sampler runs nvidia-smi.
    const calls = path.join(stateDir, "calls.log");
    const wrapper = path.join(stateDir, "counting-nvidia-smi");
    fs.writeFileSync(wrapper, `#!/bin/sh\necho x >> '${calls}'\nSGLANG_SIM_GPU_COUNT=0 exec '${FAKE_NVIDIA_SMI}' "$@"\n`, { mode: 0o755 });
    const { sampler, logs } = startSampler({ nvidiaSmi: wrapper });
    await waitFor(() => fs.existsSync(calls) && fs.readFileSync(calls, "utf8").split("\n").length > 5, { timeoutMs: 10_000, what: "five looks at the GPUs" });
    expect(sampler.snapshot().status).toMatchObject({ state: "no_gpu", reason: expect.stringContaining("No devices were found") });
    expect(logs).toEqual([expect.stringContaining("GPU telemetry: no NVIDIA GPU found")]);
  });

  it("attributes the simulator's schedulers to the instance through its process tree, on physical GPUs; others are foreign", async () => {
    // Ours: tp 2 on physical GPUs 2 and 3 (CUDA_VISIBLE_DEVICES, which nvidia-smi ignores).
    const ours = await startSim(["--model-path", GLM_MODEL, "--tp-size", "2", "--mem-fraction-static", "0.8"], { CUDA_VISIBLE_DEVICES: "2,3" });
    // A teammate's server started outside the console, on GPU 0.
    const theirs = await startSim(["--model-path", "meta-llama/Llama-3.1-8B-Instruct", "--mem-fraction-static", "0.5"], { CUDA_VISIBLE_DEVICES: "0" });
    await Promise.all([waitForHealth(ours), waitForHealth(theirs)]);
    const { sampler } = startSampler({ instances: () => [{ id: "i-1", name: "glm-flash", owner: "alice", pid: ours.pid, phase: "ready" }] });
    await waitFor(() => holdersOf(sampler, 2).length > 0 && holdersOf(sampler, 3).length > 0 && holdersOf(sampler, 0).length > 0, {
      timeoutMs: 15_000,
      what: "holders on GPUs 0, 2 and 3",
    });
    for (const index of [2, 3]) {
      const [holder] = holdersOf(sampler, index);
      expect(holder).toMatchObject({ kind: "instance", instanceId: "i-1", instanceName: "glm-flash", owner: "alice" });
      // A scheduler is a child of the launcher, not the launcher itself.
      expect(holder!.pid).not.toBe(ours.pid);
      expect(fs.readFileSync(`/proc/${holder!.pid}/stat`, "utf8")).toContain(` ${ours.pid} `);
      // About --mem-fraction-static of an 80 GB GPU.
      expect(holder!.usedMemoryMiB! / 81559).toBeGreaterThan(0.78);
    }
    const [foreign] = holdersOf(sampler, 0);
    expect(foreign).toMatchObject({ kind: "foreign", processName: expect.stringContaining("python") });
    expect(foreign!.usedMemoryMiB! / 81559).toBeGreaterThan(0.48);
    expect(foreign!.usedMemoryMiB! / 81559).toBeLessThan(0.6);
    expect(holdersOf(sampler, 1)).toEqual([]);
    const gpu2 = sampler.snapshot().gpus.find((g) => g.index === 2)!;
    expect(gpu2.latest!.memoryUsedMiB).toBeGreaterThanOrEqual(holdersOf(sampler, 2)[0]!.usedMemoryMiB!);

    // When the instance's tree is gone, its GPUs are free again.
    process.kill(-ours.pid, "SIGKILL");
    await waitFor(() => holdersOf(sampler, 2).length === 0 && holdersOf(sampler, 3).length === 0, { timeoutMs: 10_000, what: "GPUs 2 and 3 freed" });
    expect(holdersOf(sampler, 0)).toHaveLength(1);
  });
});
