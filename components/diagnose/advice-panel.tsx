"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { applyAdvice, formatProfileCommand, isApplicable, profileFromFacts } from "@/lib/diagnose/corrected-command";
import type { Advice } from "@/lib/sglang-log/advice/types";
import type { RunFacts } from "@/lib/sglang-log/facts";
import { CopyButton } from "./copy-button";

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
  const t = useTranslations("diagnose");
  const command = profile === null ? null : formatProfileCommand(applyAdvice(profile, advice.filter((_, i) => chosen[i])));

  if (advice.length === 0) return <p className="text-sm text-zinc-400">{t("advicePanel.nothing")}</p>;
  return (
    <div className="space-y-4">
      <ol className="space-y-3" data-testid="advice">
        {advice.map((a, i) => (
          <AdviceItem
            key={i}
            advice={a}
            checked={chosen[i] ?? false}
            applicable={applicable[i] ?? false}
            onChange={(checked) => setChosen((c) => c.map((v, j) => (j === i ? checked : v)))}
          />
        ))}
      </ol>
      <div className="space-y-2">
        <div className="flex items-center gap-3">
          <h3 className="text-sm font-medium text-zinc-200">{t("advicePanel.commandTitle")}</h3>
          {command !== null && <CopyButton text={command} />}
          {command !== null && (
            <a className="text-xs text-sky-400 hover:underline" href={`/launch?command=${encodeURIComponent(command)}`} data-testid="relaunch-link">
              {t("advicePanel.relaunch")}
            </a>
          )}
        </div>
        {command === null ? (
          <p className="text-sm text-zinc-500">{t("advicePanel.noCommand")}</p>
        ) : (
          <>
            <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-200" data-testid="corrected-command">
              {command}
            </pre>
            <p className="text-xs text-zinc-500">{t("advicePanel.commandNote")}</p>
          </>
        )}
      </div>
    </div>
  );
}

/** One piece of advice in the reader's language, from its codes and values, with the box that applies it. */
function AdviceItem({ advice: a, checked, applicable, onChange }: { advice: Advice; checked: boolean; applicable: boolean; onChange: (checked: boolean) => void }) {
  const t = useTranslations("diagnose");
  const text = t(`advice.${a.textCode}`, a.values);
  return (
    <li className="flex gap-3 text-sm">
      <input
        type="checkbox"
        className="mt-1 accent-sky-500 disabled:opacity-30"
        aria-label={t("advicePanel.apply", { text })}
        checked={checked}
        disabled={!applicable}
        title={applicable ? t("advicePanel.applyTitle") : t("advicePanel.notApplicable")}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="space-y-0.5">
        <p>
          <span className="mr-2 whitespace-nowrap rounded bg-zinc-800 px-1.5 py-0.5 font-mono text-xs text-zinc-200">
            {t(`actions.${a.action}`)} {a.flag ?? ""}
            {a.suggestedValue !== undefined ? ` → ${a.suggestedValue}` : ""}
          </span>
          <span className="text-zinc-100">{text}</span>
        </p>
        <p className="text-zinc-400">{t(`why.${a.whyCode}`, a.values)}</p>
      </div>
    </li>
  );
}
