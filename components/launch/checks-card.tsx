import { useTranslations } from "next-intl";
import type { ValidationIssue } from "@/lib/launch";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { IssueSummary } from "./issue-summary";

interface ChecksCardProps {
  issues: ValidationIssue[];
  errorCount: number;
  notice: { tone: "error" | "info"; text: string } | null;
  busy: "save" | "launch" | null;
  /** The saved profile being edited, if any. */
  savedId: string | null;
  onShow: (field: string) => void;
  onLaunch: () => void;
  onSave: (asNew: boolean) => void;
}

/** The launch form's verdict and its actions: an error blocks Launch, never Save. */
export function ChecksCard({ issues, errorCount, notice, busy, savedId, onShow, onLaunch, onSave }: ChecksCardProps) {
  const t = useTranslations("launch.checks");
  return (
    <Card className="space-y-3">
      <CardTitle>{t("title")}</CardTitle>
      <IssueSummary issues={issues} onShow={onShow} />
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200" : "text-sm text-emerald-300"}>
          {notice.text}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button className="flex-1" disabled={errorCount > 0 || busy !== null} onClick={onLaunch}>
          {busy === "launch" ? t("launching") : t("launch")}
        </Button>
        <Button variant="secondary" disabled={busy !== null} onClick={() => onSave(false)}>
          {savedId ? t("saveChanges") : t("saveProfile")}
        </Button>
        {savedId && (
          <Button variant="secondary" disabled={busy !== null} onClick={() => onSave(true)}>
            {t("saveAsNew")}
          </Button>
        )}
      </div>
      {errorCount > 0 && (
        <p className="text-xs text-zinc-500">{t("fixErrors", { count: errorCount })}</p>
      )}
    </Card>
  );
}
