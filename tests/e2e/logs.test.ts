import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { stripControls } from "../../lib/logs/line-filter";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { launchBrowser } from "./browser";
import { InstancePage } from "./pages/instance-page";
import { LogViewerPage } from "./pages/log-viewer";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
let consoleProcess: RunningConsole;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A start-up slow enough for the page to be watching before the flood begins.
  [consoleProcess, browser] = await Promise.all([startConsole({ env: { SGLANG_SIM_SPEED: "60" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await consoleProcess?.stop();
});

async function launch(flood: number): Promise<InstanceView> {
  const port = await freePort();
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
    profile: glmProfile(port, { name: `logs-${flood}`, env: { SGLANG_SIM_FLOOD: String(flood) } }),
  });
  expect(launched.status).toBe(201);
  return launched.body.instance;
}

async function openInstance(instance: InstanceView): Promise<{ context: BrowserContext; page: Page; logs: LogViewerPage; instancePage: InstancePage }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: consoleProcess.url });
  const page = await context.newPage();
  await LogViewerPage.trackSockets(page);
  await page.goto(`${consoleProcess.url}/instances/${instance.id}`);
  return { context, page, logs: new LogViewerPage(page), instancePage: new InstancePage(page) };
}

/** The log file as a terminal shows it: one entry per line, colours gone, only a bar's last redraw. */
function renderedLog(instance: InstanceView): string[] {
  const text = fs.readFileSync(`${consoleProcess.dataDir}/runs/${instance.run!.id}/output.log`, "utf8");
  const lines = text.split("\n").map((line) => stripControls(line).replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const stop = (instance: InstanceView) => api(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);

describe("the log view", () => {
  it("resumes after the browser's connection drops mid-flood: the terminal holds the log with no gap and no duplicate", async () => {
    const flood = 12_000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    await instancePage.waitForTerminalText("fired up and ready");
    expect(await logs.dropSockets()).toBeGreaterThan(0);
    await instancePage.waitForTerminalText(`flood complete lines=${flood}`, 120_000);
    const shown = (await logs.bufferText()).split("\n").map((line) => line.replace(/\s+$/, ""));
    const expected = renderedLog(instance);
    expect(shown.length).toBeGreaterThan(flood);
    expect(shown).toEqual(expected.slice(expected.length - shown.length));
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-after-reconnect.png") });
    await context.close();
    await stop(instance);
  });

  it("draws a progress bar's redraws on one line, and marks the start-up phases", async () => {
    const instance = await launch(0);
    const { context, page, logs, instancePage } = await openInstance(instance);
    await instancePage.waitForTerminalText("fired up and ready");
    const shown = (await logs.bufferText()).split("\n");
    const shardLines = shown.filter((line) => line.includes("checkpoint shards"));
    expect(shardLines).toHaveLength(1);
    expect(shardLines[0]).toMatch(/100% Completed \| 48\/48/);
    expect(Number((await page.getByText(/^phases \d+/).innerText()).replace(/\D/g, ""))).toBeGreaterThan(2);
    await page.getByRole("button", { name: "Next phase" }).click();
    expect(await logs.followState()).toBe("paused");
    await logs.jumpToLive();
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-startup.png") });
    await context.close();
    await stop(instance);
  });

  it("search finds a start-up line that scrolled out of the terminal, and shows it from the log file", async () => {
    const flood = 25_000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    await instancePage.waitForTerminalText(`flood complete lines=${flood}`, 120_000);
    expect((await logs.bufferText()).includes("Load weight begin")).toBe(false);
    await logs.search("load weight begin");
    expect(await logs.searchCount()).toMatch(/^1 \/ 1/);
    await logs.excerpt().waitFor({ timeout: 10_000 });
    await page.getByTestId("excerpt-status").filter({ hasText: "bytes from byte" }).waitFor();
    await logs.excerpt().locator('[data-testid="marked-line"]').first().waitFor({ timeout: 10_000 });
    expect(await logs.excerpt().locator('[data-testid="terminal"]').innerText()).toContain("Load weight begin");
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-search-excerpt.png") });

    // A hit still in the terminal is scrolled to in place.
    await logs.search(`flood complete lines=${flood}`);
    await page.locator('[data-testid="search-hit"]').first().waitFor({ timeout: 10_000 });
    await context.close();
    await stop(instance);
  });

  it("a paused view is skipped forward by the console, shows how much it missed, and loads it on request", async () => {
    const flood = 60_000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    await instancePage.waitForTerminalText("fired up and ready");
    await logs.pause();
    await expect.poll(async () => (await api<{ instance: InstanceView }>(consoleProcess.url, "GET", `/api/instances/${instance.id}`)).body.instance.run?.pid, { timeout: 10_000 }).toBeTruthy();
    // Wait until the flood is over on the server, then resume.
    await expect
      .poll(() => fs.readFileSync(`${consoleProcess.dataDir}/runs/${instance.run!.id}/output.log`, "utf8").includes(`flood complete lines=${flood}`), { timeout: 120_000, interval: 500 })
      .toBe(true);
    await logs.jumpToLive();
    const marker = page.getByTestId("gap-marker").first();
    await marker.waitFor({ timeout: 30_000 });
    expect(await marker.innerText()).toMatch(/MiB skipped: this browser fell behind/);
    await marker.getByRole("button", { name: "Load missed output" }).click();
    await page.getByTestId("excerpt-status").filter({ hasText: "bytes from byte" }).waitFor({ timeout: 30_000 });
    await instancePage.waitForTerminalText(`flood complete lines=${flood}`, 60_000);
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-gap.png") });
    await context.close();
    await stop(instance);
  });
});
