import type { Page } from "playwright-core";

/** The instance page's log view. */
export class LogViewerPage {
  constructor(private readonly page: Page) {}

  /** Records every WebSocket the page opens, so a test can drop them (call before the page loads). */
  static async trackSockets(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const sockets: WebSocket[] = [];
      (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      } as typeof WebSocket;
    });
  }

  /** Closes the page's WebSockets as a network drop would; socket.io reconnects by itself. */
  async dropSockets(): Promise<number> {
    return this.page.evaluate(() => {
      const open = (window as unknown as { __sockets: WebSocket[] }).__sockets.filter((s) => s.readyState === WebSocket.OPEN);
      for (const socket of open) socket.close();
      return open.length;
    });
  }

  /** The terminal's whole buffer as text, through the Copy button (needs clipboard permissions). */
  async bufferText(): Promise<string> {
    await this.page.getByRole("button", { name: "Copy" }).click();
    await this.page.getByRole("button", { name: /^Copied/ }).waitFor({ timeout: 10_000 });
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Waits until the live terminal's buffer holds `needle`. Not what is on screen: SGLang logs every
   * metrics scrape, and on a slow machine those lines can scroll the needle away before a check sees it.
   */
  async waitForLiveText(needle: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.bufferText()).includes(needle)) return;
      if (Date.now() > deadline) throw new Error(`the live terminal did not show "${needle}" within ${timeoutMs} ms`);
      await this.page.waitForTimeout(500);
    }
  }

  async search(query: string, options: { regex?: boolean } = {}): Promise<void> {
    await this.page.getByLabel("Search the whole log").fill(query);
    if (options.regex) await this.page.getByLabel("Regex").check();
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await this.page.getByTestId("search-count").filter({ hasText: "/" }).waitFor({ timeout: 30_000 });
  }

  searchCount(): Promise<string> {
    return this.page.getByTestId("search-count").innerText();
  }

  excerpt() {
    return this.page.getByRole("region", { name: "Log excerpt" });
  }

  async pause(): Promise<void> {
    await this.page.getByRole("button", { name: "Pause" }).click();
  }

  async jumpToLive(): Promise<void> {
    await this.page.getByRole("button", { name: /^Jump to live/ }).click();
  }

  followState(): Promise<string> {
    return this.page.getByTestId("follow-state").innerText();
  }
}
