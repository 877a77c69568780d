import type { IMarker, Terminal } from "@xterm/xterm";
import { TerminalLineIndex, type IndexedLine } from "@/lib/logs/line-index";
import { classifyViewLine, makeLineFilter, mayHoldMarks, stripControls, type LogLevel } from "@/lib/logs/line-filter";
import type { LogSearchHit } from "@/lib/logs/search";
import type { GapMarker } from "@/lib/logs/stream-cursor";
import type { LogChunkEvent } from "@/lib/realtime";
import type { LogSink } from "../instances/use-instance-stream";
import { atBottom, markRow, rowOfLine, scrollToRow } from "./terminal-rows";

export interface ViewMark {
  kind: "error" | "phase";
  line: number;
  text: string;
  marker: IMarker | null;
}

export interface ViewFilter {
  level: LogLevel | null;
  tpRank: number | null;
}

export interface ViewSnapshot {
  following: boolean;
  paused: boolean;
  /** Lines written since the view stopped following. */
  newLines: number;
  marks: ViewMark[];
  gaps: GapMarker[];
  tpRanks: number[];
}

/** What the view writes into the terminal in its own words (not SGLang's), in the reader's language. */
export interface LiveLogTexts {
  newRun: (runId: string) => string;
  gapNotice: (gap: GapMarker) => string;
  historyFailed: (message: string) => string;
}

const SCROLLBACK = 20_000;
const DIM = "\x1b[2m";
const YELLOW = "\x1b[33m";
const RESET = "\x1b[0m";

/**
 * The live log view's engine, outside React: writes chunks to xterm.js (with timestamps and filters
 * when asked), keeps the terminal-line index for jumps, marks errors and phase changes, holds output
 * while paused, and reports a snapshot for the toolbar. Acknowledges a chunk only once it is written:
 * a paused or slow view is skipped forward by the console instead of growing a queue.
 */
export class LiveLogView implements LogSink {
  private term: Terminal | null = null;
  private index = new TerminalLineIndex(SCROLLBACK + 200);
  /** Splits incoming output into lines when a filter is on (lines written are then not the chunks). */
  private filterSplitter = new TerminalLineIndex(1);
  private atLineStart = true;
  /** The next text is drawn from the left edge (after a line break or a carriage return). */
  private atColumnZero = true;
  /** Output (and notices) that arrived while paused or while history loads, in order. */
  private held: (() => void)[] = [];
  private heldFirstOffset: number | null = null;
  private state: ViewSnapshot = { following: true, paused: false, newLines: 0, marks: [], gaps: [], tpRanks: [] };
  private ranks = new Set<number>();
  private hitDecoration: { dispose: () => void } | null = null;
  private lineTest: ((line: string) => boolean) | null = null;
  /** A filtered view is loading the run's history: live output is held meanwhile. */
  private loadingHistory = false;

  timestamps = false;

  constructor(
    private readonly onChange: (snapshot: ViewSnapshot) => void,
    /** Replaced when the reader switches language; notices already written stay as they were. */
    public texts: LiveLogTexts,
  ) {}

  attach(term: Terminal): void {
    this.term = term;
    term.onScroll(() => this.checkFollowing());
    term.onWriteParsed(() => this.checkFollowing());
    term.element?.addEventListener("wheel", () => requestAnimationFrame(() => this.checkFollowing()), { passive: true });
    if (!this.holding()) this.release();
  }

  // ---- LogSink

  /** xterm.js loads after the page: output that comes first (the replay, often) waits for it. */
  private holding(): boolean {
    return this.term === null || this.state.paused || this.loadingHistory;
  }

  writeChunk(chunk: LogChunkEvent, written: () => void): void {
    if (this.holding()) {
      this.heldFirstOffset ??= chunk.offset;
      this.held.push(() => this.writeChunk(chunk, written));
      return;
    }
    if (this.lineTest) {
      const lines: IndexedLine[] = [];
      this.filterSplitter.write(chunk.data, chunk.offset, (line) => lines.push(line));
      for (const line of lines) if (this.lineTest(line.text)) this.put(`${line.text}\n`, line.offset, chunk.at);
      this.term?.write("", written);
      return;
    }
    this.put(chunk.data, chunk.offset, chunk.at, written);
  }

  newRun(runId: string, previousRunId: string | null): void {
    if (this.holding()) return void this.held.push(() => this.newRun(runId, previousRunId));
    if (previousRunId !== null) this.note(this.texts.newRun(runId.slice(0, 8)), DIM);
  }

  gap(gap: GapMarker): void {
    if (this.holding()) return void this.held.push(() => this.gap(gap));
    this.note(this.texts.gapNotice(gap), YELLOW);
    this.update({ gaps: [...this.state.gaps, gap] });
  }

  clear(): void {
    this.term?.reset();
    this.index = new TerminalLineIndex(SCROLLBACK + 200);
    this.filterSplitter = new TerminalLineIndex(1);
    this.atLineStart = true;
    this.atColumnZero = true;
    this.held = [];
    this.heldFirstOffset = null;
    this.ranks.clear();
    this.update({ marks: [], gaps: [], tpRanks: [], newLines: 0, paused: false, following: true });
  }

  // ---- controls

  setFilter(filter: ViewFilter): void {
    const active = filter.level !== null || filter.tpRank !== null;
    const built = active ? makeLineFilter({ ...(filter.level ? { level: filter.level } : {}), ...(filter.tpRank !== null ? { tpRank: filter.tpRank } : {}) }) : null;
    this.lineTest = built?.ok ? built.test : null;
  }

