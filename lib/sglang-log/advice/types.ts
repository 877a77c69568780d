/** What advice is: a knob, which way to turn it, and why; and what it is computed from. */
import type { FailureCause } from "../causes";
import type { FailureDetail } from "../failure";
import type { RunFacts } from "../facts";
import type { DiagnosisPhase } from "../phases";

export type AdviceAction = "increase" | "decrease" | "set" | "add" | "remove" | "check";

export interface Advice {
  flag: string | null;
  action: AdviceAction;
  suggestedValue?: string;
  text: string;
  why: string;
}

export interface AdviceInput {
  cause: FailureCause;
  detail: FailureDetail;
  facts: RunFacts;
  phase: DiagnosisPhase;
  /** Batch size the CUDA graph capture was at when it failed (from the bar), if seen. */
  captureBs: number | null;
  /** How many times one rank began loading weights (2 with a draft model). */
  weightLoads: number;
  /** `Ignore import error when loading sglang.srt.models.X` modules seen. */
  importErrors: readonly string[];
}

/** Advice for one cause; every cause has one (see `ADVICE`). */
export type AdviceFor = (input: AdviceInput) => Advice[];
