// The log classifier's cause codes, without their words (lib/sglang-log/causes.ts has those): pages import this.

/** Failure causes, as labelled in the fixtures README. */
export const FAILURE_CAUSES = [
  "none",
  "oom_weights",
  "oom_kv_cache",
  "oom_cuda_graph",
  "cuda_graph_error",
  "oom_serving",
  "port_in_use",
  "model_not_found",
  "unsupported_arch",
  "unsupported_gpu",
  "trust_remote_code",
  "bad_argument",
  "chat_template",
  "spec_decoding",
  "kernel_build",
  "nccl",
  "invalid_parallel",
  "memory_unbalanced",
  "warmup_failed",
  "watchdog_timeout",
  "serving_error",
  "child_crashed",
  "other",
] as const;

export type FailureCause = (typeof FAILURE_CAUSES)[number];

export function isFailureCause(value: unknown): value is FailureCause {
  return typeof value === "string" && (FAILURE_CAUSES as readonly string[]).includes(value);
}
