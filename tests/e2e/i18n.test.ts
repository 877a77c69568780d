import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";
import { launchBrowser, newSignedInContext } from "./browser";

// The console in Simplified Chinese and in English, as a zh-CN and an en-US browser see it. Selectors are
// stable attributes (data-testid, names, ids), never English words, so the same steps run in both languages.

const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results");
const OOM_KV_LOG = path.resolve(PROJECT_ROOT, "../shared/fixtures/sglang-logs/oom-kv-cache-not-enough-memory.log");
const CJK = /[\u4e00-\u9fff]/;

const BROWSERS = {
  "zh-CN": { acceptLanguage: "zh-CN,zh;q=0.9", htmlLang: "zh-CN", nav: ["实例", "新建部署", "诊断"], signIn: "登录", wrongCredentials: "邮箱或密码错误。" },
  "en-US": { acceptLanguage: "en-US,en;q=0.9", htmlLang: "en", nav: ["Instances", "New deployment", "Diagnose"], signIn: "Sign in", wrongCredentials: "The email or the password is wrong." },
} as const;
type BrowserLocale = keyof typeof BROWSERS;
const LOCALES = Object.keys(BROWSERS) as BrowserLocale[];

let consoleProcess: RunningConsole;
let browser: Browser;
let instance: InstanceView;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-i18n-"));
const contexts: BrowserContext[] = [];

const contextOptions = (locale: BrowserLocale) => ({ locale, extraHTTPHeaders: { "accept-language": BROWSERS[locale].acceptLanguage }, viewport: { width: 1280, height: 900 } });

/** A browser in `locale` with no cookie at all: a newcomer. */
async function newcomer(locale: BrowserLocale): Promise<Page> {
  const context = await browser.newContext(contextOptions(locale));
  contexts.push(context);
  return context.newPage();
}

/** A browser in `locale` signed in as the test administrator (their session cookie only: no language cookie). */
async function administrator(locale: BrowserLocale): Promise<Page> {
  const context = await newSignedInContext(browser, consoleProcess.url, contextOptions(locale));
  contexts.push(context);
  return context.newPage();
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `i18n-${name}.png`), fullPage: true });
const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");
const heading = (page: Page) => page.locator("h1").first().innerText();
const switchButton = (page: Page, language: "English" | "简体中文") => page.getByTestId("language-switch").first().getByRole("button", { name: language });

/** The pages the issue names, each opened and waited for without reading any of its words. */
const PAGES = {
  home: async (page: Page) => {
    await page.goto(consoleProcess.url);
    await page.locator(`a[href="/instances/${instance.id}"]`).first().waitFor();
  },
  launch: async (page: Page) => {
    await page.goto(`${consoleProcess.url}/launch`);
    await page.locator("#model-path").waitFor();
  },
  instance: async (page: Page) => {
    await page.goto(`${consoleProcess.url}/instances/${instance.id}`);
    await page.locator('[data-testid="phase"][data-phase="ready"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="terminal"]')].some((t) => t.textContent?.includes("fired up and ready")), undefined, { timeout: 60_000 });
  },
  playground: async (page: Page) => {
    await page.goto(`${consoleProcess.url}/instances/${instance.id}/playground`);
    await page.getByRole("tablist").first().waitFor();
  },
  gpus: async (page: Page) => {
    await page.goto(`${consoleProcess.url}/gpus`);
    await page.locator('[data-testid="gpu-card"][data-gpu-index="7"]').waitFor({ timeout: 15_000 });
  },
  diagnosis: async (page: Page) => {
    await page.goto(`${consoleProcess.url}/diagnose`);
    await page.locator("#log-text").fill(fs.readFileSync(OOM_KV_LOG, "utf8"));
    await page.getByTestId("log-input").getByRole("button").first().click();
    await page.getByTestId("diagnosis").waitFor({ timeout: 30_000 });
  },
} as const;
type PageName = keyof typeof PAGES;

/**
 * Where a page says what it is: its <h1>, except the instance page, whose <h1> is the instance's own name, and the
 * GPUs page, whose <h1> is "GPU" in both languages (its whole main text is checked instead).
 */
const MAIN_HEADING: Record<PageName, string> = {
  home: "h1",
  launch: "h1",
  instance: '[data-testid="phase"]',
  playground: "h1",
  gpus: "main",
  diagnosis: "h1",
};

