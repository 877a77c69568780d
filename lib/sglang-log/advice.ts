/**
 * Advice: which knob to turn, which way, and by how much, from the numbers in the log.
 */
import { editDistance } from "../edit-distance";
import type { FailureCause } from "./causes";
import type { FailureDetail } from "./classify-line";
import type { RunFacts } from "./facts";
import type { DiagnosisPhase } from "./phases";

export type AdviceAction = "increase" | "decrease" | "set" | "add" | "remove" | "check";

export interface Advice {
  flag: string | null;
  action: AdviceAction;
  suggestedValue?: string;
  text: string;
  why: string;
}

export interface AdviceInput {
  cause: FailureCause;
  detail: FailureDetail;
  facts: RunFacts;
  phase: DiagnosisPhase;
  /** Batch size the CUDA graph capture was at when it failed (from the bar), if seen. */
  captureBs: number | null;
  /** How many times one rank began loading weights (2 with a draft model). */
  weightLoads: number;
  /** `Ignore import error when loading sglang.srt.models.X` modules seen. */
  importErrors: readonly string[];
}

/** Which side of the "increase vs decrease --mem-fraction-static" line a run is on. */
export const MEM_FRACTION_SIDE = {
  increase:
    "This run is on the INCREASE side of the --mem-fraction-static line: after the weights, the share of GPU memory reserved for the static pool left no room for the KV cache, so the pool needs a larger share.",
  decrease:
    "This run is on the DECREASE side of the --mem-fraction-static line: the static pool (weights + KV cache) took so much GPU memory that the rest (CUDA graphs, activations, other buffers) ran out, so the pool needs a smaller share.",
  neither:
    "This run is on NEITHER side of the --mem-fraction-static line: the weights alone did not fit, and that fraction only sizes the KV cache after the weights are loaded.",
} as const;

const MAX_FRACTION = 0.95;
const MIN_FRACTION = 0.3;

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function str(d: FailureDetail, k: string): string | null {
  const v = d[k];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
}

function numOf(d: FailureDetail, k: string): number | null {
  const v = d[k];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Suggested larger fraction for a KV cache that did not fit. */
export function suggestHigherFraction(current: number | null, availBeforeGb: number | null, availAfterGb: number | null): number | null {
  // SGLang sizes the pool as: rest = avail_after_weights - total * (1 - fraction). The pool is
  // empty when fraction <= 1 - avail_after/total; leave at least 10% of the GPU for the KV cache.
  let needed: number | null = null;
  if (availBeforeGb !== null && availAfterGb !== null && availBeforeGb > 0 && availAfterGb < availBeforeGb) {
    needed = 1 - availAfterGb / availBeforeGb + 0.1;
  }
  if (current === null) return needed === null ? null : r2(Math.min(MAX_FRACTION, Math.max(needed, MIN_FRACTION)));
  const step = current < 0.5 ? 0.2 : current < 0.8 ? 0.1 : 0.05;
  let next = current + step;
  if (needed !== null && needed > next) next = needed;
  next = Math.min(MAX_FRACTION, next);
  return next > current + 0.001 ? r2(next) : null;
}

/** Suggested smaller fraction when something outside the static pool ran out of memory. */
export function suggestLowerFraction(current: number | null): number {
  if (current === null) return 0.8;
  const step = current > 0.85 ? 0.07 : 0.05;
  return r2(Math.max(MIN_FRACTION, current - step));
}

function halfRounded(n: number, multiple: number, min: number): number {
  const half = Math.floor(n / 2 / multiple) * multiple;
  return Math.max(min, half);
}

/** The largest divisor of `n` not above `limit` (e.g. 16 and 6 → 4). */
export function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d >= 1; d--) if (n % d === 0) return d;
  return 1;
}

