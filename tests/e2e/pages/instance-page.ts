import type { Page } from "playwright-core";

export class InstancePage {
  constructor(private readonly page: Page) {}

  /** The cause shown for an ended or unresponsive run (with the last lines of its log when unresponsive). */
  causeDetail(): Promise<string> {
    return this.page.getByTestId("cause-detail").innerText();
  }

  /** Waits until the run history's newest row contains `text`, and returns that row. */
  async waitForRunHistory(text: string, timeoutMs = 15_000): Promise<string> {
    const row = this.page.getByTestId("run-history").locator("tbody tr").first();
    await row.filter({ hasText: text }).waitFor({ timeout: timeoutMs });
    return row.innerText();
  }

  /** Waits for the page's own phase badge (the first; the GPU panel's holders carry badges of their own). */
  async waitForPhase(phase: string, timeoutMs = 60_000): Promise<void> {
    await this.page.waitForFunction((wanted) => document.querySelector('[data-testid="phase"]')?.getAttribute("data-phase") === wanted, phase, { timeout: timeoutMs });
  }

  async phasesSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __phases?: string[] }).__phases ?? []);
  }

  /** Records every phase the badge shows from now on. */
  async recordPhases(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __phases: string[] }).__phases = seen;
      const record = () => {
        const phase = document.querySelector('[data-testid="phase"]')?.getAttribute("data-phase");
        if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
      };
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }

  async waitForTerminalText(text: string, timeoutMs = 60_000): Promise<void> {
    await this.page.waitForFunction((needle) => [...document.querySelectorAll('[data-testid="terminal"]')].some((terminal) => terminal.textContent?.includes(needle)), text, {
      timeout: timeoutMs,
    });
  }

  async chat(message: string): Promise<string> {
    await this.page.getByLabel("Message").fill(message);
    await this.page.getByRole("button", { name: "Send" }).click();
    const reply = this.page.getByTestId("assistant-message").last();
    await reply.waitFor({ timeout: 30_000 });
    return reply.innerText();
  }

  /** The parser check's verdicts, once it has them ("yes Parsed tool call: ..."). */
  async parserCheck(timeoutMs = 30_000): Promise<string[]> {
    const card = this.page.getByTestId("parser-check");
    await card.locator("li").first().waitFor({ timeout: timeoutMs });
    return card.locator("li").allInnerTexts();
  }

  async stop(): Promise<void> {
    await this.page.getByRole("button", { name: "Stop" }).click();
  }

  exitStatus(): Promise<string> {
    return this.page.getByTestId("exit-status").innerText();
  }
}
