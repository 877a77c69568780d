"use client";

import "@xterm/xterm/css/xterm.css";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { Terminal } from "@xterm/xterm";

/** A terminal that can also point at lines: for a log shown beside its diagnosis. */
export interface LogTerminalHandle {
  /** Writes output; `written` runs once xterm.js has parsed it (the moment to acknowledge it). */
  write: (data: string, written?: () => void) => void;
  reset: (note: string) => void;
  /** Runs `op` with the xterm.js terminal once it has loaded (for the log viewer's own tools). */
  withTerminal: (op: (term: Terminal) => void) => void;
  /**
   * Marks lines of what has been written (0-based, one per `\r\n`, however many rows each wraps to) and
   * scrolls to the first. `labels` name each mark (e.g. its line number in the original log).
   */
  markLines: (lines: readonly number[], labels?: readonly string[]) => void;
  scrollToLine: (line: number) => void;
}

const MARK_BACKGROUND = "#5f1a1a";
const MARK_RULER = "#ef4444";

/** A real terminal (xterm.js) for a run's output: colours, carriage-return progress bars and all. */
export interface LogTerminalProps {
  withMarks?: boolean;
  /** Columns to keep whatever the width (no wrapping: the view scrolls sideways); null fits the width. */
  fixedCols?: number | null;
  className?: string;
}

export const LogTerminal = forwardRef<LogTerminalHandle, LogTerminalProps>(function LogTerminal({ withMarks = false, fixedCols = null, className }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  // Work that arrives before xterm.js has loaded is held, never dropped.
  const early = useRef<((term: Terminal) => void)[]>([]);
  const fitRef = useRef<(() => void) | null>(null);
  const colsRef = useRef(fixedCols);
  colsRef.current = fixedCols;

  useImperativeHandle(ref, () => {
    const run = (op: (term: Terminal) => void) => (terminal.current ? op(terminal.current) : early.current.push(op));
    return {
      write: (data, written) => run((term) => term.write(data, written)),
      reset: (note) => run((term) => term.write(note)),
      withTerminal: (op) => run(op),
      // An empty write runs its callback once everything written before it has been parsed.
      markLines: (lines, labels) => run((term) => term.write("", () => markRows(term, lines, labels))),
      scrollToLine: (line) => run((term) => term.write("", () => scrollToRow(term, line))),
    };
  });

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !container.current) return;
      const term = new Terminal({
        convertEol: false,
        disableStdin: true,
        scrollback: 20_000,
        fontSize: 12,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
        theme: { background: "#09090b" },
        // Decorations (marked lines) are still a proposed API in xterm.js.
        allowProposedApi: true,
        ...(withMarks ? { overviewRuler: { width: 8 } } : {}),
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(container.current);
      const fitNow = () => {
        const dims = fit.proposeDimensions();
        if (!dims) return;
        term.resize(colsRef.current ?? dims.cols, dims.rows);
      };
      fitNow();
      fitRef.current = fitNow;
      terminal.current = term;
      for (const op of early.current.splice(0)) op(term);
      const onResize = () => fitNow();
      window.addEventListener("resize", onResize);
      cleanup = () => {
        window.removeEventListener("resize", onResize);
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      terminal.current = null;
      fitRef.current = null;
      cleanup();
    };
  }, [withMarks]);

  useEffect(() => fitRef.current?.(), [fixedCols]);

  return (
    <div className={className ?? "h-[28rem] w-full rounded-md bg-zinc-950 p-2"} style={{ overflowX: fixedCols ? "auto" : "hidden", overflowY: "hidden" }}>
      <div ref={container} className="h-full" data-testid="terminal" />
    </div>
  );
});

/** Buffer rows where each written line starts (a wrapped row continues the line above it). */
function lineStarts(term: Terminal): number[] {
  const buffer = term.buffer.active;
  const starts: number[] = [];
  for (let row = 0; row < buffer.length; row++) if (!buffer.getLine(row)?.isWrapped) starts.push(row);
  return starts;
}

function markRows(term: Terminal, lines: readonly number[], labels: readonly string[] | undefined): void {
  const starts = lineStarts(term);
  const buffer = term.buffer.active;
  const cursorRow = buffer.baseY + buffer.cursorY;
  lines.forEach((line, index) => {
    const row = starts[line];
    if (row === undefined) return;
    const height = (starts[line + 1] ?? row + 1) - row;
    const marker = term.registerMarker(row - cursorRow);
    const decoration = term.registerDecoration({
      marker,
      width: term.cols,
      height: Math.max(1, height),
      backgroundColor: MARK_BACKGROUND,
      layer: "bottom",
      overviewRulerOptions: { color: MARK_RULER },
    });
    const label = labels?.[index];
    decoration?.onRender((element) => {
      element.dataset.testid = "marked-line";
      if (label !== undefined) element.dataset.line = label;
    });
  });
  if (lines[0] !== undefined) scrollToRow(term, lines[0], starts);
}

function scrollToRow(term: Terminal, line: number, starts = lineStarts(term)): void {
  const row = starts[line];
  if (row !== undefined) term.scrollToLine(Math.max(0, row - Math.floor(term.rows / 3)));
}
