import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/console-process";
import { newSignedInPage, useConsoleInBrowser } from "./browser";
import { LaunchPage } from "./pages/launch-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");

// PATH without nvidia-smi: a box with no NVIDIA GPU (or no driver).
const e2e = useConsoleInBrowser({ env: { PATH: path.dirname(process.execPath) + ":/usr/bin:/bin" } });

describe("the launch configurator on a box without GPUs", () => {
  it("says no NVIDIA GPU was found, lets Auto decline, and keeps a pasted unknown flag in extra arguments, refused as the installed SGLang lacks it", async () => {
    const page = await e2e.signedInPage({ width: 1400, height: 1000 });
    const launchPage = new LaunchPage(page, e2e.url);
    await launchPage.open();
    expect(await page.getByTestId("no-gpus").innerText()).toContain("No NVIDIA GPU found");
    expect(await page.getByTestId("auto-reason").innerText()).toContain("Auto cannot choose: pick a preset.");
    expect(await page.getByTestId("presets").getByRole("button").first().isDisabled()).toBe(true);

    await launchPage.pasteCommand("CUDA_VISIBLE_DEVICES=1 python3 -m sglang.launch_server --model-path zai-org/GLM-4.7-Flash --enable-fancy-thing 3 --port 31234");
    expect(await page.locator("#extra-args").inputValue()).toBe("--enable-fancy-thing 3");
    expect(await page.getByTestId("paste-note").innerText()).toContain("unknown flags kept in extra arguments: --enable-fancy-thing");
    const extraIssues = await page.locator('[data-field="extraArgs"]').getByTestId("field-issue").allInnerTexts();
    expect(extraIssues).toHaveLength(1);
    expect(extraIssues[0]).toContain('--enable-fancy-thing is not a flag of the installed SGLang 0.5.9: it would stop with "unrecognized arguments".');
    expect(await page.getByLabel("GPU indexes").inputValue()).toBe("1");
    expect(await launchPage.command()).toContain("CUDA_VISIBLE_DEVICES=1 python3 -m sglang.launch_server");
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-no-gpu.png"), fullPage: true });
  });

  it("says why in Chinese, nvidia-smi's name as it is, and learns the browser's time zone", async () => {
    const options = { viewport: { width: 1400, height: 1000 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } };
    const page = await newSignedInPage(e2e.browser, e2e.url, options);
    await page.goto(`${e2e.url}/launch`);
    await page.getByRole("heading", { name: "新建部署" }).waitFor();
    expect(await page.getByTestId("no-gpus").innerText()).toContain("未找到 NVIDIA GPU：找不到 nvidia-smi（未安装，或不在 PATH 中）。");
    expect(await page.getByTestId("auto-reason").innerText()).toContain("无法自动选择：请手动选择预设。");
    await page.waitForFunction(() => document.cookie.includes("console_tz=Asia%2FShanghai"));
  });
});
