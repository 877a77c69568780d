import type { Page } from "playwright-core";

/** First run: create the administrator account. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async createAdministrator(account: { name: string; email: string; password: string }): Promise<void> {
    await this.page.getByRole("heading", { name: "Create the administrator account" }).waitFor();
    await this.page.getByLabel("Name").fill(account.name);
    await this.page.getByLabel("Email").fill(account.email);
    await this.page.getByLabel(/^Password/).fill(account.password);
    await this.page.getByRole("button", { name: "Create the administrator account" }).click();
  }
}

export class SignInPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in`);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  error(): Promise<string> {
    return this.page.locator("form [role=alert]").innerText();
  }
}

/** The administrators' Users page. */
export class UsersPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/users`);
  }

  async createUser(user: { name: string; email: string; password: string; role: "admin" | "operator" | "viewer" }): Promise<void> {
    const form = this.page.getByRole("form", { name: "create user" });
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Password").fill(user.password);
    await form.getByLabel("Role").selectOption(user.role);
    await form.getByRole("button", { name: "Create user" }).click();
    await this.page.getByTestId(`user-${user.email}`).waitFor();
  }

  rowText(email: string): Promise<string> {
    return this.page.getByTestId(`user-${email}`).innerText();
  }
}
