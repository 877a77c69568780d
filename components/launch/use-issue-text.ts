"use client";

import { useTranslations } from "next-intl";
import { issueKey, renderLocalText, type LocalText, type TextParams } from "@/lib/launch";

/** Anything the launch page reports: a validation issue, a pasted command's note, a free-text field's problem. */
export interface ReportedText {
  code?: string;
  message: string;
  params?: TextParams;
}

/**
 * An issue in the reader's language: launch.issues.<code> with the issue's params. The English `message` is the
 * fallback for codes the catalogue lacks (zod's schema messages, an older server's issues).
 */
export function useIssueText(): (issue: ReportedText) => string {
  const t = useTranslations("launch");
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
  return (issue) => {
    if (!issue.code) return issue.message;
    const key = issueKey(issue.code);
    if (!t.has(key)) return issue.message;
    if (!issue.params && String(t.raw(key)).includes("{")) return issue.message;
    return renderLocalText({ key, ...(issue.params ? { params: issue.params } : {}) }, translate);
  };
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
