import { StringDecoder } from "node:string_decoder";
import type { LogSearchHit, LogSearchResult } from "../../lib/logs/search";
import { makeLineFilter, stripControls, type LineFilterSpec } from "../../lib/logs/line-filter";
import { AppError } from "../../lib/errors";
import { readLogBlocks } from "./log-files";

export interface SearchOptions extends LineFilterSpec {
  /** Hits returned at most (the count goes on). */
  limit: number;
  /** Scanning stops after this long, the result saying so. */
  timeBudgetMs: number;
}

const HIT_TEXT_CHARS = 1000;

/**
 * Reads a run's whole log (every kept part) line by line and returns the lines that match, with their
 * line numbers and byte offsets, so the view can jump to one even when it scrolled out of the terminal.
 * Yields to the event loop between blocks; never holds more than one block and the hits.
 */
export async function searchLog(logPath: string, options: SearchOptions): Promise<LogSearchResult> {
  const filter = makeLineFilter(options);
  if (!filter.ok) throw new AppError("bad_request", { detail: `the regular expression does not parse: ${filter.error}` });
  const started = Date.now();
  const hits: LogSearchHit[] = [];
  let total = 0;
  let line = 0;
  let lineStart = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let scanned = 0;
  let timedOut = false;

  const takeLine = (bytes: Buffer, offset: number) => {
    const decoder = new StringDecoder("utf8");
    const text = decoder.write(bytes) + decoder.end();
    if (filter.test(text)) {
      total++;
      if (hits.length < options.limit) hits.push({ line, offset, text: stripControls(text).slice(0, HIT_TEXT_CHARS) });
    }
    line++;
  };

  for (const block of readLogBlocks(logPath, { blockBytes: 1024 * 1024 })) {
    if (block.type === "dropped") {
      // Lines are counted in what is kept; a partial line before the deleted part ends there.
      if (pendingBytes > 0) takeLine(Buffer.concat(pending), lineStart);
      pending = [];
      pendingBytes = 0;
      lineStart = block.end;
      continue;
    }
    const { bytes, offset } = block;
    let from = 0;
    for (let newline = bytes.indexOf(10, from); newline >= 0; newline = bytes.indexOf(10, from)) {
      const piece = bytes.subarray(from, newline);
      takeLine(pendingBytes > 0 ? Buffer.concat([...pending, piece]) : piece, lineStart);
      pending = [];
      pendingBytes = 0;
      from = newline + 1;
      lineStart = offset + from;
    }
    if (from < bytes.length) {
      // Bound a line without newlines (a binary blob) to what a hit could show.
      if (pendingBytes < 64 * 1024) pending.push(bytes.subarray(from));
      pendingBytes += bytes.length - from;
    }
    scanned = offset + bytes.length;
    if (Date.now() - started > options.timeBudgetMs) {
      timedOut = true;
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!timedOut && pendingBytes > 0) takeLine(Buffer.concat(pending), lineStart);
  return { hits, total, truncated: total > hits.length, timedOut, scannedBytes: scanned, lines: line };
}
