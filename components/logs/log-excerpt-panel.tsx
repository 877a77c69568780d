"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";
import { LogTerminal, type LogTerminalHandle } from "../instances/log-terminal";
import { fetchLogRange, logRangeUrl } from "./fetch-log";

/** A part of the run's log read from the console's file: output this view skipped, or around a search hit. */
export interface LogExcerpt {
  title: string;
  runId: string;
  from: number;
  to: number;
  /** The byte offset of a line to mark and scroll to. */
  markOffset?: number;
}

/** The most an excerpt loads into the page; a larger part is offered as a download. */
export const MAX_EXCERPT_BYTES = 2 * 1024 * 1024;

export function LogExcerptPanel({ instanceId, excerpt, onClose }: { instanceId: string; excerpt: LogExcerpt; onClose: () => void }) {
  const terminal = useRef<LogTerminalHandle>(null);
  const t = useTranslations("logs.excerpt");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [status, setStatus] = useState<{ state: "loading" } | { state: "loaded"; bytes: number } | { state: "failed"; message: string }>({ state: "loading" });
  const to = Math.min(excerpt.to, excerpt.from + MAX_EXCERPT_BYTES);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const bytes = await fetchLogRange(instanceId, excerpt.runId, excerpt.from, to);
        if (cancelled) return;
        const decoder = new TextDecoder();
        terminal.current?.write(decoder.decode(bytes));
        if (excerpt.markOffset !== undefined) {
          const before = decoder.decode(bytes.subarray(0, Math.max(0, excerpt.markOffset - excerpt.from)));
          let line = 0;
          for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
          terminal.current?.markLines([line]);
        }
        setStatus({ state: "loaded", bytes: bytes.length });
      } catch (error) {
        if (!cancelled) setStatus({ state: "failed", message: (error as Error).message });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [instanceId, excerpt, to]);

  return (
    <section aria-label={t("label")} className="space-y-2 rounded-md border border-zinc-700 bg-zinc-900/60 p-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium text-zinc-200">{excerpt.title}</span>
        <span className="text-xs text-zinc-500" data-testid="excerpt-status">
          {status.state === "loading"
            ? tc("states.loading")
            : status.state === "loaded"
              ? t("loaded", { bytes: format.number(status.bytes), from: format.number(excerpt.from) })
              : t("failed", { message: status.message })}
        </span>
        {excerpt.to > to && (
          <a className="text-xs text-sky-400 hover:underline" href={logRangeUrl(instanceId, excerpt.runId, excerpt.from, excerpt.to)}>
            {t("downloadAll", { bytes: format.number(excerpt.to - excerpt.from) })}
          </a>
        )}
        <Button variant="ghost" size="sm" className="ml-auto" onClick={onClose}>
          {tc("actions.close")}
        </Button>
      </div>
      <LogTerminal ref={terminal} withMarks className="h-64 w-full rounded-md bg-zinc-950 p-2" />
    </section>
  );
}
