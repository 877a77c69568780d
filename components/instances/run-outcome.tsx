import { useFormatter, useLocale, useTranslations } from "next-intl";
import { renderCauseDetail } from "@/lib/cause-detail";
import { joinSentences } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { InstancePhase } from "@/lib/instance-phase";
import type { RunView } from "@/lib/instance-view";
import { causeTitleKey } from "@/lib/run-cause-key";

const SHOWN: readonly InstancePhase[] = ["unresponsive", "stopped", "crashed", "failed_start"];

/** A run's cause in the reader's language, from its stable code (lib/run-cause-key.ts says where each is worded). */
export function useCauseTitle(): (cause: string, fallback: string | null) => string {
  const t = useTranslations();
  return (cause, fallback) => {
    const key = causeTitleKey(cause);
    return key ? t(key) : (fallback ?? cause);
  };
}

/**
 * A run's cause detail in the reader's language from its structure; a run stored before there was structure shows
 * its English text as it is. SGLang's own lines inside stay as printed.
 */
export function useCauseDetailText(): (run: Pick<RunView, "causeDetail" | "causeDetailData">) => string | null {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  return (run) => (run.causeDetailData ? renderCauseDetail(run.causeDetailData, (key, values) => t(key, values), (sentences) => joinSentences(sentences, locale)) : run.causeDetail);
}

/** How the run ended (or why it counts as unresponsive): exit code or signal, the cause in words, and what to change. */
export function RunOutcome({ run, phase, instanceId }: { run: RunView; phase: InstancePhase; instanceId: string }) {
  const t = useTranslations("instances.outcome");
  const format = useFormatter();
  const causeTitle = useCauseTitle();
  const causeDetailText = useCauseDetailText();
  if (!SHOWN.includes(phase)) return null;
  const detail = causeDetailText(run);
  const exit =
    phase === "unresponsive"
      ? t("stillRunning", { pid: run.pid ?? "?" })
      : run.signal
        ? t("endedBy", { signal: run.signal })
        : run.exitCode !== null
          ? t("exitCode", { code: run.exitCode })
          : t("exitUnknown");
  const failed = phase !== "stopped";
  return (
    <div
      className={`rounded-lg border px-4 py-3 text-sm ${failed ? "border-red-800 bg-red-950/40" : "border-zinc-800 bg-zinc-900/50"}`}
      data-testid="run-outcome"
    >
      <p>
        <span className="font-medium">{failed ? (run.cause ? causeTitle(run.cause, run.causeTitle) : t("endedUnexpectedly")) : t("stopped")}</span>
        <span className="ml-2 text-zinc-400" data-testid="exit-status">
          {exit}
          {run.endedAt ? ` · ${format.dateTime(new Date(run.endedAt), { timeStyle: "medium" })}` : ""}
        </span>
        <a
          className="ml-3 text-xs text-sky-400 hover:underline"
          href={`/diagnose?instance=${encodeURIComponent(instanceId)}&run=${encodeURIComponent(run.id)}`}
          data-testid="diagnose-link"
        >
          {t("diagnose")}
        </a>
      </p>
      {detail && <p className="mt-1 whitespace-pre-wrap font-mono text-xs text-red-200" data-testid="cause-detail">{detail}</p>}
      {run.advice.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-200">
          {run.advice.map((advice, index) => (
            <li key={index}>
              {advice.text} <span className="text-zinc-400">{advice.why}</span>
            </li>
          ))}
        </ul>
      )}
      {run.survivors.length > 0 && <p className="mt-2 text-amber-300">{t("survivors", { pids: run.survivors.join(", ") })}</p>}
    </div>
  );
}
