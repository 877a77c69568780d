"use client";

import { useFormatter, useTranslations } from "next-intl";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { LOG_LEVELS, type LogLevel } from "@/lib/logs/line-filter";
import type { LogSearchHit } from "@/lib/logs/search";
import type { LogSink } from "../instances/use-instance-stream";
import { LogTerminal, type LogTerminalHandle } from "../instances/log-terminal";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/input";
import { logRangeUrl, searchRunLog } from "./fetch-log";
import type { GapMarker } from "@/lib/logs/stream-cursor";
import { LiveLogView, type LiveLogTexts, type ViewMark, type ViewSnapshot } from "./live-log-view";
import { LogExcerptPanel, type LogExcerpt } from "./log-excerpt-panel";
import { bufferText } from "./terminal-rows";
import { useLogSearch } from "./use-log-search";

export interface LogViewerProps {
  instanceId: string;
  runId: string | null;
  connected: boolean;
  /** Rebuilds the view from the console's buffer (a new way of showing lines). */
  reload: () => void;
}

const EXCERPT_CONTEXT_BYTES = 8 * 1024;
const NO_WRAP_COLS = 400;

/**
 * The instance page's log view: live output in a terminal with follow / pause, search over the whole
 * run, level and rank filters, error and phase marks to jump between, timestamps, wrap, copy, download,
 * and the output this browser missed, loaded from the log file.
 */
