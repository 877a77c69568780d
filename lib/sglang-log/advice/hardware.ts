/** Advice for fitting the model to the GPUs: kernels that do not build or load, GPUs too old, parallel sizes. */
import type { FailureCause } from "../causes";
import { adviceContext, largestDivisorAtMost, numOf, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const HARDWARE_ADVICE = {
  kernel_build(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    if (str(detail, "kernel") === "import") {
      const lib = str(detail, "library") ?? "a compiled kernel library";
      out.push({
        flag: null,
        action: "check",
        text: `${lib} could not be loaded: it was built for another torch or CUDA version. Reinstall it at the version this SGLang pins (pip install "sglang[all]" again, or the matching sgl-kernel / flashinfer wheel), or use SGLang's Docker image.`,
        why: "An undefined symbol or a missing shared object means a binary built against different libraries.",
      });
      return out;
    }
    out.push({
      flag: null,
      action: "check",
      text: "A kernel failed to compile just in time: check that nvcc and the CUDA toolkit match the installed torch, that ninja is installed, and clear the JIT cache (~/.cache/flashinfer, ~/.triton).",
      why: "flashinfer/triton build their kernels on first use.",
    });
    out.push({
      flag: "--attention-backend",
      action: "set",
      suggestedValue: "triton",
      text: "Or avoid the failing kernel with another --attention-backend (e.g. triton).",
      why: "The JIT build belongs to the attention backend in use.",
    });
    return out;
  },
  unsupported_gpu(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const arch = Number(str(detail, "gpuArch") ?? "NaN");
    if (arch >= 100) {
      out.push({
        flag: null,
        action: "check",
        text: `This GPU (sm_${arch}) is newer than the installed torch/SGLang build: install a torch and SGLang built for it (a CUDA 12.8+ build), or SGLang's image for this GPU.`,
        why: "PyTorch reports that its kernels are not compiled for this GPU architecture.",
      });
      return out;
    }
    out.push({
      flag: null,
      action: "check",
      text: "This GPU is too old for this build (SGLang needs compute capability sm75 or newer; some kernels need Ampere or Hopper). Use a newer GPU.",
      why: "The kernels are not built for this GPU's architecture.",
    });
    out.push({
      flag: "--attention-backend",
      action: "set",
      suggestedValue: "triton",
      text: "On an older supported GPU, --attention-backend triton avoids kernels that need newer architectures.",
      why: "Triton kernels are compiled for the GPU at hand.",
    });
    return out;
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
      out.push({
        flag: "--tp-size",
        action: "decrease",
        suggestedValue: String(next),
        text: `Each rank's share of a weight (${part}) is not a multiple of the quantization block (${block}): lower --tp-size from ${tp} to ${next}, or use a checkpoint without block quantization.`,
        why: "Block-quantized (FP8) weights are split across ranks in whole blocks.",
      });
      return out;
    }
    const heads = numOf(detail, "heads");
    if (heads !== null && tp !== null && heads % tp !== 0) {
      const ok = largestDivisorAtMost(heads, tp);
      out.push({
        flag: "--tp-size",
        action: "decrease",
        suggestedValue: String(ok),
        text: `${heads} heads cannot be split over ${tp} ranks: use --tp-size ${ok}.`,
        why: "Attention heads are split evenly across the tensor-parallel ranks.",
      });
      return out;
    }
    if (dividend !== null && divisor !== null) {
      const ok = largestDivisorAtMost(dividend, divisor);
      out.push({
        flag,
        action: "set",
        suggestedValue: String(ok),
        text: `${dividend} is not divisible by ${divisor}: use ${flag} ${ok} (a size that divides ${dividend}).`,
        why: "Attention heads, experts or layers are split evenly across the ranks, so the size must divide their number.",
      });
    } else {
      out.push({
        flag,
        action: "check",
        text: "Use a --tp-size that divides the number of attention heads (and key/value heads), and not more GPUs than you have (check CUDA_VISIBLE_DEVICES).",
        why: "The parallel sizes do not fit the model or the visible GPUs.",
      });
    }
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
