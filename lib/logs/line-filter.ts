import { classifyLogLine } from "../sglang-log/classify-line";
import { splitSegments } from "../sglang-log/line";
import type { StartupPhase } from "../sglang-log/phases";

// What the log view needs to know of one line, from the one classifier in lib/sglang-log.

export const LOG_LEVELS = ["INFO", "WARNING", "ERROR"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ViewLine {
  level: LogLevel;
  /** Tensor-parallel rank from the line's tags (`TP3` → 3), or null when it has none. */
  tpRank: number | null;
  /** `error`: a failure or a traceback's start; `phase`: a start-up stage began or the server is ready. */
  mark: "error" | "phase" | null;
  phase: StartupPhase | null;
}

const LEVEL_OF: Record<string, LogLevel> = {
  DEBUG: "INFO",
  INFO: "INFO",
  WARN: "WARNING",
  WARNING: "WARNING",
  ERROR: "ERROR",
  CRITICAL: "ERROR",
  FATAL: "ERROR",
};

/** Classifies a physical line (no `\n`); of carriage-return redraws, the last one is what a terminal shows. */
export function classifyViewLine(physicalLine: string): ViewLine {
  const segments = splitSegments(physicalLine);
  const shown = segments[segments.length - 1] ?? "";
  const signal = classifyLogLine(shown);
  const { line } = signal;
  const tp = line.rank ? /\bTP(\d+)\b/.exec(line.rank) : null;
  let level: LogLevel = (line.level && LEVEL_OF[line.level]) || "INFO";
  const failed = signal.failure !== null && signal.failure.kind !== "hint" && signal.failure.kind !== "stop";
  if (failed || signal.traceback !== null) level = "ERROR";
  else if (level === "INFO" && /Warning:|^WARNING\b|^Warning\b/.test(line.text)) level = "WARNING";
  const startsPhase = (signal.phase !== null && signal.progress === null) || signal.ready;
  return {
    level,
    tpRank: tp ? Number(tp[1]) : null,
    mark: failed || signal.traceback === "header" ? "error" : startsPhase ? "phase" : null,
    phase: signal.ready ? "ready" : signal.phase,
  };
}

/**
 * Cheap test of one line: false for the serving lines (batch statistics, HTTP access lines) that make up
 * almost all of a busy server's output and that the classifier never marks, so a flood costs a few
 * substring searches per line instead of a classification each.
 */
export function mayHoldMarks(physicalLine: string): boolean {
  return !(physicalLine.includes("Decode batch") || physicalLine.includes("Prefill batch") || physicalLine.includes(" HTTP/1."));
}

export interface LineFilterSpec {
  query?: string;
  regex?: boolean;
  level?: LogLevel;
  tpRank?: number;
}

export type LineFilterResult = { ok: true; test: (physicalLine: string) => boolean } | { ok: false; error: string };

/** Longest line a query is matched against: bounds the work of one (possibly slow) regular expression. */
export const MAX_MATCH_CHARS = 4000;

/**
 * Builds a line test from a search and filters. `level` keeps lines at that level or above (WARNING
 * keeps warnings and errors); `tpRank` keeps lines tagged with that rank. Text is matched without ANSI
 * colours, case-insensitively.
 */
export function makeLineFilter(spec: LineFilterSpec): LineFilterResult {
  let matchText: ((text: string) => boolean) | null = null;
  if (spec.query) {
    if (spec.regex) {
      let re: RegExp;
      try {
        re = new RegExp(spec.query, "i");
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
      matchText = (text) => re.test(text.length > MAX_MATCH_CHARS ? text.slice(0, MAX_MATCH_CHARS) : text);
    } else {
      const needle = spec.query.toLowerCase();
      matchText = (text) => text.toLowerCase().includes(needle);
    }
  }
  const minLevel = spec.level ? LOG_LEVELS.indexOf(spec.level) : 0;
  const needsKind = minLevel > 0 || spec.tpRank !== undefined;
  return {
    ok: true,
    test: (physicalLine) => {
      const plain = stripControls(physicalLine);
      if (matchText && !matchText(plain)) return false;
      if (!needsKind) return true;
      const kind = classifyViewLine(physicalLine);
      if (LOG_LEVELS.indexOf(kind.level) < minLevel) return false;
      return spec.tpRank === undefined || kind.tpRank === spec.tpRank;
    },
  };
}

const CONTROL_RE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\r/g;

/** A line as a reader sees it: no colours, and of carriage-return redraws only the last. */
export function stripControls(physicalLine: string): string {
  const lastRedraw = physicalLine.lastIndexOf("\r", physicalLine.length - 2);
  const shown = lastRedraw >= 0 && physicalLine.slice(lastRedraw + 1).trim() !== "" ? physicalLine.slice(lastRedraw + 1) : physicalLine;
  return shown.indexOf("\x1b") < 0 && shown.indexOf("\r") < 0 ? shown : shown.replace(CONTROL_RE, "");
}
