/** Failure rules about GPU memory: the KV pool, CUDA out-of-memory by phase, request slots and pool leaks. */
import type { FailureCause } from "../causes";
import { cudaOomDetail, fail, firstMatch, STRENGTH, whereFailed, type FailureDetail, type FailureRule } from "../failure";
import type { StartupPhase } from "../phases";

function oomCauseFor(where: StartupPhase | null): FailureCause {
  switch (where) {
    case null:
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

export const MEMORY_RULES: readonly FailureRule[] = [
  {
    name: "kv-pool-not-enough-memory",
    match(t) {
      if (!/Not enough memory\.? Please try to increase --mem-fraction-static/i.test(t)) return null;
      const d: FailureDetail = { oomType: "not_enough_memory" };
      const v = firstMatch(/mem_fraction_static=([\d.]+)/, t);
      if (v !== undefined) d.memFractionStatic = Number(v);
      return fail("oom_kv_cache", STRENGTH.specific, "specific", d);
    },
  },
  {
    name: "kv-pool-profiled-negative",
    match(t) {
      const m = /max_total_tokens=(\d+) is larger than the profiled value (-?\d+)/.exec(t);
      if (!m || Number(m[2]) > 0) return null;
      return fail("oom_kv_cache", STRENGTH.strongHint, "hint", { profiledTokens: Number(m[2]), oomType: "not_enough_memory" });
    },
  },
  {
    name: "cuda-graph-capture-failed",
    match(t) {
      const m = /Capture (?:cuda|CUDA|draft cuda|piecewise CUDA|piecewise cuda) graph failed:?\s*(.*)$/.exec(t);
      if (!m) return null;
      const rest = m[1] ?? "";
      if (/out of memory|OutOfMemory/i.test(rest)) return fail("oom_cuda_graph", STRENGTH.decisive, "specific", cudaOomDetail(rest));
      return fail("cuda_graph_error", STRENGTH.specific, "specific", { error: rest.slice(0, 300) });
    },
  },
  {
    name: "cuda-out-of-memory",
    match(t, ctx) {
      if (!/OutOfMemoryError|CUDA out of memory|CUDA error: out of memory|CUDA_ERROR_OUT_OF_MEMORY|cudaErrorMemoryAllocation/.test(t)) return null;
      return fail(oomCauseFor(whereFailed(ctx)), STRENGTH.specific, "cuda_oom", cudaOomDetail(t));
    },
  },
  {
    name: "other-ranks-did-not-finish-loading",
    match(t) {
      if (!/could finish the model loading, but there are other ranks that didn't finish loading/.test(t)) return null;
      return fail("oom_weights", STRENGTH.likely, "specific", { oomType: "rank_did_not_finish" });
    },
  },
  {
    name: "request-slots-exhausted",
    match(t) {
      if (!/alloc_req_slots runs out of memory|out of memory.*--max-running-requests/i.test(t)) return null;
      const d: FailureDetail = { serving: "req_slots", error: t.slice(0, 300) };
      const avail = firstMatch(/available_size\(\)=(\d+)/, t);
      const want = firstMatch(/num_reqs=(\d+)|len\(reqs\)=(\d+)/, t);
      if (avail !== undefined) d.availableSlots = Number(avail);
      if (want !== undefined) d.wantedSlots = Number(want);
      return fail("serving_error", STRENGTH.specific, "specific", d);
    },
  },
  {
    name: "memory-pool-leak",
    match(t) {
      const m = /leak detected/i.test(t) ? /(\w{0,48}pool\w{0,16}) memory leak detected|(memory) leak detected!/i.exec(t) : null;
      if (!m) return null;
      return fail("serving_error", STRENGTH.specific, "specific", { serving: "pool_leak", pool: m[1] ?? "", error: t.slice(0, 300) });
    },
  },
  {
    name: "token-pool-exhausted",
    match(t) {
      if (!/TokenToKVPool(?:Allocator)? runs out of memory|Prefill out of memory|Decode out of memory|Out of memory\. Try to lower your batch size/i.test(t)) return null;
      return fail("serving_error", STRENGTH.specific, "specific", { serving: "token_pool", error: t.slice(0, 300) });
    },
  },
  {
    name: "memory-unbalanced",
    match(t) {
      if (!/memory capacity is unbalanced/i.test(t)) return null;
      const d: FailureDetail = {};
      const min = firstMatch(/min_per_gpu_memory=([\d.]+)/, t);
      const local = firstMatch(/local_gpu_memory=([\d.]+)/, t);
      if (min !== undefined) d.minGb = Number(min);
      if (local !== undefined) d.localGb = Number(local);
      return fail("memory_unbalanced", STRENGTH.specific, "specific", d);
    },
  },
];
