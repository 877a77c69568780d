"use client";

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
  const [status, setStatus] = useState<string>("Loading…");
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
        setStatus(`${bytes.length.toLocaleString()} bytes from byte ${excerpt.from.toLocaleString()} of the log`);
      } catch (error) {
        if (!cancelled) setStatus(`Could not load this part: ${(error as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [instanceId, excerpt, to]);

  return (
    <section aria-label="Log excerpt" className="space-y-2 rounded-md border border-zinc-700 bg-zinc-900/60 p-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium text-zinc-200">{excerpt.title}</span>
        <span className="text-xs text-zinc-500" data-testid="excerpt-status">{status}</span>
        {excerpt.to > to && (
          <a className="text-xs text-sky-400 hover:underline" href={logRangeUrl(instanceId, excerpt.runId, excerpt.from, excerpt.to)}>
            Download all {(excerpt.to - excerpt.from).toLocaleString()} bytes
          </a>
        )}
        <Button variant="ghost" size="sm" className="ml-auto" onClick={onClose}>
          Close
        </Button>
      </div>
      <LogTerminal ref={terminal} withMarks className="h-64 w-full rounded-md bg-zinc-950 p-2" />
    </section>
  );
}
