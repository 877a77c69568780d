"use client";

import { useEffect, useState } from "react";
import { PHASE_LABELS } from "@/lib/instance-phase";
import type { RunSummary } from "@/lib/instance-view";

/** Every run of the instance: who started it, when, how it ended, and its log while retention keeps it. */
export function RunHistory({ instanceId, refreshKey }: { instanceId: string; refreshKey: string }) {
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

  if (!runs || runs.length === 0) return <p className="text-sm text-zinc-500">No runs yet.</p>;
  return (
    <table className="w-full text-left text-xs" data-testid="run-history">
      <thead className="text-zinc-500">
        <tr>
          <th className="py-1 pr-3 font-normal">started</th>
          <th className="py-1 pr-3 font-normal">by</th>
          <th className="py-1 pr-3 font-normal">outcome</th>
          <th className="py-1 pr-3 font-normal">exit</th>
          <th className="py-1 pr-3 font-normal">ready after</th>
          <th className="py-1 pr-3 font-normal">duration</th>
          <th className="py-1 font-normal">log</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-800">
        {runs.map((run) => (
          <tr key={run.id}>
            <td className="py-1 pr-3 font-mono">{new Date(run.startedAt).toLocaleString()}</td>
            <td className="py-1 pr-3">{run.startedBy === "restart-policy" ? `restart #${run.attempt}` : run.startedByName}</td>
            <td className="py-1 pr-3">
              {PHASE_LABELS[run.phase]}
              {run.causeTitle ? ` · ${run.causeTitle}` : ""}
            </td>
            <td className="py-1 pr-3 font-mono">{run.signal ?? run.exitCode ?? "–"}</td>
            <td className="py-1 pr-3 font-mono">{run.readyAt ? `${secondsBetween(run.startedAt, run.readyAt)} s` : "–"}</td>
            <td className="py-1 pr-3 font-mono">{run.durationS !== null ? `${run.durationS} s` : "running"}</td>
            <td className="py-1">
              {run.logAvailable ? (
                <a className="text-sky-400 hover:underline" href={`/api/instances/${instanceId}/runs/${run.id}/log`}>
                  download
                </a>
              ) : (
                <span className="text-zinc-500">removed (retention)</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function secondsBetween(from: string, to: string): string {
  return ((new Date(to).getTime() - new Date(from).getTime()) / 1000).toFixed(1);
}
