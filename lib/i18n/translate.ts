// Translation outside React (the custom server's answers, the CLI): the same catalogues and ICU formatting
// next-intl uses on the pages.
import { createTranslator } from "use-intl/core";
import { CATALOGUES, type Namespace } from "./catalogues";
import type { Locale } from "./locales";

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** Messages of one namespace, or (without one) of every namespace by keys such as "phases.stageTitle.ready". */
export function translator(locale: Locale, namespace?: Namespace): Translate {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace, onError: () => undefined });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number | Date>) => string)(key, values);
}

/** A message as the catalogue holds it (ICU source, not formatted); undefined when the key names no message. */
export function rawMessage(locale: Locale, namespace: Namespace, key: string): string | undefined {
  let node: unknown = CATALOGUES[locale][namespace];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Whether a key exists, for catalogues that cover an open set (e.g. one entry per flag). */
export function hasMessage(locale: Locale, namespace: Namespace, key: string): boolean {
  return rawMessage(locale, namespace, key) !== undefined;
}
