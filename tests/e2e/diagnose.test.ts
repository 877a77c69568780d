import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { waitFor } from "../support/processes";
import { useConsoleInBrowser } from "./browser";
import { DiagnosePage } from "./pages/diagnose-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
const FIXTURES = path.resolve(PROJECT_ROOT, "../shared/fixtures/sglang-logs");
const OOM_KV = path.join(FIXTURES, "oom-kv-cache-not-enough-memory.log");

fs.mkdirSync(SCREENSHOTS, { recursive: true });
const e2e = useConsoleInBrowser();

describe("diagnosing a log in the browser", () => {
  it("shows a pasted KV-cache OOM log's cause, the advice to raise --mem-fraction-static, and marks the key line", async () => {
    const page = await e2e.signedInPage({ width: 1280, height: 1000 });
    const diagnosePage = new DiagnosePage(page, e2e.url);
    await diagnosePage.open();
    const text = fs.readFileSync(OOM_KV, "utf8");
    await diagnosePage.paste(text);
    await diagnosePage.waitForDiagnosis();

    expect(await diagnosePage.cause()).toBe("oom_kv_cache");
    expect(await diagnosePage.causeText()).toContain("KV cache");
    expect(await diagnosePage.outcome()).toBe("failed_start");
    expect(await diagnosePage.phase()).toBe("kv_cache");
    const advice = await diagnosePage.adviceText();
    expect(advice).toContain("--mem-fraction-static");
    expect(advice).toContain("INCREASE side");

    // A textarea turns every CR into a line break, so the pasted log's lines are numbered on that text.
    const keyLine = text.replace(/\r\n?/g, "\n").split("\n").findIndex((l) => l.includes("Not enough memory. Please try to increase --mem-fraction-static")) + 1;
    expect(await diagnosePage.visibleMarkedLines()).toContain(keyLine);
    expect(await diagnosePage.rowTextAtMark(keyLine)).toContain("Not enough memory");

    const command = await diagnosePage.correctedCommand();
    expect(command).toContain("--model-path /models/Llama-3.1-8B-Instruct");
    expect(command).toMatch(/--mem-fraction-static 0\.89/);
    await diagnosePage.tickAdvice(/Lower --context-length/);
    expect(await diagnosePage.correctedCommand()).toContain("--context-length 32768");
    await page.screenshot({ path: path.join(SCREENSHOTS, "diagnose-pasted.png"), fullPage: true });

    // "Relaunch with this change" opens the launch form filled from the corrected command.
    await page.getByTestId("relaunch-link").click();
    await page.waitForURL(/\/launch\?command=/);
    await page.getByTestId("paste-note").waitFor();
    expect(await page.locator("main").innerText()).toContain("--mem-fraction-static 0.89");
    expect(await page.locator("main").innerText()).toContain("--context-length 32768");
    await page.screenshot({ path: path.join(SCREENSHOTS, "diagnose-relaunch.png"), fullPage: true });
    await page.close();
  });

  it("shows the diagnosis in Chinese to a reader who chose it, with the codes, flags and numbers as SGLang prints them", async () => {
    const context = await e2e.signedInContext({ width: 1280, height: 1000 });
    await context.addCookies([{ name: "console_locale", value: "zh-CN", url: e2e.url }]);
    const page = await context.newPage();
    const diagnosePage = new DiagnosePage(page, e2e.url);
    await diagnosePage.open();
    await page.getByLabel("粘贴 SGLang 服务日志，或把日志文件拖到这里").fill(fs.readFileSync(OOM_KV, "utf8"));
    await page.getByRole("button", { name: "诊断", exact: true }).click();
    await diagnosePage.waitForDiagnosis();

    expect(await diagnosePage.cause()).toBe("oom_kv_cache");
    expect(await diagnosePage.causeText()).toBe("KV 缓存（内存池）放不下");
    expect(await diagnosePage.phase()).toBe("kv_cache");
    expect(await page.getByTestId("phase").innerText()).toContain("分配 KV 缓存（内存池）");
    const advice = await diagnosePage.adviceText();
    expect(advice).toContain("按 SGLang 的提示，将 --mem-fraction-static 从 0.84 调高到 0.89");
    expect(advice).toContain("“调大”一侧");
    expect(await diagnosePage.correctedCommand()).toMatch(/--mem-fraction-static 0\.89/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "diagnose-zh.png"), fullPage: true });
    await context.close();
  });

  it("says an uploaded file that is not an SGLang log does not look like one", async () => {
    const page = await e2e.signedInPage({ width: 1280, height: 900 });
    const diagnosePage = new DiagnosePage(page, e2e.url);
    await diagnosePage.open();
    await diagnosePage.upload(path.join(PROJECT_ROOT, "tests/fixtures/sglang-log-variants/non-sglang-vllm-oom.log"));
    await diagnosePage.waitForDiagnosis();
    expect(await diagnosePage.cause()).toBe("other");
    expect(await page.getByTestId("not-sglang").isVisible()).toBe(true);
    await page.close();
  });

  it("diagnoses a failed run's log from its instance page through the Diagnose this log link", async () => {
    const port = await freePort();
    const launched = await api<{ instance: InstanceView }>(e2e.url, "POST", "/api/instances", {
      profile: glmProfile(port, { env: { SGLANG_SIM_FAIL: "oom_kv_cache" } }),
    });
    const id = launched.body.instance.id;
    await waitFor(async () => ((await getInstance(e2e.url, id)).phase === "failed_start" ? true : null), {
      timeoutMs: 30_000,
      what: "failed_start",
    });
    const page = await e2e.signedInPage({ width: 1280, height: 1000 });
    await page.goto(`${e2e.url}/instances/${id}`);
    await page.getByTestId("diagnose-link").click();
    await page.waitForURL(/\/diagnose\?instance=/);
    const diagnosePage = new DiagnosePage(page, e2e.url);
    await diagnosePage.waitForDiagnosis();
    expect(await diagnosePage.cause()).toBe("oom_kv_cache");
    expect((await diagnosePage.visibleMarkedLines()).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "diagnose-run.png"), fullPage: true });
    await page.close();
  });
});