/** The closest of the choices to a mistyped value (`glm-47` → `glm47`). */
export function closestChoice(value: string, choices: readonly string[]): string | null {
  if (choices.length === 0) return null;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const nv = norm(value);
  const exact = choices.find((c) => norm(c) === nv);
  if (exact !== undefined) return exact;
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of choices) {
    const d = editDistance(nv, norm(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(nv.length / 3)) ? best : null;
}

export function parseChoices(text: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[1] ?? m[2] ?? "");
  if (out.length === 0) for (const part of text.split(",")) if (part.trim()) out.push(part.trim());
  return out;
}

function contextAdvice(facts: RunFacts, why: string): Advice {
  const ctx = facts.contextLength;
  const suggested = ctx !== null && ctx > 8192 ? String(Math.max(4096, Math.min(32768, halfRounded(ctx, 1024, 4096)))) : "32768";
  return {
    flag: "--context-length",
    action: "decrease",
    suggestedValue: suggested,
    text: `Lower --context-length${ctx !== null ? ` (now ${ctx})` : ""} to ${suggested} if you do not need long prompts.`,
    why,
  };
}

function runningRequestsAdvice(facts: RunFacts, why: string): Advice {
  const mr = facts.maxRunningRequests;
  const suggested = mr !== null && mr > 16 ? String(halfRounded(mr, 8, 8)) : "64";
  return {
    flag: "--max-running-requests",
    action: "decrease",
    suggestedValue: suggested,
    text: `Cap --max-running-requests${mr !== null ? ` (now ${mr})` : ""} at ${suggested}.`,
    why,
  };
}

function moreGpusAdvice(facts: RunFacts, why: string): Advice {
  const tp = facts.tp ?? 1;
  const next = String(tp * 2);
  return {
    flag: "--tp-size",
    action: "increase",
    suggestedValue: next,
    text: `Spread the model over more GPUs: --tp-size ${next} (now ${tp}), if you have them.`,
    why,
  };
}

