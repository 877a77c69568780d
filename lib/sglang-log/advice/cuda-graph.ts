/** Advice for a CUDA graph capture that failed, for memory or another reason. */
import type { FailureCause } from "../causes";
import { adviceContext, halfRounded, suggestLowerFraction } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const CUDA_GRAPH_ADVICE = {
  oom_cuda_graph(input) {
    const { facts, f } = adviceContext(input);
    const out: Advice[] = [];
    const lower = suggestLowerFraction(f);
    out.push(advice({ flag: "--mem-fraction-static", action: "decrease", suggestedValue: String(lower), say: "lowerFractionForGraphs", because: "sideDecrease", values: { from: f, lower } }));
    const maxBs = input.captureBs ?? facts.cudaGraphMaxBs;
    const bs = maxBs !== null && maxBs > 8 ? String(halfRounded(maxBs, 8, 8)) : "16";
    out.push(advice({ flag: "--cuda-graph-max-bs", action: "decrease", suggestedValue: bs, say: "smallerGraphBatches", because: "graphBuffers", values: { bs, maxBs } }));
    out.push(advice({ flag: "--disable-cuda-graph", action: "add", say: "disableGraphLastResort", because: "noGraphsNoMemory" }));
    return out;
  },
  cuda_graph_error() {
    return [
      advice({ flag: "--disable-cuda-graph", action: "add", say: "disableGraphOnce", because: "captureNotMemory" }),
      advice({ flag: "--cuda-graph-max-bs", action: "decrease", suggestedValue: "16", say: "smallerGraphBsNoCompile", because: "captureRemedies" }),
      advice({ flag: "--attention-backend", action: "check", say: "otherBackendForCapture", because: "backendKernels" }),
    ];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;
