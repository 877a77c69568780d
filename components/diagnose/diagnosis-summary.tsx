import { useTranslations } from "next-intl";
import type { DiagnosisJson } from "@/lib/diagnose/diagnosis-json";
import type { Outcome } from "@/lib/sglang-log/phases";
import { Badge, type BadgeProps } from "../ui/badge";
import { PhaseStrip } from "./phase-strip";

const OUTCOME_TONES: Record<Outcome, BadgeProps["tone"]> = {
  ready: "success",
  failed_start: "danger",
  crashed_while_serving: "danger",
  starting: "info",
  unknown: "neutral",
};

/** Outcome, phase reached, cause in words and the first rank that failed. */
export function DiagnosisSummary({ diagnosis: d }: { diagnosis: DiagnosisJson }) {
  const t = useTranslations("diagnose");
  const phases = useTranslations("phases");
  const failed = d.outcome === "failed_start" || d.outcome === "crashed_while_serving";
  return (
    <div className="space-y-4" data-testid="diagnosis-summary">
      {!d.looksLikeSglang && (
        <p role="status" className="rounded-md border border-amber-800 bg-amber-950/50 px-3 py-2 text-sm text-amber-200" data-testid="not-sglang">
          {t("summary.notSglang")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={OUTCOME_TONES[d.outcome]} data-testid="outcome" data-outcome={d.outcome}>
          {phases(`outcome.${d.outcome}`)}
        </Badge>
        <span className="text-lg font-semibold text-zinc-50" data-testid="cause" data-cause={d.cause}>
          {d.cause === "none" ? (d.readyLineSeen ? t("summary.startedReady") : t("summary.noFailure")) : t(`causes.${d.cause}`)}
        </span>
        {d.failedRank && (
          <Badge tone="warning" data-testid="failed-rank">
            {t("summary.failedRank", { rank: d.failedRank })}
          </Badge>
        )}
      </div>
      <div className="space-y-1.5">
        <p className="text-sm text-zinc-300" data-testid="phase" data-phase={d.phase}>
          {t("summary.phaseReached")} <span className="font-medium text-zinc-100">{phases(`stageTitle.${d.phase}`)}</span>
          {d.progress ? (
            <span className="text-zinc-400">
              {" "}
              {t("summary.progress", {
                label: d.progress.label || t("summary.progressLabel"),
                done: String(d.progress.done),
                total: String(d.progress.total),
                percent: String(d.progress.percent),
              })}
            </span>
          ) : null}
        </p>
        <PhaseStrip phase={d.phase} failed={failed} />
      </div>
      {d.keyLineText && (
        <p className="break-all rounded-md bg-zinc-950 px-3 py-2 font-mono text-xs text-red-200" data-testid="key-line-text">
          {d.keyLineText}
        </p>
      )}
    </div>
  );
}
