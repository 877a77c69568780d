import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startConsole, type RunningConsole } from "../support/console-process";
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

type ConsoleOptions = NonNullable<Parameters<typeof startConsole>[0]>;

export interface ConsoleInBrowser {
  readonly console: RunningConsole;
  readonly url: string;
  readonly browser: Browser;
  /** A page in a fresh context signed in as the console's administrator. */
  signedInPage: (viewport: { width: number; height: number }) => Promise<Page>;
  signedInContext: (viewport: { width: number; height: number }) => Promise<BrowserContext>;
}

/**
 * A test file's console and Chromium: both started before its tests (the console as `options` say, read then, so a
 * folder made in an earlier beforeAll can be named) and closed after them.
 */
export function useConsoleInBrowser(options: ConsoleOptions | (() => ConsoleOptions) = {}): ConsoleInBrowser {
  let running: RunningConsole | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [running, browser] = await Promise.all([startConsole(typeof options === "function" ? options() : options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });
  const started = () => {
    if (!running || !browser) throw new Error("the console and the browser start in beforeAll: use them inside tests and hooks");
    return { running, browser };
  };
  return {
    get console() {
      return started().running;
    },
    get url() {
      return started().running.url;
    },
    get browser() {
      return started().browser;
    },
    signedInPage: (viewport) => newSignedInPage(started().browser, started().running.url, { viewport }),
    signedInContext: (viewport) => newSignedInContext(started().browser, started().running.url, { viewport }),
  };
}
