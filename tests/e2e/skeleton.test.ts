import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getInstance } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { processGroupMembers } from "../support/processes";
import { newSignedInContext, useConsoleInBrowser } from "./browser";
import { HomePage } from "./pages/home-page";
import { InstancePage } from "./pages/instance-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");

fs.mkdirSync(SCREENSHOTS, { recursive: true });
// A pace a person can watch: the phases are visible in the browser, yet the start takes seconds.
const e2e = useConsoleInBrowser({ env: { SGLANG_SIM_SPEED: "20" } });

describe("walking skeleton in the browser", () => {
  it("launches GLM-4.7-Flash, watches it become ready, chats with it, and stops it leaving no process", async () => {
    const page = await e2e.signedInPage({ width: 1280, height: 1000 });
    const home = new HomePage(page, e2e.url);
    await home.open();
    expect(await home.listText()).toContain("No instances yet");
    const command = await home.launchCommand();
    for (const flag of ["-m sglang.launch_server", "--model-path zai-org/GLM-4.7-Flash", "--tp-size 1", "--tool-call-parser glm47", "--reasoning-parser glm45"]) {
      expect(command).toContain(flag);
    }
    expect(await page.getByText("simulated").first().isVisible()).toBe(true);
    const port = await freePort();
    await home.setPort(port);
    await page.screenshot({ path: path.join(SCREENSHOTS, "home.png"), fullPage: true });

    const instanceId = await home.launch();
    const instancePage = new InstancePage(page);
    await instancePage.recordPhases();
    await instancePage.waitForPhase("ready");
    await instancePage.waitForTerminalText("The server is fired up and ready to roll!");
    expect(await instancePage.phasesSeen()).toContain("loading");

    const reply = await instancePage.chat("What is the capital of France?");
    expect(reply.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-ready.png"), fullPage: true });

    const pid = (await getInstance(e2e.url, instanceId)).run!.pid!;
    expect(processGroupMembers(pid).length).toBeGreaterThan(0);
    await instancePage.stop();
    await instancePage.waitForPhase("stopped", 30_000);
    expect(await instancePage.exitStatus()).toMatch(/exit code|ended by/);
    expect(processGroupMembers(pid)).toEqual([]);
    await instancePage.waitForTerminalText("ready to roll");
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-stopped.png"), fullPage: true });
  });

  it("shows the home page, the instance page with its phase, runs and log tools, and the GPUs page in Chinese", async () => {
    const context = await newSignedInContext(e2e.browser, e2e.url, { viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
    await context.addCookies([{ name: "console_locale", value: "zh-CN", url: e2e.url }]);
    const page = await context.newPage();
    await page.goto(e2e.url);
    expect(await page.locator("main").innerText()).toContain("本机上的实例");
    expect(await page.getByTestId("phase").first().innerText()).toBe("已停止");
    await page.screenshot({ path: path.join(SCREENSHOTS, "home-zh-CN.png"), fullPage: true });

    await page.getByTestId("instance-list").locator("a").first().click();
    await new InstancePage(page).waitForPhase("stopped");
    await page.getByTestId("run-history").waitFor();
    const main = await page.locator("main").innerText();
    for (const words of ["运行记录", "重新启动", "时间戳", "下载完整日志", "诊断此日志"]) expect(main).toContain(words);
    // SGLang's own output stays as it printed it.
    await new InstancePage(page).waitForTerminalText("ready to roll");
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-zh-CN.png"), fullPage: true });

    await page.goto(`${e2e.url}/gpus`);
    await page.getByTestId("telemetry-connection").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "gpus-zh-CN.png"), fullPage: true });
    await context.close();
  });
});
