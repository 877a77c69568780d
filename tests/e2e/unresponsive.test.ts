import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { useConsoleInBrowser } from "./browser";
import { GpusPage } from "./pages/gpus-page";
import { InstancePage } from "./pages/instance-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");

fs.mkdirSync(SCREENSHOTS, { recursive: true });
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-unresponsive-e2e-"));
// The fake nvidia-smi first on PATH: 8 simulated GPUs.
const e2e = useConsoleInBrowser({
  env: { PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`, SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "8", SGLANG_SIM_SPEED: "100" },
});
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe("an instance that stops answering, in the browser", () => {
  it("shows unresponsive in its phase badge with the last lines of its log, in its run history and on the GPUs page", async () => {
    // Rank 0 wedges 3 s after ready; liveness is checked every 0.3 s (SGLang's 20 s health timeout is 0.2 s at speed 100).
    const profile = glmProfile(await freePort(), { name: "wedged", gpuIds: [2], env: { SGLANG_SIM_FAIL: "hang_after_ready", SGLANG_SIM_CRASH_AFTER_S: "300" } });
    const launched = await api<{ instance: InstanceView }>(e2e.url, "POST", "/api/instances", { profile, supervision: { livenessIntervalS: 0.3, livenessTimeoutS: 2 } });
    expect(launched.status).toBe(201);
    const page = await e2e.signedInPage({ width: 1280, height: 1200 });
    await page.goto(`${e2e.url}/instances/${launched.body.instance.id}`);
    const instancePage = new InstancePage(page);
    await instancePage.waitForPhase("ready");
    await instancePage.waitForPhase("unresponsive", 30_000);
    const detail = await instancePage.causeDetail();
    expect(detail).toContain("failed 3 times in a row");
    expect(detail).toContain("Health check failed");
    expect(await instancePage.waitForRunHistory("unresponsive")).toContain("The server stopped answering");
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-unresponsive.png"), fullPage: true });

    const gpus = new GpusPage(page, e2e.url);
    await gpus.open();
    expect(await gpus.waitForHolder(2, "instance", "unresponsive")).toContain("wedged");
  });
});
