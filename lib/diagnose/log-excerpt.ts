/**
 * What of a log to show beside its diagnosis: all of it when it is short, else its head, its tail and
 * a window around each key line. Fed text chunk by chunk; holds only the lines it will return.
 * Lines are numbered as the diagnoser numbers them: only `\n` ends a line (`\r` overwrites within it).
 */
export interface ExcerptLine {
  /** 1-based line number in the whole log. */
  no: number;
  text: string;
}

export interface LogExcerpt {
  /** In order; a jump in `no` between neighbours is a gap. */
  lines: ExcerptLine[];
  totalLines: number;
  complete: boolean;
}

export interface LogExcerptOptions {
  keyLines: readonly number[];
  /** Logs of at most this many lines are returned whole (default 5000). */
  maxWhole?: number;
  head?: number;
  tail?: number;
  /** Lines shown on each side of a key line (default 40). */
  context?: number;
  /** Longer lines are cut (default 8192 characters). */
  maxLineChars?: number;
}

export interface LogExcerptBuilder {
  push(text: string): void;
  end(): LogExcerpt;
}

export function createLogExcerpt(options: LogExcerptOptions): LogExcerptBuilder {
  const maxWhole = options.maxWhole ?? 5000;
  const head = options.head ?? 100;
  const tail = options.tail ?? 100;
  const context = options.context ?? 40;
  const maxChars = options.maxLineChars ?? 8192;
  const keys = [...options.keyLines].sort((a, b) => a - b);

  let whole: ExcerptLine[] | null = [];
  const kept: ExcerptLine[] = [];
  const last: ExcerptLine[] = [];
  let current = "";
  let lineNo = 1;

  const nearKey = (no: number) => keys.some((k) => Math.abs(k - no) <= context);

  const finishLine = () => {
    const line = { no: lineNo, text: current.endsWith("\r") ? current.slice(0, -1) : current };
    current = "";
    lineNo++;
    if (whole !== null) {
      whole.push(line);
      if (whole.length <= maxWhole) return;
      for (const l of whole) keepOrTail(l);
      whole = null;
      return;
    }
    keepOrTail(line);
  };

  const keepOrTail = (line: ExcerptLine) => {
    if (line.no <= head || nearKey(line.no)) kept.push(line);
    else {
      last.push(line);
      if (last.length > tail) last.shift();
    }
  };

  return {
    push(text) {
      let start = 0;
      for (;;) {
        const nl = text.indexOf("\n", start);
        const piece = nl < 0 ? text.slice(start) : text.slice(start, nl);
        if (current.length < maxChars) current += piece.slice(0, maxChars - current.length);
        if (nl < 0) return;
        finishLine();
        start = nl + 1;
      }
    },
    end() {
      if (current.length > 0) finishLine();
      const totalLines = lineNo - 1;
      if (whole !== null) return { lines: whole, totalLines, complete: true };
      const lines = [...kept, ...last].sort((a, b) => a.no - b.no);
      return { lines, totalLines, complete: false };
    },
  };
}
