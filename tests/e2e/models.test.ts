import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_SWITCHES } from "../../hubs/hub-repo";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { startConsole, type RunningConsole } from "../support/console-process";
import { glmRepo } from "../support/hub-fixtures";
import { launchBrowser, newSignedInPage } from "./browser";
import { ModelsPage } from "./pages/models-page";

const repo = glmRepo({ shardBytes: 4 * 1024 * 1024 });
let browser: Browser;
let hub: StandInHub;
let consoleProcess: RunningConsole;
let modelsDir: string;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo] });
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
    const first = await models.progressText(repo.id);
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
});