export const LogViewer = forwardRef<LogSink, LogViewerProps>(function LogViewer({ instanceId, runId, connected, reload }, ref) {
  const t = useTranslations("logs");
  const format = useFormatter();
  const gapText = (gap: GapMarker) => {
    const bytes = gap.toOffset - gap.fromOffset;
    const one = (value: number) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const size = bytes < 1024 ? `${format.number(bytes)} B` : bytes < 1024 * 1024 ? `${one(bytes / 1024)} KiB` : `${one(bytes / 1024 / 1024)} MiB`;
    return gap.reason === "slow" ? t("gap.slow", { size }) : t("gap.dropped", { size });
  };
  const texts: LiveLogTexts = {
    newRun: (id) => t("newRun", { runId: id }),
    gapNotice: (gap) => t("gap.notice", { gap: gapText(gap), missed: t("gap.missed") }),
    historyFailed: (message) => t("historyFailed", { message }),
  };
  const textsRef = useRef(texts);
  textsRef.current = texts;
  const terminal = useRef<LogTerminalHandle>(null);
  const [snapshot, setSnapshot] = useState<ViewSnapshot | null>(null);
  const view = useMemo(() => {
    let frame = 0;
    let latest: ViewSnapshot | null = null;
    // One React update per frame at most, however fast output arrives.
    return new LiveLogView((next) => {
      latest = next;
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setSnapshot(latest)));
    }, textsRef.current);
  }, []);
  useEffect(() => {
    view.texts = texts;
  });
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(true);
  const [level, setLevel] = useState<LogLevel | null>(null);
  const [tpRank, setTpRank] = useState<number | null>(null);
  const [excerpt, setExcerpt] = useState<LogExcerpt | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [markIndex, setMarkIndex] = useState<Record<ViewMark["kind"], number>>({ error: -1, phase: -1 });
  const { search, runSearch, showHit } = useLogSearch(instanceId, runId);
  const [queryText, setQueryText] = useState("");
  const [regex, setRegex] = useState(false);

  useImperativeHandle(ref, () => view, [view]);
  useEffect(() => terminal.current?.withTerminal((term) => view.attach(term)), [view]);

  const rebuild = useCallback(
    (change: { timestamps?: boolean; level?: LogLevel | null; tpRank?: number | null }) => {
      const next = { timestamps, level, tpRank, ...change };
      view.timestamps = next.timestamps;
      view.setFilter({ level: next.level, tpRank: next.tpRank });
      reload();
      if ((next.level !== null || next.tpRank !== null) && runId) {
        void view.loadHistory(async () => {
          const result = await searchRunLog(instanceId, runId, {
            ...(next.level ? { level: next.level } : {}),
            ...(next.tpRank !== null ? { tpRank: next.tpRank } : {}),
            limit: 5000,
          });
          const note = result.truncated ? t("filterTruncated", { shown: result.hits.length, total: result.total }) : null;
          return { hits: result.hits, note };
        });
      }
    },
    [timestamps, level, tpRank, view, reload, runId, instanceId, t],
  );

  const reveal = useCallback(
    async (hit: LogSearchHit | null) => {
      if (!hit || !runId) return;
      if (await view.revealHit(hit)) return;
      // Scrolled out of the terminal (or filtered away): show it from the log file.
      setExcerpt({
        title: t("excerpt.line", { line: hit.line + 1 }),
        runId,
        from: Math.max(0, hit.offset - EXCERPT_CONTEXT_BYTES),
        to: hit.offset + EXCERPT_CONTEXT_BYTES,
        markOffset: hit.offset,
      });
    },
    [view, runId, t],
  );

  async function submitSearch(event: React.FormEvent) {
    event.preventDefault();
    const result = await runSearch(queryText, regex);
    await reveal(result?.hits[0] ?? null);
  }

  function stepMark(kind: ViewMark["kind"], direction: 1 | -1) {
    const marks = (snapshot?.marks ?? []).filter((mark) => mark.kind === kind);
    if (marks.length === 0) return;
    const current = markIndex[kind] < 0 ? (direction === 1 ? -1 : marks.length) : markIndex[kind];
    const next = Math.min(marks.length - 1, Math.max(0, current + direction));
    setMarkIndex({ ...markIndex, [kind]: next });
    view.jumpToMark(marks[next]!);
  }

  function copy() {
    terminal.current?.withTerminal((term) => {
      const text = term.getSelection() || bufferText(term);
      void writeClipboard(text).then((ok) => {
        setCopied(ok ? (term.hasSelection() ? t("copy.selection") : t("copy.lines", { count: text.split("\n").length })) : t("copy.failed"));
        setTimeout(() => setCopied(null), 2000);
      });
    });
  }

  const following = snapshot?.following ?? true;
  const paused = snapshot?.paused ?? false;
  const errors = (snapshot?.marks ?? []).filter((mark) => mark.kind === "error").length;
  const phases = (snapshot?.marks ?? []).filter((mark) => mark.kind === "phase").length;
  const hits = search.result?.hits ?? [];

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 whitespace-nowrap text-xs">
        {paused || !following ? (
          <Button size="sm" onClick={() => view.jumpToLive()}>
            {snapshot?.newLines ? t("follow.jumpNew", { count: snapshot.newLines }) : t("follow.jump")}
          </Button>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => view.pause()}>
            {t("follow.pause")}
          </Button>
        )}
        <span data-testid="follow-state" className={following && !paused ? "text-emerald-400" : "text-amber-400"}>
          {!connected ? t("follow.reconnecting") : paused ? t("follow.paused") : following ? t("follow.following") : t("follow.scrolledUp")}
        </span>
        <form onSubmit={submitSearch} className="flex items-center gap-1" role="search">
          <Input aria-label={t("search.label")} placeholder={t("search.placeholder")} className="w-56" value={queryText} onChange={(e) => setQueryText(e.target.value)} />
          <label className="flex items-center gap-1 text-zinc-400">
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t("search.regex")}
          </label>
          <Button type="submit" variant="secondary" size="sm" disabled={!runId || search.busy}>
            {search.busy ? t("search.busy") : t("search.submit")}
          </Button>
          <Button variant="ghost" size="sm" aria-label={t("search.previous")} disabled={hits.length === 0} onClick={() => void reveal(showHit(search.current - 1))}>
            ↑
          </Button>
          <Button variant="ghost" size="sm" aria-label={t("search.next")} disabled={hits.length === 0} onClick={() => void reveal(showHit(search.current + 1))}>
            ↓
          </Button>
          <span data-testid="search-count" className="whitespace-nowrap text-zinc-400">
            {search.error ??
              (search.result
                ? `${hits.length ? search.current + 1 : 0} / ${search.result.total}${search.result.truncated ? t("search.truncated", { shown: hits.length }) : ""}${search.result.timedOut ? t("search.timedOut") : ""}`
                : "")}
          </span>
        </form>
      </div>
      <div className="flex flex-wrap items-center gap-2 whitespace-nowrap text-xs text-zinc-400">
        <label className="flex items-center gap-1">
          {t("filter.level")}
          <Select aria-label={t("filter.level")} className="w-28" value={level ?? ""} onChange={(e) => { const next = (e.target.value || null) as LogLevel | null; setLevel(next); rebuild({ level: next }); }}>
            <option value="">{t("filter.all")}</option>
            {LOG_LEVELS.filter((l) => l !== "INFO").map((l) => (
              <option key={l} value={l}>{l === "WARNING" ? t("filter.warnings") : t("filter.errors")}</option>
            ))}
          </Select>
        </label>
        <label className="flex items-center gap-1 whitespace-nowrap">
          {t("filter.tpRank")}
          <Select aria-label={t("filter.tpRank")} className="w-20" value={tpRank ?? ""} onChange={(e) => { const next = e.target.value === "" ? null : Number(e.target.value); setTpRank(next); rebuild({ tpRank: next }); }}>
            <option value="">{t("filter.all")}</option>
            {(snapshot?.tpRanks ?? []).map((rank) => (
              <option key={rank} value={rank}>TP{rank}</option>
            ))}
          </Select>
        </label>
        <span className="flex items-center gap-1">
          <span className="text-red-400">■</span> {t("marks.errors")} <span data-testid="error-count">{errors}</span>
          <Button variant="ghost" size="sm" aria-label={t("marks.previousError")} disabled={errors === 0} onClick={() => stepMark("error", -1)}>↑</Button>
          <Button variant="ghost" size="sm" aria-label={t("marks.nextError")} disabled={errors === 0} onClick={() => stepMark("error", 1)}>↓</Button>
        </span>
        <span className="flex items-center gap-1">
          <span className="text-sky-400">■</span> {t("marks.phases")} <span data-testid="phase-count">{phases}</span>
          <Button variant="ghost" size="sm" aria-label={t("marks.previousPhase")} disabled={phases === 0} onClick={() => stepMark("phase", -1)}>↑</Button>
          <Button variant="ghost" size="sm" aria-label={t("marks.nextPhase")} disabled={phases === 0} onClick={() => stepMark("phase", 1)}>↓</Button>
        </span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={timestamps} onChange={(e) => { setTimestamps(e.target.checked); rebuild({ timestamps: e.target.checked }); }} /> {t("timestamps")}
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> {t("wrap")}
        </label>
        <Button variant="ghost" size="sm" onClick={copy}>
          {copied ?? t("copy.button")}
        </Button>
        {runId && (
          <a className="ml-auto text-sky-400 hover:underline" href={logRangeUrl(instanceId, runId)}>
            {t("download")}
          </a>
        )}
      </div>
      {(snapshot?.gaps.length ?? 0) > 0 && (
        <ul aria-label={t("gap.missed")} className="space-y-1 rounded-md border border-amber-800 bg-amber-950/40 px-3 py-2 text-xs text-amber-200">
          {snapshot!.gaps.map((gap, i) => (
            <li key={`${gap.runId}:${gap.fromOffset}:${i}`} className="flex items-center gap-2" data-testid="gap-marker">
              <span>{t("gap.item", { gap: gapText(gap), from: format.number(gap.fromOffset), to: format.number(gap.toOffset) })}</span>
              <Button variant="secondary" size="sm" onClick={() => setExcerpt({ title: t("gap.missed"), runId: gap.runId, from: gap.fromOffset, to: gap.toOffset })}>
                {t("gap.load")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {excerpt && <LogExcerptPanel instanceId={instanceId} excerpt={excerpt} onClose={() => setExcerpt(null)} />}
      <div data-testid="live-log">
        <LogTerminal ref={terminal} withMarks fixedCols={wrap ? null : NO_WRAP_COLS} />
      </div>
    </div>
  );
});

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not a secure context (http on another host): the old way still works.
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
