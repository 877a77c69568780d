import { isActivePhase } from "../../lib/instance-phase";
import type { ConsoleEnv } from "../env";
import type { Supervisor } from "../supervisor/supervisor";
import { GpuSampler } from "./gpu-sampler";
import { MetricsScraper } from "./metrics-scraper";

const HOUR_MS = 3_600_000;

/** The GPU sampler and SGLang metrics scraper, started, reading the supervisor's instances. */
export function createTelemetry(env: ConsoleEnv, supervisor: Supervisor, log: (message: string) => void) {
  const gpuSampler = new GpuSampler({
    nvidiaSmi: env.nvidiaSmi,
    intervalMs: env.gpuSampleMs,
    appsIntervalMs: 30_000,
    historyMs: HOUR_MS,
    instances: () =>
      supervisor
        .list()
        .filter((instance) => isActivePhase(instance.phase) && instance.run?.pid)
        .map((instance) => ({ id: instance.id, name: instance.name, owner: instance.ownerName, pid: instance.run!.pid!, phase: instance.phase })),
    log,
  });
  const metricsScraper = new MetricsScraper({
    intervalMs: 5000,
    historyMs: HOUR_MS,
    instances: () => supervisor.list(),
    endpointOf: (id) => supervisor.endpointOf(id),
    log,
  });
  gpuSampler.start();
  metricsScraper.start();
  return { gpuSampler, metricsScraper };
}
