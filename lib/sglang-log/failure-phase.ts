/** Which phase a start-up failure happened in, from the cause, the traceback's frames and the lines seen. */
import type { FailureCause } from "./causes";
import type { FailureDetail } from "./failure";
import { phaseIndex, type DiagnosisPhase, type StartupPhase } from "./phases";

/** Causes that happen in one phase only, whatever else the log shows. */
const CAUSE_PHASE: Partial<Record<FailureCause, (detail: FailureDetail, seen: StartupPhase | null) => StartupPhase | null>> = {
  oom_weights: () => "load_weights",
  oom_kv_cache: () => "kv_cache",
  oom_cuda_graph: () => "cuda_graph",
  cuda_graph_error: () => "cuda_graph",
  bad_argument: () => "args",
  // SGLang compares the ranks' free memory while initialising torch distributed.
  memory_unbalanced: () => "dist_init",
  warmup_failed: () => "http_up",
  // Uvicorn binds the HTTP port after the graphs are captured; an internal (ZMQ) port is taken earlier.
  port_in_use: (d, seen) => (d.portKind === "http" && (seen === null || phaseIndex(seen) >= phaseIndex("kv_cache")) ? "http_up" : null),
};

/** When neither the lines nor the frames show a phase, the causes that can only come from one. */
const CAUSE_FALLBACK: Partial<Record<FailureCause, (detail: FailureDetail) => StartupPhase>> = {
  model_not_found: () => "args",
  trust_remote_code: () => "args",
  chat_template: () => "args",
  unsupported_arch: (d) => (d.source === "transformers" ? "args" : "load_weights"),
};

/** Causes that only happen while requests are served: an excerpt showing nothing else is a serving crash. */
export const SERVING_CAUSES: ReadonlySet<FailureCause> = new Set<FailureCause>(["watchdog_timeout", "serving_error", "oom_serving"]);

export interface FailureWhere {
  cause: FailureCause;
  detail: FailureDetail;
  /** What the failing traceback's frames showed, if anything. */
  frames: StartupPhase | null;
  /** The last phase the start-up lines showed, or null when none did. */
  seen: StartupPhase | null;
}

export function phaseOfStartFailure({ cause, detail, frames, seen }: FailureWhere): DiagnosisPhase {
  const implied = CAUSE_PHASE[cause]?.(detail, seen) ?? null;
  if (implied !== null) return implied;
  // A crash in the event loop or the warm-up before the ready line: HTTP was up, never ready.
  const where = frames === "serving" || frames === "ready" ? "http_up" : frames;
  if (seen === null) return where ?? CAUSE_FALLBACK[cause]?.(detail) ?? "unknown";
  if (where !== null && phaseIndex(where) > phaseIndex(seen)) return where;
  return seen;
}
