/**
 * Advice is built from codes and parameters; its words come from the `diagnose` catalogue, so the page, the CLI
 * and the API can say them in any language. The English text is kept on each piece for stored runs and logs.
 */
import { translator, type Translate } from "../../i18n/translate";
import type { Locale } from "../../i18n/locales";
import type { Advice, AdviceAction, AdviceValues } from "./types";

/** Absent parameters are passed as "none", which the messages select on (`{from, select, none {} other {…}}`). */
export type AdviceParams = Readonly<Record<string, string | number | null | undefined>>;

export interface AdviceSpec {
  flag: string | null;
  action: AdviceAction;
  suggestedValue?: string;
  /** Key under `diagnose.advice`. */
  say: string;
  /** Key under `diagnose.why`. */
  because: string;
  values?: AdviceParams;
}

const english = translator("en", "diagnose");

function toValues(params: AdviceParams | undefined): AdviceValues {
  const out: Record<string, string> = {};
  // Strings, never numbers: ICU would group digits (30,000) where SGLang prints a port or a token count.
  for (const [k, v] of Object.entries(params ?? {})) out[k] = v === null || v === undefined ? "none" : String(v);
  return out;
}

export function advice(spec: AdviceSpec): Advice {
  const values = toValues(spec.values);
  return {
    flag: spec.flag,
    action: spec.action,
    ...(spec.suggestedValue !== undefined ? { suggestedValue: spec.suggestedValue } : {}),
    textCode: spec.say,
    whyCode: spec.because,
    values,
    text: english(`advice.${spec.say}`, values),
    why: english(`why.${spec.because}`, values),
  };
}

/** A piece of advice's words in a language, from its codes. */
export function adviceWords(t: Translate, a: Pick<Advice, "textCode" | "whyCode" | "values">): { text: string; why: string } {
  return { text: t(`advice.${a.textCode}`, a.values), why: t(`why.${a.whyCode}`, a.values) };
}

export function adviceWordsIn(locale: Locale, a: Pick<Advice, "textCode" | "whyCode" | "values">): { text: string; why: string } {
  return adviceWords(translator(locale, "diagnose"), a);
}

/** The English of a `why` code, for constants such as `MEM_FRACTION_SIDE`. */
export function englishWhy(code: string, params?: AdviceParams): string {
  return english(`why.${code}`, toValues(params));
}