export function adviseFor(input: AdviceInput): Advice[] {
  const { cause, detail, facts } = input;
  const out: Advice[] = [];
  const f = numOf(detail, "memFractionStatic") ?? facts.memFractionStatic;
  const spec = facts.speculativeAlgorithm !== null || input.weightLoads > 1;

  switch (cause) {
    case "none":
      return out;

    case "oom_kv_cache": {
      if (str(detail, "oomType") === "cuda") {
        const lower = suggestLowerFraction(f);
        out.push({
          flag: "--mem-fraction-static",
          action: "decrease",
          suggestedValue: String(lower),
          text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower}: allocating the KV cache itself ran out of CUDA memory.`,
          why: MEM_FRACTION_SIDE.decrease,
        });
        out.push(contextAdvice(facts, "A shorter context needs smaller per-request buffers next to the KV cache."));
        out.push(moreGpusAdvice(facts, "More GPUs leave more memory per GPU after the weights."));
        break;
      }
      const higher = suggestHigherFraction(f, facts.availMemBeforeLoadGb, facts.availMemAfterLoadGb);
      const near = f !== null && f >= 0.88;
      if (higher !== null) {
        out.push({
          flag: "--mem-fraction-static",
          action: "increase",
          suggestedValue: String(higher),
          text: `Raise --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${higher}, as SGLang asks: the KV cache got no room after the weights.${near ? " You are near the ceiling: if it then fails with a CUDA out-of-memory error, the model does not fit this GPU; use the options below instead." : ""}`,
          why:
            MEM_FRACTION_SIDE.increase +
            (facts.availMemBeforeLoadGb !== null && facts.availMemAfterLoadGb !== null
              ? ` The weights took ${r2(facts.availMemBeforeLoadGb - facts.availMemAfterLoadGb)} GB of ${facts.availMemBeforeLoadGb} GB free.`
              : ""),
        });
      } else {
        out.push({
          flag: "--mem-fraction-static",
          action: "check",
          text: `--mem-fraction-static${f !== null ? ` (${f})` : ""} is already at the ceiling; raising it more would run out of CUDA memory elsewhere. Make the KV cache need less instead, or add GPUs.`,
          why: MEM_FRACTION_SIDE.increase,
        });
      }
      out.push(contextAdvice(facts, "A shorter context shrinks the per-request token table that is allocated with the KV cache."));
      out.push(runningRequestsAdvice(facts, "Fewer concurrent requests need fewer request slots in the memory pool."));
      if (spec) {
        out.push({
          flag: "--speculative-draft-model-path",
          action: "check",
          text: "Use a smaller draft model (or fewer --speculative-num-draft-tokens): the draft's weights and KV cache come out of the same GPU memory.",
          why: "Speculative decoding loads a second model and a second KV cache.",
        });
      }
      out.push(moreGpusAdvice(facts, "More GPUs split the weights, leaving more memory per GPU for the KV cache."));
      out.push({
        flag: "--kv-cache-dtype",
        action: "set",
        suggestedValue: "fp8_e4m3",
        text: "Store the KV cache in fp8 (--kv-cache-dtype fp8_e4m3) to fit about twice the tokens.",
        why: "An fp8 KV cache needs half the memory per token.",
      });
      break;
    }

    case "oom_weights": {
      const total = numOf(detail, "totalGb");
      const free = numOf(detail, "freeGb");
      const proc = numOf(detail, "processGb");
      const gpu = numOf(detail, "gpu");
      out.push(moreGpusAdvice(facts, MEM_FRACTION_SIDE.neither));
      if (facts.quantization === null) {
        out.push({
          flag: "--quantization",
          action: "set",
          suggestedValue: "fp8",
          text: "Load a quantized checkpoint (an FP8/AWQ/GPTQ version of the model) or set --quantization fp8 to halve the weights' memory.",
          why: MEM_FRACTION_SIDE.neither,
        });
      }
      if (total !== null && free !== null && proc !== null) {
        const others = r2(total - free - proc);
        if (others > 1) {
          out.push({
            flag: null,
            action: "check",
            text: `Other processes hold about ${others} GiB on GPU ${gpu ?? "?"}: stop them (nvidia-smi shows them) or pick free GPUs with CUDA_VISIBLE_DEVICES.`,
            why: `The GPU has ${total} GiB; this process had ${proc} GiB and only ${free} GiB was free.`,
          });
        }
      }
      if (input.weightLoads > 1 || spec) {
        out.push({
          flag: "--speculative-draft-model-path",
          action: "check",
          text: "A second set of weights was being loaded (a draft model for speculative decoding). Point --speculative-draft-model-path at a small draft, or drop speculative decoding.",
          why: "The log shows two `Load weight begin` per rank: without a draft path some versions load the full model twice.",
        });
      }
      out.push({
        flag: "--mem-fraction-static",
        action: "check",
        text: "Lowering or raising --mem-fraction-static will not fix this: it sizes the KV cache after the weights.",
        why: MEM_FRACTION_SIDE.neither,
      });
      break;
    }

    case "oom_cuda_graph": {
      const lower = suggestLowerFraction(f);
      out.push({
        flag: "--mem-fraction-static",
        action: "decrease",
        suggestedValue: String(lower),
        text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower} to leave room for the CUDA graphs.`,
        why: MEM_FRACTION_SIDE.decrease,
      });
      const maxBs = input.captureBs ?? facts.cudaGraphMaxBs;
      const bs = maxBs !== null && maxBs > 8 ? String(halfRounded(maxBs, 8, 8)) : "16";
      out.push({
        flag: "--cuda-graph-max-bs",
        action: "decrease",
        suggestedValue: bs,
        text: `Capture graphs for smaller batches: --cuda-graph-max-bs ${bs}${maxBs !== null ? ` (now up to ${maxBs})` : ""}.`,
        why: "Each captured batch size keeps its own buffers in GPU memory.",
      });
      out.push({
        flag: "--disable-cuda-graph",
        action: "add",
        text: "As a last resort, --disable-cuda-graph (slower decoding).",
        why: "Without CUDA graphs no memory is needed for them.",
      });
      break;
    }

    case "cuda_graph_error":
      out.push({
        flag: "--disable-cuda-graph",
        action: "add",
        text: "Start once with --disable-cuda-graph to confirm the capture is the problem (slower decoding).",
        why: "The capture failed for a reason other than memory.",
      });
      out.push({
        flag: "--cuda-graph-max-bs",
        action: "decrease",
        suggestedValue: "16",
        text: "Try a smaller --cuda-graph-max-bs, and do not use --enable-torch-compile.",
        why: "SGLang lists these as the first remedies for a failed capture.",
      });
      out.push({
        flag: "--attention-backend",
        action: "check",
        text: "Try another --attention-backend (e.g. triton or flashinfer): capture errors often come from one backend's kernels.",
        why: "The kernels captured depend on the attention backend.",
      });
      break;

    case "oom_serving": {
      const lower = suggestLowerFraction(f);
      out.push({
        flag: "--mem-fraction-static",
        action: "decrease",
        suggestedValue: String(lower),
        text: `Lower --mem-fraction-static${f !== null ? ` from ${f}` : ""} to ${lower} to leave more room for activations while serving.`,
        why: MEM_FRACTION_SIDE.decrease,
      });
      out.push(runningRequestsAdvice(facts, "Fewer concurrent requests need less activation memory per step."));
      const cp = facts.chunkedPrefillSize;
      const cps = cp !== null && cp > 1024 ? String(halfRounded(cp, 1024, 1024)) : "4096";
      out.push({
        flag: "--chunked-prefill-size",
        action: "decrease",
        suggestedValue: cps,
        text: `Prefill long prompts in smaller chunks: --chunked-prefill-size ${cps}.`,
        why: "Prefill of a long prompt has the largest activations.",
      });
      break;
    }

    case "port_in_use": {
      const port = numOf(detail, "port") ?? facts.port;
      if (str(detail, "portKind") === "zmq") {
        out.push({
          flag: null,
          action: "check",
          text: `An internal port${port !== null ? ` (${port})` : ""} is taken: another SGLang server (or a leftover process of an earlier run) is still running. Stop it first.`,
          why: "SGLang's processes talk over ZMQ on local ports picked near --port.",
        });
        const base = facts.port ?? 30000;
        out.push({
          flag: "--port",
          action: "set",
          suggestedValue: String(base + 100),
          text: `Or start on another --port (e.g. ${base + 100}) so the internal ports move too.`,
          why: "Internal ports are derived from the HTTP port.",
        });
      } else {
        const base = port ?? 30000;
        out.push({
          flag: "--port",
          action: "set",
          suggestedValue: String(base + 1),
          text: `Port ${base} is taken: start on another --port (e.g. ${base + 1}) or stop what listens there.`,
          why: "Uvicorn could not bind the HTTP port.",
        });
      }
      break;
    }

    case "model_not_found": {
      const kind = str(detail, "modelError");
      const path = str(detail, "path") ?? facts.modelPath;
      if (kind === "gated") {
        out.push({
          flag: null,
          action: "set",
          text: "The model is gated: accept its licence on Hugging Face and give a token (HF_TOKEN=... or huggingface-cli login), or download it and pass the local path.",
          why: "Hugging Face answered 401/403 for the model files.",
        });
      } else if (kind === "no_config") {
        out.push({
          flag: "--model-path",
          action: "check",
          text: `Point --model-path at the folder that holds config.json${path !== null ? ` (now ${path})` : ""}.`,
          why: "The folder exists but has no config.json.",
        });
      } else {
        out.push({
          flag: "--model-path",
          action: "check",
          text: `Check --model-path for a typo${path !== null ? `: '${path}' is neither an existing folder nor a valid Hugging Face id` : ""}.`,
          why: "A path that does not exist is taken for a Hugging Face repo id, which then fails.",
        });
      }
      break;
    }

    case "unsupported_arch": {
      const arch = str(detail, "architecture") ?? facts.architecture;
      if (input.importErrors.length > 0) {
        out.push({
          flag: null,
          action: "check",
          text: `SGLang skipped ${input.importErrors.slice(0, 3).join(", ")} because of an import error earlier in the log: fix that (a missing or mismatched package) and the architecture will load.`,
          why: "An 'Ignore import error when loading sglang.srt.models...' warning is the real cause when present.",
        });
      }
      out.push({
        flag: "--trust-remote-code",
        action: "add",
        text: "Add --trust-remote-code if the model ships its own code.",
        why: `${arch ?? "The architecture"} is not in SGLang's registry; custom models need their code allowed.`,
      });
      out.push({
        flag: "--model-impl",
        action: "set",
        suggestedValue: "transformers",
        text: "Newer SGLang versions can run unknown architectures through transformers (--model-impl transformers); otherwise upgrade SGLang (and transformers).",
        why: `${arch ?? "This architecture"} is not supported by this SGLang version.`,
      });
      break;
    }

    case "trust_remote_code":
      out.push({
        flag: "--trust-remote-code",
        action: "add",
        text: "Add --trust-remote-code (only for a model whose code you trust).",
        why: "The model's config or tokenizer is defined by code in its repository.",
      });
      break;

    case "bad_argument": {
      const kind = str(detail, "kind");
      const flag = str(detail, "flag");
      if (kind === "invalid_choice" && flag !== null) {
        const choices = parseChoices(str(detail, "choices") ?? "");
        const value = str(detail, "value") ?? "";
        const best = closestChoice(value, choices);
        out.push({
          flag,
          action: "set",
          ...(best !== null ? { suggestedValue: best } : {}),
          text: `${flag} does not accept '${value}'.${best !== null ? ` Did you mean '${best}'?` : ""} Valid choices: ${choices.join(", ")}.`,
          why: "argparse rejected the value before anything started.",
        });
      } else if (kind === "unrecognized") {
        const args = (str(detail, "args") ?? "").split(/\s+/).filter((a) => a.startsWith("-"));
        for (const a of args.length > 0 ? args : [str(detail, "args") ?? ""]) {
          const dashed = a.startsWith("--") && a.includes("_") ? a.replace(/_/g, "-") : null;
          out.push({
            flag: a || null,
            action: dashed !== null ? "set" : "remove",
            ...(dashed !== null ? { suggestedValue: dashed } : {}),
            text: dashed !== null ? `Write ${a} as ${dashed}: SGLang's flags use dashes.` : `Remove ${a}: this SGLang version does not know it (check the spelling or upgrade).`,
            why: "argparse found arguments it does not know.",
          });
        }
      } else if (kind === "required") {
        const args = str(detail, "args") ?? "";
        out.push({
          flag: args.split(/[\s,]+/)[0] ?? null,
          action: "add",
          text: `Add the required argument(s): ${args}.`,
          why: "argparse needs them to start.",
        });
      } else if (kind === "invalid_value" && flag !== null) {
        out.push({
          flag,
          action: "set",
          text: `${flag} needs a ${str(detail, "valueType") ?? "valid"} value, not '${str(detail, "value") ?? ""}'.`,
          why: "argparse could not convert the value.",
        });
      } else if (kind === "expected" && flag !== null) {
        out.push({ flag, action: "set", text: `Give ${flag} a value.`, why: "argparse expected a value after the flag." });
      } else {
        out.push({ flag: null, action: "check", text: `Fix the command line: ${str(detail, "message") ?? "see the error line"}.`, why: "argparse rejected it." });
      }
      break;
    }

    case "chat_template":
      out.push({
        flag: "--chat-template",
        action: "check",
        text: "Give --chat-template a built-in template name or the path of an existing .jinja file, or drop it to use the model's own template.",
        why: "The chat template could not be loaded or applied.",
      });
      break;

    case "spec_decoding":
      out.push({
        flag: "--speculative-draft-model-path",
        action: "check",
        text: "Check that the draft model matches the target (same family and tokenizer) and the algorithm (EAGLE vs EAGLE3 drafts are not interchangeable).",
        why: "The error came from the draft model or the speculative decoding path.",
      });
      out.push({
        flag: "--speculative-algorithm",
        action: "remove",
        text: "Start once without --speculative-algorithm to confirm the target model alone works.",
        why: "Isolates the draft path from the rest.",
      });
      break;

    case "kernel_build":
      out.push({
        flag: null,
        action: "check",
        text: "A kernel failed to compile just in time: check that nvcc and the CUDA toolkit match the installed torch, that ninja is installed, and clear the JIT cache (~/.cache/flashinfer, ~/.triton).",
        why: "flashinfer/triton build their kernels on first use.",
      });
      out.push({
        flag: "--attention-backend",
        action: "set",
        suggestedValue: "triton",
        text: "Or avoid the failing kernel with another --attention-backend (e.g. triton).",
        why: "The JIT build belongs to the attention backend in use.",
      });
      break;

    case "nccl": {
      const kind = str(detail, "nccl");
      if (kind === "p2p" || kind === "system") {
        out.push({
          flag: null,
          action: "set",
          suggestedValue: "NCCL_P2P_DISABLE=1",
          text: "GPU peer-to-peer access failed: try NCCL_P2P_DISABLE=1 in the environment, and --disable-custom-all-reduce.",
          why: "Some GPU pairs (PCIe, VMs, consumer cards) cannot access each other's memory directly.",
        });
      }
      if (kind === "timeout" || kind === "network") {
        out.push({
          flag: "--dist-init-addr",
          action: "check",
          text: "Ranks could not reach each other: check --dist-init-addr, firewalls and NCCL_SOCKET_IFNAME (multi-node), or a rank that died first.",
          why: "The collective timed out or the connection dropped.",
        });
      }
      out.push({
        flag: null,
        action: "check",
        text: "In Docker give the container enough shared memory (--shm-size 32g or --ipc=host); run once with NCCL_DEBUG=INFO for details.",
        why: "NCCL needs shared memory and working links between the GPUs.",
      });
      out.push({
        flag: "--disable-custom-all-reduce",
        action: "add",
        text: "Try --disable-custom-all-reduce.",
        why: "SGLang's custom all-reduce relies on peer-to-peer access.",
      });
      break;
    }

    case "invalid_parallel": {
      const dividend = numOf(detail, "dividend");
      const divisor = numOf(detail, "divisor");
      let flag = "--tp-size";
      if (divisor !== null && facts.ep === divisor && facts.tp !== divisor) flag = "--ep-size";
      else if (divisor !== null && facts.pp === divisor && facts.tp !== divisor) flag = "--pp-size";
      if (dividend !== null && divisor !== null) {
        const ok = largestDivisorAtMost(dividend, divisor);
        out.push({
          flag,
          action: "set",
          suggestedValue: String(ok),
          text: `${dividend} is not divisible by ${divisor}: use ${flag} ${ok} (a size that divides ${dividend}).`,
          why: "Attention heads, experts or layers are split evenly across the ranks, so the size must divide their number.",
        });
      } else {
        out.push({
          flag,
          action: "check",
          text: "Use a --tp-size that divides the number of attention heads (and key/value heads), and not more GPUs than you have (check CUDA_VISIBLE_DEVICES).",
          why: "The parallel sizes do not fit the model or the visible GPUs.",
        });
      }
      break;
    }

    case "memory_unbalanced":
      out.push({
        flag: null,
        action: "check",
        text: "Some GPUs have much less free memory than others: stop the other processes on them (nvidia-smi) or choose free GPUs with CUDA_VISIBLE_DEVICES.",
        why: "SGLang refuses to start when the ranks see very different free memory.",
      });
      break;

    case "warmup_failed": {
      const status = numOf(detail, "status");
      out.push({
        flag: null,
        action: "check",
        text:
          status === 502 || status === 503 || status === 504
            ? `The warm-up request to the server's own address got ${status}: an HTTP proxy probably intercepted it. Set no_proxy=127.0.0.1,localhost (and unset http_proxy) for the server.`
            : "The warm-up request failed: read the traceback above it for the real error.",
        why: "The ready line is printed only after a warm-up request to the server itself succeeds.",
      });
      out.push({
        flag: "--host",
        action: "check",
        text: "Check --host: the warm-up goes to the address the server binds.",
        why: "A host the server itself cannot reach fails the warm-up.",
      });
      out.push({
        flag: "--skip-server-warmup",
        action: "add",
        text: "If the server works otherwise, --skip-server-warmup starts it without the warm-up request.",
        why: "Available in newer SGLang versions.",
      });
      break;
    }

    case "watchdog_timeout": {
      const cur = numOf(detail, "watchdogTimeout") ?? facts.watchdogTimeout ?? 300;
      out.push({
        flag: "--watchdog-timeout",
        action: "increase",
        suggestedValue: String(cur * 2),
        text: `Raise --watchdog-timeout from ${cur} to ${cur * 2} if a batch can legitimately take that long.`,
        why: `A forward batch took longer than ${cur} s and the scheduler watchdog killed the server.`,
      });
      out.push({
        flag: null,
        action: "check",
        text: "Otherwise a rank hung (often in NCCL or a stuck kernel): check nvidia-smi and the other ranks' last lines.",
        why: "The watchdog fires on a stuck batch.",
      });
      break;
    }

    case "unsupported_gpu":
      out.push({
        flag: null,
        action: "check",
        text: "This GPU is too old for this build (SGLang needs compute capability sm75 or newer; some kernels need Ampere or Hopper). Use a newer GPU.",
        why: "The kernels are not built for this GPU's architecture.",
      });
      out.push({
        flag: "--attention-backend",
        action: "set",
        suggestedValue: "triton",
        text: "On an older supported GPU, --attention-backend triton avoids kernels that need newer architectures.",
        why: "Triton kernels are compiled for the GPU at hand.",
      });
      break;

    case "serving_error": {
      const err = str(detail, "error") ?? "";
      if (/alloc_req_slots|--max-running-requests/.test(err)) {
        out.push(runningRequestsAdvice(facts, "The request slots ran out."));
      } else if (/illegal memory access|device-side assert|launch failure|misaligned|illegal instruction/.test(err)) {
        out.push({
          flag: "--attention-backend",
          action: "check",
          text: "A kernel crashed while serving: try another --attention-backend, and start once with --disable-cuda-graph (and CUDA_LAUNCH_BLOCKING=1) to locate it.",
          why: "Illegal memory accesses come from a kernel bug or a bad shape, not from too little memory.",
        });
      } else {
        out.push({
          flag: null,
          action: "check",
          text: "An error while serving killed the server: read the key line and the traceback above it; report it to SGLang with the request that triggered it.",
          why: "The error was raised while handling requests.",
        });
      }
      break;
    }

    case "child_crashed": {
      const code = numOf(detail, "exitCode");
      const killed = numOf(detail, "killed") !== null || code === -9 || code === 137;
      out.push({
        flag: null,
        action: "check",
        text: killed
          ? "The process was killed from outside (SIGKILL): most often the host ran out of RAM (check `dmesg` for the OOM killer) or a container memory limit."
          : "A server process died without a clearer error in this log: read the lines just above the key line, and rerun with --log-level debug if nothing shows.",
        why: code !== null ? `It exited with code ${code}.` : "The launcher reported a child failure.",
      });
      break;
    }

    case "other":
      out.push({
        flag: null,
        action: "check",
        text: "The failure was not recognised: read the key line and the traceback around it.",
        why: "No known SGLang failure pattern matched.",
      });
      break;
  }
  return out;
}
