/**
 * What one logical line of an SGLang log signals: a phase entered, a progress bar, the ready
 * line, serving activity, a failure (cause + strength), facts about the run. The phase lines,
 * traceback frames and failures are each read by an ordered list of named rules.
 */
import type { ClassifyContext, FailureSignal, FrameHint } from "./failure";
import type { RunFacts } from "./facts";
import { parseServerArgs } from "./facts";
import { frameHintOf } from "./frames";
import { normaliseLine, type NormalisedLine } from "./line";
import { readPhaseLine } from "./phase-lines";
import type { StartupPhase } from "./phases";
import { classifyFailure } from "./rules";

export { STRENGTH, type ClassifyContext, type FailureDetail, type FailureKind, type FailureSignal, type FrameHint } from "./failure";

export interface Progress {
  label: string;
  done: number;
  total: number;
  percent: number;
}

export interface LineSignal {
  line: NormalisedLine;
  phase: StartupPhase | null;
  /** `Load weight begin` again after the KV cache/graphs (a draft model): may move the phase back. */
  phaseMayRegress: boolean;
  progress: Progress | null;
  ready: boolean;
  /** `decode`: a Decode batch line; `prefill`: a Prefill batch line (warm-up has one); `request`: a 2xx on /v1/; `access`: other HTTP access lines. */
  serving: "decode" | "prefill" | "request" | "access" | null;
  failure: FailureSignal | null;
  facts: Partial<RunFacts> | null;
  /** 0 none, 1 weak, 2 strong sign that this is an SGLang log. */
  evidence: 0 | 1 | 2;
  traceback: "header" | "frame" | null;
  frameHint: FrameHint | null;
  /** `Ignore import error when loading sglang.srt.models.X`: X. */
  importErrorModule: string | null;
}

const DEFAULT_CONTEXT: ClassifyContext = { phase: null, frameHint: null, speculative: false };

function signal(line: NormalisedLine): LineSignal {
  return {
    line,
    phase: null,
    phaseMayRegress: false,
    progress: null,
    ready: false,
    serving: null,
    failure: null,
    facts: null,
    evidence: line.sglangPrefix ? (line.rank !== null ? 2 : 1) : 0,
    traceback: null,
    frameHint: null,
    importErrorModule: null,
  };
}

const BAR_RE = /^\s*(.*?):?\s*(\d{1,3})%(?:\s*Completed)?\s*\|(?:[^|]*\|)?\s*(\d+)\s*\/\s*(\d+)/;

export function parseProgressBar(text: string): Progress | null {
  if (text.indexOf("%") < 0 || text.indexOf("|") < 0) return null;
  const m = BAR_RE.exec(text);
  if (!m) return null;
  const done = Number(m[3]);
  const total = Number(m[4]);
  if (!Number.isFinite(done) || !Number.isFinite(total) || total <= 0) return null;
  const label = (m[1] ?? "").replace(/:\s*$/, "").trim();
  return { label, done, total, percent: Math.min(100, Math.round((done / total) * 1000) / 10) };
}

function phaseOfBar(label: string): StartupPhase | null {
  if (/Loading (?:safetensors|pt|gguf|\w+) checkpoint shards|Multi-thread loading shards|Loading weights|load weights/i.test(label)) return "load_weights";
  if (/Capturing batches|Capturing num tokens|Compiling num tokens|Capturing (?:draft )?cuda graph|Capturing (?:draft )?batches/i.test(label)) return "cuda_graph";
  return null;
}

const STRONG_EVIDENCE_RE =
  /sglang|Init torch distributed begin|Load weight (?:begin|end)|load weight (?:begin|end)|KV Cache is allocated|Memory pool end|Capture cuda graph|The server is fired up and ready to roll|Received sigquit from a child|Scheduler hit an exception|Child process unexpectedly failed|Subprocess scheduler_\d+|max_total_num_tokens=|Capturing batches|launch_server|Initialization failed\. warmup error|Watchdog timeout \(self\.watchdog_timeout|mem-fraction-static/;
const FRAME_RE = /^\s+File "([^"]*)", line \d+, in (\S+)/;
const ACCESS_RE = /"(?:GET|POST|PUT|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+" (\d{3})/;
const VERSION_RE = /\bsglang(?:[ _-]?version)?\s*[:=]?\s*v?(\d+\.\d+\.\d+(?:\.post\d+|rc\d+|\.dev\d+)?)\b/i;

