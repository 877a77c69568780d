/**
 * What one logical line of an SGLang log signals: a phase entered, a progress bar, the ready
 * line, serving activity, a failure (cause + strength), facts about the run.
 */
import type { FailureCause } from "./causes";
import type { RunFacts } from "./facts";
import { parseServerArgs } from "./facts";
import { normaliseLine, type NormalisedLine } from "./line";
import type { StartupPhase } from "./phases";

export interface Progress {
  label: string;
  done: number;
  total: number;
  percent: number;
}

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
  genericCuda: 45,
  subprocessCrashed: 50,
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

export interface ClassifyContext {
  /** Phase in progress when the line arrives. */
  phase: StartupPhase;
  /** What the frames of the current traceback point at. */
  frameHint: FrameHint | null;
  /** Speculative decoding is on, or the traceback runs through draft code. */
  speculative: boolean;
}

const DEFAULT_CONTEXT: ClassifyContext = { phase: "args", frameHint: null, speculative: false };

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

function fail(cause: FailureCause, strength: number, kind: FailureKind, detail: FailureDetail = {}, fatal = true): FailureSignal {
  return { cause, strength, fatal, kind, detail };
}

// ---------------------------------------------------------------- progress bars

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

// ---------------------------------------------------------------- helpers

function toGb(value: string | undefined, unit: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  const u = (unit ?? "GiB").toUpperCase();
  if (u.startsWith("M")) return Math.round((n / 1024) * 1000) / 1000;
  if (u.startsWith("K")) return n / (1024 * 1024);
  return n;
}

const EXCEPTION_LINE_RE = /^(?:[A-Za-z_][\w]*\.)*([A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)|KeyError|AssertionError)(?::\s?(.*))?$/;
const FRAME_RE = /^\s+File "([^"]*)", line \d+, in (\S+)/;

function frameHintOf(path: string, fn: string): FrameHint | null {
  const s = `${path} ${fn}`;
  if (/eagle|speculative|draft|mtp_worker|ngram/i.test(s)) return "speculative";
  if (/_wait_and_warmup|warmup|_execute_server_warmup/i.test(s)) return "ready";
  if (/cuda_graph_runner|capture|piecewise|graph_runner/i.test(s)) return "cuda_graph";
  if (/init_memory_pool|memory_pool|profile_max_num_token|alloc_token|kv_cache/i.test(s)) return "kv_cache";
  if (/model_loader|load_model|load_weights|weight_utils|get_model\b|_initialize_model/i.test(s)) return "load_weights";
  if (/init_torch_distributed|parallel_state|init_distributed|init_process_group|initialize_model_parallel/i.test(s)) return "dist_init";
  if (/event_loop|forward_batch_generation|run_batch|process_batch_result|handle_generate_request|tokenizer_manager/i.test(s)) return "serving";
  return null;
}

function oomCauseFor(where: StartupPhase): FailureCause {
  switch (where) {
    case "args":
    case "dist_init":
    case "load_weights":
      return "oom_weights";
    case "kv_cache":
      return "oom_kv_cache";
    case "cuda_graph":
      return "oom_cuda_graph";
    default:
      return "oom_serving";
  }
}

