/** Advice for fitting the model to the GPUs: kernels that do not build or load, GPUs too old, parallel sizes. */
import type { FailureCause } from "../causes";
import { adviceContext, largestDivisorAtMost, numOf, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const HARDWARE_ADVICE = {
  kernel_build(input) {
    const { detail } = adviceContext(input);
    if (str(detail, "kernel") === "import") {
      return [advice({ flag: null, action: "check", say: "kernelImport", because: "binaryMismatch", values: { library: str(detail, "library") } })];
    }
    return [
      advice({ flag: null, action: "check", say: "kernelJit", because: "jitOnFirstUse" }),
      advice({ flag: "--attention-backend", action: "set", suggestedValue: "triton", say: "kernelOtherBackend", because: "jitBelongsToBackend" }),
    ];
  },
  unsupported_gpu(input) {
    const { detail } = adviceContext(input);
    const arch = Number(str(detail, "gpuArch") ?? "NaN");
    if (arch >= 100) return [advice({ flag: null, action: "check", say: "gpuTooNew", because: "archNotCompiled", values: { arch } })];
    return [
      advice({ flag: null, action: "check", say: "gpuTooOld", because: "kernelsNotBuilt" }),
      advice({ flag: "--attention-backend", action: "set", suggestedValue: "triton", say: "tritonForOlderGpu", because: "tritonCompiled" }),
    ];
  },
  invalid_parallel(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    const dividend = numOf(detail, "dividend");
    const divisor = numOf(detail, "divisor");
    let flag = "--tp-size";
    if (divisor !== null && facts.ep === divisor && facts.tp !== divisor) flag = "--ep-size";
    else if (divisor !== null && facts.pp === divisor && facts.tp !== divisor) flag = "--pp-size";
    const block = numOf(detail, "quantBlock");
    const part = numOf(detail, "partition");
    const tp = facts.tp;
    if (block !== null && part !== null && tp !== null && tp > 1) {
      let next = tp - 1;
      while (next > 1 && (tp % next !== 0 || ((part * tp) / next) % block !== 0)) next--;
      out.push(advice({ flag: "--tp-size", action: "decrease", suggestedValue: String(next), say: "quantBlock", because: "wholeBlocks", values: { part, block, tp, next } }));
      return out;
    }
    const heads = numOf(detail, "heads");
    if (heads !== null && tp !== null && heads % tp !== 0) {
      const size = largestDivisorAtMost(heads, tp);
      out.push(advice({ flag: "--tp-size", action: "decrease", suggestedValue: String(size), say: "headsSplit", because: "headsEvenly", values: { heads, tp, size } }));
      return out;
    }
    if (dividend !== null && divisor !== null) {
      const size = largestDivisorAtMost(dividend, divisor);
      out.push(advice({ flag, action: "set", suggestedValue: String(size), say: "notDivisible", because: "sizeMustDivide", values: { dividend, divisor, flag, size } }));
    } else {
      out.push(advice({ flag, action: "check", say: "parallelFit", because: "parallelNoFit" }));
    }
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
