import type { Page } from "playwright-core";

export class HomePage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(this.baseUrl);
  }

  launchCommand(): Promise<string> {
    return this.page.getByTestId("launch-command").innerText();
  }

  async setPort(port: number): Promise<void> {
    await this.page.locator('input[name="port"]').fill(String(port));
  }

  async launch(): Promise<string> {
    await this.page.getByRole("button", { name: /^Launch / }).click();
    await this.page.waitForURL(/\/instances\/[0-9a-f-]+$/);
    return this.page.url().split("/").pop()!;
  }

  listText(): Promise<string> {
    return this.page.locator("main").innerText();
  }
}
