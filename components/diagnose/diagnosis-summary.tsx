import type { DiagnosisJson } from "@/lib/diagnose";
import { PHASE_TITLES, type Outcome } from "@/lib/sglang-log";
import { Badge, type BadgeProps } from "../ui/badge";
import { PhaseStrip } from "./phase-strip";

const OUTCOMES: Record<Outcome, { words: string; tone: BadgeProps["tone"] }> = {
  ready: { words: "Ready", tone: "success" },
  failed_start: { words: "Failed to start", tone: "danger" },
  crashed_while_serving: { words: "Crashed while serving", tone: "danger" },
  starting: { words: "Still starting when the log ends", tone: "info" },
  unknown: { words: "Not an SGLang log", tone: "neutral" },
};

/** Outcome, phase reached, cause in words and the first rank that failed. */
export function DiagnosisSummary({ diagnosis: d }: { diagnosis: DiagnosisJson }) {
  const failed = d.outcome === "failed_start" || d.outcome === "crashed_while_serving";
  const outcome = OUTCOMES[d.outcome];
  return (
    <div className="space-y-4" data-testid="diagnosis-summary">
      {!d.looksLikeSglang && (
        <p role="status" className="rounded-md border border-amber-800 bg-amber-950/50 px-3 py-2 text-sm text-amber-200" data-testid="not-sglang">
          This does not look like an SGLang server log: none of SGLang&apos;s own lines were found, so no SGLang diagnosis is given.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={outcome.tone} data-testid="outcome" data-outcome={d.outcome}>
          {outcome.words}
        </Badge>
        <span className="text-lg font-semibold text-zinc-50" data-testid="cause" data-cause={d.cause}>
          {d.cause === "none" ? (d.readyLineSeen ? "The server started and was ready" : "No failure found") : d.causeTitle}
        </span>
        {d.failedRank && (
          <Badge tone="warning" data-testid="failed-rank">
            first failing rank {d.failedRank}
          </Badge>
        )}
      </div>
      <div className="space-y-1.5">
        <p className="text-sm text-zinc-300" data-testid="phase" data-phase={d.phase}>
          Phase reached: <span className="font-medium text-zinc-100">{PHASE_TITLES[d.phase]}</span>
          {d.progress ? (
            <span className="text-zinc-400">
              {" "}
              ({d.progress.label || "progress"} {d.progress.done}/{d.progress.total}, {d.progress.percent}%)
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