function cudaOomDetail(t: string): FailureDetail {
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

function firstMatch(re: RegExp, t: string): string | undefined {
  const m = re.exec(t);
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------- failure patterns

function classifyFailure(t: string, ctx: ClassifyContext): FailureSignal | null {
  // --- memory
  if (/Not enough memory\.? Please try to increase --mem-fraction-static/i.test(t)) {
    const d: FailureDetail = { oomType: "not_enough_memory" };
    const v = firstMatch(/mem_fraction_static=([\d.]+)/, t);
    if (v !== undefined) d.memFractionStatic = Number(v);
    return fail("oom_kv_cache", STRENGTH.specific, "specific", d);
  }
  const profiled = /max_total_tokens=(\d+) is larger than the profiled value (-?\d+)/.exec(t);
  if (profiled) {
    const p = Number(profiled[2]);
    if (p <= 0) return fail("oom_kv_cache", STRENGTH.strongHint, "hint", { profiledTokens: p, oomType: "not_enough_memory" });
    return null;
  }
  const capture = /Capture (?:cuda|CUDA|draft cuda|piecewise CUDA|piecewise cuda) graph failed:?\s*(.*)$/.exec(t);
  if (capture) {
    const rest = capture[1] ?? "";
    if (/out of memory|OutOfMemory/i.test(rest)) return fail("oom_cuda_graph", STRENGTH.decisive, "specific", cudaOomDetail(rest));
    return fail("cuda_graph_error", STRENGTH.specific, "specific", { error: rest.slice(0, 300) });
  }
  if (/OutOfMemoryError|CUDA out of memory|CUDA error: out of memory|CUDA_ERROR_OUT_OF_MEMORY|cudaErrorMemoryAllocation/.test(t)) {
    const where: StartupPhase = ctx.frameHint !== null && ctx.frameHint !== "speculative" ? ctx.frameHint : ctx.phase;
    return fail(oomCauseFor(where), STRENGTH.specific, "cuda_oom", cudaOomDetail(t));
  }
  if (/could finish the model loading, but there are other ranks that didn't finish loading/.test(t)) {
    return fail("oom_weights", STRENGTH.likely, "specific", { oomType: "rank_did_not_finish" });
  }
  if (/alloc_req_slots runs out of memory|memory leak detected|TokenToKVPool(?:Allocator)? runs out of memory|Prefill out of memory|out of memory.*--max-running-requests/i.test(t)) {
    return fail("serving_error", STRENGTH.specific, "specific", { error: t.slice(0, 300) });
  }
  if (/memory capacity is unbalanced/i.test(t)) {
    const d: FailureDetail = {};
    const min = firstMatch(/min_per_gpu_memory=([\d.]+)/, t);
    const local = firstMatch(/local_gpu_memory=([\d.]+)/, t);
    if (min !== undefined) d.minGb = Number(min);
    if (local !== undefined) d.localGb = Number(local);
    return fail("memory_unbalanced", STRENGTH.specific, "specific", d);
  }

  // --- distributed
  if (/NCCL error|DistBackendError|nccl(?:System|Internal|UnhandledCuda|InvalidUsage|Remote|InvalidArgument)Error|Watchdog caught collective operation timeout|DistNetworkError|ProcessGroupNCCL.*(?:[Tt]imeout|[Ee]rror)|NCCL communicator was aborted|\[Gloo\].*(?:[Ee]rror|timed out|refused|reset)|gloo.*(?:Read error|Connection timed out|Connection refused|Connection reset|connectFullMesh failed)|c10d.*(?:timed out|Connection refused)|torch\.distributed\.\w*Error/.test(t)) {
    const d: FailureDetail = {};
    if (/timeout|timed out/i.test(t)) d.nccl = "timeout";
    else if (/peer access|P2P|p2p/.test(t)) d.nccl = "p2p";
    else if (/unhandled system error|ncclSystemError/.test(t)) d.nccl = "system";
    else if (/remote process exited|network error|Connection|connect/i.test(t)) d.nccl = "network";
    return fail("nccl", STRENGTH.specific, "specific", d);
  }
  if (/NCCL WARN/.test(t)) return fail("nccl", STRENGTH.hint, "hint", {}, false);

  // --- ports
  if (/\[Errno (?:98|48|10048)\]|[Aa]ddress already in use|EADDRINUSE/.test(t)) {
    const d: FailureDetail = {};
    const zmq = /ZMQError|tcp:\/\/|ipc:\/\//.test(t);
    d.portKind = zmq ? "zmq" : "http";
    const port =
      firstMatch(/addr='?(?:tcp:\/\/)?[^']*:(\d+)'?/, t) ??
      firstMatch(/address \('[^']*', (\d+)\)/, t) ??
      firstMatch(/:(\d{2,5})\)?'?\)?\s*$/, t);
    if (port !== undefined) d.port = Number(port);
    return fail("port_in_use", STRENGTH.specific, "specific", d);
  }

  // --- arguments
  const argErr = /^(?:[\w.-]+(?:\.py)?|sglang(?: serve)?): error: (.+)$/.exec(t);
  if (argErr) {
    const msg = argErr[1] ?? "";
    const d: FailureDetail = { message: msg.slice(0, 500) };
    const choice = /argument ((?:-{1,2}[\w-]+)(?:\/-{1,2}[\w-]+)*): invalid choice: '([^']*)' \(choose from (.*)\)/.exec(msg);
    const unrec = /unrecognized arguments: (.*)$/.exec(msg);
    const required = /the following arguments are required: (.*)$/.exec(msg);
    const badValue = /argument ((?:-{1,2}[\w-]+)(?:\/-{1,2}[\w-]+)*): invalid (\w+) value: '([^']*)'/.exec(msg);
    const expected = /argument ((?:-{1,2}[\w-]+)(?:\/-{1,2}[\w-]+)*): expected (.*)$/.exec(msg);
    if (choice) {
      d.kind = "invalid_choice";
      d.flag = (choice[1] ?? "").split("/")[0] ?? "";
      d.value = choice[2] ?? "";
      d.choices = choice[3] ?? "";
    } else if (unrec) {
      d.kind = "unrecognized";
      d.args = unrec[1] ?? "";
    } else if (required) {
      d.kind = "required";
      d.args = required[1] ?? "";
    } else if (badValue) {
      d.kind = "invalid_value";
      d.flag = (badValue[1] ?? "").split("/")[0] ?? "";
      d.valueType = badValue[2] ?? "";
      d.value = badValue[3] ?? "";
    } else if (expected) {
      d.kind = "expected";
      d.flag = (expected[1] ?? "").split("/")[0] ?? "";
    }
    return fail("bad_argument", STRENGTH.specific, "specific", d);
  }

  // --- model
  if (/HFValidationError|Repo id must be in the form|RepositoryNotFoundError|Repository Not Found|GatedRepoError|Cannot access gated repo|401 Client Error|403 Client Error|does not appear to have a file named config\.json|is not a local folder and is not a valid model identifier|Can't load the configuration of|LocalEntryNotFoundError|No such file or directory: '[^']*config\.json'|Incorrect path_or_model_id/.test(t)) {
    const d: FailureDetail = {};
    if (/401 Client Error|403 Client Error|GatedRepoError|gated repo|Unauthorized/.test(t)) d.modelError = "gated";
    else if (/Repo id must be in the form|HFValidationError|is not a local folder|No such file|Incorrect path/.test(t)) d.modelError = "path";
    else if (/config\.json/.test(t)) d.modelError = "no_config";
    else d.modelError = "not_found";
    const path = firstMatch(/'namespace\/repo_name': '([^']+)'/, t) ?? firstMatch(/https:\/\/huggingface\.co\/([^/\s]+\/[^/\s]+)\//, t) ?? firstMatch(/(?:path_or_model_id|identifier|configuration of|Error): '([^']+)'/, t);
    if (path !== undefined) d.path = path;
    return fail("model_not_found", STRENGTH.specific, "specific", d);
  }
  if (/Model architectures? \[.*\] (?:are|is) not supported|Unsupported architectures?:|does not recognize this architecture|[Aa]rchitecture \S+ (?:is )?not supported/.test(t)) {
    const d: FailureDetail = {};
    const arch = firstMatch(/\['([^']+)'/, t) ?? firstMatch(/Unsupported architectures?: ([\w]+)/, t) ?? firstMatch(/model type `([^`]+)`/, t);
    if (arch !== undefined) d.architecture = arch;
    if (/Transformers does not recognize/.test(t)) d.source = "transformers";
    return fail("unsupported_arch", STRENGTH.specific, "specific", d);
  }
  if (/set the option `?trust_remote_code=True`?|pass the argument `?trust_remote_code=True`?|requires you to execute the (?:configuration|modeling|tokenizer) file|contains custom code which must be executed/.test(t)) {
    return fail("trust_remote_code", STRENGTH.specific, "specific");
  }
  if (/is not a built-in template name|TemplateSyntaxError|jinja2\.exceptions|Failed to load chat template|chat[_ ]template.*(?:not found|does not exist|is invalid|invalid)|Cannot use chat template functions because tokenizer\.chat_template is not set/i.test(t)) {
    const requestTime = /Cannot use chat template functions/.test(t);
    return fail("chat_template", STRENGTH.specific, "specific", {}, !requestTime);
  }

  // --- parallel layout
  const div = /(\d+) is not divisible by (\d+)/.exec(t);
  if (div) return fail("invalid_parallel", STRENGTH.specific, "specific", { dividend: Number(div[1]), divisor: Number(div[2]) });
  if (/%\s*(?:self\.)?(?:tp_size|tp|attn_tp_size|ep_size|pp_size|world_size)\s*==\s*0|must be divisible by|invalid device ordinal|(?:tp_size|world size|pp_size).{0,60}(?:exceeds|larger than|greater than).{0,40}(?:GPUs|devices)|not enough GPUs/i.test(t) && !/^\s*#/.test(t)) {
    return fail("invalid_parallel", STRENGTH.specific, "specific", {});
  }

  // --- kernels, GPU
  if (/CalledProcessError: Command '\[?'?(?:ninja|[\w/.]*gcc|[\w/.]*g\+\+|[\w/.]*nvcc|[\w/.]*cc|[\w/.]*clang)|ninja: build stopped|Error building extension|nvcc fatal|error: command '[^']*(?:gcc|nvcc|g\+\+)' failed|FAILED: [\w/.-]+\.(?:cuda\.)?o\b|JIT compilation failed|CompilationError|triton\.compiler\.errors|Failed to compile/.test(t)) {
    return fail("kernel_build", STRENGTH.specific, "specific");
  }
  if (/SGLang only supports sm\d+ and above|no kernel image is available for execution on the device|FlashAttention only supports (?:Ampere|Hopper)|(?:only supports?|requires) (?:GPUs? with )?(?:compute capability|sm_?\d{2,3}|SM ?\d{2,3})|compute capability [\d.]+ (?:is )?(?:not supported|too low)|not supported on (?:this GPU|GPUs? with|your GPU)|Unsupported GPU|Found no NVIDIA driver|No CUDA GPUs are available/i.test(t)) {
    return fail("unsupported_gpu", STRENGTH.specific, "specific");
  }

  // --- start-up / serving watchdogs
  const wd = /Watchdog timeout \(self\.watchdog_timeout=([\d.]+)\)/.exec(t);
  if (wd) return fail("watchdog_timeout", STRENGTH.specific, "specific", { watchdogTimeout: Number(wd[1]) });
  if (/Watchdog timeout|scheduler watchdog .*timeout/i.test(t)) return fail("watchdog_timeout", STRENGTH.spec, "specific");

  // --- warm-up
  const resp = /res=<Response \[(\d+)\]>/.exec(t);
  if (resp) return fail("warmup_failed", STRENGTH.specific, "specific", { status: Number(resp[1]) });
  if (/Initialization failed\. warmup error|warmup (?:request )?failed|[Ww]arm-?up failed/.test(t)) return fail("warmup_failed", STRENGTH.likely, "specific");

  // --- speculative decoding
  if (/speculative|draft model|draft_model|EAGLE|Eagle|NEXTN/.test(t) && EXCEPTION_LINE_RE.test(t)) {
    return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
  }

  // --- generic CUDA errors: a crash line that names the process outranks them
  if (/CUDA error: an illegal memory access|illegal memory access was encountered|CUDA error: device-side assert|device-side assert triggered|cudaErrorIllegalAddress|CUDA error: unspecified launch failure|CUDA error: misaligned address|CUBLAS_STATUS_\w+|CUDA error: an illegal instruction/.test(t)) {
    if (ctx.speculative) return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
    const where = ctx.frameHint !== null && ctx.frameHint !== "speculative" ? ctx.frameHint : ctx.phase;
    const cause: FailureCause = where === "cuda_graph" ? "cuda_graph_error" : where === "serving" || where === "ready" || where === "http_up" ? "serving_error" : "other";
    return fail(cause, STRENGTH.genericCuda, "generic_cuda", { error: t.slice(0, 300) });
  }
  if (/(?:Tokenizer|Detokenizer)Manager hit an exception/.test(t)) return fail("serving_error", STRENGTH.strongHint, "specific");

  // --- process deaths
  const sub = /Subprocess (\S+) \(pid=(\d+)\) crashed with exit code (-?\d+)/.exec(t);
  if (sub) return fail("child_crashed", STRENGTH.subprocessCrashed, "crash", { process: sub[1] ?? "", exitCode: Number(sub[3]) });
  const child = /Child process unexpectedly failed with an? exit code (-?\d+)/.exec(t);
  if (child) {
    const code = Number(child[1]);
    // 9 / -9 / 15 / -15: the process was killed (a stop from a notebook or the console), not a crash by itself.
    if (code === 9 || code === -9 || code === 15 || code === -15) return fail("child_crashed", STRENGTH.hint, "stop", { exitCode: code }, false);
    return fail("child_crashed", STRENGTH.childFailed, "crash", { exitCode: code });
  }
  if (/Received sigquit from a child proces?s/.test(t)) return fail("child_crashed", STRENGTH.sigquit, "crash");
  if (/Fatal Python error|Segmentation fault|core dumped|terminate called after throwing|Aborted \(core dumped\)/.test(t)) return fail("child_crashed", STRENGTH.childFailed, "crash", { error: t.slice(0, 200) });
  if (/^Killed\s*$/.test(t)) return fail("child_crashed", STRENGTH.exception, "crash", { killed: 1 });
  if (/hit an exception/.test(t)) return fail("child_crashed", STRENGTH.header, "header", {}, false);
  if (/^Process Process-\d+:|router init state: Traceback/.test(t)) return fail("child_crashed", STRENGTH.header, "header", {}, false);

  // --- speculative decoding, from context: a KeyError on draft weights, a size mismatch in draft code
  const ex = EXCEPTION_LINE_RE.exec(t);
  if (ex) {
    if (ctx.speculative && /KeyError|size mismatch|shape|must match|RuntimeError|AssertionError|IndexError/.test(t)) {
      return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
    }
    if (ex[1] === "KeyError" && /\.(?:weight|bias|qweight|scales)'/.test(t) && ctx.speculative) {
      return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
    }
    if (/Warning$/.test(ex[1] ?? "")) return null;
    return fail("other", STRENGTH.exception, "exception", { error: t.slice(0, 300) }, false);
  }
  return null;
}

