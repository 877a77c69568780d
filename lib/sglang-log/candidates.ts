/** The failures a log shows, merged by cause: a few line numbers and the strongest line's text each, never the log. */
import type { FailureCause } from "./causes";
import type { FailureDetail, FailureKind, FailureSignal } from "./failure";
import type { StartupPhase } from "./phases";

const MAX_CANDIDATES = 64;
const LINES_PER_CANDIDATE = 4;
const MAX_KEY_TEXT = 1000;

export interface Candidate {
  cause: FailureCause;
  strength: number;
  fatal: boolean;
  kind: FailureKind;
  detail: FailureDetail;
  lines: number[];
  text: string;
  rank: string | null;
  afterReady: boolean;
  /** Where the traceback's frames placed the failure. */
  where: StartupPhase | null;
}

export interface Sighting {
  lineNo: number;
  raw: string;
  rank: string | null;
  afterReady: boolean;
  where: StartupPhase | null;
}

/** Adds a failure line to the candidate of the same cause and kind, or starts one (at most 64). */
export function addCandidate(candidates: Candidate[], f: FailureSignal, at: Sighting): void {
  const text = at.raw.trim().slice(0, MAX_KEY_TEXT);
  for (const c of candidates) {
    if (c.cause !== f.cause || c.kind !== f.kind || c.afterReady !== at.afterReady) continue;
    if (f.strength > c.strength) {
      c.strength = f.strength;
      c.detail = f.detail;
      c.where = at.where ?? c.where;
      c.text = text;
      c.lines.unshift(at.lineNo);
      if (c.lines.length > LINES_PER_CANDIDATE) c.lines.length = LINES_PER_CANDIDATE;
    } else if (c.lines.length < LINES_PER_CANDIDATE && !c.lines.includes(at.lineNo)) {
      c.lines.push(at.lineNo);
    }
    if (c.rank === null) c.rank = at.rank;
    c.fatal = c.fatal || f.fatal;
    return;
  }
  if (candidates.length >= MAX_CANDIDATES) return;
  const { cause, strength, fatal, kind, detail } = f;
  candidates.push({ cause, strength, fatal, kind, detail, lines: [at.lineNo], text, rank: at.rank, afterReady: at.afterReady, where: at.where });
}

export function firstLine(c: Candidate): number {
  return c.lines[0] ?? Number.MAX_SAFE_INTEGER;
}

/** The strongest candidate, the earliest on a tie. */
export function strongest(candidates: readonly Candidate[]): Candidate | null {
  let winner: Candidate | null = null;
  for (const c of candidates) {
    if (winner === null || c.strength > winner.strength || (c.strength === winner.strength && firstLine(c) < firstLine(winner))) winner = c;
  }
  return winner;
}
