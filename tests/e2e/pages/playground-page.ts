import type { Locator, Page } from "playwright-core";

type TabName = "Completions" | "Chat" | "Streaming" | "Tool calling" | "Compare";
const PANEL: Record<TabName, string> = { Completions: "completions", Chat: "chat", Streaming: "streaming", "Tool calling": "tools", Compare: "compare" };

export class PlaygroundPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open(instanceId: string): Promise<void> {
    await this.page.goto(`${this.base}/instances/${instanceId}/playground`);
    await this.page.getByRole("tablist", { name: "Playground" }).waitFor();
  }

  /** Picks a language in the header's switch and waits until the playground's tabs are named in it. */
  async switchLanguage(language: "English" | "简体中文", tablistName: string): Promise<void> {
    const option = this.page.getByTestId("language-switch").getByRole("button", { name: language, exact: true });
    await option.click();
    await this.page.locator(`[data-testid="language-switch"] button[aria-pressed="true"]`, { hasText: language }).waitFor();
    await this.page.getByRole("tablist", { name: tablistName }).waitFor();
  }

  /** The names of the playground's tabs as shown, in order. */
  tabNames(tablistName: string): Promise<string[]> {
    return this.page.getByRole("tablist", { name: tablistName }).getByRole("tab").allInnerTexts();
  }

  async tab(name: TabName): Promise<Locator> {
    await this.page.getByRole("tablist", { name: "Playground" }).getByRole("tab", { name, exact: true }).click();
    const panel = this.panel(name);
    await panel.waitFor({ state: "visible" });
    return panel;
  }

  panel(name: TabName): Locator {
    return this.page.getByTestId(`tab-${PANEL[name]}`);
  }

  async setParam(panel: Locator, name: string, value: string): Promise<void> {
    await panel.getByLabel(name, { exact: true }).fill(value);
  }

  async view(panel: Locator, name: "Answer" | "Raw" | "View code"): Promise<void> {
    await panel.getByRole("tablist", { name: "Output" }).getByRole("tab", { name, exact: true }).click();
  }

  async code(panel: Locator, language: "Python" | "TypeScript" | "curl"): Promise<string> {
    await this.view(panel, "View code");
    await panel.getByRole("tablist", { name: "Language" }).getByRole("tab", { name: language, exact: true }).click();
    return panel.getByTestId("code").innerText();
  }

  finishReason(panel: Locator): Locator {
    return panel.getByTestId("finish-reason").first();
  }

  /** Chat: sends a message and waits for the answer it adds. */
  async chat(panel: Locator, message: string): Promise<string> {
    const before = await panel.getByTestId("assistant-message").count();
    await panel.getByLabel("Message", { exact: true }).fill(message);
    await panel.getByRole("button", { name: "Send", exact: true }).click();
    const answer = panel.getByTestId("assistant-message").nth(before);
    await answer.waitFor({ timeout: 30_000 });
    return answer.innerText();
  }

  async saveSession(title: string): Promise<void> {
    await this.page.getByLabel("Session title").fill(title);
    await this.page.getByRole("button", { name: /^Save/ }).click();
    await this.page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  }

  async openSession(title: string): Promise<void> {
    const select = this.page.getByLabel("Saved sessions");
    const value = await select.locator("option", { hasText: title }).getAttribute("value");
    await select.selectOption(value!);
    await this.page.getByRole("status").filter({ hasText: "Opened." }).waitFor();
  }
}
