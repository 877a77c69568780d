"use client";

import { useTranslations } from "next-intl";
import type { ValidationIssue } from "@/lib/launch";
import { useIssueText } from "./use-issue-text";

/** Fields that are not flags, named in the summary (flags are named by the message itself). */
const FIELDS = new Set(["name", "modelPath", "gpuIds", "extraArgs", "env"]);

/** Every problem of the profile in one list; a click shows the field it is about. */
export function IssueSummary({ issues, onShow }: { issues: ValidationIssue[]; onShow: (field: string) => void }) {
  const t = useTranslations("launch");
  const text = useIssueText();
  if (issues.length === 0) {
    return (
      <p className="text-sm text-emerald-300" data-testid="checks-ok">
        {t("checks.noProblems")}
      </p>
    );
  }
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className="space-y-1.5" data-testid="issue-summary">
      {sorted.map((issue) => {
        const message = text(issue);
        return (
        <li key={issue.field + issue.message}>
          <button type="button" onClick={() => onShow(issue.field)} className="flex w-full gap-2 text-left text-xs hover:underline" data-severity={issue.severity}>
            <span className={`mt-1 h-2 w-2 shrink-0 rounded-full ${issue.severity === "error" ? "bg-red-500" : "bg-amber-400"}`} />
            <span className={issue.severity === "error" ? "text-red-200" : "text-amber-200"}>
              {!message.startsWith(issue.field) && <span className="font-mono text-zinc-400">{FIELDS.has(issue.field) ? t(`fields.${issue.field}`) : issue.field} </span>}
              {message}
            </span>
          </button>
        </li>
        );
      })}
    </ul>
  );
}
