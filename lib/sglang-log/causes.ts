import { translator } from "../i18n/translate";

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

const english = translator("en", "diagnose");

/** Each cause's title in English (logs, stored runs); `diagnose.causes.<cause>` in the catalogues for any language. */
export const CAUSE_TITLES: Readonly<Record<FailureCause, string>> = Object.fromEntries(FAILURE_CAUSES.map((c) => [c, english(`causes.${c}`)])) as Record<FailureCause, string>;

export function causeTitle(cause: FailureCause): string {
  return CAUSE_TITLES[cause];
}

export function isFailureCause(value: unknown): value is FailureCause {
  return typeof value === "string" && (FAILURE_CAUSES as readonly string[]).includes(value);
}
