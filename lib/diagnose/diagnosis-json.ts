import type { LogDiagnosis } from "../sglang-log";

/** What `diagnose --json` prints and `POST /api/diagnose` answers: one shape for both. */
export type DiagnosisJson = Pick<
  LogDiagnosis,
  | "outcome"
  | "phase"
  | "cause"
  | "keyLines"
  | "advice"
  | "causeTitle"
  | "keyLineText"
  | "failedRank"
  | "readyLineSeen"
  | "looksLikeSglang"
  | "progress"
  | "facts"
  | "linesSeen"
>;

export function toDiagnosisJson(d: LogDiagnosis): DiagnosisJson {
  return {
    outcome: d.outcome,
    phase: d.phase,
    cause: d.cause,
    keyLines: d.keyLines,
    advice: d.advice,
    causeTitle: d.causeTitle,
    keyLineText: d.keyLineText,
    failedRank: d.failedRank,
    readyLineSeen: d.readyLineSeen,
    looksLikeSglang: d.looksLikeSglang,
    progress: d.progress,
    facts: d.facts,
    linesSeen: d.linesSeen,
  };
}
