import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, glmProfile, instanceApiKey, launchReady } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { abortedRequests } from "../support/playground";
import { waitFor } from "../support/processes";
import { useConsoleInBrowser } from "./browser";
import { PlaygroundPage } from "./pages/playground-page";
import { authedFetch } from "../support/session";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
let instance: InstanceView;
let page: Page;
let playground: PlaygroundPage;

// Instances run side by side on the simulated box, so each gets a GPU of its own.
let nextGpu = 0;

/** A GLM instance on the next GPU of the simulated box, ready. */
const launchOnNextGpu = async (name: string) => launchReady(e2e.url, glmProfile(await freePort(), { name, gpuIds: [nextGpu++] }));

fs.mkdirSync(SCREENSHOTS, { recursive: true });
// 200 tokens/s: answers arrive visibly token by token, yet in well under a second.
const e2e = useConsoleInBrowser({ env: { SGLANG_SIM_TOKENS_PER_S: "0.2" } });

beforeAll(async () => {
  instance = await launchOnNextGpu("GLM playground");
});

beforeEach(async () => {
  page = await e2e.signedInPage({ width: 1400, height: 1100 });
  playground = new PlaygroundPage(page, e2e.url);
  await playground.open(instance.id);
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `playground-${name}.png`), fullPage: true });

