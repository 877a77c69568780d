import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { stripAnsi } from "../../lib/sglang-log";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { useConsoleInBrowser } from "./browser";
import { InstancePage } from "./pages/instance-page";
import { LogViewerPage } from "./pages/log-viewer";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");

fs.mkdirSync(SCREENSHOTS, { recursive: true });
// A start-up slow enough for the page to be watching before the flood begins.
const e2e = useConsoleInBrowser({ env: { SGLANG_SIM_SPEED: "60" } });

const cleanups: (() => Promise<unknown>)[] = [];
let currentPage: Page | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === "fail" && currentPage) {
    await currentPage.screenshot({ path: path.join(SCREENSHOTS, `logs-failed-${context.task.name.slice(0, 40).replace(/\W+/g, "-")}.png`) }).catch(() => undefined);
  }
  currentPage = null;
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
});

// Each instance on a GPU of its own, so one test's leftover never refuses the next one's launch.
let nextGpu = 0;

async function launch(flood: number): Promise<InstanceView> {
  const port = await freePort();
  const launched = await api<{ instance: InstanceView }>(e2e.url, "POST", "/api/instances", {
    profile: glmProfile(port, { name: `logs-${flood}`, gpuIds: [nextGpu++ % 8], env: { SGLANG_SIM_FLOOD: String(flood) } }),
  });
  expect(launched.status).toBe(201);
  return launched.body.instance;
}

async function openInstance(instance: InstanceView): Promise<{ context: BrowserContext; page: Page; logs: LogViewerPage; instancePage: InstancePage }> {
  const context = await e2e.signedInContext({ width: 1280, height: 1100 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.url });
  const page = await context.newPage();
  currentPage = page;
  await LogViewerPage.trackSockets(page);
  await page.goto(`${e2e.url}/instances/${instance.id}`);
  return { context, page, logs: new LogViewerPage(page), instancePage: new InstancePage(page) };
}

/** A line as a terminal draws it: each carriage return starts over at the left, overwriting what was there. */
function overwrite(line: string): string {
  let shown = "";
  for (const draw of line.split("\r")) shown = draw + shown.slice(draw.length);
  return shown;
}