/**
 * Classifies one line (a logical segment; a physical line with `\r` should be split first,
 * see `splitSegments`). Never throws.
 */
export function classifyLogLine(text: string, context: ClassifyContext = DEFAULT_CONTEXT): LineSignal {
  return classifyNormalised(normaliseLine(text), context);
}

/** Serving lines, the bulk of a long log: answered first and cheaply. */
function readServing(s: LineSignal, t: string): boolean {
  const c0 = t.charCodeAt(0);
  if ((c0 === 68 /* D */ && t.startsWith("Decode batch")) || (c0 === 80 /* P */ && t.startsWith("Prefill batch"))) {
    s.serving = c0 === 68 ? "decode" : "prefill";
    s.evidence = s.line.sglangPrefix ? 2 : 1;
    return true;
  }
  // --log-requests: a request's whole input and output, user text included; never read as a failure.
  if ((c0 === 82 /* R */ && t.startsWith("Receive: obj=")) || (c0 === 70 /* F */ && t.startsWith("Finish: obj="))) {
    s.serving = "request";
    return true;
  }
  const m = t.indexOf(" HTTP/") > 0 ? ACCESS_RE.exec(t) : null;
  if (m === null) return false;
  const status = Number(m[2] ?? "0");
  s.serving = /^\/v1\//.test(m[1] ?? "") && status >= 200 && status < 300 ? "request" : "access";
  return true;
}

export function classifyNormalised(line: NormalisedLine, ctx: ClassifyContext): LineSignal {
  const s = signal(line);
  const t = line.text;
  if (t.length === 0 || readServing(s, t)) return s;

  const p = parseProgressBar(t);
  if (p !== null) {
    s.progress = p;
    s.phase = phaseOfBar(p.label);
    if (s.phase === "load_weights") s.phaseMayRegress = true;
    if (s.phase === "cuda_graph" && /Capturing batches/.test(p.label)) s.evidence = 2;
    return s;
  }
  if (t.startsWith("server_args=") || t.startsWith("ServerArgs(")) {
    s.phase = "args";
    s.facts = parseServerArgs(t);
    s.evidence = 2;
    return s;
  }
  if (STRONG_EVIDENCE_RE.test(t)) s.evidence = 2;

  if (/Traceback \(most recent call last\):?\s*$/.test(t)) s.traceback = "header";
  const frame = FRAME_RE.exec(t);
  if (frame) {
    s.traceback = "frame";
    s.frameHint = frameHintOf(frame[1] ?? "", frame[2] ?? "");
    if (/sglang/.test(frame[1] ?? "")) s.evidence = 2;
    return s;
  }

  const phaseLine = readPhaseLine(t);
  if (phaseLine !== null) {
    s.phase = phaseLine.phase;
    s.phaseMayRegress = phaseLine.mayRegress === true;
    s.ready = phaseLine.ready === true;
    if (s.ready) s.evidence = 2;
    if (phaseLine.facts !== undefined && Object.keys(phaseLine.facts).length > 0) s.facts = phaseLine.facts;
    return s;
  }
  const imp = /Ignore import error when loading (sglang\.srt\.models\.[\w.]+)/.exec(t);
  if (imp) {
    s.importErrorModule = imp[1] ?? null;
    s.evidence = 2;
    return s;
  }
  if (/^usage: |\busage: (?:launch_server\.py|sglang|[\w.-]+\.py) \[-h\]/.test(t)) {
    s.phase = "args";
    if (/launch_server|sglang|--model-path/.test(t)) s.evidence = 2;
    return s;
  }
  const version = VERSION_RE.exec(t);
  if (version && /version|sglang[:=]|sglang v/i.test(t)) s.facts = { sglangVersion: version[1] ?? null };

  s.failure = classifyFailure(t.trim(), ctx);
  if (s.failure !== null && s.failure.kind === "specific" && /sglang/i.test(t)) s.evidence = 2;
  return s;
}
