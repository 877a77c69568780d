/** Advice for memory: which side of the --mem-fraction-static line a run is on, and what else frees memory. */
import type { FailureCause } from "../causes";
import { MEM_FRACTION_SIDE, adviceContext, contextAdvice, halfRounded, moreGpusAdvice, numOf, r2, runningRequestsAdvice, str, suggestHigherFraction, suggestLowerFraction } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const MEMORY_ADVICE = {
  oom_kv_cache(input) {
    const { detail, facts, f, spec } = adviceContext(input);
    const out: Advice[] = [];
    if (str(detail, "oomType") === "cuda") {
      const lower = suggestLowerFraction(f);
      out.push({
        flag: "--mem-fraction-static",
        action: "decrease",
        suggestedValue: String(lower),
        text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower}: allocating the KV cache itself ran out of CUDA memory.`,
        why: MEM_FRACTION_SIDE.decrease,
      });
      out.push(contextAdvice(facts, "A shorter context needs smaller per-request buffers next to the KV cache."));
      out.push(moreGpusAdvice(facts, "More GPUs leave more memory per GPU after the weights."));
      return out;
    }
    const higher = suggestHigherFraction(f, facts.availMemBeforeLoadGb, facts.availMemAfterLoadGb);
    const near = f !== null && f >= 0.88;
    if (higher !== null) {
      out.push({
        flag: "--mem-fraction-static",
        action: "increase",
        suggestedValue: String(higher),
        text: `Raise --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${higher}, as SGLang asks: the KV cache got no room after the weights.${near ? " You are near the ceiling: if it then fails with a CUDA out-of-memory error, the model does not fit this GPU; use the options below instead." : ""}`,
        why:
          MEM_FRACTION_SIDE.increase +
          (facts.availMemBeforeLoadGb !== null && facts.availMemAfterLoadGb !== null
            ? ` The weights took ${r2(facts.availMemBeforeLoadGb - facts.availMemAfterLoadGb)} GB of ${facts.availMemBeforeLoadGb} GB free.`
            : ""),
      });
    } else {
      out.push({
        flag: "--mem-fraction-static",
        action: "check",
        text: `--mem-fraction-static${f !== null ? ` (${f})` : ""} is already at the ceiling; raising it more would run out of CUDA memory elsewhere. Make the KV cache need less instead, or add GPUs.`,
        why: MEM_FRACTION_SIDE.increase,
      });
    }
    out.push(contextAdvice(facts, "A shorter context shrinks the per-request token table that is allocated with the KV cache."));
    out.push(runningRequestsAdvice(facts, "Fewer concurrent requests need fewer request slots in the memory pool."));
    if (spec) {
      out.push({
        flag: "--speculative-draft-model-path",
        action: "check",
        text: "Use a smaller draft model (or fewer --speculative-num-draft-tokens): the draft's weights and KV cache come out of the same GPU memory.",
        why: "Speculative decoding loads a second model and a second KV cache.",
      });
    }
    out.push(moreGpusAdvice(facts, "More GPUs split the weights, leaving more memory per GPU for the KV cache."));
    out.push({
      flag: "--kv-cache-dtype",
      action: "set",
      suggestedValue: "fp8_e4m3",
      text: "Store the KV cache in fp8 (--kv-cache-dtype fp8_e4m3) to fit about twice the tokens.",
      why: "An fp8 KV cache needs half the memory per token.",
    });
    return out;
  },
  oom_weights(input) {
    const { detail, facts, spec } = adviceContext(input);
    const out: Advice[] = [];
    const total = numOf(detail, "totalGb");
    const free = numOf(detail, "freeGb");
    const proc = numOf(detail, "processGb");
    const gpu = numOf(detail, "gpu");
    out.push(moreGpusAdvice(facts, MEM_FRACTION_SIDE.neither));
    if (facts.quantization === null) {
      out.push({
        flag: "--quantization",
        action: "set",
        suggestedValue: "fp8",
        text: "Load a quantized checkpoint (an FP8/AWQ/GPTQ version of the model) or set --quantization fp8 to halve the weights' memory.",
        why: MEM_FRACTION_SIDE.neither,
      });
    }
    if (total !== null && free !== null && proc !== null) {
      const others = r2(total - free - proc);
      if (others > 1) {
        out.push({
          flag: null,
          action: "check",
          text: `Other processes hold about ${others} GiB on GPU ${gpu ?? "?"}: stop them (nvidia-smi shows them) or pick free GPUs with CUDA_VISIBLE_DEVICES.`,
          why: `The GPU has ${total} GiB; this process had ${proc} GiB and only ${free} GiB was free.`,
        });
      }
    }
    if (input.weightLoads > 1 || spec) {
      out.push({
        flag: "--speculative-draft-model-path",
        action: "check",
        text: "A second set of weights was being loaded (a draft model for speculative decoding). Point --speculative-draft-model-path at a small draft, or drop speculative decoding.",
        why: "The log shows two `Load weight begin` per rank: without a draft path some versions load the full model twice.",
      });
    }
    out.push({
      flag: "--mem-fraction-static",
      action: "check",
      text: "Lowering or raising --mem-fraction-static will not fix this: it sizes the KV cache after the weights.",
      why: MEM_FRACTION_SIDE.neither,
    });
    return out;
  },
  oom_serving(input) {
    const { facts, f } = adviceContext(input);
    const out: Advice[] = [];
    const lower = suggestLowerFraction(f);
    out.push({
      flag: "--mem-fraction-static",
      action: "decrease",
      suggestedValue: String(lower),
      text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower} to leave more room for activations while serving.`,
      why: MEM_FRACTION_SIDE.decrease,
    });
    out.push(runningRequestsAdvice(facts, "Fewer concurrent requests need less activation memory per step."));
    const cp = facts.chunkedPrefillSize;
    const cps = cp !== null && cp > 1024 ? String(halfRounded(cp, 1024, 1024)) : "4096";
    out.push({
      flag: "--chunked-prefill-size",
      action: "decrease",
      suggestedValue: cps,
      text: `Prefill long prompts in smaller chunks: --chunked-prefill-size ${cps}.`,
      why: "Prefill of a long prompt has the largest activations.",
    });
    return out;
  },
  memory_unbalanced() {
    const out: Advice[] = [];
    out.push({
      flag: null,
      action: "check",
      text: "Some GPUs have much less free memory than others: stop the other processes on them (nvidia-smi) or choose free GPUs with CUDA_VISIBLE_DEVICES.",
      why: "SGLang refuses to start when the ranks see very different free memory.",
    });
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
