/** Advice for memory: which side of the --mem-fraction-static line a run is on, and what else frees memory. */
import type { FailureCause } from "../causes";
import { adviceContext, contextAdvice, halfRounded, moreGpusAdvice, numOf, r2, runningRequestsAdvice, str, suggestHigherFraction, suggestLowerFraction } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const MEMORY_ADVICE = {
  oom_kv_cache(input) {
    const { detail, facts, f, spec } = adviceContext(input);
    const out: Advice[] = [];
    if (str(detail, "oomType") === "cuda") {
      const lower = suggestLowerFraction(f);
      out.push(advice({ flag: "--mem-fraction-static", action: "decrease", suggestedValue: String(lower), say: "lowerFractionKvCuda", because: "sideDecrease", values: { from: f, lower } }));
      out.push(contextAdvice(facts, "contextBuffers"));
      out.push(moreGpusAdvice(facts, "moreGpusAfterWeights"));
      return out;
    }
    const higher = suggestHigherFraction(f, facts.availMemBeforeLoadGb, facts.availMemAfterLoadGb);
    const near = f !== null && f >= 0.88;
    const before = facts.availMemBeforeLoadGb;
    const after = facts.availMemAfterLoadGb;
    const weights = before !== null && after !== null ? { taken: r2(before - after), free: before } : { taken: null, free: null };
    if (higher !== null) {
      out.push(
        advice({
          flag: "--mem-fraction-static",
          action: "increase",
          suggestedValue: String(higher),
          say: "raiseFraction",
          because: "sideIncrease",
          values: { from: f, higher, near: near ? "yes" : "no", ...weights },
        }),
      );
    } else {
      out.push(advice({ flag: "--mem-fraction-static", action: "check", say: "fractionAtCeiling", because: "sideIncrease", values: { from: f, taken: null, free: null } }));
    }
    out.push(contextAdvice(facts, "contextTokenTable"));
    out.push(runningRequestsAdvice(facts, "fewerRequestSlots"));
    if (spec) out.push(advice({ flag: "--speculative-draft-model-path", action: "check", say: "smallerDraft", because: "secondModel" }));
    out.push(moreGpusAdvice(facts, "moreGpusSplitWeights"));
    out.push(advice({ flag: "--kv-cache-dtype", action: "set", suggestedValue: "fp8_e4m3", say: "fp8KvCache", because: "fp8HalfMemory" }));
    return out;
  },
  oom_weights(input) {
    const { detail, facts, spec } = adviceContext(input);
    const out: Advice[] = [];
    const total = numOf(detail, "totalGb");
    const free = numOf(detail, "freeGb");
    const proc = numOf(detail, "processGb");
    const gpu = numOf(detail, "gpu");
    out.push(moreGpusAdvice(facts, "sideNeither"));
    if (facts.quantization === null) {
      out.push(advice({ flag: "--quantization", action: "set", suggestedValue: "fp8", say: "quantize", because: "sideNeither" }));
    }
    if (total !== null && free !== null && proc !== null) {
      const others = r2(total - free - proc);
      if (others > 1) {
        out.push(advice({ flag: null, action: "check", say: "otherProcesses", because: "gpuMemoryShares", values: { others, gpu: gpu ?? "?", total, process: proc, free } }));
      }
    }
    if (input.weightLoads > 1 || spec) {
      out.push(advice({ flag: "--speculative-draft-model-path", action: "check", say: "secondWeights", because: "twoWeightLoads" }));
    }
    out.push(advice({ flag: "--mem-fraction-static", action: "check", say: "fractionWontHelp", because: "sideNeither" }));
    return out;
  },
  oom_serving(input) {
    const { facts, f } = adviceContext(input);
    const out: Advice[] = [];
    const lower = suggestLowerFraction(f);
    out.push(advice({ flag: "--mem-fraction-static", action: "decrease", suggestedValue: String(lower), say: "lowerFractionServing", because: "sideDecrease", values: { from: f, lower } }));
    out.push(runningRequestsAdvice(facts, "fewerRequestsActivations"));
    const cp = facts.chunkedPrefillSize;
    const size = cp !== null && cp > 1024 ? String(halfRounded(cp, 1024, 1024)) : "4096";
    out.push(advice({ flag: "--chunked-prefill-size", action: "decrease", suggestedValue: size, say: "smallerPrefillChunks", because: "prefillActivations", values: { size } }));
    return out;
  },
  memory_unbalanced() {
    return [advice({ flag: null, action: "check", say: "unbalancedMemory", because: "unbalancedRefused" })];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
