import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { useConsoleInBrowser } from "./browser";

const e2e = useConsoleInBrowser();

describe("supervision in the browser", () => {
  it("shows a crash loop, the cause with its advice, and every run in the history", async () => {
    const launched = await api<{ instance: InstanceView }>(e2e.url, "POST", "/api/instances", {
      profile: glmProfile(await freePort(), { name: "oom-loop", env: { SGLANG_SIM_FAIL: "oom_kv_cache" } }),
      supervision: { restartPolicy: "on-failure", maxRestarts: 1, restartBackoffS: 0.2, minUptimeS: 60 },
    });
    expect(launched.status).toBe(201);
    const page = await e2e.signedInPage({ width: 1280, height: 1400 });
    await page.goto(`${e2e.url}/instances/${launched.body.instance.id}`);
    await page.getByTestId("crash-loop").waitFor({ timeout: 90_000 }).catch(async (error) => {
      await page.screenshot({ path: path.join(PROJECT_ROOT, "test-results", "crash-loop-failed.png"), fullPage: true });
      throw error;
    });
    expect(await page.getByTestId("crash-loop").innerText()).toContain("Crash loop");
    const outcome = await page.getByTestId("run-outcome").innerText();
    expect(outcome).toContain("Not enough memory");
    expect(outcome).toContain("--mem-fraction-static");
    // The error lines are marked; the first one the view jumps to shows the cause.
    await page.getByRole("button", { name: "Next error" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="terminal"] .xterm-rows')?.textContent?.includes("Not enough memory"), undefined, {
      timeout: 10_000,
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="run-history"] tbody tr').length === 2, undefined, { timeout: 10_000 });
    expect(await page.getByTestId("run-history").innerText()).toContain("restart #1");
    await page.screenshot({ path: path.join(PROJECT_ROOT, "test-results", "crash-loop.png"), fullPage: true });
  });
});
