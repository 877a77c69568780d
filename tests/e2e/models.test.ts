import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_SWITCHES } from "../../hubs/hub-repo";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { PROJECT_ROOT, startConsole, type RunningConsole } from "../support/console-process";
import { startDownload } from "../support/downloads";
import { glmRepo } from "../support/hub-fixtures";
import { launchBrowser, newSignedInContext, newSignedInPage } from "./browser";
import { ModelsPage } from "./pages/models-page";

const repo = glmRepo({ shardBytes: 4 * 1024 * 1024 });
const pushedRepo = glmRepo({ id: "pushed-org/Pushed-Model", shardBytes: 4 * 1024 * 1024 });
const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
let browser: Browser;
let hub: StandInHub;
let consoleProcess: RunningConsole;
let modelsDir: string;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo, pushedRepo] });
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "models-e2e-"));
  consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, MODELSCOPE_ENDPOINT: hub.url, HF_ENDPOINT: hub.url, DOWNLOAD_STALL_S: "1" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await consoleProcess?.stop();
  await hub?.close();
});

describe("the Models page in the browser", () => {
  it("starts a ModelScope download, shows it move, pauses, resumes, finishes and launches the folder", async () => {
    // Each shard arrives in steps: the storage host stalls every 1 MB and the console retries after 1 s.
    Object.assign(hub.switches, { stallAfterBytes: 1_000_000, stallTimes: 6 });
    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1280, height: 1000 } });
    const models = new ModelsPage(page, consoleProcess.url);
    await models.open();
    expect(await models.checkSpace({ source: "ModelScope", repo: repo.id })).toMatch(/^5 files, 8\.4 MB; [\d.]+ [kMG]B free on the target's disk\. It fits\.$/);
    await models.startDownload({ source: "ModelScope", repo: repo.id });
    await models.waitForState(repo.id, "downloading");
    // Pushed progress shows every step, the list before the sizes too: wait for the sizes first.
    const first = await models.waitForProgress(repo.id, /of 8\.4 MB/);
    const later = await models.waitForProgressChange(repo.id, first);
    expect(later).not.toBe(first);
    expect(later).toMatch(/MB of 8\.4 MB · \d of 5 files/);

    await models.press(repo.id, "Pause");
    await models.waitForState(repo.id, "paused");
    Object.assign(hub.switches, NO_SWITCHES);
    await models.press(repo.id, "Resume");
    await models.waitForState(repo.id, "done");
    expect(await models.progressText(repo.id)).toContain("8.4 MB of 8.4 MB · 5 of 5 files");

    await page.reload();
    expect(await models.localModelNames()).toContain("ZhipuAI/GLM-4.7-Flash");
    await models.press(repo.id, "Launch");
    await page.waitForURL(/\/launch\?command=/);
    await page.getByTestId("launch-command").getByText(`--model-path ${path.join(modelsDir, "ZhipuAI/GLM-4.7-Flash")}`).waitFor({ timeout: 15_000 });
  });

  it("shows a download started by a script move and finish through pushes alone, without polling, and stores a hub token showing its last 4 characters only", async () => {
    // About 2 s per 4 MiB shard, so the page has progress to show.
    hub.switches.bytesPerSecond = 2_000_000;
    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1280, height: 1200 } });
    const models = new ModelsPage(page, consoleProcess.url);
    await models.open();
    const downloadRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/downloads")) downloadRequests.push(`${request.method()} ${request.url()}`);
    });

    await startDownload(consoleProcess.url, { source: "huggingface", repo: pushedRepo.id });
    await models.waitForState(pushedRepo.id, "downloading");
    const seen = new Set([await models.progressText(pushedRepo.id)]);
    for (let i = 0; i < 2; i++) seen.add(await models.waitForProgressChange(pushedRepo.id, [...seen].at(-1)!));
    expect(seen.size).toBeGreaterThanOrEqual(3);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "models-pushed-progress.png"), fullPage: true });
    await models.waitForState(pushedRepo.id, "done");
    hub.switches.bytesPerSecond = null;
    expect(await models.progressText(pushedRepo.id)).toContain("8.4 MB of 8.4 MB · 5 of 5 files");
    expect(downloadRequests).toEqual([]);

    const tokens = page.getByTestId("hub-token-huggingface");
    await tokens.getByLabel("New Hugging Face token").fill("hf_a-token-for-the-page-W7x2");
    await tokens.getByRole("button", { name: "Store" }).click();
    await tokens.getByText("downloads use the stored token (…W7x2)").waitFor();
    await page.reload();
    await tokens.getByText("downloads use the stored token (…W7x2)").waitFor();
    expect(await page.content()).not.toContain("hf_a-token-for-the-page-W7x2");
    await page.screenshot({ path: path.join(SCREENSHOTS, "models-hub-tokens.png"), fullPage: true });
  });

  it("shows the Models page in Chinese to a reader who chose it: heading, download form, states as words, sizes by locale", async () => {
    const context = await newSignedInContext(browser, consoleProcess.url, { viewport: { width: 1280, height: 1200 } });
    await context.addCookies([{ name: "console_locale", value: "zh-CN", url: consoleProcess.url }]);
    const page = await context.newPage();
    await new ModelsPage(page, consoleProcess.url).open();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("模型");
    expect(await page.title()).toContain("模型");
    const form = page.getByRole("form", { name: "下载模型" });
    await form.getByLabel("来源").selectOption({ label: "ModelScope" });
    await form.getByLabel("仓库").fill(repo.id);
    await form.getByLabel("版本").waitFor();
    await form.getByLabel("目标文件夹").waitFor();
    await form.getByLabel("只下载这些文件").waitFor();
    await form.getByRole("button", { name: "下载", exact: true }).waitFor();
    await form.getByRole("button", { name: "检查大小和空间" }).click();
    expect(await form.getByTestId("download-preview").innerText()).toMatch(/^5 个文件，共 8\.4 MB；目标磁盘剩余 [\d.,]+ [kMGT]B。 空间足够。$/);

    // The two downloads above are done: their state is a word, the code stays in data-state.
    const done = page.locator('[data-testid="download"][data-state="done"]', { hasText: repo.id }).first();
    expect(await done.getByTestId("download-state").innerText()).toBe("已完成");
    expect(await done.getByTestId("download-progress").innerText()).toContain("8.4 MB / 8.4 MB · 5 / 5 个文件");
    expect(await page.getByTestId("hub-token-huggingface").innerText()).toContain("下载使用已保存的令牌（…W7x2）");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "models-zh.png"), fullPage: true });
    await context.close();
  });
});
