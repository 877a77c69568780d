/**
 * The streaming diagnoser: fed chunk by chunk (any chunking, partial lines, `\r`, `\r\n`),
 * it keeps counters and a few key lines, never the whole text.
 */
import { adviseFor, type Advice } from "./advice";
import { advice as adviceOf } from "./advice/words";
import { addCandidate, firstLine, strongest, type Candidate } from "./candidates";
import { causeTitle, type FailureCause } from "./causes";
import { classifyNormalised, STRENGTH, type ClassifyContext, type LineSignal, type Progress } from "./classify-line";
import { phaseOfStartFailure, SERVING_CAUSES } from "./failure-phase";
import { emptyFacts, mergeFacts, type RunFacts } from "./facts";
import { normaliseLine, splitGlued } from "./line";
import { SegmentStream } from "./segment-stream";
import { phaseIndex, type DiagnosisPhase, type Outcome, type StartupPhase } from "./phases";

export type { Advice } from "./advice";
export type { Progress } from "./classify-line";
export type { RunFacts } from "./facts";

export interface LogDiagnosis {
  looksLikeSglang: boolean;
  outcome: Outcome;
  phase: DiagnosisPhase;
  progress: Progress | null;
  readyLineSeen: boolean;
  cause: FailureCause;
  causeTitle: string;
  keyLines: number[];
  keyLineText: string | null;
  failedRank: string | null;
  advice: Advice[];
  facts: RunFacts;
  linesSeen: number;
}

export interface LogDiagnoser {
  push(chunk: string): void;
  end(): LogDiagnosis;
  snapshot(): LogDiagnosis;
}

export interface LogDiagnoserOptions {
  /** At most this many key lines are reported (default 8). */
  maxKeyLines?: number;
}

export { MAX_LINE_CHARS } from "./segment-stream";
class Diagnoser implements LogDiagnoser {
  private readonly maxKeyLines: number;
  private readonly stream = new SegmentStream((segment, lineNo) => this.processSegment(segment, lineNo));
  private ended = false;

  /** The phase the start-up lines show; null while none has. */
  private phase: StartupPhase | null = null;
  private phaseLocked = false;
  private progress: Progress | null = null;
  private readyLineSeen = false;
  private readyLine: number | null = null;
  private inferredReady = false;
  private strongEvidence = 0;
  private weakEvidence = 0;

  private candidates: Candidate[] = [];
  private facts: RunFacts = emptyFacts();
  /** The outermost frame of the current traceback that tells where it runs. */
  private frameHint: StartupPhase | null = null;
  private specInTraceback = false;
  private tracebackRank: string | null = null;
  private captureBs: number | null = null;
  private firstLoadRank: string | null = null;
  private firstRankLoads = 0;
  private importErrors: string[] = [];
  private weightsRank: string | null = null;
  private weightsSum = 0;

  private cached: LogDiagnosis | null = null;

  constructor(options?: LogDiagnoserOptions) {
    const m = options?.maxKeyLines;
    this.maxKeyLines = typeof m === "number" && Number.isFinite(m) && m >= 1 ? Math.floor(m) : 8;
  }

  push(chunk: string): void {
    try {
      this.pushUnsafe(typeof chunk === "string" ? chunk : String(chunk ?? ""));
    } catch {
      // never throw on any input
    }
  }

  private pushUnsafe(chunk: string): void {
    if (this.ended || chunk.length === 0) return;
    this.cached = null;
    this.stream.push(chunk);
  }

  end(): LogDiagnosis {
    if (!this.ended) {
      try {
        this.stream.flush();
      } catch {
        // ignore
      }
      this.ended = true;
      this.cached = null;
    }
    return this.snapshot();
  }

  snapshot(): LogDiagnosis {
    if (this.cached !== null) return this.cached;
    let d: LogDiagnosis;
    try {
      d = this.compute();
    } catch {
      d = this.fallback();
    }
    this.cached = d;
    return d;
  }

  // ------------------------------------------------------------ per line

  private processSegment(seg: string, lineNo: number): void {
    if (seg.length === 0) return;
    const pieces = seg.indexOf("[20", 1) > 0 ? splitGlued(seg) : [seg];
    for (const piece of pieces) {
      const line = normaliseLine(piece);
      if (line.text.length === 0) continue;
      const ctx: ClassifyContext = {
        phase: this.phase,
        frameHint: this.frameHint,
        speculative:
          this.specInTraceback ||
          (this.facts.speculativeAlgorithm !== null && this.firstRankLoads >= 2 && this.phase === "load_weights"),
      };
      const sig = classifyNormalised(line, ctx);
      this.apply(sig, lineNo);
    }
  }

