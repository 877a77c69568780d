import type { Page } from "playwright-core";

/** The /diagnose page: paste or upload a log, read the report and the marked terminal lines. */
export class DiagnosePage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/diagnose${query}`);
  }

  async paste(text: string): Promise<void> {
    await this.page.getByLabel(/Paste an SGLang server log/).fill(text);
    await this.page.getByRole("button", { name: "Diagnose", exact: true }).click();
  }

  async upload(file: string): Promise<void> {
    await this.page.getByLabel("Log file", { exact: true }).setInputFiles(file);
  }

  async waitForDiagnosis(timeoutMs = 30_000): Promise<void> {
    await this.page.getByTestId("diagnosis").waitFor({ timeout: timeoutMs });
  }

  cause(): Promise<string | null> {
    return this.page.getByTestId("cause").getAttribute("data-cause");
  }

  causeText(): Promise<string> {
    return this.page.getByTestId("cause").innerText();
  }

  outcome(): Promise<string | null> {
    return this.page.getByTestId("outcome").getAttribute("data-outcome");
  }

  phase(): Promise<string | null> {
    return this.page.getByTestId("phase").getAttribute("data-phase");
  }

  adviceText(): Promise<string> {
    return this.page.getByTestId("advice").innerText();
  }

  correctedCommand(): Promise<string> {
    return this.page.getByTestId("corrected-command").innerText();
  }

  async tickAdvice(text: RegExp): Promise<void> {
    await this.page.getByRole("checkbox", { name: text }).check();
  }

  /** Log line numbers whose marks are rendered in the terminal's viewport (so it was scrolled to them). */
  async visibleMarkedLines(timeoutMs = 10_000): Promise<number[]> {
    await this.page.locator('[data-testid="terminal"] [data-testid="marked-line"]').first().waitFor({ timeout: timeoutMs });
    return this.page.$$eval('[data-testid="terminal"] [data-testid="marked-line"]', (els) => els.map((el) => Number((el as HTMLElement).dataset.line)));
  }

  /** The terminal row drawn at the same height as the mark of a log line. */
  rowTextAtMark(line: number): Promise<string> {
    return this.page.evaluate((no) => {
      const mark = document.querySelector(`[data-testid="terminal"] [data-testid="marked-line"][data-line="${no}"]`);
      if (!mark) return "";
      const top = mark.getBoundingClientRect().top;
      const rows = [...document.querySelectorAll('[data-testid="terminal"] .xterm-rows > div')];
      const row = rows.find((r) => Math.abs(r.getBoundingClientRect().top - top) < 3);
      return row?.textContent ?? "";
    }, line);
  }

  terminalText(): Promise<string> {
    return this.page.getByTestId("terminal").innerText();
  }
}
