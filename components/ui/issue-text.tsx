import { cva } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

const issueVariants = cva("text-xs leading-snug", {
  variants: { severity: { error: "text-red-300", warning: "text-amber-300" } },
});

/** One validation message: an error blocks the action, a warning does not. */
export function IssueText({ severity, children, className }: { severity: "error" | "warning"; children: React.ReactNode; className?: string }) {
  const t = useTranslations("common.issue");
  return (
    <p className={cn(issueVariants({ severity }), className)} data-testid="field-issue" data-severity={severity}>
      <span className="font-semibold">{t(severity)} </span>
      {children}
    </p>
  );
}

/** The validation messages of one field, in order. */
export function IssueList({ issues }: { issues: readonly { code?: string; severity: "error" | "warning"; message: string }[] }) {
  return (
    <>
      {issues.map((issue) => (
        <IssueText key={`${issue.code ?? ""}${issue.message}`} severity={issue.severity}>
          {issue.message}
        </IssueText>
      ))}
    </>
  );
}
