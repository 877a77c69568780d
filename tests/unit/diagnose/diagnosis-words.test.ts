import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toDiagnosisJson } from "../../../lib/diagnose";
import { LOCALES } from "../../../lib/i18n/locales";
import { adviseFor, diagnoseLog, diagnosisWords, emptyFacts, FAILURE_CAUSES, STARTUP_PHASES, type Advice } from "../../../lib/sglang-log";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/sglang-logs");
const VARIANTS = path.resolve(__dirname, "../../fixtures/sglang-log-variants");
const logs = [FIXTURES, VARIANTS].flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith(".log")).map((f) => path.join(dir, f)));

/** Details that reach every branch of the advice functions, with and without the numbers a log may show. */
const DETAILS: Record<string, string | number>[] = [
  {},
  { oomType: "cuda" },
  { memFractionStatic: 0.9 },
  { totalGb: 79.1, freeGb: 1.2, processGb: 30, gpu: 2 },
  { kernel: "import", library: "sgl_kernel" },
  { gpuArch: "120" },
  { dividend: 32, divisor: 6 },
  { heads: 28 },
  { quantBlock: 128, partition: 192 },
  { modelError: "gated" },
  { modelError: "offline", path: "Qwen/x" },
  { modelError: "no_config" },
  { source: "transformers", architecture: "FooForCausalLM" },
  { nccl: "p2p" },
  { nccl: "timeout", timeoutS: 600, op: "ALLREDUCE" },
  { status: 502 },
  { exitCode: -9 },
  { exitCode: 1 },
  { serving: "req_slots", availableSlots: 20 },
  { serving: "pool_leak" },
  { serving: "token_pool" },
  { serving: "tokenizer_manager" },
  { error: "illegal memory access" },
  { at: "request" },
  { portKind: "zmq", port: 30005 },
  { kind: "invalid_choice", flag: "--tool-call-parser", value: "glm-47", choices: "'glm47', 'qwen'" },
  { kind: "invalid_choice", flag: "--x", value: "zzzzzzzz", choices: "'a', 'b'" },
  { kind: "context_length", value: 200000, limit: 131072 },
  { kind: "context_length" },
  { kind: "unrecognized", args: "--foo_bar --baz" },
  { kind: "required", args: "--model-path" },
  { kind: "invalid_value", flag: "--tp-size", valueType: "int", value: "x" },
  { kind: "expected", flag: "--port" },
];
const FACTS = [emptyFacts(), { ...emptyFacts(), memFractionStatic: 0.88, availMemBeforeLoadGb: 79.2, availMemAfterLoadGb: 60.1, contextLength: 131072, maxRunningRequests: 100, tp: 6, speculativeAlgorithm: "EAGLE" }];

function everyAdvice(): Advice[] {
  const out: Advice[] = [];
  for (const cause of FAILURE_CAUSES)
    for (const detail of DETAILS)
      for (const facts of FACTS) out.push(...adviseFor({ cause, detail, facts, phase: "kv_cache", captureBs: null, weightLoads: 2, importErrors: ["sglang.srt.models.foo"] }));
  for (const file of logs) out.push(...diagnoseLog(fs.readFileSync(file, "utf8")).advice);
  // One of each kind: the same codes with the same parameters absent read the same branches of the messages.
  const kinds = new Map<string, Advice>();
  for (const a of out) kinds.set(JSON.stringify([a.textCode, a.whyCode, Object.entries(a.values).map(([k, v]) => `${k}:${v === "none" ? "none" : v === "yes" ? "yes" : "set"}`)]), a);
  return [...kinds.values()];
}

describe("the diagnosis in words", () => {
  const advice = everyAdvice();

  it("has words in both languages for every piece of advice the rules give, with every parameter filled in", () => {
    expect(new Set(advice.map((a) => a.textCode)).size).toBeGreaterThan(60);
    expect(new Set(advice.map((a) => a.whyCode)).size).toBeGreaterThan(60);
    for (const locale of LOCALES) {
      const words = diagnosisWords(locale);
      for (const a of advice) {
        const { text, why } = words.advice(a);
        for (const said of [text, why]) {
          expect(said, `${locale} ${a.textCode}/${a.whyCode}`).not.toMatch(/^diagnose\.|[{}]/);
          expect(said.length).toBeGreaterThan(3);
        }
      }
    }
  });

  it("keeps on each piece the English the catalogue gives for its codes", () => {
    const en = diagnosisWords("en");
    for (const a of advice) expect(en.advice(a)).toEqual({ text: a.text, why: a.why });
  });

  it("names every cause and phase in both languages", () => {
    for (const locale of LOCALES) {
      const words = diagnosisWords(locale);
      for (const cause of FAILURE_CAUSES) expect(words.causeTitle(cause)).not.toMatch(/^diagnose\./);
      for (const phase of [...STARTUP_PHASES, "unknown" as const]) expect(words.phaseTitle(phase)).not.toMatch(/^diagnose\./);
    }
  });

  it("says the advice in Chinese with the flags and numbers as SGLang prints them", () => {
    const d = diagnoseLog(fs.readFileSync(path.join(FIXTURES, "oom-kv-cache-not-enough-memory.log"), "utf8"));
    const first = diagnosisWords("zh-CN").advice(d.advice[0]!);
    expect(first.text).toBe("按 SGLang 的提示，将 --mem-fraction-static 从 0.84 调高到 0.89：加载权重之后已没有空间留给 KV 缓存。");
    expect(first.why).toContain("权重占用了 43.49 GB 空闲显存中的 15.02 GB。");
    const port = adviseFor({ cause: "port_in_use", detail: { port: 30000 }, facts: emptyFacts(), phase: "http_up", captureBs: null, weightLoads: 1, importErrors: [] });
    expect(diagnosisWords("zh-CN").advice(port[0]!).text).toContain("端口 30000 已被占用");
  });

  it("keeps the codes and the English in the JSON and adds the title and advice in the chosen language", () => {
    const d = diagnoseLog(fs.readFileSync(path.join(FIXTURES, "oom-kv-cache-not-enough-memory.log"), "utf8"));
    const zh = toDiagnosisJson(d, "zh-CN");
    const en = toDiagnosisJson(d);
    expect(zh).toMatchObject({ cause: "oom_kv_cache", phase: "kv_cache", outcome: "failed_start", causeTitle: "KV cache (memory pool) does not fit", locale: "zh-CN" });
    expect(zh.title).toBe("KV 缓存（内存池）放不下");
    expect(zh.phaseTitle).toBe("分配 KV 缓存（内存池）");
    expect(zh.advice[0]).toMatchObject({ flag: "--mem-fraction-static", action: "increase", suggestedValue: "0.89", textCode: "raiseFraction", text: d.advice[0]!.text });
    expect(zh.advice[0]!.localized.text).toContain("调高到 0.89");
    expect(en).toMatchObject({ locale: "en", title: d.causeTitle, phaseTitle: "Allocating the KV cache (memory pool)" });
    expect(en.advice.map((a) => a.localized)).toEqual(d.advice.map((a) => ({ text: a.text, why: a.why })));
  });
});
