import { describe, expect, it } from "vitest";
import { adviseFor, closestChoice, diagnoseLog, emptyFacts, largestDivisorAtMost, MEM_FRACTION_SIDE, suggestHigherFraction, suggestLowerFraction, type Advice, type RunFacts } from "../../../lib/sglang-log";

const facts = (over: Partial<RunFacts> = {}): RunFacts => ({ ...emptyFacts(), ...over });
const memAdvice = (a: Advice[]) => a.find((x) => x.flag === "--mem-fraction-static");
const log = (...lines: string[]) => diagnoseLog(`${lines.join("\n")}\n`);

describe("--mem-fraction-static: which way to turn it", () => {
  it("raises it for SGLang's 'Not enough memory' (value 0.2 → a larger suggested value)", () => {
    const d = log(
      "[2026-01-01 00:00:00] server_args=ServerArgs(model_path='/m', mem_fraction_static=0.2, tp_size=1)",
      "[2026-01-01 00:00:01] Load weight begin. avail mem=78.00 GB",
      "[2026-01-01 00:00:02] Load weight end. type=X, avail mem=62.00 GB, mem usage=16.00 GB.",
      "RuntimeError: Not enough memory. Please try to increase --mem-fraction-static. Current value: self.server_args.mem_fraction_static=0.2",
    );
    expect(d.cause).toBe("oom_kv_cache");
    const m = memAdvice(d.advice)!;
    expect(m.action).toBe("increase");
    expect(Number(m.suggestedValue)).toBeGreaterThan(0.2);
    expect(Number(m.suggestedValue)).toBeLessThanOrEqual(0.95);
    expect(m.why).toContain("INCREASE side");
    expect(d.advice.map((a) => a.flag)).toEqual(expect.arrayContaining(["--context-length", "--max-running-requests", "--tp-size"]));
  });

  it("raises it at least to what the weights need, from the avail mem numbers", () => {
    // weights take 60 of 78 GB: the fraction must exceed 1 - 18/78 ≈ 0.77
    expect(suggestHigherFraction(0.5, 78, 18)).toBeGreaterThanOrEqual(0.87);
  });

  it("does not suggest raising it past the ceiling", () => {
    expect(suggestHigherFraction(0.95, null, null)).toBeNull();
    const a = adviseFor({ cause: "oom_kv_cache", detail: { memFractionStatic: 0.95 }, facts: facts(), phase: "kv_cache", captureBs: null, weightLoads: 1, importErrors: [] });
    expect(memAdvice(a)?.action).toBe("check");
  });

  it("lowers it for a CUDA OOM during graph capture, with a smaller --cuda-graph-max-bs", () => {
    const a = adviseFor({ cause: "oom_cuda_graph", detail: {}, facts: facts({ memFractionStatic: 0.92, cudaGraphMaxBs: 160 }), phase: "cuda_graph", captureBs: 160, weightLoads: 1, importErrors: [] });
    const m = memAdvice(a)!;
    expect(m.action).toBe("decrease");
    expect(Number(m.suggestedValue)).toBeLessThan(0.92);
    expect(m.why).toContain("DECREASE side");
    const bs = a.find((x) => x.flag === "--cuda-graph-max-bs")!;
    expect(bs.action).toBe("decrease");
    expect(Number(bs.suggestedValue)).toBeLessThan(160);
    expect(a.find((x) => x.flag === "--disable-cuda-graph")?.action).toBe("add");
  });

  it("lowers it for a CUDA OOM while allocating the KV cache (the fraction was too high)", () => {
    const a = adviseFor({ cause: "oom_kv_cache", detail: { oomType: "cuda" }, facts: facts({ memFractionStatic: 0.85 }), phase: "kv_cache", captureBs: null, weightLoads: 1, importErrors: [] });
    expect(memAdvice(a)).toMatchObject({ action: "decrease", suggestedValue: "0.8", why: MEM_FRACTION_SIDE.decrease });
  });

  it("lowers it (and --max-running-requests) for an OOM while serving", () => {
    const a = adviseFor({ cause: "oom_serving", detail: {}, facts: facts({ memFractionStatic: 0.88, maxRunningRequests: 2048 }), phase: "serving", captureBs: null, weightLoads: 1, importErrors: [] });
    expect(memAdvice(a)?.action).toBe("decrease");
    expect(a.find((x) => x.flag === "--max-running-requests")).toMatchObject({ action: "decrease", suggestedValue: "1024" });
  });

  it("says neither side helps when the weights do not fit, and suggests more GPUs and quantization", () => {
    const a = adviseFor({ cause: "oom_weights", detail: { totalGb: 79.19, freeGb: 0.4, processGb: 40, gpu: 2 }, facts: facts({ tp: 4 }), phase: "load_weights", captureBs: null, weightLoads: 1, importErrors: [] });
    expect(a[0]).toMatchObject({ flag: "--tp-size", action: "increase", suggestedValue: "8" });
    expect(a.some((x) => x.flag === "--quantization")).toBe(true);
    expect(a.some((x) => /Other processes hold about 38.79 GiB on GPU 2/.test(x.text))).toBe(true);
    expect(memAdvice(a)).toMatchObject({ action: "check", why: MEM_FRACTION_SIDE.neither });
  });

  it("suggestLowerFraction never goes below a sane floor", () => {
    expect(suggestLowerFraction(0.3)).toBeGreaterThanOrEqual(0.3);
    expect(suggestLowerFraction(null)).toBe(0.8);
  });
});

