"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { callApi, messageOf } from "@/components/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { DownloadState, DownloadView } from "@/lib/downloads";
import { launchHrefFor } from "@/lib/launch-link";
import { formatBytes, formatDuration } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

const TONE: Record<DownloadState, "neutral" | "info" | "success" | "warning" | "danger"> = {
  queued: "neutral",
  downloading: "info",
  verifying: "info",
  paused: "warning",
  done: "success",
  failed: "danger",
  cancelled: "neutral",
};

const percent = (d: DownloadView) => (d.bytesTotal ? Math.min(100, (d.bytesDone / d.bytesTotal) * 100) : 0);

/** Milliseconds left at the current speed, whole seconds; null when unknown. */
function msLeft(d: DownloadView): number | null {
  if (!d.bytesTotal || d.speed <= 0) return null;
  return Math.max(1, Math.ceil((d.bytesTotal - d.bytesDone) / d.speed)) * 1000;
}

/** One download: state, bytes and files, speed and time left, the files in flight, and what may be done with it. */
export function DownloadRow({ download: d, canManage, onChange, onError }: { download: DownloadView; canManage: boolean; onChange: () => void; onError: (message: string) => void }) {
  const t = useTranslations("models.row");
  const locale = useLocale() as Locale;
  const left = msLeft(d);
  const act = (action: string, body: unknown = {}) =>
    callApi("POST", `/api/downloads/${d.id}/${action}`, body)
      .then(onChange)
      .catch((failure: unknown) => onError(messageOf(failure)));
  const running = d.state === "queued" || d.state === "downloading" || d.state === "verifying";
  return (
    <li className="space-y-2 py-3" data-testid="download" data-state={d.state}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-sm text-zinc-100">{d.repo}</span>
        <span className="text-xs text-zinc-500">
          {d.source === "modelscope" ? "ModelScope" : "Hugging Face"} · {d.revision}
        </span>
        <Badge tone={TONE[d.state]} data-testid="download-state">
          {t(`states.${d.state}`)}
        </Badge>
        <span className="ml-auto flex gap-2">
          {canManage && running && <Button size="sm" variant="secondary" onClick={() => void act("pause")}>{t("pause")}</Button>}
          {canManage && (d.state === "paused" || d.state === "failed") && <Button size="sm" variant="secondary" onClick={() => void act("resume")}>{t("resume")}</Button>}
          {canManage && d.state !== "done" && d.state !== "cancelled" && (
            <>
              <Button size="sm" variant="ghost" onClick={() => void act("cancel", { deleteFiles: false })}>{t("cancelKeep")}</Button>
              <Button size="sm" variant="danger" onClick={() => confirm(t("confirmCancelDelete", { repo: d.repo })) && void act("cancel", { deleteFiles: true })}>{t("cancelDelete")}</Button>
            </>
          )}
          {d.state === "done" && d.modelPath && (
            <Link href={launchHrefFor(d.modelPath)} className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-500">
              {t("launch")}
            </Link>
          )}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-zinc-800" role="progressbar" aria-valuenow={Math.round(percent(d))} aria-valuemin={0} aria-valuemax={100} aria-label={t("progressLabel", { repo: d.repo })}>
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent(d)}%` }} />
      </div>
      <p className="text-xs text-zinc-400" data-testid="download-progress">
        {t("bytes", { done: formatBytes(d.bytesDone, locale), total: d.bytesTotal === null ? t("unknown") : formatBytes(d.bytesTotal, locale) })} ·{" "}
        {t("files", { done: d.filesDone, total: d.filesTotal ?? t("unknown") })}
        {d.speed > 0 && ` · ${t("speed", { size: formatBytes(d.speed, locale) })}`}
        {left !== null && ` · ${t("timeLeft", { duration: formatDuration(left, locale) })}`}
        {d.modelPath && <span className="font-mono"> · {d.modelPath}</span>}
      </p>
      {d.inFlight.length > 0 && (
        <ul className="space-y-0.5 text-xs text-zinc-500">
          {d.inFlight.map((file) => (
            <li key={file.path} className="font-mono">
              {file.path}: {t("fileProgress", { done: formatBytes(file.bytesDone, locale), size: formatBytes(file.size, locale) })}
              {file.attempt > 1 && <span className="text-amber-400"> {t("attempt", { attempt: file.attempt })}</span>}
            </li>
          ))}
        </ul>
      )}
      {d.error && <p className="text-sm text-red-400">{d.error}</p>}
    </li>
  );
}