/** The page's main heading has Chinese in it for a zh-CN browser and none for an en-US one. */
async function expectHeadingInLanguage(name: PageName): Promise<void> {
  for (const locale of LOCALES) {
    const page = await administrator(locale);
    await PAGES[name](page);
    const text = await page.locator(MAIN_HEADING[name]).first().innerText();
    if (locale === "zh-CN") expect(text, `${name} in ${locale}`).toMatch(CJK);
    else expect(text, `${name} in ${locale}`).not.toMatch(CJK);
    await page.close();
  }
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** Submits the sign-in form and returns what the form then says. */
async function refusedSignIn(page: Page, email: string, password: string): Promise<{ status: number; message: string }> {
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/sign-in/email"));
  await signInThroughForm(page, email, password);
  const status = (await answer).status();
  const alert = page.locator("form [role=alert]");
  await alert.waitFor();
  return { status, message: await alert.innerText() };
}

async function createUser(name: string): Promise<{ id: string; email: string; password: string }> {
  const user = { name, email: `${name.toLowerCase()}@console.test`, password: `${name.toLowerCase()}-password-1`, role: "operator" };
  const created = await api<{ user: { id: string } }>(consoleProcess.url, "POST", "/api/users", user);
  expect(created.status).toBe(201);
  return { id: created.body.user.id, ...user };
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [consoleProcess, browser] = await Promise.all([
    startConsole({ env: { PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`, SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "8", SGLANG_SIM_SPEED: "100" } }),
    launchBrowser(),
  ]);
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort(), { name: "glm-i18n", gpuIds: [0] }) });
  expect(launched.status).toBe(201);
  instance = launched.body.instance;
  await waitFor(async () => ((await getInstance(consoleProcess.url, instance.id)).phase === "ready" ? true : null), { timeoutMs: 60_000, what: "the instance to be ready" });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await consoleProcess?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("the console in Chinese and English", () => {
  it("shows a newcomer the sign-in page in their browser's language, and switches it at once, remembered by a cookie", async () => {
    for (const locale of LOCALES) {
      const page = await newcomer(locale);
      await page.goto(`${consoleProcess.url}/sign-in`);
      expect(await htmlLang(page)).toBe(BROWSERS[locale].htmlLang);
      expect(await heading(page)).toBe(BROWSERS[locale].signIn);
      expect(await page.locator('form button[type="submit"]').innerText()).toBe(BROWSERS[locale].signIn);
      expect(await switchButton(page, locale === "zh-CN" ? "简体中文" : "English").getAttribute("aria-pressed")).toBe("true");
      await screenshot(page, `sign-in-${locale}`);
    }

    const page = await newcomer("en-US");
    await page.goto(`${consoleProcess.url}/sign-in`);
    await switchButton(page, "简体中文").click();
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(await htmlLang(page)).toBe("zh-CN");
    expect((await page.context().cookies()).find((cookie) => cookie.name === "console_locale")?.value).toBe("zh-CN");
    await page.reload();
    expect(await heading(page)).toBe("登录");
  });

  it("opens every page the issue names in both languages: html lang, the navigation and the language switch (screenshots)", async () => {
    for (const locale of LOCALES) {
      const page = await administrator(locale);
      for (const [name, open] of Object.entries(PAGES) as [PageName, (page: Page) => Promise<void>][]) {
        await open(page);
        expect(await htmlLang(page), `${name} in ${locale}`).toBe(BROWSERS[locale].htmlLang);
        const nav = await page.locator("header nav").innerText();
        for (const label of BROWSERS[locale].nav) expect(nav, `${name} in ${locale}`).toContain(label);
        expect(await page.getByTestId("language-switch").first().locator('[aria-pressed="true"]').innerText()).toBe(locale === "zh-CN" ? "简体中文" : "English");
        await screenshot(page, `${name}-${locale}`);
      }
      await page.close();
    }
  });

  it("keeps the choice per person: after signing out and clearing cookies, a new en-US browser signs in to Chinese", async () => {
    const li = await createUser("Li");
    const first = await newcomer("en-US");
    await first.goto(`${consoleProcess.url}/sign-in`);
    await signInThroughForm(first, li.email, li.password);
    await first.waitForURL(`${consoleProcess.url}/`);
    await first.goto(`${consoleProcess.url}/account`);
    expect(await heading(first)).toBe("Your account");
    expect(await first.getByTestId("saved-locale").getAttribute("data-locale")).toBe("");

    await switchButton(first, "简体中文").click();
    await first.getByRole("heading", { name: "我的账号" }).waitFor();
    await first.locator('[data-testid="saved-locale"][data-locale="zh-CN"]').waitFor();
    expect(await first.getByTestId("saved-locale").innerText()).toContain("简体中文");
    await screenshot(first, "account-zh-CN");

    await first.getByRole("button", { name: "退出登录" }).click();
    await first.waitForURL(/\/sign-in$/);
    expect(await heading(first)).toBe("登录");
    await first.context().clearCookies();
    await first.reload();
    expect(await heading(first)).toBe("Sign in");

    const second = await newcomer("en-US");
    await second.goto(`${consoleProcess.url}/sign-in`);
    expect(await heading(second)).toBe("Sign in");
    await signInThroughForm(second, li.email, li.password);
    await second.waitForURL(`${consoleProcess.url}/`);
    expect(await htmlLang(second)).toBe("zh-CN");
    expect(await second.locator("header nav").innerText()).toContain("实例");
    expect((await second.context().cookies()).find((cookie) => cookie.name === "console_locale")?.value).toBe("zh-CN");
  });

  it("saves a language chosen on the sign-in page on the account at sign-in", async () => {
    const wang = await createUser("Wang");
    const page = await newcomer("en-US");
    await page.goto(`${consoleProcess.url}/sign-in`);
    await switchButton(page, "简体中文").click();
    await page.getByRole("heading", { name: "登录" }).waitFor();
    await signInThroughForm(page, wang.email, wang.password);
    await page.waitForURL(`${consoleProcess.url}/`);
    await page.goto(`${consoleProcess.url}/account`);
    expect(await page.getByTestId("saved-locale").getAttribute("data-locale")).toBe("zh-CN");
  });

  // Last: its failed sign-ins hold this address back for a few seconds.
  it("words sign-in refusals in the reader's language: the same for an unknown email and a wrong password, too many failures, a disabled account", async () => {
    const zhou = await createUser("Zhou");
    const english = await newcomer("en-US");
    await english.goto(`${consoleProcess.url}/sign-in`);
    expect(await refusedSignIn(english, zhou.email, "wrong-password")).toEqual({ status: 401, message: BROWSERS["en-US"].wrongCredentials });

    const chinese = await newcomer("zh-CN");
    await chinese.goto(`${consoleProcess.url}/sign-in`);
    expect(await refusedSignIn(chinese, zhou.email, "wrong-password")).toEqual({ status: 401, message: BROWSERS["zh-CN"].wrongCredentials });
    expect(await refusedSignIn(chinese, "nobody@console.test", "wrong-password")).toEqual({ status: 401, message: BROWSERS["zh-CN"].wrongCredentials });
    const held = await refusedSignIn(chinese, zhou.email, "wrong-password");
    expect(held.status).toBe(429);
    expect(held.message).toMatch(/^此地址登录失败次数过多：请在 \d+ 秒后重试。$/);
    await screenshot(chinese, "sign-in-refused-zh-CN");

    expect((await api(consoleProcess.url, "PATCH", `/api/users/${zhou.id}`, { status: "disabled" })).status).toBe(200);
    const disabled = await waitFor(
      async () => {
        const answer = await refusedSignIn(chinese, zhou.email, zhou.password);
        return answer.status === 429 ? null : answer;
      },
      { timeoutMs: 20_000, intervalMs: 1000, what: "the failed sign-ins to leave their window" },
    );
    expect(disabled).toEqual({ status: 403, message: "此账号已被停用，请联系此控制台的管理员。" });
  });
});

// Each page the issue names: its main heading is Chinese for a zh-CN browser and has no Chinese for an en-US one.
describe("each page's own words follow the browser's language", () => {
  it("the home page (instances)", () => expectHeadingInLanguage("home"));
  it("the launch page", () => expectHeadingInLanguage("launch"));
  it("an instance page with its logs and phases", () => expectHeadingInLanguage("instance"));
  it("the playground", () => expectHeadingInLanguage("playground"));
  it("the GPUs page", () => expectHeadingInLanguage("gpus"));
  it("a diagnosis of a pasted log", () => expectHeadingInLanguage("diagnosis"));
});
