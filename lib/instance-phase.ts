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

// Phase and stage names a person reads live in messages/<locale>/phases.json, keyed by these codes.
