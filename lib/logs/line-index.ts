import { utf8Length } from "./utf8";

export interface IndexedLine {
  /** 0-based index among the lines written to the terminal. */
  index: number;
  /** Byte offset of the line's start in the run's log; null for a note the viewer wrote itself. */
  offset: number | null;
  text: string;
}

const MAX_LINE_CHARS = 8192;
const ASCII_RE = /^[\x00-\x7f]*$/;

/**
 * Which log line each terminal line is, for the most recent `capacity` lines (the terminal's buffer):
 * so that a search hit (a byte offset) can be found on screen, or known to have scrolled out.
 * Counts lines by `\n`, as the terminal does with a pty's `\r\n`.
 */
export class TerminalLineIndex {
  /** Lines completed so far (the index of the line being written). */
  lines = 0;
  private offsets: number[] = [];
  private base = 0;
  private partial = "";
  private lineStarted = false;
  private lineOffset: number | null = null;

  constructor(private readonly capacity: number) {}

  /**
   * Records text written to the terminal. `offset` is the log offset of its first byte, or null for the
   * viewer's own notes. `onLine` gets each completed line (only pass it when lines are needed).
   */
  write(text: string, offset: number | null, onLine?: (line: IndexedLine) => void): void {
    const ascii = offset === null || ASCII_RE.test(text);
    // Byte offsets of line starts, counted forward once through the text (never from its start again).
    let counted = 0;
    let countedBytes = 0;
    const offsetAt = (index: number): number | null => {
      if (offset === null) return null;
      countedBytes += ascii ? index - counted : utf8Length(text, counted, index);
      counted = index;
      return offset + countedBytes;
    };
    let from = 0;
    for (let newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n", from)) {
      if (!this.lineStarted) this.lineOffset = offsetAt(from);
      if (onLine) onLine({ index: this.lines, offset: this.lineOffset, text: this.partial + text.slice(from, newline) });
      this.record(this.lineOffset);
      this.partial = "";
      this.lineStarted = false;
      from = newline + 1;
    }
    if (from < text.length) {
      if (!this.lineStarted) {
        this.lineStarted = true;
        this.lineOffset = offsetAt(from);
      }
      if (onLine && this.partial.length < MAX_LINE_CHARS) this.partial += text.slice(from, from + MAX_LINE_CHARS);
    }
  }

  /** The terminal line that starts at this log offset, if it is among the recent lines; else null. */
  lineAt(offset: number): number | null {
    for (let i = this.offsets.length - 1; i >= 0; i--) {
      const value = this.offsets[i]!;
      if (value === offset) return this.base + i;
      if (value >= 0 && value < offset) return null;
    }
    return null;
  }

  /** Log offset of the oldest line still held, or null. */
  get oldestOffset(): number | null {
    return this.offsets.find((value) => value >= 0) ?? null;
  }

  private record(offset: number | null): void {
    this.offsets.push(offset ?? -1);
    this.lines++;
    if (this.offsets.length > this.capacity * 2) {
      const drop = this.offsets.length - this.capacity;
      this.offsets = this.offsets.slice(drop);
      this.base += drop;
    }
  }
}
