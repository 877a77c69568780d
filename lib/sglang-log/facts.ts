/** Facts about a run, read from `server_args=...` and other lines. */
export interface RunFacts {
  modelPath: string | null;
  servedModelName: string | null;
  architecture: string | null;
  tp: number | null;
  dp: number | null;
  ep: number | null;
  pp: number | null;
  memFractionStatic: number | null;
  contextLength: number | null;
  speculativeAlgorithm: string | null;
  cudaGraphDisabled: boolean | null;
  cudaGraphMaxBs: number | null;
  maxRunningRequests: number | null;
  maxTotalTokens: number | null;
  chunkedPrefillSize: number | null;
  quantization: string | null;
  trustRemoteCode: boolean | null;
  watchdogTimeout: number | null;
  sglangVersion: string | null;
  port: number | null;
  host: string | null;
  /** GB free on the GPU before the weights were loaded (first `Load weight begin`). */
  availMemBeforeLoadGb: number | null;
  /** GB free after the (last) weights were loaded. */
  availMemAfterLoadGb: number | null;
  /** GB used by the weights (sum of `mem usage` of the `Load weight end` lines of one rank). */
  weightsGb: number | null;
  kvTokens: number | null;
  kvSizeGb: number | null;
}

export function emptyFacts(): RunFacts {
  return {
    modelPath: null,
    servedModelName: null,
    architecture: null,
    tp: null,
    dp: null,
    ep: null,
    pp: null,
    memFractionStatic: null,
    contextLength: null,
    speculativeAlgorithm: null,
    cudaGraphDisabled: null,
    cudaGraphMaxBs: null,
    maxRunningRequests: null,
    maxTotalTokens: null,
    chunkedPrefillSize: null,
    quantization: null,
    trustRemoteCode: null,
    watchdogTimeout: null,
    sglangVersion: null,
    port: null,
    host: null,
    availMemBeforeLoadGb: null,
    availMemAfterLoadGb: null,
    weightsGb: null,
    kvTokens: null,
    kvSizeGb: null,
  };
}

const ARG_RE =
  /['"]?\b(model_path|served_model_name|tp_size|dp_size|ep_size|pp_size|mem_fraction_static|context_length|speculative_algorithm|disable_cuda_graph|cuda_graph_max_bs|max_running_requests|max_total_tokens|chunked_prefill_size|quantization|trust_remote_code|watchdog_timeout|port|host)['"]?\s*[=:]\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^,)}\s]+)/g;

function unquote(v: string): string | null {
  if (v === "None" || v === "null") return null;
  if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) return v.slice(1, -1);
  return v;
}

function num(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function bool(v: string | null): boolean | null {
  if (v === null) return null;
  if (v === "True" || v === "true") return true;
  if (v === "False" || v === "false") return false;
  return null;
}

/** Reads the settings from `server_args=ServerArgs(...)` or the 2026 `server_args={...}` form. */
export function parseServerArgs(text: string): Partial<RunFacts> {
  const out: Partial<RunFacts> = {};
  ARG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const seen = new Set<string>();
  while ((m = ARG_RE.exec(text)) !== null) {
    const key = m[1] ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    const v = unquote(m[2] ?? "");
    switch (key) {
      case "model_path":
        out.modelPath = v;
        break;
      case "served_model_name":
        out.servedModelName = v;
        break;
      case "tp_size":
        out.tp = num(v);
        break;
      case "dp_size":
        out.dp = num(v);
        break;
      case "ep_size":
        out.ep = num(v);
        break;
      case "pp_size":
        out.pp = num(v);
        break;
      case "mem_fraction_static":
        out.memFractionStatic = num(v);
        break;
      case "context_length":
        out.contextLength = num(v);
        break;
      case "speculative_algorithm":
        out.speculativeAlgorithm = v;
        break;
      case "disable_cuda_graph":
        out.cudaGraphDisabled = bool(v);
        break;
      case "cuda_graph_max_bs":
        out.cudaGraphMaxBs = num(v);
        break;
      case "max_running_requests":
        out.maxRunningRequests = num(v);
        break;
      case "max_total_tokens":
        out.maxTotalTokens = num(v);
        break;
      case "chunked_prefill_size":
        out.chunkedPrefillSize = num(v);
        break;
      case "quantization":
        out.quantization = v;
        break;
      case "trust_remote_code":
        out.trustRemoteCode = bool(v);
        break;
      case "watchdog_timeout":
        out.watchdogTimeout = num(v);
        break;
      case "port":
        out.port = num(v);
        break;
      case "host":
        out.host = v;
        break;
    }
  }
  return out;
}

/** Copies the non-null values of `update` onto `facts`, keeping values already set where `keep` lists them. */
export function mergeFacts(facts: RunFacts, update: Partial<RunFacts>, keepExisting = false): void {
  for (const key of Object.keys(update) as (keyof RunFacts)[]) {
    const v = update[key];
    if (v === undefined || v === null) continue;
    if (keepExisting && facts[key] !== null) continue;
    (facts as unknown as Record<string, unknown>)[key] = v;
  }
}
