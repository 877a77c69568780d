import { cva } from "class-variance-authority";
import { useTranslations } from "next-intl";
import { STARTUP_PHASES, phaseIndex, type DiagnosisPhase } from "@/lib/sglang-log/phases";

const step = cva("rounded px-2 py-0.5 font-mono text-[11px]", {
  variants: {
    state: {
      passed: "bg-emerald-950 text-emerald-300",
      reached: "bg-emerald-800 text-emerald-50",
      failed: "bg-red-900 text-red-100 ring-1 ring-red-500",
      ahead: "bg-zinc-900 text-zinc-600",
    },
  },
});

/** SGLang's startup phases in order, with how far this run got and where it stopped (none marked when unknown). */
export function PhaseStrip({ phase, failed }: { phase: DiagnosisPhase; failed: boolean }) {
  const t = useTranslations("diagnose");
  const stageTitle = useTranslations("phases.stageTitle");
  const reached = phase === "unknown" ? -1 : phaseIndex(phase);
  const stateOf = (index: number) => (reached < 0 ? "ahead" : index < reached ? "passed" : index > reached ? "ahead" : failed ? "failed" : "reached");
  return (
    <ol className="flex flex-wrap gap-1" aria-label={t("summary.phaseStrip")}>
      {STARTUP_PHASES.map((p, index) => (
        <li key={p} title={stageTitle(p)} data-phase={p} aria-current={index === reached ? "step" : undefined} className={step({ state: stateOf(index) })}>
          {t(`phaseShort.${p}`)}
        </li>
      ))}
    </ol>
  );
}
