import type { Page } from "playwright-core";

/** The GPU page: one card per GPU with live readings, holders and a last-hour detail. */
export class GpusPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/gpus`);
  }

  async waitForLive(): Promise<void> {
    await this.page.getByTestId("telemetry-connection").getByText("live").waitFor({ timeout: 15_000 });
  }

  private card(index: number) {
    return this.page.locator(`[data-testid="gpu-card"][data-gpu-index="${index}"]`);
  }

  async waitForCards(count: number): Promise<void> {
    await this.page.locator(`[data-testid="gpu-card"][data-gpu-index="${count - 1}"]`).waitFor({ timeout: 15_000 });
  }

  cardCount(): Promise<number> {
    return this.page.getByTestId("gpu-card").count();
  }

  cardText(index: number): Promise<string> {
    return this.card(index).innerText();
  }

  /** Waits until the GPU lists a holder of that kind whose text contains `text`. */
  async waitForHolder(index: number, kind: "instance" | "foreign", text: string, timeoutMs = 20_000): Promise<string> {
    const holder = this.card(index).locator(`[data-testid="gpu-holder"][data-kind="${kind}"]`, { hasText: text });
    await holder.waitFor({ timeout: timeoutMs });
    return holder.innerText();
  }

  async openLastHour(index: number): Promise<void> {
    await this.card(index).getByRole("button", { name: "Last hour" }).click();
    await this.card(index).getByTestId("gpu-detail").waitFor({ timeout: 10_000 });
  }

  /** How many points the GPU's detail chart with this title draws. */
  async chartPoints(index: number, title: string): Promise<number> {
    return Number(await this.card(index).locator(`[data-testid="time-chart"][data-title="${title}"]`).getAttribute("data-points"));
  }

  /** Waits until the chart draws more than `than` points (live samples arriving). */
  async waitForChartPoints(index: number, title: string, than: number, timeoutMs = 15_000): Promise<number> {
    const selector = `[data-testid="gpu-card"][data-gpu-index="${index}"] [data-testid="time-chart"][data-title="${title}"]`;
    await this.page.waitForFunction(
      ({ selector, than }) => Number(document.querySelector(selector)?.getAttribute("data-points") ?? 0) > than,
      { selector, than },
      { timeout: timeoutMs },
    );
    return this.chartPoints(index, title);
  }

  async statusState(): Promise<string | null> {
    const status = this.page.getByTestId("gpu-status");
    await status.waitFor({ timeout: 15_000 });
    return status.getAttribute("data-state");
  }

  statusText(): Promise<string> {
    return this.page.getByTestId("gpu-status").innerText();
  }
}
