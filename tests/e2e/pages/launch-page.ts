import type { Locator, Page } from "playwright-core";

/** The New deployment page. Flags are reached through the search box, whatever group they are in. */
export class LaunchPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/launch`);
    await this.page.getByRole("heading", { name: "New deployment" }).waitFor();
  }

  autoPresetText(): Promise<string> {
    return this.page.getByTestId("presets").getByRole("button").first().innerText();
  }

  gpuCards(): Locator {
    return this.page.locator("[data-gpu]");
  }

  /** Where the page says its flags come from (the installed SGLang's version, or the catalogue). */
  async flagsSource(): Promise<string> {
    return this.page.getByTestId("flags-source").innerText();
  }

  async pasteCommand(command: string): Promise<void> {
    await this.page.getByRole("button", { name: "Paste a command" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Paste a command" });
    await dialog.getByLabel("Command").fill(command);
    await dialog.getByRole("button", { name: "Fill the form" }).click();
    await dialog.waitFor({ state: "hidden" });
  }

  modelPath(): Promise<string> {
    return this.page.locator("#model-path").inputValue();
  }

  private async field(flag: string): Promise<Locator> {
    await this.page.getByLabel("Search flags").fill(flag);
    return this.page.locator(`[data-flag="${flag}"]`);
  }

  /** The value a flag's control shows ("" when unset; "on"/"off" for switches). */
  async flagValue(flag: string): Promise<string> {
    const row = await this.field(flag);
    const control = row.locator("input, select").first();
    if ((await control.getAttribute("type")) === "checkbox") return (await control.isChecked()) ? "on" : "off";
    return control.inputValue();
  }

  async setFlag(flag: string, value: string): Promise<void> {
    const row = await this.field(flag);
    const control = row.locator("input, select").first();
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }

  /** Messages shown next to a flag's field. */
  async flagMessages(flag: string): Promise<string[]> {
    const row = await this.field(flag);
    return row.getByTestId("field-issue").allInnerTexts();
  }

  /** Opens the Environment panel; each variable as shown: its value and where it came from. */
  async serverEnv(): Promise<Map<string, { value: string; source: string }>> {
    const panel = this.page.getByTestId("server-env");
    if (!(await panel.evaluate((el) => (el as HTMLDetailsElement).open))) await panel.locator("summary").click();
    const rows = await panel.getByTestId("server-env-row").evaluateAll((els) =>
      els.map((el) => [el.getAttribute("data-name")!, { value: el.children[1]!.textContent ?? "", source: el.getAttribute("data-source")! }] as const),
    );
    return new Map(rows);
  }

  async clearSearch(): Promise<void> {
    await this.page.getByLabel("Search flags").fill("");
  }

  command(): Promise<string> {
    return this.page.getByTestId("launch-command").innerText();
  }

  launchButton(): Locator {
    return this.page.getByRole("button", { name: "Launch", exact: true });
  }

  async saveProfile(): Promise<void> {
    await this.page.getByRole("button", { name: /^Save (profile|changes)$/ }).click();
    await this.page.getByRole("status").filter({ hasText: /^Saved "/ }).waitFor();
  }

  savedProfile(name: string): Locator {
    return this.page.locator(`[data-profile="${name}"]`);
  }

  /** Launches a saved profile with its one-click button; resolves with the new instance's id. */
  async launchSaved(name: string): Promise<string> {
    await this.savedProfile(name).getByRole("button", { name: "Launch" }).click();
    await this.page.waitForURL(/\/instances\/[0-9a-f-]+$/);
    return this.page.url().split("/").pop()!;
  }
}