  private apply(sig: LineSignal, lineNo: number): void {
    if (sig.evidence === 2) this.strongEvidence++;
    else if (sig.evidence === 1) this.weakEvidence++;

    if (sig.traceback === "header") {
      this.frameHint = null;
      this.specInTraceback = false;
      if (sig.line.rank !== null) this.tracebackRank = sig.line.rank;
    } else if (sig.traceback === "frame" && sig.frameHint !== null) {
      if (sig.frameHint === "speculative") this.specInTraceback = true;
      else if (this.frameHint === null) this.frameHint = sig.frameHint;
    }

    if (sig.facts !== null) this.mergeFactsFrom(this.withWeightsOfOneRank(sig.facts, sig.line.rank ?? ""));
    if (sig.phase === "load_weights" && sig.progress === null) {
      const r = sig.line.rank ?? "";
      if (this.firstLoadRank === null) this.firstLoadRank = r;
      if (r === this.firstLoadRank) this.firstRankLoads++;
    }

    if (sig.ready && !this.readyLineSeen) {
      this.readyLineSeen = true;
      this.readyLine = lineNo;
    }
    const readyish = this.readyLineSeen || this.inferredReady;

    if (!this.phaseLocked) {
      if (sig.phase !== null) this.enterPhase(sig.phase, sig.phaseMayRegress);
      if (sig.serving !== null) {
        if (readyish) this.enterPhase("serving", false);
        else if ((sig.serving === "decode" || sig.serving === "request") && (this.phase === null || phaseIndex(this.phase) >= phaseIndex("http_up"))) {
          this.inferredReady = true;
          this.enterPhase("serving", false);
        }
      }
      if (sig.progress !== null) {
        const barPhase = sig.phase ?? this.phase;
        if (barPhase === this.phase) this.progress = sig.progress;
        const bs = /\bbs=(\d+)/.exec(sig.progress.label);
        if (bs && this.phase === "cuda_graph") this.captureBs = Math.max(this.captureBs ?? 0, Number(bs[1]));
      }
    }

    if (sig.importErrorModule !== null && this.importErrors.length < 5 && !this.importErrors.includes(sig.importErrorModule)) {
      this.importErrors.push(sig.importErrorModule);
    }

    const f = sig.failure;
    if (f !== null) {
      const rank = sig.line.rank ?? (sig.line.sglangPrefix ? null : this.tracebackRank);
      const afterReady = this.readyLineSeen || this.inferredReady;
      addCandidate(this.candidates, f, { lineNo, raw: sig.line.raw, rank, afterReady, where: this.frameHint });
      if (f.fatal && f.strength >= STRENGTH.sigquit) this.phaseLocked = true;
    }
  }

  /** The weights' memory is what one rank's loads add up to (a draft model loads after the target). */
  private withWeightsOfOneRank(update: Partial<RunFacts>, rank: string): Partial<RunFacts> {
    const gb = update.weightsGb;
    if (gb === undefined || gb === null) return update;
    if (this.weightsRank === null) this.weightsRank = rank;
    if (rank !== this.weightsRank) return { ...update, weightsGb: undefined };
    this.weightsSum += gb;
    return { ...update, weightsGb: Math.round(this.weightsSum * 100) / 100 };
  }

  private enterPhase(next: StartupPhase, mayRegress: boolean): void {
    if (this.phase === null) {
      this.phase = next;
      return;
    }
    const cur = phaseIndex(this.phase);
    const nxt = phaseIndex(next);
    if (nxt > cur || (mayRegress && next === "load_weights" && (this.phase === "kv_cache" || this.phase === "cuda_graph"))) {
      if (next !== this.phase) this.progress = null;
      this.phase = next;
    }
  }

  private mergeFactsFrom(update: Partial<RunFacts>): void {
    const keepFirst: Partial<RunFacts> = {};
    const overwrite: Partial<RunFacts> = {};
    for (const key of Object.keys(update) as (keyof RunFacts)[]) {
      const target = key === "architecture" || key === "availMemBeforeLoadGb" || key === "sglangVersion" ? keepFirst : overwrite;
      (target as Record<string, unknown>)[key] = update[key];
    }
    mergeFacts(this.facts, keepFirst, true);
    mergeFacts(this.facts, overwrite, false);
  }

  // ------------------------------------------------------------ result

