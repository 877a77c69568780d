import { useFormatter, useTranslations } from "next-intl";
import type { RunView } from "@/lib/instance-view";
import { useStageName } from "./phase-badge";

/** Time spent in each startup stage, from SGLang's own output, up to ready (or to now while starting). */
export function StageTimeline({ run }: { run: RunView }) {
  const stageName = useStageName();
  const format = useFormatter();
  const t = useTranslations("instances");
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
        const seconds = next ? (new Date(next).getTime() - new Date(point.at).getTime()) / 1000 : null;
        return (
          <li key={point.stage}>
            {stageName(point.stage)}
            <span className="ml-1 font-mono text-zinc-300">
              {seconds !== null ? t("units.seconds", { seconds: format.number(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }) : "…"}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
