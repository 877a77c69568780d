"use client";

import { useTranslations } from "next-intl";
import { renderLocalText, reportedText, type LocalText, type ReportedText } from "@/lib/launch";

export type { ReportedText };

/** An issue in the reader's language (lib/launch/local-text.ts `reportedText`). */
export function useIssueText(): (issue: ReportedText) => string {
  const t = useTranslations("launch");
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
  const raw = (key: string) => (t.has(key) ? String(t.raw(key)) : undefined);
  return (issue) => reportedText(issue, translate, raw);
}

/** A LocalText (a preset's reason, a range) in the reader's language. */
export function useLocalText(): (text: LocalText) => string {
  const t = useTranslations("launch");
  return (text) => renderLocalText(text, (key, values) => t(key, values));
}

/** Issues with their message in the reader's language, for components that print `message` (IssueList). */
export function useLocalizedIssues(): <T extends ReportedText>(issues: readonly T[]) => T[] {
  const text = useIssueText();
  return (issues) => issues.map((issue) => ({ ...issue, message: text(issue) }));
}
