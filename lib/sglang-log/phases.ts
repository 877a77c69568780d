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

/** The phase a diagnosis reports: a startup phase, or `unknown` when the text shows none (an excerpt, not SGLang's log). */
export type DiagnosisPhase = StartupPhase | "unknown";

/**
 * How a run ended (or is going). `starting` is only reported before the log is complete;
 * `unknown` when the text is not an SGLang log.
 */
export const OUTCOMES = ["starting", "ready", "failed_start", "crashed_while_serving", "unknown"] as const;
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

/** The startup phase a diagnosis shows, or null when it shows none (a run's stage stays unset then). */
export function shownPhase(phase: DiagnosisPhase): StartupPhase | null {
  return phase === "unknown" ? null : phase;
}
