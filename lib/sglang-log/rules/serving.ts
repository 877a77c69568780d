/** Failure rules for the end of start-up and for serving: watchdogs, warm-up, speculative decoding, kernel crashes. */
import type { FailureCause } from "../causes";
import { EXCEPTION_LINE_RE, fail, STRENGTH, whereFailed, type FailureRule } from "../failure";

const CUDA_CRASH_RE =
  /CUDA error: an illegal memory access|illegal memory access was encountered|CUDA error: device-side assert|device-side assert triggered|cudaErrorIllegalAddress|CUDA error: unspecified launch failure|CUDA error: misaligned address|CUBLAS_STATUS_\w+|CUDA error: an illegal instruction/;

export const SERVING_RULES: readonly FailureRule[] = [
  {
    name: "scheduler-watchdog",
    match(t) {
      const m = /[Ww]atchdog timeout \((?:self\.)?watchdog_timeout=([\d.]+)(?:, (?:self\.)?soft=(True|False))?/.exec(t);
      if (m) {
        // A soft watchdog only dumps the stacks; the server goes on.
        const soft = m[2] === "True";
        return fail("watchdog_timeout", soft ? STRENGTH.hint : STRENGTH.specific, soft ? "hint" : "specific", { watchdogTimeout: Number(m[1]) }, !soft);
      }
      return /Watchdog timeout|scheduler watchdog .*timeout/i.test(t) ? fail("watchdog_timeout", STRENGTH.spec, "specific") : null;
    },
  },
  {
    name: "warm-up-response",
    match(t) {
      const m = /res=<Response \[(\d+)\]>/.exec(t);
      return m ? fail("warmup_failed", STRENGTH.specific, "specific", { status: Number(m[1]) }) : null;
    },
  },
  {
    name: "warm-up-failed",
    match(t) {
      return /Initialization failed\. warmup error|warmup (?:request )?failed|[Ww]arm-?up failed/.test(t) ? fail("warmup_failed", STRENGTH.likely, "specific") : null;
    },
  },
  {
    name: "speculative-exception",
    match(t) {
      if (!/speculative|draft model|draft_model|EAGLE|Eagle|NEXTN|\bMTP\b/.test(t) || !EXCEPTION_LINE_RE.test(t)) return null;
      return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
    },
  },
  {
    name: "cuda-kernel-crash",
    match(t, ctx) {
      if (!CUDA_CRASH_RE.test(t)) return null;
      if (ctx.speculative) return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
      const where = whereFailed(ctx);
      // With no phase shown, a kernel crash is most likely a request's: start-up runs few kernels outside the capture.
      const cause: FailureCause =
        where === "cuda_graph" ? "cuda_graph_error" : where === null || where === "serving" || where === "ready" || where === "http_up" ? "serving_error" : "other";
      return fail(cause, STRENGTH.genericCuda, "generic_cuda", { error: t.slice(0, 300) });
    },
  },
  {
    name: "tokenizer-manager-exception",
    match(t) {
      return /(?:Tokenizer|Detokenizer)Manager hit an exception/.test(t) ? fail("serving_error", STRENGTH.likely, "specific", { serving: "tokenizer_manager" }) : null;
    },
  },
];
