/** Advice for a CUDA graph capture that failed, for memory or another reason. */
import type { FailureCause } from "../causes";
import { MEM_FRACTION_SIDE, adviceContext, halfRounded, suggestLowerFraction } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const CUDA_GRAPH_ADVICE = {
  oom_cuda_graph(input) {
    const { facts, f } = adviceContext(input);
    const out: Advice[] = [];
    const lower = suggestLowerFraction(f);
    out.push({
      flag: "--mem-fraction-static",
      action: "decrease",
      suggestedValue: String(lower),
      text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower} to leave room for the CUDA graphs.`,
      why: MEM_FRACTION_SIDE.decrease,
    });
    const maxBs = input.captureBs ?? facts.cudaGraphMaxBs;
    const bs = maxBs !== null && maxBs > 8 ? String(halfRounded(maxBs, 8, 8)) : "16";
    out.push({
      flag: "--cuda-graph-max-bs",
      action: "decrease",
      suggestedValue: bs,
      text: `Capture graphs for smaller batches: --cuda-graph-max-bs ${bs}${maxBs !== null ? ` (now up to ${maxBs})` : ""}.`,
      why: "Each captured batch size keeps its own buffers in GPU memory.",
    });
    out.push({
      flag: "--disable-cuda-graph",
      action: "add",
      text: "As a last resort, --disable-cuda-graph (slower decoding).",
      why: "Without CUDA graphs no memory is needed for them.",
    });
    return out;
  },
  cuda_graph_error() {
    const out: Advice[] = [];
    out.push({
      flag: "--disable-cuda-graph",
      action: "add",
      text: "Start once with --disable-cuda-graph to confirm the capture is the problem (slower decoding).",
      why: "The capture failed for a reason other than memory.",
    });
    out.push({
      flag: "--cuda-graph-max-bs",
      action: "decrease",
      suggestedValue: "16",
      text: "Try a smaller --cuda-graph-max-bs, and do not use --enable-torch-compile.",
      why: "SGLang lists these as the first remedies for a failed capture.",
    });
    out.push({
      flag: "--attention-backend",
      action: "check",
      text: "Try another --attention-backend (e.g. triton or flashinfer): capture errors often come from one backend's kernels.",
      why: "The kernels captured depend on the attention backend.",
    });
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
