/**
 * Cuts a stream of text chunks (any chunking, partial lines, `\r`, `\r\n`) into logical segments,
 * each with its 1-based physical line number; a line longer than `MAX_LINE_CHARS` keeps its start only.
 */

/** The longest line kept whole; the rest of a longer line is dropped (64 KiB). */
export const MAX_LINE_CHARS = 64 * 1024;

export class SegmentStream {
  private carry = "";
  private completedLines = 0;
  private lineHasChars = false;

  constructor(private readonly onSegment: (segment: string, lineNo: number) => void) {}

  /** Physical lines seen so far, an unfinished last one included. */
  get linesSeen(): number {
    return this.completedLines + (this.lineHasChars || this.carry.length > 0 ? 1 : 0);
  }

  get completed(): number {
    return this.completedLines;
  }

  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    let nextNl = chunk.indexOf("\n");
    let nextCr = chunk.indexOf("\r");
    if (nextNl < 0) nextNl = n;
    if (nextCr < 0) nextCr = n;
    while (i < n) {
      if (nextNl < i) {
        nextNl = chunk.indexOf("\n", i);
        if (nextNl < 0) nextNl = n;
      }
      if (nextCr < i) {
        nextCr = chunk.indexOf("\r", i);
        if (nextCr < 0) nextCr = n;
      }
      const end = nextNl < nextCr ? nextNl : nextCr;
      if (end >= n) {
        this.appendCarry(chunk, i, n);
        this.lineHasChars = true;
        break;
      }
      let seg: string;
      if (this.carry.length > 0) {
        this.appendCarry(chunk, i, end);
        seg = this.carry;
        this.carry = "";
      } else {
        seg = end - i > MAX_LINE_CHARS ? chunk.slice(i, i + MAX_LINE_CHARS) : chunk.slice(i, end);
      }
      this.onSegment(seg, this.completedLines + 1);
      if (end === nextNl) {
        this.completedLines++;
        this.lineHasChars = false;
      } else {
        this.lineHasChars = true;
      }
      i = end + 1;
    }
  }

  /** Hands on the unfinished last line, if any. */
  flush(): void {
    if (this.carry.length === 0) return;
    const seg = this.carry;
    this.carry = "";
    this.onSegment(seg, this.completedLines + 1);
  }

  private appendCarry(chunk: string, from: number, to: number): void {
    const room = MAX_LINE_CHARS - this.carry.length;
    if (room <= 0 || to <= from) return;
    this.carry += chunk.slice(from, Math.min(to, from + room));
  }
}
