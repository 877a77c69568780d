import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";
import { launchBrowser, newSignedInPage } from "./browser";
import { PlaygroundPage } from "./pages/playground-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
const ENGLISH_TABS = ["Completions", "Chat", "Streaming", "Tool calling", "Compare"];
const CHINESE_TABS = ["文本补全", "对话", "流式输出", "工具调用", "对比"];
let consoleProcess: RunningConsole;
let browser: Browser;
let instance: InstanceView;
let page: Page;
let playground: PlaygroundPage;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [consoleProcess, browser] = await Promise.all([startConsole({ env: { SGLANG_SIM_TOKENS_PER_S: "0.2" } }), launchBrowser()]);
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
    profile: glmProfile(await freePort(), { name: "GLM in two languages" }),
  });
  expect(launched.status).toBe(201);
  instance = await waitFor(async () => {
    const view = await getInstance(consoleProcess.url, launched.body.instance.id);
    return view.phase === "ready" ? view : null;
  }, { timeoutMs: 60_000, what: "the instance to be ready" });
  page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1400, height: 1100 } });
  playground = new PlaygroundPage(page, consoleProcess.url);
});

afterAll(async () => {
  await browser?.close();
  await consoleProcess?.stop();
});

describe("the playground in both languages", () => {
  it("switching to 简体中文 and back renames the tabs and keeps the typed prompts", async () => {
    await playground.open(instance.id);
    expect(await playground.tabNames("Playground")).toEqual(ENGLISH_TABS);
    const completions = await playground.tab("Completions");
    await completions.getByLabel("Prompt").fill("The longest river in China is");
    const chat = await playground.tab("Chat");
    const typed = "用一句话介绍 SGLang, please";
    await chat.getByLabel("Message", { exact: true }).fill(typed);

    await playground.switchLanguage("简体中文", "试验场");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await playground.tabNames("试验场")).toEqual(CHINESE_TABS);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("试验场");
    expect(await chat.getByLabel("消息", { exact: true }).inputValue()).toBe(typed);
    expect(await chat.getByRole("button", { name: "发送", exact: true }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "playground-zh-chat.png"), fullPage: true });

    await page.getByRole("tablist", { name: "试验场" }).getByRole("tab", { name: "文本补全", exact: true }).click();
    expect(await completions.getByLabel("提示词", { exact: true }).inputValue()).toBe("The longest river in China is");

    // Streaming in Chinese: the speed line reads 首 token 延迟 and 吞吐, the latency in the locale's units.
    await page.getByRole("tablist", { name: "试验场" }).getByRole("tab", { name: "流式输出", exact: true }).click();
    const streaming = playground.panel("Streaming");
    await streaming.getByRole("button", { name: "开始生成", exact: true }).click();
    await streaming.locator('[data-testid="stream-status"][data-status="done"]').waitFor({ timeout: 20_000 });
    const meta = await streaming.getByTestId("result-meta").innerText();
    expect(meta).toContain("首 token 延迟");
    expect(meta).toContain("吞吐");
    expect(await streaming.getByTestId("tokens-per-second").innerText()).toMatch(/tokens\/秒/);
    expect(await streaming.getByTestId("ttft").innerText()).toMatch(/\d\s*毫秒/);
    expect(await streaming.getByTestId("stream-status").innerText()).toBe("已完成");
    await page.screenshot({ path: path.join(SCREENSHOTS, "playground-zh-streaming.png"), fullPage: true });

    // The code to reproduce stays code; only its help around it is Chinese.
    await streaming.getByRole("tablist", { name: "输出" }).getByRole("tab", { name: "查看代码", exact: true }).click();
    expect(await streaming.getByTestId("code-view").innerText()).toContain("密钥取自 $SGLANG_API_KEY");
    await streaming.getByRole("tablist", { name: "编程语言" }).getByRole("tab", { name: "curl", exact: true }).click();
    expect(await streaming.getByTestId("code").innerText()).toContain("Bearer $SGLANG_API_KEY");

    await page.getByRole("tablist", { name: "试验场" }).getByRole("tab", { name: "工具调用", exact: true }).click();
    const tools = playground.panel("Tool calling");
    const editor = tools.getByLabel("工具定义");
    const good = await editor.inputValue();
    await editor.fill(good.replace('"type": "function",', '"type": "function"'));
    expect(await tools.getByTestId("tool-problems").innerText()).toMatch(/JSON 无效，第 4 行第 \d+ 列/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "playground-zh-tools.png"), fullPage: true });
    await editor.fill(good);

    await playground.switchLanguage("English", "Playground");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await playground.tabNames("Playground")).toEqual(ENGLISH_TABS);
    const chatAgain = await playground.tab("Chat");
    expect(await chatAgain.getByLabel("Message", { exact: true }).inputValue()).toBe(typed);
    const streamingAgain = playground.panel("Streaming");
    expect(await streamingAgain.getByTestId("ttft").innerText()).toMatch(/\d+(\.\d)? ms/);
  });
});