describe("playground in the browser", () => {
  it("is linked from the instance page", async () => {
    await page.goto(`${e2e.url}/instances/${instance.id}`);
    await page.getByRole("link", { name: "Playground" }).click();
    await page.getByRole("tablist", { name: "Playground" }).waitFor();
    expect(page.url()).toBe(`${e2e.url}/instances/${instance.id}/playground`);
  });

  it("Completions: completes a prompt, shows finish reason and usage, the raw request and runnable code", async () => {
    const panel = await playground.tab("Completions");
    await panel.getByLabel("Prompt").fill("Once upon a time");
    await playground.setParam(panel, "max_tokens", "8");
    await panel.getByRole("button", { name: "Complete" }).click();
    await expect.poll(() => playground.finishReason(panel).innerText(), { timeout: 20_000 }).toBe("length");
    expect(await panel.getByTestId("usage").innerText()).toContain("+ 8 completion");
    expect((await panel.getByTestId("completion-text").innerText()).length).toBeGreaterThan(0);
    await shot("completions");
    await playground.view(panel, "Raw");
    const raw = JSON.parse(await panel.getByTestId("raw-request").innerText());
    expect(raw).toEqual({ model: "glm-4.7-flash", prompt: "Once upon a time", max_tokens: 8 });
    expect(await panel.getByTestId("raw-response").innerText()).toContain('"finish_reason": "length"');
    const python = await playground.code(panel, "Python");
    expect(python).toContain(`base_url="http://127.0.0.1:${instance.port}/v1"`);
    expect(python).toContain("client.completions.create(");
    expect(await playground.code(panel, "curl")).toContain("Bearer $SGLANG_API_KEY");
  });

  it("Chat: multi-turn with a system prompt, reasoning apart, thinking off, edit and regenerate, clear", async () => {
    const panel = await playground.tab("Chat");
    await panel.getByLabel("System prompt").fill("You are terse.");
    const first = await playground.chat(panel, "What is the capital of France?");
    expect(first.length).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId("reasoning").count()).toBe(1);
    await panel.getByLabel("enable_thinking").selectOption("false");
    await playground.chat(panel, "And of Italy?");
    expect(await panel.getByTestId("chat-assistant").count()).toBe(2);
    expect(await panel.getByTestId("reasoning").count()).toBe(1);
    await playground.view(panel, "Raw");
    const raw = JSON.parse(await panel.getByTestId("raw-request").innerText());
    expect(raw.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(raw.chat_template_kwargs).toEqual({ enable_thinking: false });
    await playground.view(panel, "Answer");
    await shot("chat");

    await panel.getByTestId("chat-user").first().getByRole("button", { name: "Edit" }).click();
    await panel.getByLabel("Edit message").fill("What is the capital of Spain?");
    await panel.getByRole("button", { name: "Save and regenerate" }).click();
    await expect.poll(() => panel.getByTestId("chat-assistant").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => panel.getByTestId("chat-pending").count()).toBe(0);
    expect(await panel.getByTestId("chat-user").innerText()).toContain("Spain");
    await panel.getByRole("button", { name: "Clear" }).click();
    expect(await panel.getByTestId("chat-user").count()).toBe(0);
  });

  it("Streaming: shows tokens as they arrive with TTFT and speed, and Stop aborts the upstream request", async () => {
    const panel = await playground.tab("Streaming");
    await panel.getByRole("button", { name: "Stream", exact: true }).click();
    await panel.locator('[data-testid="stream-status"][data-status="done"]').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId("ttft").innerText()).toMatch(/\d+(\.\d)? ms/);
    expect(await panel.getByTestId("tokens-per-second").innerText()).toMatch(/tok\/s/);
    expect((await panel.getByTestId("stream-text").innerText()).length).toBeGreaterThan(10);
    await shot("streaming");

    const before = await abortedRequests(`http://127.0.0.1:${instance.port}`, instanceApiKey(e2e.console.dataDir, instance.id));
    await playground.setParam(panel, "max_tokens", "5000");
    await panel.getByText("ignore_eos").click();
    await panel.getByRole("button", { name: "Stream", exact: true }).click();
    await expect.poll(async () => Number(await panel.getByTestId("token-count").innerText()), { timeout: 20_000 }).toBeGreaterThan(60);
    await panel.getByRole("button", { name: "Stop" }).click();
    await panel.locator('[data-testid="stream-status"][data-status="cancelled"]').waitFor();
    expect(await panel.getByTestId("run-error").getAttribute("data-code")).toBe("cancelled");
    await waitFor(async () => (await abortedRequests(`http://127.0.0.1:${instance.port}`, instanceApiKey(e2e.console.dataDir, instance.id))) > before, {
      timeoutMs: 10_000,
      what: "the simulator to count the stopped stream as aborted",
    });
    await shot("streaming-stopped");
  });

  it("Tool calling: checks the tool JSON, shows get_weather with its arguments, and finishes the round trip with a mocked result", async () => {
    const panel = await playground.tab("Tool calling");
    const editor = panel.getByLabel("Tool definitions");
    const good = await editor.inputValue();
    await editor.fill(good.replace('"type": "function",', '"type": "function"'));
    expect(await panel.getByTestId("tool-problems").innerText()).toMatch(/Invalid JSON at line 4, column \d+/);
    await editor.fill(good.replace('"name": "get_weather"', '"name": "get weather"'));
    expect(await panel.getByTestId("tool-problems").innerText()).toContain("[0].function.name");
    await editor.fill(good);
    await panel.getByLabel("tool_choice").selectOption("name:get_weather");
    await panel.getByRole("button", { name: "Send" }).click();
    const call = panel.getByTestId("tool-call").first();
    await call.waitFor({ timeout: 20_000 });
    // The call is drawn as its deltas stream in: read its arguments once the answer has finished.
    await playground.finishReason(panel).filter({ hasText: "tool_calls" }).waitFor({ timeout: 20_000 });
    expect(await call.getByTestId("tool-call-name").innerText()).toBe("get_weather");
    const args = JSON.parse(await call.getByTestId("tool-call-arguments").innerText());
    expect(args).toMatchObject({ location: "San Francisco" });
    expect(await playground.finishReason(panel).innerText()).toBe("tool_calls");
    await panel.getByRole("button", { name: "Mock" }).click();
    expect(await panel.getByLabel("Result of get_weather").inputValue()).toContain('"temperature":22');
    await panel.getByRole("button", { name: "Send tool results" }).click();
    const answer = panel.locator('[data-testid="tool-conversation"] li[data-role="assistant"]').nth(1);
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toContain("According to get_weather");
    expect(await panel.locator('[data-testid="tool-conversation"] li[data-role="tool"]').count()).toBe(1);
    await playground.view(panel, "Raw");
    const raw = JSON.parse(await panel.getByTestId("raw-request").innerText());
    expect(raw.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "tool"]);
    await playground.view(panel, "Answer");
    await shot("tools");
  });

  it("Compare: streams one prompt with two parameter sets side by side, each with its speed", async () => {
    const panel = await playground.tab("Compare");
    await panel.getByTestId("compare-right").getByText("parameters of this side").click();
    await panel.getByTestId("compare-right").getByLabel("enable_thinking").selectOption("false");
    await panel.getByRole("button", { name: "Run both" }).click();
    for (const side of ["left", "right"]) {
      await expect.poll(() => panel.getByTestId(`compare-${side}`).getByTestId("finish-reason").innerText(), { timeout: 20_000 }).toBe("stop");
      expect(await panel.getByTestId(`compare-${side}`).getByTestId("tokens-per-second").innerText()).toMatch(/tok\/s/);
    }
    expect(await panel.getByTestId("compare-left").getByTestId("reasoning").count()).toBe(1);
    expect(await panel.getByTestId("compare-right").getByTestId("reasoning").count()).toBe(0);
    await shot("compare");
  });

  it("saves a chat as a session, reopens it after a reload, renames, exports and deletes it", async () => {
    const panel = await playground.tab("Chat");
    await playground.chat(panel, "Remember me");
    await playground.saveSession("My first session");
    await page.reload();
    await playground.openSession("My first session");
    const chat = playground.panel("Chat");
    expect(await chat.getByTestId("chat-user").innerText()).toContain("Remember me");
    expect(await chat.getByTestId("chat-assistant").count()).toBe(1);
    await page.getByLabel("Session title").fill("Renamed session");
    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByRole("status").filter({ hasText: "Renamed." }).waitFor();
    const href = await page.getByRole("link", { name: "Export Markdown" }).getAttribute("href");
    const markdown = await (await authedFetch(`${e2e.url}${href}`)).text();
    expect(markdown).toContain("# Renamed session");
    expect(markdown).toContain("Remember me");
    await shot("session");
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("status").filter({ hasText: "Deleted." }).waitFor();
    expect(await page.getByLabel("Saved sessions").locator("option", { hasText: "Renamed session" }).count()).toBe(0);
  });

  it("says an instance is not ready instead of spinning", async () => {
    const other = await launchOnNextGpu("GLM to stop");
    await api(e2e.url, "POST", `/api/instances/${other.id}/stop`);
    await playground.open(other.id);
    const panel = await playground.tab("Chat");
    await playground.panel("Chat").getByLabel("Message", { exact: true }).fill("Hello?");
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    const error = panel.getByTestId("run-error");
    await error.waitFor();
    expect(await error.getAttribute("data-code")).toBe("instance_not_ready");
    expect(await error.innerText()).toContain("wait until it is ready");
  });
});