/** The log file as a terminal shows it: one entry per line, colours gone, redraws overwritten. */
function renderedLog(instance: InstanceView): string[] {
  const text = fs.readFileSync(`${e2e.console.dataDir}/runs/${instance.run!.id}/output.log`, "utf8");
  const lines = text.split("\n").map((line) => overwrite(stripAnsi(line)).replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

const stop = (instance: InstanceView) => api(e2e.url, "POST", `/api/instances/${instance.id}/stop`);

describe("the log view", () => {
  it("resumes after the browser's connection drops mid-run: the terminal holds the log with no gap and no duplicate", async () => {
    // Less output (~0.7 MB) than the 4 MiB a browser may have in flight, so nothing can be skipped for being slow.
    const flood = 3000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    cleanups.push(() => context.close(), () => stop(instance));
    // Dropped as soon as the page is connected (the server still starting), and again once it is ready.
    await expect.poll(() => logs.dropSockets(), { timeout: 30_000 }).toBeGreaterThan(0);
    await instancePage.waitForPhase("ready");
    await logs.dropSockets();
    await logs.waitForLiveText(`flood complete lines=${flood}`, 90_000);
    expect(await page.getByTestId("gap-marker").count()).toBe(0);
    const shown = (await logs.bufferText()).split("\n").map((line) => line.replace(/\s+$/, ""));
    const expected = renderedLog(instance);
    expect(shown.length).toBeGreaterThan(flood);
    // The file is read after the terminal, so it may end with a few lines logged in between (the console's health
    // and metrics polls): the terminal must match the file up to those, line for line.
    const tailBefore = (late: number) => expected.slice(expected.length - late - shown.length, expected.length - late);
    const late = [0, 1, 2, 3, 4, 5].find((n) => shown.every((line, i) => line === tailBefore(n)[i])) ?? 0;
    const tail = tailBefore(late);
    const firstDifference = shown.findIndex((line, i) => line !== tail[i]);
    expect(firstDifference === -1 ? null : { at: firstDifference, shown: shown.slice(firstDifference, firstDifference + 3), logged: tail.slice(firstDifference, firstDifference + 3) }).toBeNull();
    expect(expected.slice(expected.length - late).every((line) => line.startsWith("INFO:     127.0.0.1:"))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-after-reconnect.png") });
  });

  it("draws each progress bar's carriage-return redraws on one line, and marks the start-up phases", async () => {
    const instance = await launch(0);
    const { context, page, logs, instancePage } = await openInstance(instance);
    cleanups.push(() => context.close(), () => stop(instance));
    await instancePage.waitForTerminalText("fired up and ready");
    const shown = (await logs.bufferText()).split("\n");
    const logged = fs.readFileSync(`${e2e.console.dataDir}/runs/${instance.run!.id}/output.log`, "utf8").split("\n");
    const bars = logged.filter((line) => line.includes("checkpoint shards"));
    // tqdm redraws one line with carriage returns: 48 shards, 49 draws on one line of the log.
    expect(bars.length).toBeGreaterThan(0);
    expect(Math.min(...bars.map((bar) => bar.split("\r").filter((draw) => draw.includes("checkpoint shards")).length))).toBeGreaterThan(8);
    const shardLines = shown.filter((line) => line.includes("checkpoint shards"));
    expect(shardLines).toHaveLength(bars.length);
    for (const line of shardLines) expect(line).toMatch(/^Loading safetensors checkpoint shards: 100% Completed \| (\d+)\/\1 /);
    expect(Number(await page.getByTestId("phase-count").innerText())).toBeGreaterThan(2);
    await page.getByRole("button", { name: "Next phase" }).click();
    await expect.poll(() => logs.followState()).toBe("paused");
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-startup.png") });
    await logs.jumpToLive();
    await expect.poll(() => logs.followState()).toBe("following");
  });

  it("shows one TP rank's lines, then all with timestamps, and scrolls sideways with wrapping off", async () => {
    const port = await freePort();
    const launched = await api<{ instance: InstanceView }>(e2e.url, "POST", "/api/instances", {
      profile: glmProfile(port, { name: "logs-tp2", gpuIds: [6, 7], flags: { "--tp-size": 2 } }),
    });
    expect(launched.status).toBe(201);
    const instance = launched.body.instance;
    const { context, page, logs } = await openInstance(instance);
    cleanups.push(() => context.close(), () => stop(instance));
    await logs.waitForLiveText("The server is fired up and ready to roll!");
    const rankLines = (text: string, rank: number) => text.split("\n").filter((line) => line.includes(` TP${rank}]`));
    const everything = await logs.bufferText();
    expect(rankLines(everything, 0).length).toBeGreaterThan(3);
    expect(rankLines(everything, 1).length).toBeGreaterThan(3);

    await page.getByLabel("TP rank").selectOption("1");
    await expect.poll(async () => rankLines(await logs.bufferText(), 1).length, { timeout: 20_000 }).toBe(rankLines(everything, 1).length);
    const onlyRank1 = await logs.bufferText();
    // The filtered view is rank 1's lines, all of them, and nothing else (blank lines aside).
    expect(onlyRank1.split("\n").filter((line) => line.trim() !== "")).toEqual(rankLines(everything, 1));

    await page.getByLabel("TP rank").selectOption("");
    await page.getByLabel("Timestamps").check();
    await expect.poll(async () => rankLines(await logs.bufferText(), 0).length, { timeout: 20_000 }).toBe(rankLines(everything, 0).length);
    const stamped = (await logs.bufferText()).split("\n").filter((line) => line.includes("fired up and ready"));
    expect(stamped[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[/);

    const scroller = page.locator('[data-testid="live-log"] > div');
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.getByLabel("Wrap lines").uncheck();
    await expect.poll(() => scroller.evaluate((el) => el.scrollWidth > el.clientWidth * 1.5)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-filtered.png") });
  });

  it("search finds a start-up line that scrolled out of the terminal, and shows it from the log file", async () => {
    const flood = 25_000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    cleanups.push(() => context.close(), () => stop(instance));
    await instancePage.waitForTerminalText(`flood complete lines=${flood}`, 120_000);
    expect((await logs.bufferText()).includes("Load weight begin")).toBe(false);
    await logs.search("load weight begin");
    // The target model's and the draft model's (EAGLE) weights.
    expect(await logs.searchCount()).toMatch(/^1 \/ [12]$/);
    await logs.excerpt().waitFor({ timeout: 10_000 });
    await page.getByTestId("excerpt-status").filter({ hasText: "bytes from byte" }).waitFor();
    await logs.excerpt().locator('[data-testid="marked-line"]').first().waitFor({ timeout: 10_000 });
    expect(await logs.excerpt().locator('[data-testid="terminal"]').innerText()).toContain("Load weight begin");
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-search-excerpt.png") });

    // A hit still in the terminal is scrolled to in place.
    await logs.search(`flood complete lines=${flood}`);
    await page.locator('[data-testid="search-hit"]').first().waitFor({ timeout: 10_000 });
  });

  it("a paused view is skipped forward by the console, shows how much it missed, and loads it on request", async () => {
    const flood = 60_000;
    const instance = await launch(flood);
    const { context, page, logs, instancePage } = await openInstance(instance);
    cleanups.push(() => context.close(), () => stop(instance));
    await instancePage.waitForPhase("loading");
    await logs.pause();
    // Wait until the flood is over on the server, then resume.
    await expect
      .poll(() => fs.readFileSync(`${e2e.console.dataDir}/runs/${instance.run!.id}/output.log`, "utf8").includes(`flood complete lines=${flood}`), { timeout: 120_000, interval: 500 })
      .toBe(true);
    await logs.jumpToLive();
    const marker = page.getByTestId("gap-marker").first();
    await marker.waitFor({ timeout: 30_000 });
    expect(await marker.innerText()).toMatch(/MiB skipped: this browser fell behind/);
    await marker.getByRole("button", { name: "Load missed output" }).click();
    await page.getByTestId("excerpt-status").filter({ hasText: "bytes from byte" }).waitFor({ timeout: 30_000 });
    // After the skipped part, the newest output: the view is live again.
    await logs.waitForLiveText(`flood complete lines=${flood}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "logs-gap.png") });
  });
});
