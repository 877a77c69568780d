import type { InstancePhase } from "@/lib/instance-phase";
import type { RunView } from "@/lib/instance-view";

const SHOWN: readonly InstancePhase[] = ["unresponsive", "stopped", "crashed", "failed_start"];

/** How the run ended (or why it counts as unresponsive): exit code or signal, the cause in words, and what to change. */
export function RunOutcome({ run, phase, instanceId }: { run: RunView; phase: InstancePhase; instanceId: string }) {
  if (!SHOWN.includes(phase)) return null;
  const exit =
    phase === "unresponsive" ? `still running (pid ${run.pid ?? "?"})` : run.signal ? `ended by ${run.signal}` : run.exitCode !== null ? `exit code ${run.exitCode}` : "exit unknown";
  const failed = phase !== "stopped";
  return (
    <div
      className={`rounded-lg border px-4 py-3 text-sm ${failed ? "border-red-800 bg-red-950/40" : "border-zinc-800 bg-zinc-900/50"}`}
      data-testid="run-outcome"
    >
      <p>
        <span className="font-medium">{failed ? (run.causeTitle ?? "The server ended unexpectedly") : "Stopped"}</span>
        <span className="ml-2 text-zinc-400" data-testid="exit-status">
          {exit}
          {run.endedAt ? ` · ${new Date(run.endedAt).toLocaleTimeString()}` : ""}
        </span>
        <a
          className="ml-3 text-xs text-sky-400 hover:underline"
          href={`/diagnose?instance=${encodeURIComponent(instanceId)}&run=${encodeURIComponent(run.id)}`}
          data-testid="diagnose-link"
        >
          Diagnose this log
        </a>
      </p>
      {run.causeDetail && <p className="mt-1 whitespace-pre-wrap font-mono text-xs text-red-200" data-testid="cause-detail">{run.causeDetail}</p>}
      {run.advice.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-200">
          {run.advice.map((advice, index) => (
            <li key={index}>
              {advice.text} <span className="text-zinc-400">{advice.why}</span>
            </li>
          ))}
        </ul>
      )}
      {run.survivors.length > 0 && (
        <p className="mt-2 text-amber-300">Processes that could not be ended: {run.survivors.join(", ")}</p>
      )}
    </div>
  );
}
