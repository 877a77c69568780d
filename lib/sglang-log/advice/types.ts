/** What advice is: a knob, which way to turn it, and why; and what it is computed from. */
import type { FailureCause } from "../causes";
import type { FailureDetail } from "../failure";
import type { RunFacts } from "../facts";
import type { DiagnosisPhase } from "../phases";

export type AdviceAction = "increase" | "decrease" | "set" | "add" | "remove" | "check";

/** The parameters of a piece of advice's words: numbers as SGLang printed them, flags, paths; "none" where absent. */
export type AdviceValues = Readonly<Record<string, string>>;

export interface Advice {
  flag: string | null;
  action: AdviceAction;
  suggestedValue?: string;
  /** The words by code: keys under `diagnose.advice` and `diagnose.why` in the catalogues, filled with `values`. */
  textCode: string;
  whyCode: string;
  values: AdviceValues;
  /** The same words in English, for logs, stored runs and readers that know no codes. */
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
