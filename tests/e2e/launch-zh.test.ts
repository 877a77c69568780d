import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, startConsole, type RunningConsole } from "../support/console-process";
import { launchBrowser, newSignedInPage } from "./browser";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
const FAKE_BIN = path.join(PROJECT_ROOT, "tests/fixtures/bin");
let consoleProcess: RunningConsole;
let browser: Browser;

beforeAll(async () => {
  [consoleProcess, browser] = await Promise.all([startConsole({ env: { PATH: `${FAKE_BIN}:${process.env.PATH}` } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await consoleProcess?.stop();
});

describe("the launch configurator in Chinese", () => {
  it("shows the page, the flag help and the checks in Chinese, with SGLang's flags as they are", async () => {
    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1400, height: 1100 }, locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
    await page.goto(`${consoleProcess.url}/launch`);
    await page.getByRole("heading", { name: "新建部署" }).waitFor();
    expect(await page.getByTestId("flags-source").innerText()).toMatch(/^参数来自 SGLang 模拟器 \S+ 的报告/);

    await page.getByLabel("搜索参数").fill("--mem-fraction-static");
    const row = page.locator('[data-flag="--mem-fraction-static"]');
    expect(await row.innerText()).toContain("用于权重和 KV 缓存的显存比例");
    await row.locator("input").fill("1.5");
    const messages = await row.getByTestId("field-issue").allInnerTexts();
    expect(messages.join(" ")).toContain("--mem-fraction-static 1.5 超出范围：请使用大于 0 且小于 1 的数");
    expect(await page.getByRole("button", { name: "启动", exact: true }).isDisabled()).toBe(true);
    // Searching works in the reader's language too.
    await page.getByLabel("搜索参数").fill("投机解码");
    expect(await page.locator('[data-flag="--speculative-algorithm"]').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-zh.png"), fullPage: true });
  });
});
