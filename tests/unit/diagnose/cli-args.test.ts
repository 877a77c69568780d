import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDiagnoseArgs } from "../../../lib/diagnose/cli-args";
import { formatReport } from "../../../lib/diagnose/report";
import { localeOfEnvironment, localeOfLangOption } from "../../../lib/i18n/posix-locale";
import { diagnoseLog } from "../../../lib/sglang-log";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/sglang-logs");

describe("the command line's language", () => {
  it.each([
    [{}, "en"],
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "zh_TW.UTF-8" }, "zh-CN"],
    [{ LANG: "zh" }, "zh-CN"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "zh_CN.UTF-8", LC_ALL: "C" }, "en"],
    [{ LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "zh_CN.UTF-8", LC_ALL: "" }, "zh-CN"],
    [{ LANG: "en_US.UTF-8", LC_MESSAGES: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "en_US.UTF-8", LC_MESSAGES: "zh_CN.UTF-8" }, "en"],
  ] as const)("follows the POSIX variables %j: %s", (env, locale) => {
    expect(localeOfEnvironment(env)).toBe(locale);
  });

  it("takes zh, zh-CN and en in any case for --lang, and nothing else", () => {
    for (const v of ["zh", "zh-CN", "zh_cn", "ZH-cn", "zh-Hans"]) expect(localeOfLangOption(v)).toBe("zh-CN");
    for (const v of ["en", "EN", "en-US", "en_GB"]) expect(localeOfLangOption(v)).toBe("en");
    for (const v of ["fr", "", "chinese", "zh-"]) expect(localeOfLangOption(v)).toBeNull();
  });

  it("lets --lang win over LANG and LC_ALL", () => {
    expect(parseDiagnoseArgs(["--lang", "en", "x.log"], { LC_ALL: "zh_CN.UTF-8" })).toMatchObject({ ok: true, args: { locale: "en", file: "x.log" } });
    expect(parseDiagnoseArgs(["--json", "--lang=zh", "-"], { LANG: "en_US.UTF-8" })).toMatchObject({ ok: true, args: { locale: "zh-CN", file: "-", json: true } });
    expect(parseDiagnoseArgs(["x.log"], { LANG: "zh_CN.UTF-8" })).toMatchObject({ ok: true, args: { locale: "zh-CN" } });
  });

  it("refuses an unknown --lang with a sentence naming the value and the choices, in the environment's language", () => {
    expect(parseDiagnoseArgs(["--lang", "fr", "x.log"], {})).toEqual({ ok: false, usage: false, locale: "en", message: "--lang needs one of zh, zh-CN, en (not fr)." });
    expect(parseDiagnoseArgs(["--lang", "fr", "x.log"], { LANG: "zh_CN.UTF-8" })).toMatchObject({ ok: false, message: "--lang 只接受 zh、zh-CN、en（而不是 fr）。" });
    expect(parseDiagnoseArgs(["x.log", "--lang"], {})).toMatchObject({ ok: true, args: { locale: "en" } });
  });

  it("says its other mistakes in the chosen language", () => {
    expect(parseDiagnoseArgs([], { LANG: "zh_CN.UTF-8" })).toMatchObject({ ok: false, message: "请给出要诊断的日志文件（或用 - 表示标准输入）。" });
    expect(parseDiagnoseArgs(["--bogus", "x"], {})).toMatchObject({ ok: false, message: "Unknown option --bogus." });
    expect(parseDiagnoseArgs(["--help"], {})).toMatchObject({ ok: false, usage: true });
  });
});

describe("the command line's report", () => {
  const d = diagnoseLog(fs.readFileSync(path.join(FIXTURES, "oom-kv-cache-not-enough-memory.log"), "utf8"));
  const keyTexts = new Map<number, string>();

  it("reads in English with the codes beside the words", () => {
    const report = formatReport(d, "run.log", keyTexts, "en");
    expect(report.split("\n").slice(0, 4)).toEqual([
      "SGLang log diagnosis: run.log",
      "Outcome:  did not become ready",
      "Phase:    kv_cache — Allocating the KV cache (memory pool)",
      "Cause:    oom_kv_cache — KV cache (memory pool) does not fit (first failing rank TP0)",
    ]);
    expect(report).toContain("  - [increase --mem-fraction-static → 0.89] Raise --mem-fraction-static from 0.84 to 0.89");
  });

  it("reads in Chinese with the same codes, flags and numbers", () => {
    const report = formatReport(d, "-", keyTexts, "zh-CN");
    expect(report).toContain("SGLang 日志诊断：（标准输入）");
    expect(report).toContain("原因：oom_kv_cache — KV 缓存（内存池）放不下（最先失败的 rank：TP0）");
    expect(report).toContain("阶段：kv_cache — 分配 KV 缓存（内存池）");
    expect(report).toContain("  - [调大 --mem-fraction-static → 0.89] 按 SGLang 的提示");
    expect(report).toContain("    理由：这次运行处在 --mem-fraction-static 的“调大”一侧");
  });
});
