import { useTranslations } from "next-intl";
import type { ParsedLaunchCommand } from "@/lib/launch";
import { IssueList } from "../ui/issue-text";
import { useIssueText } from "./use-issue-text";

/** What filling the form from a pasted command did: unknown flags kept, values that need a look. */
export function PasteNote({ parsed, onDismiss }: { parsed: ParsedLaunchCommand; onDismiss: () => void }) {
  const t = useTranslations("launch.paste");
  const text = useIssueText();
  return (
    <div className="space-y-1 rounded-lg border border-sky-900 bg-sky-950/30 px-4 py-3" data-testid="paste-note">
      <div className="flex items-center">
        <p className="text-sm text-sky-200">
          {t("filled", { unknownCount: parsed.unknownFlags.length, unknown: parsed.unknownFlags.join(", ") })}
        </p>
        <button type="button" className="ml-auto text-xs text-zinc-400 hover:text-zinc-100" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
      <IssueList issues={parsed.errors.map((m) => ({ severity: "error" as const, message: text(m) }))} />
      <IssueList issues={parsed.warnings.map((m) => ({ severity: "warning" as const, message: text(m) }))} />
    </div>
  );
}
