"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { RunSummary } from "@/lib/instance-view";
import { useCauseTitle } from "./run-outcome";

/** Every run of the instance: who started it, when, how it ended, and its log while retention keeps it. */
export function RunHistory({ instanceId, refreshKey }: { instanceId: string; refreshKey: string }) {
  const t = useTranslations("instances.runs");
  const tp = useTranslations("phases.instance");
  const tc = useTranslations("common.actions");
  const format = useFormatter();
  const causeTitle = useCauseTitle();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/instances/${instanceId}/runs`)
      .then((response) => response.json())
      .then((body: { runs?: RunSummary[] }) => !cancelled && setRuns(body.runs ?? []))
      .catch(() => !cancelled && setRuns([]));
    return () => {
      cancelled = true;
    };
  }, [instanceId, refreshKey]);

  const seconds = (value: number, digits = 0) => t("seconds", { seconds: format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: 1 }) });

  if (!runs || runs.length === 0) return <p className="text-sm text-zinc-500">{t("empty")}</p>;
  return (
    <table className="w-full text-left text-xs" data-testid="run-history">
      <thead className="text-zinc-500">
        <tr>
          <th className="py-1 pr-3 font-normal">{t("started")}</th>
          <th className="py-1 pr-3 font-normal">{t("by")}</th>
          <th className="py-1 pr-3 font-normal">{t("outcome")}</th>
          <th className="py-1 pr-3 font-normal">{t("exit")}</th>
          <th className="py-1 pr-3 font-normal">{t("readyAfter")}</th>
          <th className="py-1 pr-3 font-normal">{t("duration")}</th>
          <th className="py-1 font-normal">{t("log")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-800">
        {runs.map((run) => (
          <tr key={run.id}>
            <td className="py-1 pr-3 font-mono">{format.dateTime(new Date(run.startedAt), { dateStyle: "short", timeStyle: "medium" })}</td>
            <td className="py-1 pr-3">{run.startedBy === "restart-policy" ? t("restartNumber", { attempt: run.attempt }) : run.startedByName}</td>
            <td className="py-1 pr-3">
              {tp(run.phase)}
              {run.cause ? ` · ${causeTitle(run.cause, run.causeTitle)}` : ""}
            </td>
            <td className="py-1 pr-3 font-mono">{run.signal ?? run.exitCode ?? "–"}</td>
            <td className="py-1 pr-3 font-mono">{run.readyAt ? seconds(secondsBetween(run.startedAt, run.readyAt), 1) : "–"}</td>
            <td className="py-1 pr-3 font-mono">{run.durationS !== null ? seconds(run.durationS) : t("running")}</td>
            <td className="py-1">
              {run.logAvailable ? (
                <a className="text-sky-400 hover:underline" href={`/api/instances/${instanceId}/runs/${run.id}/log`}>
                  {tc("download")}
                </a>
              ) : (
                <span className="text-zinc-500">{t("logRemoved")}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function secondsBetween(from: string, to: string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 1000;
}
