/** Startup phases of an SGLang server, in the order SGLang goes through them. */
export const STARTUP_PHASES = [
  "args",
  "dist_init",
  "load_weights",
  "kv_cache",
  "cuda_graph",
  "http_up",
  "ready",
  "serving",
] as const;

export type StartupPhase = (typeof STARTUP_PHASES)[number];

export const PHASE_TITLES: Readonly<Record<StartupPhase, string>> = {
  args: "Checking arguments and model config",
  dist_init: "Initialising torch distributed / NCCL",
  load_weights: "Loading model weights",
  kv_cache: "Allocating the KV cache (memory pool)",
  cuda_graph: "Capturing CUDA graphs",
  http_up: "Starting the HTTP server",
  ready: "Warm-up / ready",
  serving: "Serving requests",
};

/** How a run ended (or is going). `starting` is only reported before the log is complete. */
export const OUTCOMES = ["starting", "ready", "failed_start", "crashed_while_serving"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function phaseIndex(phase: StartupPhase): number {
  return STARTUP_PHASES.indexOf(phase);
}

export function isStartupPhase(value: unknown): value is StartupPhase {
  return typeof value === "string" && (STARTUP_PHASES as readonly string[]).includes(value);
}

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === "string" && (OUTCOMES as readonly string[]).includes(value);
}