// ---------------------------------------------------------------- main entry

const STRONG_EVIDENCE_RE =
  /sglang|Init torch distributed begin|Load weight (?:begin|end)|load weight (?:begin|end)|KV Cache is allocated|Memory pool end|Capture cuda graph|The server is fired up and ready to roll|Received sigquit from a child|Scheduler hit an exception|Child process unexpectedly failed|Subprocess scheduler_\d+|max_total_num_tokens=|Capturing batches|launch_server|Initialization failed\. warmup error|Watchdog timeout \(self\.watchdog_timeout|mem-fraction-static/;

/**
 * Classifies one line (a logical segment; a physical line with `\r` should be split first,
 * see `splitSegments`). Never throws.
 */
export function classifyLogLine(text: string, context: ClassifyContext = DEFAULT_CONTEXT): LineSignal {
  const line = normaliseLine(text);
  return classifyNormalised(line, context);
}

export function classifyNormalised(line: NormalisedLine, ctx: ClassifyContext): LineSignal {
  const s = signal(line);
  const t = line.text;
  if (t.length === 0) return s;
  const c0 = t.charCodeAt(0);

  // Serving: the bulk of a long log, answered first and cheaply.
  if ((c0 === 68 /* D */ && t.startsWith("Decode batch")) || (c0 === 80 /* P */ && t.startsWith("Prefill batch"))) {
    s.serving = c0 === 68 ? "decode" : "prefill";
    s.evidence = line.sglangPrefix ? 2 : 1;
    return s;
  }
  // --log-requests: a request's whole input and output, user text included; never read as a failure.
  if ((c0 === 82 /* R */ && t.startsWith("Receive: obj=")) || (c0 === 70 /* F */ && t.startsWith("Finish: obj="))) {
    s.serving = "request";
    return s;
  }
  if (t.indexOf(" HTTP/") > 0 && /"(?:GET|POST|PUT|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+" (\d{3})/.test(t)) {
    const m = /"(?:GET|POST|PUT|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+" (\d{3})/.exec(t);
    const path = m?.[1] ?? "";
    const status = Number(m?.[2] ?? "0");
    if (/^\/v1\//.test(path) && status >= 200 && status < 300) s.serving = "request";
    else s.serving = "access";
    return s;
  }

  // Progress bars.
  if (t.indexOf("%") >= 0 && t.indexOf("|") >= 0) {
    const p = parseProgressBar(t);
    if (p !== null) {
      s.progress = p;
      s.phase = phaseOfBar(p.label);
      if (s.phase === "load_weights") s.phaseMayRegress = true;
      if (s.phase === "cuda_graph" && /Capturing batches/.test(p.label)) s.evidence = 2;
      return s;
    }
  }

  // Settings.
  if (t.startsWith("server_args=") || t.startsWith("ServerArgs(")) {
    s.phase = "args";
    s.facts = parseServerArgs(t);
    s.evidence = 2;
    return s;
  }

  if (STRONG_EVIDENCE_RE.test(t)) s.evidence = 2;

  // Tracebacks.
  if (/^Traceback \(most recent call last\)/.test(t) || /Traceback \(most recent call last\):\s*$/.test(t)) s.traceback = "header";
  const frame = FRAME_RE.exec(t);
  if (frame) {
    s.traceback = "frame";
    s.frameHint = frameHintOf(frame[1] ?? "", frame[2] ?? "");
    if (/sglang/.test(frame[1] ?? "")) s.evidence = 2;
    return s;
  }

  // Phase lines.
  if (/^Init torch distributed begin|^init torch distributed begin/i.test(t)) {
    s.phase = "dist_init";
    return s;
  }
  if (/^Init torch distributed ends/i.test(t)) {
    s.phase = "dist_init";
    return s;
  }
  if (/^Load weight begin/i.test(t)) {
    s.phase = "load_weights";
    s.phaseMayRegress = true;
    const m = /avail mem=([\d.]+) ?GB/.exec(t);
    if (m) s.facts = { availMemBeforeLoadGb: Number(m[1]) };
    return s;
  }
  if (/^Load weight end/i.test(t)) {
    s.phase = "kv_cache";
    const f: Partial<RunFacts> = {};
    const type = firstMatch(/type=([\w.]+)/, t);
    if (type !== undefined) f.architecture = type;
    const avail = firstMatch(/avail mem=([\d.]+) ?GB/, t);
    if (avail !== undefined) f.availMemAfterLoadGb = Number(avail);
    const usage = firstMatch(/mem usage=([\d.]+) ?GB/, t);
    if (usage !== undefined) f.weightsGb = Number(usage);
    const quant = firstMatch(/quant=(\w+)/, t);
    if (quant !== undefined) f.quantization = quant;
    s.facts = f;
    return s;
  }
  if (/^KV Cache is allocated|^Memory pool end|^Mamba Cache is allocated|TokenToKVPool|^Allocating .* host memory/.test(t)) {
    s.phase = "kv_cache";
    const tokens = firstMatch(/#tokens: (\d+)/, t);
    const size = firstMatch(/KV size: ([\d.]+) ?GB/, t);
    const k = firstMatch(/K size: ([\d.]+) ?GB/, t);
    const v = firstMatch(/V size: ([\d.]+) ?GB/, t);
    const f: Partial<RunFacts> = {};
    if (tokens !== undefined) f.kvTokens = Number(tokens);
    if (size !== undefined) f.kvSizeGb = Number(size);
    else if (k !== undefined && v !== undefined) f.kvSizeGb = Math.round((Number(k) + Number(v)) * 100) / 100;
    s.facts = f;
    return s;
  }
  if (/^max_total_num_tokens=/.test(t)) {
    s.phase = "kv_cache";
    const f: Partial<RunFacts> = {};
    const mt = firstMatch(/max_total_num_tokens=(\d+)/, t);
    const mr = firstMatch(/max_running_requests=(\d+)/, t);
    const cl = firstMatch(/context_len=(\d+)/, t);
    const cp = firstMatch(/chunked_prefill_size=(\d+)/, t);
    if (mt !== undefined) f.maxTotalTokens = Number(mt);
    if (mr !== undefined) f.maxRunningRequests = Number(mr);
    if (cl !== undefined) f.contextLength = Number(cl);
    if (cp !== undefined) f.chunkedPrefillSize = Number(cp);
    s.facts = f;
    return s;
  }
  if (/^Capture (?:draft |target (?:decode |prefill )?|piecewise )?(?:cuda|CUDA) graph (?:begin|end|bs)/.test(t)) {
    s.phase = "cuda_graph";
    const bs = /^Capture cuda graph bs \[(.*)\]/.exec(t);
    if (bs) {
      const list = (bs[1] ?? "").split(",").map((x) => Number(x.trim())).filter((x) => Number.isFinite(x));
      if (list.length > 0) s.facts = { cudaGraphMaxBs: Math.max(...list) };
    }
    return s;
  }
  if (/^Started server process|^Waiting for application startup|^Application startup complete/.test(t)) {
    s.phase = "http_up";
    return s;
  }
  if (/^Uvicorn running on/.test(t)) {
    s.phase = "ready";
    const m = /https?:\/\/([^\s:/]+|\[[^\]]+\]):(\d+)/.exec(t);
    if (m) s.facts = { host: m[1] ?? null, port: Number(m[2]) };
    return s;
  }
  if (/The server is fired up and ready to roll/.test(t)) {
    s.phase = "ready";
    s.ready = true;
    s.evidence = 2;
    return s;
  }
  const imp = /Ignore import error when loading (sglang\.srt\.models\.[\w.]+)/.exec(t);
  if (imp) {
    s.importErrorModule = imp[1] ?? null;
    s.evidence = 2;
    return s;
  }
  if (/^usage: /.test(t)) {
    s.phase = "args";
    if (/launch_server|sglang|--model-path/.test(t)) s.evidence = 2;
    return s;
  }
  const version = /\bsglang(?:[ _-]?version)?\s*[:=]?\s*v?(\d+\.\d+\.\d+(?:\.post\d+|rc\d+|\.dev\d+)?)\b/i.exec(t);
  if (version && /version|sglang[:=]|sglang v/i.test(t)) s.facts = { sglangVersion: version[1] ?? null };

  s.failure = classifyFailure(t.trim(), ctx);
  if (s.failure !== null && s.failure.kind === "specific" && /sglang/i.test(t)) s.evidence = 2;
  return s;
}
