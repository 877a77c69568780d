import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/console-process";

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const LOG = path.resolve(PROJECT_ROOT, "../shared/fixtures/sglang-logs/oom-kv-cache-not-enough-memory.log");

/** `npm run --silent diagnose -- ARGS` with only the locale variables given (the runner's own are removed). */
async function diagnose(args: string[], locale: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, ...locale };
  try {
    const { stdout, stderr } = await run(TSX, ["scripts/diagnose.ts", ...args], { cwd: PROJECT_ROOT, env: env as NodeJS.ProcessEnv });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("npm run diagnose in the reader's language", () => {
  it("reports in Chinese under LANG=zh_CN.UTF-8", async () => {
    const { code, stdout } = await diagnose([LOG], { LANG: "zh_CN.UTF-8" });
    expect(code).toBe(0);
    expect(stdout).toContain("原因：oom_kv_cache — KV 缓存（内存池）放不下");
    expect(stdout).toContain("[调大 --mem-fraction-static → 0.89]");
  });

  it("reports in English with --lang en whatever LANG says", async () => {
    const { code, stdout } = await diagnose(["--lang", "en", LOG], { LANG: "zh_CN.UTF-8" });
    expect(code).toBe(0);
    expect(stdout).toContain("Cause:    oom_kv_cache — KV cache (memory pool) does not fit");
    expect(stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps the codes in --json and adds the title and advice in the language LC_ALL chooses over LANG", async () => {
    const { code, stdout } = await diagnose(["--json", LOG], { LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown> & { advice: { action: string; flag: string; text: string; localized: { text: string } }[] };
    expect(json).toMatchObject({ cause: "oom_kv_cache", phase: "kv_cache", outcome: "failed_start", causeTitle: "KV cache (memory pool) does not fit", locale: "zh-CN", title: "KV 缓存（内存池）放不下" });
    expect(json.advice[0]).toMatchObject({ action: "increase", flag: "--mem-fraction-static", text: expect.stringContaining("Raise --mem-fraction-static") });
    expect(json.advice[0]!.localized.text).toContain("调高到 0.89");
  });

  it("refuses a --lang it does not know with one sentence and exit status 2", async () => {
    const { code, stdout, stderr } = await diagnose(["--lang", "klingon", LOG], {});
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe("--lang needs one of zh, zh-CN, en (not klingon).");
  });
});
