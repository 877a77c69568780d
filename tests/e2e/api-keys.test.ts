import path from "node:path";
import OpenAI from "openai";
import { beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { glmProfile, launchReady } from "../support/api";
import { PROJECT_ROOT, freePort } from "../support/console-process";
import { newSignedInPage, useConsoleInBrowser } from "./browser";

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
const e2e = useConsoleInBrowser();
let instance: InstanceView;

beforeAll(async () => {
  instance = await launchReady(e2e.url, glmProfile(await freePort()));
});

/** Makes a demo link on the Demo links page as its operator would, ticking `tabs`, and returns its URL. */
async function createDemoLink(name: string, tabs: string[] = []): Promise<string> {
  const maker = await e2e.signedInPage({ width: 1280, height: 900 });
  await maker.goto(`${e2e.url}/demo-links`);
  const form = maker.getByRole("form", { name: "create demo link" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Instance").selectOption(instance.id);
  for (const tab of tabs) await form.getByLabel(tab).check();
  await form.getByRole("button", { name: "Create link" }).click();
  const url = await maker.getByTestId("demo-url").innerText();
  await maker.context().close();
  return url;
}

describe("API keys and usage in the browser", () => {
  it("shows a new key once, a script uses it, revoking it stops the script, and Usage shows the tokens it spent", async () => {
    const page = await e2e.signedInPage({ width: 1280, height: 1000 });
    await page.goto(`${e2e.url}/keys`);
    const form = page.getByRole("form", { name: "create key" });
    await form.getByLabel("Name").fill("notebook");
    await form.getByRole("button", { name: "Create key" }).click();
    const secret = await page.getByTestId("new-key-secret").innerText();
    expect(secret).toMatch(/^sgc_/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "api-keys-new.png"), fullPage: true });

    // A teammate's script: the official SDK, only baseURL and apiKey changed.
    const script = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: secret, maxRetries: 0 });
    const reply = await script.chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hello" }], max_tokens: 16 });
    expect(reply.usage!.completion_tokens).toBeGreaterThan(0);

    await page.reload();
    expect(await page.getByTestId("new-key").count()).toBe(0);
    expect(await page.locator("body").innerText()).not.toContain(secret);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("key-notebook").getByRole("button", { name: "Revoke" }).click();
    await page.getByTestId("key-notebook").getByText("revoked").waitFor();
    const refused = await script.chat.completions.create({ model: "glm-4.7-flash", messages: [{ role: "user", content: "hello" }], max_tokens: 16 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);

    await page.goto(`${e2e.url}/usage`);
    const row = page.getByTestId("usage-rows").getByRole("row").filter({ hasText: "notebook" });
    expect(await row.innerText()).toContain(`+ ${reply.usage!.completion_tokens}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "usage.png"), fullPage: true });
  });

  it("opens a demo link in a fresh browser with no account and chats, and shows nothing of the console", async () => {
    const url = await createDemoLink("Lighthouse demo");

    const visitor = await e2e.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await visitor.newPage();
    await page.goto(url);
    expect(await page.getByRole("link", { name: "Instances" }).count()).toBe(0);
    await page.getByLabel("message").fill("Tell me about lighthouses.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByTestId("turn-assistant").filter({ hasText: /\S/ }).first().waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Send" }).waitFor({ timeout: 30_000 });
    expect((await page.getByTestId("turn-assistant").first().innerText()).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-link.png"), fullPage: true });
    await visitor.close();
  });

  it("opens a demo link that offers tool calling in a fresh browser, sees get_weather called and answers it with a mocked result", async () => {
    const url = await createDemoLink("Weather demo", ["Tool calling"]);
    const visitor = await e2e.browser.newContext({ viewport: { width: 1000, height: 1100 } });
    const page = await visitor.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Tool calling" }).click();
    const tools = page.getByTestId("demo-tools");
    expect(await tools.getByLabel("Tool definitions").inputValue()).toContain('"get_weather"');
    await tools.getByLabel("Message").fill("What's the weather like in San Francisco today?");
    await tools.getByRole("button", { name: "Send" }).click();
    const call = tools.locator('[data-testid="tool-conversation"] li[data-role="assistant"]').first().getByTestId("tool-call");
    await call.waitFor({ timeout: 20_000 });
    expect(await call.getByTestId("tool-call-name").innerText()).toBe("get_weather");
    expect(JSON.parse(await call.getByTestId("tool-call-arguments").innerText())).toMatchObject({ location: "San Francisco" });
    expect(await tools.getByTestId("finish-reason").innerText()).toBe("tool_calls");
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-link-tools.png"), fullPage: true });
    await tools.getByRole("button", { name: "Mock" }).click();
    await tools.getByRole("button", { name: "Send tool results" }).click();
    const answer = tools.locator('[data-testid="tool-conversation"] li[data-role="assistant"]').nth(1);
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.innerText()).toContain("According to get_weather");
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-link-tools-answered.png"), fullPage: true });
    await visitor.close();
  });

  it("opens a demo link in a zh-CN browser with no account and reads its tabs in Chinese, then switches to English in place", async () => {
    const url = await createDemoLink("Chinese demo", ["Streaming", "Tool calling"]);
    const visitor = await e2e.browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" }, viewport: { width: 1000, height: 800 } });
    const page = await visitor.newPage();
    await page.goto(url);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const chat = page.getByTestId("demo-chat");
    for (const tab of ["对话", "流式输出", "工具调用"]) await chat.getByRole("button", { name: tab, exact: true }).waitFor();
    expect(await page.title()).toContain("演示");
    await page.getByRole("textbox", { name: "消息" }).fill("你好，介绍一下灯塔。");
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-link-zh.png"), fullPage: true });

    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).click();
    await chat.getByRole("button", { name: "Tool calling", exact: true }).waitFor();
    // The language changed without a reload: what the visitor typed is still there.
    expect(await page.getByRole("textbox", { name: "Message" }).inputValue()).toBe("你好，介绍一下灯塔。");

    // A link that does not exist says so in the visitor's language too.
    const stranger = await e2e.browser.newPage({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });
    await stranger.goto(`${e2e.url}/demo/no-such-demo-link`);
    expect(await stranger.getByTestId("demo-unavailable").innerText()).toContain("此演示链接不存在");
    await stranger.close();
    await visitor.close();
  });

  it("shows the administrator's keys, usage, demo links, users and audit trail in Chinese to a zh-CN browser", async () => {
    const page = await newSignedInPage(e2e.browser, e2e.url, { locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" }, viewport: { width: 1280, height: 900 } });
    const pages = { keys: "API 密钥", usage: "用量", "demo-links": "演示链接", users: "用户", audit: "审计日志" };
    for (const [route, heading] of Object.entries(pages)) {
      await page.goto(`${e2e.url}/${route}`);
      expect(await page.locator("h1").first().innerText()).toBe(heading);
      const headers = await page.locator("table th").allInnerTexts();
      // "token" and "IP" read the same in Chinese (messages/GLOSSARY.md); no other English word is left in a header.
      expect(headers.filter((text) => /[A-Za-z]{3,}/.test(text.replace(/\btokens?\b/g, ""))), `${route}: ${headers.join(" | ")}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, `admin-zh-${route}.png`), fullPage: true });
    }
    await page.context().close();
  });
});
