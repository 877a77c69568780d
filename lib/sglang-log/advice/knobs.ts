/** Helpers the advice functions share: how far to turn a knob, given the numbers the log shows. */
import { editDistance } from "../../edit-distance";
import type { FailureDetail } from "../failure";
import type { RunFacts } from "../facts";
import type { Advice, AdviceInput } from "./types";
import { advice, englishWhy } from "./words";

/** Which side of the "increase vs decrease --mem-fraction-static" line a run is on (English; codes `side*` under `diagnose.why`). */
export const MEM_FRACTION_SIDE = {
  increase: englishWhy("sideIncrease", { taken: null, free: null }),
  decrease: englishWhy("sideDecrease"),
  neither: englishWhy("sideNeither"),
} as const;

const MAX_FRACTION = 0.95;
const MIN_FRACTION = 0.3;

export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function str(d: FailureDetail, k: string): string | null {
  const v = d[k];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
}

export function numOf(d: FailureDetail, k: string): number | null {
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

export function halfRounded(n: number, multiple: number, min: number): number {
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

/** `because`: a key under `diagnose.why`. */
export function contextAdvice(facts: RunFacts, because: string): Advice {
  const ctx = facts.contextLength;
  const size = ctx !== null && ctx > 8192 ? String(Math.max(4096, Math.min(32768, halfRounded(ctx, 1024, 4096)))) : "32768";
  return advice({ flag: "--context-length", action: "decrease", suggestedValue: size, say: "lowerContext", because, values: { now: ctx, size } });
}

export function runningRequestsAdvice(facts: RunFacts, because: string): Advice {
  const mr = facts.maxRunningRequests;
  const size = mr !== null && mr > 16 ? String(halfRounded(mr, 8, 8)) : "64";
  return advice({ flag: "--max-running-requests", action: "decrease", suggestedValue: size, say: "capRunning", because, values: { now: mr, size } });
}

export function moreGpusAdvice(facts: RunFacts, because: string): Advice {
  const tp = facts.tp ?? 1;
  const next = String(tp * 2);
  return advice({ flag: "--tp-size", action: "increase", suggestedValue: next, say: "moreGpus", because, values: { next, tp } });
}

/** What most advice reads: the detail of the failure, the run's facts, the memory fraction in force, speculative decoding on. */
export function adviceContext(input: AdviceInput): { detail: FailureDetail; facts: RunFacts; f: number | null; spec: boolean } {
  const { detail, facts } = input;
  return {
    detail,
    facts,
    f: numOf(detail, "memFractionStatic") ?? facts.memFractionStatic,
    spec: facts.speculativeAlgorithm !== null || input.weightLoads > 1,
  };
}