  /** Holds live output until `loaded` resolves with the lines matching the filter from the run's history. */
  async loadHistory(load: () => Promise<{ hits: LogSearchHit[]; note: string | null }>): Promise<void> {
    this.loadingHistory = true;
    let result: Awaited<ReturnType<typeof load>> = { hits: [], note: null };
    try {
      result = await load();
    } catch (error) {
      result = { hits: [], note: this.texts.historyFailed((error as Error).message) };
    }
    this.loadingHistory = false;
    const firstLive = this.heldFirstOffset ?? Infinity;
    for (const hit of result.hits) if (hit.offset < firstLive) this.put(`${hit.text}\r\n`, hit.offset, null);
    if (result.note) this.note(result.note, DIM);
    if (!this.holding()) this.release();
  }

  private release(): void {
    const held = this.held;
    this.held = [];
    this.heldFirstOffset = null;
    for (const op of held) op();
  }

  pause(): void {
    this.update({ paused: true });
    this.checkFollowing();
  }

  /** Writes what was held and scrolls to the newest output. */
  jumpToLive(): void {
    this.update({ paused: false });
    if (!this.holding()) this.release();
    this.term?.write("", () => {
      this.term?.scrollToBottom();
      this.checkFollowing();
    });
  }

  jumpToMark(mark: ViewMark): void {
    if (!this.term || !mark.marker || mark.marker.isDisposed) return;
    this.update({ paused: true });
    scrollToRow(this.term, mark.marker.line);
    this.checkFollowing();
  }

  /** Scrolls to a search hit if its line is still in the terminal; false when it scrolled out. */
  revealHit(hit: LogSearchHit): Promise<boolean> {
    const term = this.term;
    const line = this.index.lineAt(hit.offset);
    if (!term || line === null) return Promise.resolve(false);
    const written = this.index.lines;
    return new Promise((resolve) =>
      term.write("", () => {
        const row = rowOfLine(term, written, line);
        if (row === null) return resolve(false);
        this.hitDecoration?.dispose();
        const { marker, decoration } = markRow(term, row, "hit", true);
        this.hitDecoration = { dispose: () => (decoration?.dispose(), marker.dispose()) };
        this.update({ paused: true });
        scrollToRow(term, row);
        this.checkFollowing();
        resolve(true);
      }),
    );
  }

  // ---- writing

  private note(text: string, colour: string): void {
    this.put(`${this.atLineStart ? "" : "\r\n"}${colour}${text}${RESET}\r\n`, null, null);
  }

  private put(text: string, offset: number | null, at: number | null, written?: () => void): void {
    const term = this.term;
    if (!term) return;
    const found: ViewMark[] = [];
    this.index.write(text, offset, offset === null ? undefined : (line) => this.inspect(line, found));
    const linesAfter = this.index.lines;
    const shown = this.timestamps && at !== null ? this.stamp(text, at) : text;
    this.atLineStart = text.endsWith("\n");
    this.atColumnZero = text.endsWith("\n") || text.endsWith("\r");
    if (!this.following()) this.update({ newLines: this.state.newLines + countNewlines(text) });
    writeInSlices(term, shown, () => {
      if (found.length > 0) this.placeMarks(found, linesAfter);
      written?.();
    });
  }

  private inspect(line: IndexedLine, found: ViewMark[]): void {
    if (!mayHoldMarks(line.text)) return;
    const kind = classifyViewLine(line.text);
    if (kind.tpRank !== null && !this.ranks.has(kind.tpRank)) {
      this.ranks.add(kind.tpRank);
      this.update({ tpRanks: [...this.ranks].sort((a, b) => a - b) });
    }
    if (kind.mark) found.push({ kind: kind.mark, line: line.index, text: stripControls(line.text).trim().slice(0, 200), marker: null });
  }

  private placeMarks(found: ViewMark[], linesAfter: number): void {
    const term = this.term!;
    for (const mark of found) {
      const row = rowOfLine(term, linesAfter, mark.line);
      if (row === null) continue;
      mark.marker = markRow(term, row, mark.kind).marker;
    }
    const live = this.state.marks.filter((mark) => mark.marker && !mark.marker.isDisposed);
    this.update({ marks: [...live, ...found.filter((mark) => mark.marker)] });
  }

  private stamp(text: string, at: number): string {
    const prefix = `${DIM}${localTime(at)}${RESET} `;
    // After each line break, and after each carriage return that redraws a line (a progress bar), which
    // would otherwise draw over the time.
    const body = text.replace(/\n(?!$)|\r(?![\n\r]|$)/g, (brk) => `${brk}${prefix}`);
    return this.atColumnZero ? prefix + body : body;
  }

  // ---- follow state

  private following(): boolean {
    return !this.state.paused && (this.term ? atBottom(this.term) : true);
  }

  private checkFollowing(): void {
    const following = this.following();
    if (following !== this.state.following) {
      this.update({ following, newLines: 0 });
    }
  }

  private update(change: Partial<ViewSnapshot>): void {
    this.state = { ...this.state, ...change };
    this.onChange(this.state);
  }
}

/**
 * xterm.js parses each write whole before it yields to the browser: a 256 KiB batch would be one long
 * task. Slices let its write buffer stop at its time budget and leave the page responsive.
 */
const WRITE_SLICE_CHARS = 16 * 1024;

function writeInSlices(term: Terminal, text: string, written: () => void): void {
  let start = 0;
  while (text.length - start > WRITE_SLICE_CHARS) {
    let end = start + WRITE_SLICE_CHARS;
    // Never between the two halves of a surrogate pair.
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    term.write(text.slice(start, end));
    start = end;
  }
  term.write(start === 0 ? text : text.slice(start), written);
}

/** The viewer's local time of day, to the millisecond. */
function localTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
