/**
 * A diagnosis in words: its codes (cause, advice) looked up in the `diagnose` catalogue of a language, its phase
 * and outcome in `phases` (stageTitle, outcome), which the instance pages share. The diagnosis itself holds only codes and parameters (plus English text for stored runs).
 */
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { adviceWords } from "./advice/words";
import type { Advice, AdviceAction } from "./advice/types";
import type { FailureCause } from "./causes";
import type { DiagnosisPhase, Outcome } from "./phases";

export interface DiagnosisWords {
  causeTitle(cause: FailureCause): string;
  phaseTitle(phase: DiagnosisPhase): string;
  outcome(outcome: Outcome): string;
  action(action: AdviceAction): string;
  advice(a: Pick<Advice, "textCode" | "whyCode" | "values">): { text: string; why: string };
}

export function diagnosisWords(locale: Locale): DiagnosisWords {
  const t = translator(locale, "diagnose");
  const phases = translator(locale, "phases");
  return {
    causeTitle: (cause) => t(`causes.${cause}`),
    phaseTitle: (phase) => phases(`stageTitle.${phase}`),
    outcome: (outcome) => phases(`outcome.${outcome}`),
    action: (action) => t(`actions.${action}`),
    advice: (a) => adviceWords(t, a),
  };
}

const english = diagnosisWords("en");

/** Each phase's title in English, for the CLI's English report and logs. */
export function phaseTitle(phase: DiagnosisPhase): string {
  return english.phaseTitle(phase);
}
