import type { Page } from "playwright-core";

/** The Models page: local models, the download form, downloads with live progress. */
export class ModelsPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/models`);
  }

  async startDownload(input: { source: "ModelScope" | "Hugging Face"; repo: string; targetDir?: string }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Download a model" });
    await form.getByLabel("Source").selectOption({ label: input.source });
    await form.getByLabel("Repository").fill(input.repo);
    if (input.targetDir) await form.getByLabel("Target folder").fill(input.targetDir);
    await form.getByRole("button", { name: "Download" }).click();
  }

  /** Fills the form and presses "Check size and space"; answers the preview's line. */
  async checkSpace(input: { source: "ModelScope" | "Hugging Face"; repo: string }): Promise<string> {
    const form = this.page.getByRole("form", { name: "Download a model" });
    await form.getByLabel("Source").selectOption({ label: input.source });
    await form.getByLabel("Repository").fill(input.repo);
    await form.getByRole("button", { name: "Check size and space" }).click();
    return form.getByTestId("download-preview").innerText();
  }

  private download(repo: string) {
    return this.page.getByTestId("download").filter({ hasText: repo }).first();
  }

  async waitForState(repo: string, state: string, timeoutMs = 30_000): Promise<void> {
    await this.page.locator(`[data-testid="download"][data-state="${state}"]`, { hasText: repo }).first().waitFor({ timeout: timeoutMs });
  }

  progressText(repo: string): Promise<string> {
    return this.download(repo).getByTestId("download-progress").innerText();
  }

  /** Waits until the progress line differs from `previous`. */
  async waitForProgressChange(repo: string, previous: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.progressText(repo);
      if (text !== previous || Date.now() > deadline) return text;
      await this.page.waitForTimeout(200);
    }
  }

  /** Waits until the progress line matches `pattern`. */
  async waitForProgress(repo: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.progressText(repo);
      if (pattern.test(text) || Date.now() > deadline) return text;
      await this.page.waitForTimeout(100);
    }
  }

  async press(repo: string, button: "Pause" | "Resume" | "Launch"): Promise<void> {
    await this.download(repo).getByRole(button === "Launch" ? "link" : "button", { name: button }).click();
  }

  async localModelNames(): Promise<string[]> {
    return this.page.getByRole("list", { name: "Local models" }).locator("li > span.font-mono").allInnerTexts();
  }
}
