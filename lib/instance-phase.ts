// The lifecycle of an instance's current run. Defined here once; the supervisor computes it,
// everything else (pages, API, sockets, database) only reads it.

export const INSTANCE_PHASES = ["starting", "loading", "ready", "unresponsive", "stopping", "stopped", "crashed", "failed_start"] as const;
export type InstancePhase = (typeof INSTANCE_PHASES)[number];

/** `unresponsive`: the process is alive and holds its GPUs and port, but failed its liveness checks in a row. */
export const ACTIVE_PHASES: readonly InstancePhase[] = ["starting", "loading", "ready", "unresponsive", "stopping"];
export const ENDED_PHASES: readonly InstancePhase[] = ["stopped", "crashed", "failed_start"];

export function isActivePhase(phase: InstancePhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}

export const PHASE_LABELS: Record<InstancePhase, string> = {
  starting: "starting",
  loading: "loading",
  ready: "ready",
  unresponsive: "unresponsive",
  stopping: "stopping",
  stopped: "stopped",
  crashed: "crashed",
  failed_start: "failed to start",
};

/** Startup stages as SGLang reports them in its output (the log classifier's phase names). */
export const STAGE_LABELS: Record<string, string> = {
  args: "checking arguments",
  dist_init: "initialising distributed",
  load_weights: "loading weights",
  kv_cache: "allocating KV cache",
  cuda_graph: "capturing CUDA graphs",
  http_up: "HTTP up, warming up",
  ready: "ready line printed",
  serving: "serving",
};