  private compute(): LogDiagnosis {
    const looksLikeSglang = this.strongEvidence >= 1 || this.weakEvidence >= 3;
    let readyish = this.readyLineSeen || this.inferredReady;
    const pool = readyish ? this.candidates.filter((c) => c.afterReady) : this.candidates;
    const fatalSeen = pool.some((c) => c.fatal && c.strength >= STRENGTH.sigquit) || pool.some((c) => c.fatal && c.kind === "specific");

    // The cause: the strongest signal (earliest on a tie); after ready only a fatal one counts, or
    // a request's own error (a chat template that fails) when nothing fatal happened.
    const eligible = pool.filter((c) => c.kind !== "stop" && c.strength > STRENGTH.hint);
    const considered = readyish && !fatalSeen ? eligible.filter((c) => c.kind === "specific") : eligible;
    const winner = strongest(considered);
    // An excerpt that shows no start-up line but a failure that only happens while serving.
    const servingExcerpt = !readyish && this.phase === null && winner !== null && (winner.where === "serving" || SERVING_CAUSES.has(winner.cause));
    if (servingExcerpt) readyish = true;

    let outcome: Outcome;
    if (!looksLikeSglang && this.ended) outcome = "unknown";
    else if (readyish) outcome = fatalSeen || servingExcerpt ? "crashed_while_serving" : "ready";
    else if (this.ended) outcome = "failed_start";
    else outcome = fatalSeen ? "failed_start" : "starting";

    let cause: FailureCause = winner?.cause ?? "none";
    if (!looksLikeSglang && (this.ended || cause !== "none")) cause = "other";

    let phase: DiagnosisPhase;
    if (outcome === "unknown") phase = "unknown";
    else if (servingExcerpt || (readyish && (this.phase === null || winner !== null))) phase = "serving";
    else if (winner !== null && outcome === "failed_start") phase = phaseOfStartFailure({ cause: winner.cause, detail: winner.detail, frames: winner.where, seen: this.phase });
    else phase = this.phase ?? "unknown";

    const keyLines: number[] = [];
    let keyLineText: string | null = null;
    if (winner !== null) {
      keyLineText = winner.text;
      for (const l of winner.lines) pushUnique(keyLines, l);
      const rest = considered
        .filter((c) => c !== winner)
        .sort((a, b) => b.strength - a.strength || firstLine(a) - firstLine(b));
      for (const c of rest) for (const l of c.lines.slice(0, 2)) pushUnique(keyLines, l);
    } else if (this.readyLine !== null) {
      keyLines.push(this.readyLine);
      keyLineText = "The server is fired up and ready to roll!";
    }
    if (keyLines.length > this.maxKeyLines) keyLines.length = this.maxKeyLines;

    let failedRank: string | null = null;
    if (winner !== null) {
      let earliest: Candidate | null = null;
      for (const c of considered) {
        if (c.rank === null) continue;
        if (earliest === null || firstLine(c) < firstLine(earliest)) earliest = c;
      }
      failedRank = earliest?.rank ?? winner.rank;
      if (failedRank === null && winner.detail.process !== undefined) {
        const m = /scheduler_(\d+)/.exec(String(winner.detail.process));
        if (m && (this.facts.dp ?? 1) <= 1) failedRank = `TP${m[1]}`;
      }
    }

    let advice: Advice[] = [];
    if (cause !== "none") {
      advice =
        cause === "other" && !looksLikeSglang
          ? [adviceOf({ flag: null, action: "check", say: "notSglang", because: "noSglangLines" })]
          : adviseFor({
              cause,
              detail: winner?.detail ?? {},
              facts: this.facts,
              phase,
              captureBs: this.facts.cudaGraphMaxBs ?? this.captureBs,
              weightLoads: this.firstRankLoads,
              importErrors: this.importErrors,
            });
    }

    return {
      looksLikeSglang,
      outcome,
      phase,
      progress: this.progress === null ? null : { ...this.progress },
      readyLineSeen: this.readyLineSeen,
      cause,
      causeTitle: causeTitle(cause),
      keyLines,
      keyLineText,
      failedRank,
      advice,
      facts: { ...this.facts },
      linesSeen: this.stream.linesSeen,
    };
  }

  private fallback(): LogDiagnosis {
    return {
      looksLikeSglang: false,
      outcome: this.ended ? "unknown" : "starting",
      phase: this.phase ?? "unknown",
      progress: null,
      readyLineSeen: this.readyLineSeen,
      cause: this.ended ? "other" : "none",
      causeTitle: causeTitle(this.ended ? "other" : "none"),
      keyLines: [],
      keyLineText: null,
      failedRank: null,
      advice: [],
      facts: { ...this.facts },
      linesSeen: this.stream.completed,
    };
  }
}


function pushUnique(list: number[], v: number): void {
  if (!list.includes(v)) list.push(v);
}

export function createLogDiagnoser(options?: LogDiagnoserOptions): LogDiagnoser {
  return new Diagnoser(options);
}

/** Diagnoses a complete log held in memory. */
export function diagnoseLog(text: string, options?: LogDiagnoserOptions): LogDiagnosis {
  const d = createLogDiagnoser(options);
  d.push(text);
  return d.end();
}
