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

export const CAUSE_TITLES: Readonly<Record<FailureCause, string>> = {
  none: "No failure",
  oom_weights: "Out of GPU memory while loading the weights",
  oom_kv_cache: "KV cache (memory pool) does not fit",
  oom_cuda_graph: "Out of GPU memory while capturing CUDA graphs",
  cuda_graph_error: "CUDA graph capture failed",
  oom_serving: "Out of GPU memory while serving",
  port_in_use: "Port already in use",
  model_not_found: "Model not found or not accessible",
  unsupported_arch: "Model architecture not supported",
  unsupported_gpu: "GPU not supported",
  trust_remote_code: "Model needs --trust-remote-code",
  bad_argument: "Bad command-line argument",
  chat_template: "Chat template problem",
  spec_decoding: "Speculative decoding (draft model) problem",
  kernel_build: "Kernel build (JIT compilation) failed",
  nccl: "NCCL / distributed communication failure",
  invalid_parallel: "Parallel sizes do not fit the model or the GPUs",
  memory_unbalanced: "GPUs have unbalanced free memory",
  warmup_failed: "Warm-up request failed",
  watchdog_timeout: "Scheduler watchdog timeout",
  serving_error: "Error while serving requests",
  child_crashed: "A server process crashed",
  other: "Unrecognised failure",
};

export function causeTitle(cause: FailureCause): string {
  return CAUSE_TITLES[cause];
}

export function isFailureCause(value: unknown): value is FailureCause {
  return typeof value === "string" && (FAILURE_CAUSES as readonly string[]).includes(value);
}
