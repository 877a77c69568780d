import type { Locale } from "../i18n/locales";
import type { Advice, LogDiagnosis } from "../sglang-log";
import { diagnosisWords } from "../sglang-log/words";

/** A piece of advice with its words in the reader's language beside the codes and the English. */
export type LocalizedAdvice = Advice & { localized: { text: string; why: string } };

/**
 * What `diagnose --json` prints and `POST /api/diagnose` answers: one shape for both. Codes (`outcome`, `phase`,
 * `cause`, each advice's `action`, `textCode`, `whyCode`) and the English `causeTitle`, `text` and `why` never
 * change with the language; `title`, `phaseTitle` and each advice's `localized` are in `locale`.
 */
export type DiagnosisJson = Pick<
  LogDiagnosis,
  "outcome" | "phase" | "cause" | "keyLines" | "causeTitle" | "keyLineText" | "failedRank" | "readyLineSeen" | "looksLikeSglang" | "progress" | "facts" | "linesSeen"
> & {
  advice: LocalizedAdvice[];
  locale: Locale;
  title: string;
  phaseTitle: string;
};

export function toDiagnosisJson(d: LogDiagnosis, locale: Locale = "en"): DiagnosisJson {
  const words = diagnosisWords(locale);
  return {
    outcome: d.outcome,
    phase: d.phase,
    cause: d.cause,
    keyLines: d.keyLines,
    advice: d.advice.map((a) => ({ ...a, localized: words.advice(a) })),
    causeTitle: d.causeTitle,
    keyLineText: d.keyLineText,
    failedRank: d.failedRank,
    readyLineSeen: d.readyLineSeen,
    looksLikeSglang: d.looksLikeSglang,
    progress: d.progress,
    facts: d.facts,
    linesSeen: d.linesSeen,
    locale,
    title: words.causeTitle(d.cause),
    phaseTitle: words.phaseTitle(d.phase),
  };
}
