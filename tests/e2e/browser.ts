import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { sessionCookie } from "../support/session";

// Flags that work on this kind of machine: root needs --no-sandbox, and the closed network refuses
// Chromium's background connections unless they are turned off.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

/** A page in a fresh browser context signed in with the console's test session (its cookie set for that console). */
export async function newSignedInPage(browser: Browser, consoleUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await newSignedInContext(browser, consoleUrl, options);
  return context.newPage();
}

export async function newSignedInContext(browser: Browser, consoleUrl: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const cookie = sessionCookie(consoleUrl);
  if (!cookie) throw new Error(`no session for ${consoleUrl}: start the console with startConsole()`);
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const eq = pair.indexOf("=");
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: consoleUrl };
    }),
  );
  return context;
}
