/** SGLang's start-up lines: which phase each one enters and what facts it carries. First match wins. */
import type { RunFacts } from "./facts";
import { firstMatch } from "./failure";
import type { StartupPhase } from "./phases";

export interface PhaseLineMatch {
  phase: StartupPhase;
  /** `Load weight begin` again after the KV cache/graphs (a draft model): may move the phase back. */
  mayRegress?: boolean;
  ready?: boolean;
  facts?: Partial<RunFacts>;
}

interface PhaseLineRule {
  name: string;
  re: RegExp;
  read(text: string): PhaseLineMatch;
}

function numbers(t: string, fields: Partial<Record<keyof RunFacts, RegExp>>): Partial<RunFacts> {
  const f: Partial<RunFacts> = {};
  for (const [key, re] of Object.entries(fields) as [keyof RunFacts, RegExp][]) {
    const v = firstMatch(re, t);
    if (v !== undefined) (f as Record<string, number>)[key] = Number(v);
  }
  return f;
}

const PHASE_LINE_RULES: readonly PhaseLineRule[] = [
  { name: "dist-init", re: /^Init torch distributed (?:begin|ends)/i, read: () => ({ phase: "dist_init" }) },
  {
    name: "load-weight-begin",
    re: /^Load weight begin/i,
    read: (t) => ({ phase: "load_weights", mayRegress: true, facts: numbers(t, { availMemBeforeLoadGb: /avail mem=([\d.]+) ?GB/ }) }),
  },
  {
    name: "load-weight-end",
    re: /^Load weight end/i,
    read(t) {
      const f = numbers(t, { availMemAfterLoadGb: /avail mem=([\d.]+) ?GB/, weightsGb: /mem usage=([\d.]+) ?GB/ });
      const type = firstMatch(/type=([\w.]+)/, t);
      const quant = firstMatch(/quant=(\w+)/, t);
      if (type !== undefined) f.architecture = type;
      if (quant !== undefined) f.quantization = quant;
      return { phase: "kv_cache", facts: f };
    },
  },
  {
    name: "kv-cache-allocated",
    re: /^KV Cache is allocated|^Memory pool end|^Mamba Cache is allocated|TokenToKVPool|^Allocating .* host memory/,
    read(t) {
      const f = numbers(t, { kvTokens: /#tokens: (\d+)/, kvSizeGb: /KV size: ([\d.]+) ?GB/ });
      const k = firstMatch(/K size: ([\d.]+) ?GB/, t);
      const v = firstMatch(/V size: ([\d.]+) ?GB/, t);
      if (f.kvSizeGb === undefined && k !== undefined && v !== undefined) f.kvSizeGb = Math.round((Number(k) + Number(v)) * 100) / 100;
      return { phase: "kv_cache", facts: f };
    },
  },
  {
    name: "pool-sizes",
    re: /^max_total_num_tokens=/,
    read: (t) => ({
      phase: "kv_cache",
      facts: numbers(t, {
        maxTotalTokens: /max_total_num_tokens=(\d+)/,
        maxRunningRequests: /max_running_requests=(\d+)/,
        contextLength: /context_len=(\d+)/,
        chunkedPrefillSize: /chunked_prefill_size=(\d+)/,
      }),
    }),
  },
  {
    name: "cuda-graph",
    re: /^Capture (?:draft |target (?:decode |prefill )?|piecewise )?(?:cuda|CUDA) graph (?:begin|end|bs)/,
    read(t) {
      const bs = /^Capture cuda graph bs \[(.*)\]/.exec(t);
      const list = bs ? (bs[1] ?? "").split(",").map((x) => Number(x.trim())).filter((x) => Number.isFinite(x)) : [];
      return { phase: "cuda_graph", ...(list.length > 0 ? { facts: { cudaGraphMaxBs: Math.max(...list) } } : {}) };
    },
  },
  { name: "uvicorn-start", re: /^Started server process|^Waiting for application startup|^Application startup complete/, read: () => ({ phase: "http_up" }) },
  {
    name: "uvicorn-running",
    re: /^Uvicorn running on/,
    read(t) {
      const m = /https?:\/\/([^\s:/]+|\[[^\]]+\]):(\d+)/.exec(t);
      return { phase: "http_up", ...(m ? { facts: { host: m[1] ?? null, port: Number(m[2]) } } : {}) };
    },
  },
  { name: "ready", re: /The server is fired up and ready to roll/, read: () => ({ phase: "ready", ready: true }) },
];

export function readPhaseLine(text: string): PhaseLineMatch | null {
  for (const rule of PHASE_LINE_RULES) if (rule.re.test(text)) return rule.read(text);
  return null;
}