describe("other advice from the numbers in the log", () => {
  it("names the flag and the closest valid choice for argparse's invalid choice", () => {
    const d = log("launch_server.py: error: argument --tool-call-parser: invalid choice: 'glm-47' (choose from 'glm', 'glm45', 'glm47', 'qwen25')");
    expect(d.advice[0]).toMatchObject({ flag: "--tool-call-parser", action: "set", suggestedValue: "glm47" });
    expect(d.advice[0]!.text).toContain("glm45");
  });

  it("rewrites an underscored flag with dashes", () => {
    const d = log("launch_server.py: error: unrecognized arguments: --reasoning_parser kimi_k2");
    expect(d.advice[0]).toMatchObject({ flag: "--reasoning_parser", action: "set", suggestedValue: "--reasoning-parser" });
  });

  it("suggests a tp size that divides the number in `16 is not divisible by 6`", () => {
    const d = log("[2026-01-01 00:00:00] server_args=ServerArgs(model_path='/m', tp_size=6)", "AssertionError: 16 is not divisible by 6");
    expect(d.advice[0]).toMatchObject({ flag: "--tp-size", action: "set", suggestedValue: "4" });
    expect(largestDivisorAtMost(64, 6)).toBe(4);
  });

  it("suggests another port for the HTTP port in use", () => {
    const d = log("[2026-01-01 00:00:00] server_args=ServerArgs(model_path='/m', port=30000)", "ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', 30000): address already in use");
    expect(d.advice[0]).toMatchObject({ flag: "--port", action: "set", suggestedValue: "30001" });
  });

  it("doubles --watchdog-timeout from the value in the log", () => {
    const d = log("[2026-01-01 00:00:00 TP0] Watchdog timeout (self.watchdog_timeout=300)");
    expect(d.advice[0]).toMatchObject({ flag: "--watchdog-timeout", action: "increase", suggestedValue: "600" });
  });

  it("adds --trust-remote-code when transformers asks for it", () => {
    const d = log("[2026-01-01 00:00:00] server_args=ServerArgs(model_path='/m')", "Please pass the argument `trust_remote_code=True` to allow custom code to be run.");
    expect(d.cause).toBe("trust_remote_code");
    expect(d.advice[0]).toMatchObject({ flag: "--trust-remote-code", action: "add" });
  });

  it("points at a proxy for a warm-up 502", () => {
    const d = log("[2026-01-01 00:00:00] Initialization failed. warmup error: Traceback (most recent call last):", "AssertionError: res=<Response [502]>, res.text=''");
    expect(d.cause).toBe("warmup_failed");
    expect(d.advice[0]!.text).toMatch(/no_proxy/);
  });

  it("asks for a token for a gated model", () => {
    const d = log("[2026-01-01 00:00:00] server_args=ServerArgs(model_path='meta-llama/X')", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/meta-llama/X/resolve/main/config.json");
    expect(d.cause).toBe("model_not_found");
    expect(d.advice[0]!.text).toMatch(/HF_TOKEN/);
  });

  it("closestChoice gives up on values far from every choice", () => {
    expect(closestChoice("zzzzzzzzzz", ["glm", "qwen"])).toBeNull();
  });
});
