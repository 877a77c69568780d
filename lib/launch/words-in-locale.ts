// The launch catalogue's words for code outside React (the custom server's refusals): the same rendering the launch
// page does with next-intl. Not exported from lib/launch/index.ts, so pages do not bundle every catalogue.
import type { Locale } from "../i18n/locales";
import { rawMessage, translator } from "../i18n/translate";
import { renderLocalText, reportedText, type LocalText, type ReportedText } from "./local-text";

export function launchWords(locale: Locale): { issue: (issue: ReportedText) => string; text: (text: LocalText) => string } {
  const t = translator(locale, "launch");
  const raw = (key: string) => rawMessage(locale, "launch", key);
  return { issue: (issue) => reportedText(issue, t, raw), text: (text) => renderLocalText(text, t) };
}
