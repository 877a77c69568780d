import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getInstance } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { useConsoleInBrowser } from "./browser";
import { InstancePage } from "./pages/instance-page";
import { LaunchPage } from "./pages/launch-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
// A fake nvidia-smi first on PATH makes this a box of 4 H100s; the console cannot tell.
const FAKE_BIN = path.join(PROJECT_ROOT, "tests/fixtures/bin");

// The 4-GPU command of the GLM-4.7-Flash guide, with one deliberately bad value (--mem-fraction-static 1.5).
const GUIDE_COMMAND_WITH_A_MISTAKE = String.raw`python -m sglang.launch_server \
  --model-path zai-org/GLM-4.7-Flash \
  --tp-size 4 \
  --tool-call-parser glm47 \
  --reasoning-parser glm45 \
  --speculative-algorithm EAGLE \
  --speculative-num-steps 3 \
  --speculative-eagle-topk 1 \
  --speculative-num-draft-tokens 4 \
  --mem-fraction-static 1.5 \
  --served-model-name glm-4.7-flash \
  --host 0.0.0.0 \
  --port 8000`;

fs.mkdirSync(SCREENSHOTS, { recursive: true });
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-models-"));
const glmDir = path.join(modelsDir, "zai-org", "GLM-4.7-Flash");
fs.mkdirSync(glmDir, { recursive: true });
fs.copyFileSync("/work/shared/fixtures/models/GLM-4.7-Flash/config.json", path.join(glmDir, "config.json"));
const e2e = useConsoleInBrowser({ env: { PATH: `${FAKE_BIN}:${process.env.PATH}`, MODELS_DIR: modelsDir } });
afterAll(() => fs.rmSync(modelsDir, { recursive: true, force: true }));

describe("the launch configurator in the browser", () => {
  it("reads the guide's pasted 4-GPU command, guides the fix of a bad value, saves the profile and launches it to ready on a 4-GPU box", async () => {
    const page = await e2e.signedInPage({ width: 1400, height: 1100 });
    const launchPage = new LaunchPage(page, e2e.url);
    await launchPage.open();
    expect(await launchPage.autoPresetText()).toContain("4 GPUs found → 4-GPU preset");
    expect(await launchPage.gpuCards().count()).toBe(4);
    expect(await page.getByText("zai-org/GLM-4.7-Flash").first().isVisible()).toBe(true);
    expect(await launchPage.flagsSource()).toBe("Flags as the SGLang simulator 0.5.9 reports them (read from its argparse at start).");
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-auto.png"), fullPage: true });

    await launchPage.pasteCommand(GUIDE_COMMAND_WITH_A_MISTAKE);
    expect(await launchPage.modelPath()).toBe("zai-org/GLM-4.7-Flash");
    expect(await launchPage.flagValue("--tp-size")).toBe("4");
    expect(await launchPage.flagValue("--tool-call-parser")).toBe("glm47");
    expect(await launchPage.flagValue("--speculative-algorithm")).toBe("EAGLE");
    expect(await launchPage.flagValue("--served-model-name")).toBe("glm-4.7-flash");

    // The bad value is named next to its field, with what to use instead, and launching is blocked.
    const messages = await launchPage.flagMessages("--mem-fraction-static");
    expect(messages.join(" ")).toContain("--mem-fraction-static 1.5 is out of range: use a number greater than 0 and less than 1");
    expect(await launchPage.launchButton().isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-pasted-error.png"), fullPage: true });

    await launchPage.setFlag("--mem-fraction-static", "0.8");
    expect(await launchPage.flagMessages("--mem-fraction-static")).toEqual([]);
    const port = await freePort();
    await launchPage.setFlag("--port", String(port));
    await launchPage.clearSearch();
    // --host 0.0.0.0 without an API key is a warning, and warnings do not block.
    expect(await page.getByTestId("issue-summary").innerText()).toContain("--api-key");
    expect(await launchPage.launchButton().isEnabled()).toBe(true);
    const command = await launchPage.command();
    for (const part of ["--tp-size 4", "--mem-fraction-static 0.8", `--port ${port}`, "--speculative-num-draft-tokens 4"]) expect(command).toContain(part);

    await launchPage.saveProfile();
    expect(await launchPage.savedProfile("glm-4.7-flash").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-saved.png"), fullPage: true });

    const instanceId = await launchPage.launchSaved("glm-4.7-flash");
    const instancePage = new InstancePage(page);
    await instancePage.waitForPhase("ready");
    const instance = await getInstance(e2e.url, instanceId);
    expect(instance.port).toBe(port);
    expect(instance.run!.argv.join(" ")).toContain("--tp-size 4");
    expect(instance.run!.argv.join(" ")).toContain("--mem-fraction-static 0.8");
    // Once ready, the instance page says whether the guide's parsers did their work.
    const verdicts = await instancePage.parserCheck();
    expect(verdicts[0]).toMatch(/^yes\s+Parsed tool call: tool_calls holds get_weather/);
    expect(verdicts[1]).toMatch(/^yes\s+Reasoning separated: reasoning_content holds \d+ characters/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "instance-parser-check.png"), fullPage: true });

    // Back on the page, every GPU shows the instance that holds it.
    await launchPage.open();
    expect(await page.locator('[data-gpu="3"]').innerText()).toContain("held by instance glm-4.7-flash");
    await page.screenshot({ path: path.join(SCREENSHOTS, "launch-gpus-held.png"), fullPage: true });
  });
});
