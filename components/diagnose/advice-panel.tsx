"use client";

import { useMemo, useState } from "react";
import { applyAdvice, formatProfileCommand, isApplicable, profileFromFacts } from "@/lib/diagnose";
import type { Advice, AdviceAction, RunFacts } from "@/lib/sglang-log";
import { CopyButton } from "./copy-button";

const ACTION_WORDS: Record<AdviceAction, string> = {
  increase: "↑ raise",
  decrease: "↓ lower",
  set: "= set",
  add: "+ add",
  remove: "− remove",
  check: "? check",
};

/**
 * Each piece of advice (which knob, which way, why) with a box to apply it, and the run's command rebuilt
 * from its server_args with the ticked advice applied. The first concrete change starts ticked.
 */
export function AdvicePanel({ advice, facts }: { advice: Advice[]; facts: RunFacts }) {
  const profile = useMemo(() => profileFromFacts(facts), [facts]);
  const applicable = useMemo(() => advice.map((a) => profile !== null && isApplicable(profile, a)), [advice, profile]);
  const [chosen, setChosen] = useState<boolean[]>(() => {
    const first = applicable.indexOf(true);
    return advice.map((_, i) => i === first);
  });
  const command = profile === null ? null : formatProfileCommand(applyAdvice(profile, advice.filter((_, i) => chosen[i])));

  if (advice.length === 0) return <p className="text-sm text-zinc-400">Nothing to change: the log shows no failure.</p>;
  return (
    <div className="space-y-4">
      <ol className="space-y-3" data-testid="advice">
        {advice.map((a, i) => (
          <li key={i} className="flex gap-3 text-sm">
            <input
              type="checkbox"
              className="mt-1 accent-sky-500 disabled:opacity-30"
              aria-label={`Apply: ${a.text}`}
              checked={chosen[i] ?? false}
              disabled={!applicable[i]}
              title={applicable[i] ? "Apply this change to the command below" : "Not a change to the command line"}
              onChange={(event) => setChosen((c) => c.map((v, j) => (j === i ? event.target.checked : v)))}
            />
            <div className="space-y-0.5">
              <p>
                <span className="mr-2 whitespace-nowrap rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-200">
                  {ACTION_WORDS[a.action]} {a.flag ?? ""}
                  {a.suggestedValue !== undefined ? ` → ${a.suggestedValue}` : ""}
                </span>
                <span className="text-zinc-100">{a.text}</span>
              </p>
              <p className="text-zinc-400">{a.why}</p>
            </div>
          </li>
        ))}
      </ol>
      <div className="space-y-2">
        <div className="flex items-center gap-3">
          <h3 className="text-sm font-medium text-zinc-200">Corrected command line</h3>
          {command !== null && <CopyButton text={command} />}
          {command !== null && (
            <a className="text-xs text-sky-400 hover:underline" href={`/launch?command=${encodeURIComponent(command)}`} data-testid="relaunch-link">
              Relaunch with this change
            </a>
          )}
        </div>
        {command === null ? (
          <p className="text-sm text-zinc-500">The log does not show the run&apos;s server_args, so its command cannot be rebuilt.</p>
        ) : (
          <>
            <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-200" data-testid="corrected-command">
              {command}
            </pre>
            <p className="text-xs text-zinc-500">
              Rebuilt from the settings the log shows, with the ticked advice applied. Flags the log does not show (a draft model path,
              parsers, environment) are not included: compare it with your original command before running it.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
