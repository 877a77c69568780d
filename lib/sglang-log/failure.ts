/** What a failure line signals, how telling it is, and the helpers the failure rules share. */
import type { FailureCause } from "./causes";
import type { StartupPhase } from "./phases";

/**
 * How telling a failure line is. Specific errors (an OOM, a bad flag) outrank the generic signs
 * that something died (`Received sigquit`, `Child process unexpectedly failed`, a traceback header).
 */
export const STRENGTH = {
  hint: 10,
  header: 25,
  exception: 30,
  sigquit: 35,
  childFailed: 40,
  subprocessCrashed: 50,
  /** A kernel crash or an exception in the serving loop names more than the process death that follows. */
  genericCuda: 55,
  strongHint: 60,
  likely: 90,
  spec: 95,
  specific: 100,
  decisive: 110,
} as const;

export type FailureKind = "specific" | "cuda_oom" | "generic_cuda" | "exception" | "crash" | "header" | "hint" | "stop";

export type FailureDetail = Record<string, string | number>;

export interface FailureSignal {
  cause: FailureCause;
  strength: number;
  /** Whether the line means the process cannot go on (a request-level error does not). */
  fatal: boolean;
  kind: FailureKind;
  detail: FailureDetail;
}

/** Where a traceback frame points: which part of start-up or serving raised. */
export type FrameHint = StartupPhase | "speculative";

export interface ClassifyContext {
  /** Phase in progress when the line arrives (null while no line has shown one). */
  phase: StartupPhase | null;
  /** What the frames of the current traceback point at. */
  frameHint: FrameHint | null;
  /** Speculative decoding is on, or the traceback runs through draft code. */
  speculative: boolean;
}

/** One named failure rule: the first rule that answers, in list order, classifies the line. */
export interface FailureRule {
  name: string;
  match(text: string, ctx: ClassifyContext): FailureSignal | null;
}

export function fail(cause: FailureCause, strength: number, kind: FailureKind, detail: FailureDetail = {}, fatal = true): FailureSignal {
  return { cause, strength, fatal, kind, detail };
}

export function firstMatch(re: RegExp, t: string): string | undefined {
  const m = re.exec(t);
  return m ? m[1] : undefined;
}

export const EXCEPTION_LINE_RE = /^(?:[A-Za-z_][\w]*\.)*([A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)|KeyError|AssertionError)(?::\s?(.*))?$/;

/** Where the failing code runs: the traceback's frames when they tell, else the phase reached. */
export function whereFailed(ctx: ClassifyContext): StartupPhase | null {
  return ctx.frameHint !== null && ctx.frameHint !== "speculative" ? ctx.frameHint : ctx.phase;
}

export function toGb(value: string | undefined, unit: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  const u = (unit ?? "GiB").toUpperCase();
  if (u.startsWith("M")) return Math.round((n / 1024) * 1000) / 1000;
  if (u.startsWith("K")) return n / (1024 * 1024);
  return n;
}

export function cudaOomDetail(t: string): FailureDetail {
  const d: FailureDetail = { oomType: "cuda" };
  const tried = /Tried to allocate ([\d.]+) ?([KMGT]i?B)/.exec(t);
  if (tried) {
    const gb = toGb(tried[1], tried[2]);
    if (gb !== null) d.triedGb = gb;
  }
  const cap = /GPU (\d+) has a total capacit(?:y|ies) of ([\d.]+) ?([KMGT]i?B) of which ([\d.]+) ?([KMGT]i?B) is free/.exec(t);
  if (cap) {
    d.gpu = Number(cap[1]);
    const total = toGb(cap[2], cap[3]);
    const free = toGb(cap[4], cap[5]);
    if (total !== null) d.totalGb = total;
    if (free !== null) d.freeGb = free;
  }
  const proc = /this process has ([\d.]+) ?([KMGT]i?B) memory in use/.exec(t);
  if (proc) {
    const gb = toGb(proc[1], proc[2]);
    if (gb !== null) d.processGb = gb;
  }
  return d;
}
