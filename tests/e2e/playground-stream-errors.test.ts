import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { glmProfile, launchReady } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { useConsoleInBrowser } from "./browser";
import { PlaygroundPage } from "./pages/playground-page";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
let instance: InstanceView;
let page: Page;
let playground: PlaygroundPage;

fs.mkdirSync(SCREENSHOTS, { recursive: true });
const e2e = useConsoleInBrowser({ env: { SGLANG_SIM_TOKENS_PER_S: "0.2" } });

beforeAll(async () => {
  // The simulator aborts every stream three quarters through, as SGLang aborts a request with a status code.
  instance = await launchReady(e2e.url, glmProfile(await freePort(), { name: "GLM aborting streams", env: { SGLANG_SIM_FAIL: "abort_mid_stream" } }));
});

beforeEach(async () => {
  page = await e2e.signedInPage({ width: 1400, height: 1100 });
  playground = new PlaygroundPage(page, e2e.url);
  await playground.open(instance.id);
});

describe("a stream SGLang fails part-way, in the browser", () => {
  it("Streaming: shows SGLang's message, the failed finish state and the error in the statistics, and keeps the text that arrived", async () => {
    const panel = await playground.tab("Streaming");
    await panel.getByRole("button", { name: "Stream", exact: true }).click();
    await panel.locator('[data-testid="stream-status"][data-status="error"]').waitFor({ timeout: 20_000 });
    const error = panel.getByTestId("run-error");
    expect(await error.getAttribute("data-code")).toBe("upstream_stream_error");
    expect(await error.innerText()).toContain("SGLang stopped the answer part-way (500 INTERNAL_SERVER_ERROR): Generation aborted.");
    expect(await playground.finishReason(panel).innerText()).toBe("none: failed with 500 INTERNAL_SERVER_ERROR");
    expect(await panel.getByTestId("stream-errors").innerText()).toBe("1");
    expect(Number(await panel.getByTestId("token-count").innerText())).toBeGreaterThan(0);
    expect((await panel.getByTestId("stream-text").innerText()).length).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SCREENSHOTS, "playground-stream-error.png"), fullPage: true });
  });

  it("Chat: the failed answer stays in view, marked as stopped by an error, and is not added to the conversation", async () => {
    const panel = await playground.tab("Chat");
    await panel.getByLabel("Message", { exact: true }).fill("Tell me about Paris.");
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    await panel.getByTestId("run-error").waitFor({ timeout: 20_000 });
    const pending = panel.getByTestId("chat-pending");
    expect(await pending.innerText()).toMatch(/stopped by an error/i);
    expect((await pending.locator("pre").innerText()).length).toBeGreaterThan(10);
    expect(await panel.getByTestId("assistant-message").count()).toBe(0);
  });

  it("Tool calling: the tool call streamed before the error stays in view, with the error", async () => {
    const panel = await playground.tab("Tool calling");
    // Without thinking the answer is the tool call alone, so the abort three quarters through lands inside it.
    await panel.getByLabel("enable_thinking").selectOption("false");
    await panel.getByRole("button", { name: "Send" }).click();
    await panel.getByTestId("run-error").waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId("run-error").getAttribute("data-code")).toBe("upstream_stream_error");
    expect(await panel.getByTestId("tool-pending").getByTestId("tool-call-name").innerText()).toBe("get_weather");
  });
});
