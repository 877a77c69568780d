import type { IDecoration, IMarker, Terminal } from "@xterm/xterm";

// Small operations on an xterm.js buffer, by line (`\n`-separated, however many rows each wraps to).

/**
 * The buffer row where line `line` starts, given that `linesWritten` lines had been completed when the
 * terminal parsed up to its cursor. Null when the line scrolled out of the buffer.
 */
export function rowOfLine(term: Terminal, linesWritten: number, line: number): number | null {
  const buffer = term.buffer.active;
  let row = buffer.baseY + buffer.cursorY;
  while (row > 0 && buffer.getLine(row)?.isWrapped) row--;
  for (let k = linesWritten - line; k > 0; k--) {
    row--;
    if (row < 0) return null;
    while (row > 0 && buffer.getLine(row)?.isWrapped) row--;
  }
  return row;
}

/** Scrolls so that `row` sits a third of the way down the view. */
export function scrollToRow(term: Terminal, row: number): void {
  term.scrollToLine(Math.max(0, row - Math.floor(term.rows / 3)));
}

const MARK_COLOURS = { error: "#ef4444", phase: "#38bdf8", hit: "#eab308" } as const;
export type MarkKind = keyof typeof MARK_COLOURS;

/** A coloured bar at the left edge and on the overview ruler, at `row` (a whole-line highlight for a search hit). */
export function markRow(term: Terminal, row: number, kind: MarkKind, wholeLine = false): { marker: IMarker; decoration: IDecoration | undefined } {
  const buffer = term.buffer.active;
  const marker = term.registerMarker(row - (buffer.baseY + buffer.cursorY));
  const decoration = term.registerDecoration({
    marker,
    x: 0,
    width: wholeLine ? term.cols : 1,
    layer: wholeLine ? "bottom" : "top",
    ...(wholeLine ? { backgroundColor: "#3f3a12" } : {}),
    overviewRulerOptions: { color: MARK_COLOURS[kind] },
  });
  decoration?.onRender((element) => {
    element.dataset.testid = kind === "hit" ? "search-hit" : "log-mark";
    element.dataset.kind = kind;
    // A thin bar at the left edge of the first cell: the character under it stays readable.
    if (!wholeLine) {
      element.style.background = MARK_COLOURS[kind];
      element.style.width = "3px";
    }
  });
  return { marker, decoration };
}

/** The buffer's text, wrapped rows joined back into their lines. */
export function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let row = 0; row < buffer.length; row++) {
    const line = buffer.getLine(row);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** Whether the view shows the newest output. */
export function atBottom(term: Terminal): boolean {
  const buffer = term.buffer.active;
  return buffer.viewportY >= buffer.baseY;
}
