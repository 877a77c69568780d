import { STAGE_LABELS } from "@/lib/instance-phase";
import type { RunView } from "@/lib/instance-view";

/** Time spent in each startup stage, from SGLang's own output, up to ready (or to now while starting). */
export function StageTimeline({ run }: { run: RunView }) {
  const entries = Object.entries(run.stageTimes).sort(([, a], [, b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  const end = run.readyAt ?? run.endedAt;
  const points = [{ stage: "starting", at: run.startedAt }, ...entries.map(([stage, at]) => ({ stage, at }))].filter(
    (point) => point.stage !== "serving",
  );
  return (
    <ol className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-400" data-testid="stage-timeline">
      {points.map((point, index) => {
        const next = points[index + 1]?.at ?? end;
        const seconds = next ? ((new Date(next).getTime() - new Date(point.at).getTime()) / 1000).toFixed(1) : null;
        return (
          <li key={point.stage}>
            {STAGE_LABELS[point.stage] ?? point.stage}
            <span className="ml-1 font-mono text-zinc-300">{seconds !== null ? `${seconds} s` : "…"}</span>
          </li>
        );
      })}
    </ol>
  );
}
