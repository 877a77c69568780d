import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { launchBrowser, newSignedInPage } from "./browser";
import { GpusPage } from "./pages/gpus-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
let browser: Browser;
const consoles: RunningConsole[] = [];
let stateDir: string;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-gpus-e2e-"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(consoles.map((c) => c.stop()));
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("GPU page in the browser", () => {
  it("shows 8 simulated GPUs live, who holds them, and a last-hour chart that receives live points", async () => {
    // The fake nvidia-smi first on PATH: the console does not know it is fake.
    const env = { PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`, SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "8" };
    const consoleProcess = await startConsole({ env: { ...env, SGLANG_SIM_SPEED: "100" } });
    consoles.push(consoleProcess);
    const port = await freePort();
    const profile = glmProfile(port, { name: "glm-on-gpu-5", gpuIds: [5] });
    const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile });
    expect(launched.status).toBe(201);
    const instanceId = launched.body.instance.id;

    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1280, height: 1200 } });
    const gpus = new GpusPage(page, consoleProcess.url);
    await gpus.open();
    await gpus.waitForLive();
    await gpus.waitForCards(8);
    expect(await gpus.cardCount()).toBe(8);
    expect(await gpus.cardText(0)).toMatch(/NVIDIA H100 80GB HBM3[\s\S]*\/ 79\.6/);

    // Physical GPU 5 is held by the instance, through its scheduler's PID.
    const holder = await gpus.waitForHolder(5, "instance", "glm-on-gpu-5", 60_000);
    expect(holder).toContain("by admin");
    expect(await gpus.cardText(4)).toContain("No process holds memory on this GPU.");

    await gpus.openLastHour(5);
    const before = await gpus.chartPoints(5, "Utilisation");
    const after = await gpus.waitForChartPoints(5, "Utilisation", before + 1);
    expect(after).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(SCREENSHOTS, "gpus.png"), fullPage: true });

    // The instance page shows its GPU and SGLang's metrics (the preset runs with --enable-metrics).
    await page.goto(`${consoleProcess.url}/instances/${instanceId}`);
    await page.locator('[data-testid="phase"][data-phase="ready"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="instance-gpus"] [data-gpu-index="5"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("sglang-metrics").waitFor({ timeout: 20_000 });
    await page.getByTestId("instance-metrics").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-metrics.png"), fullPage: true });
  });

  it("without nvidia-smi shows a calm no-GPU state, and logs it once", async () => {
    // An empty folder first on PATH and no folder that holds an nvidia-smi.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-nvidia-smi-"));
    const rest = (process.env.PATH ?? "").split(":").filter((dir) => dir && !fs.existsSync(path.join(dir, "nvidia-smi")));
    const consoleProcess = await startConsole({ env: { PATH: [empty, ...rest].join(":") } });
    consoles.push(consoleProcess);
    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1280, height: 700 } });
    const gpus = new GpusPage(page, consoleProcess.url);
    await gpus.open();
    expect(await gpus.statusState()).toBe("no_gpu");
    expect(await gpus.statusText()).toContain("No NVIDIA GPU found on this machine");
    expect(await gpus.cardCount()).toBe(0);
    // The rest of the console works: the instances page answers.
    await page.getByRole("link", { name: "Instances" }).click();
    await page.waitForURL(`${consoleProcess.url}/`);
    await gpus.open();
    await page.screenshot({ path: path.join(SCREENSHOTS, "gpus-no-gpu.png"), fullPage: true });
    expect(consoleProcess.output().match(/no NVIDIA GPU found/g)).toHaveLength(1);
  });
});
