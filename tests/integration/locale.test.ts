import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { startConsole, type RunningConsole } from "../support/console-process";
import { signIn, signedInUser, TEST_ADMIN } from "../support/session";

// The language a person reads: the browser's on first visit, their choice once made (a cookie, and their account,
// so a sign-in elsewhere brings it back), and API errors in that language while logs keep English.

let console_: RunningConsole;

beforeAll(async () => {
  console_ = await startConsole();
});

afterAll(async () => {
  await console_?.stop();
});

const page = (path: string, headers: Record<string, string>) => fetch(`${console_.url}${path}`, { headers }).then(async (r) => ({ status: r.status, html: await r.text() }));

const chooseLocale = (locale: string, cookie?: string) =>
  fetch(`${console_.url}/api/locale`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: console_.url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ locale }),
  });

const localeCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("console_locale="))?.split(";")[0];

describe("the console's language", () => {
  it("follows Accept-Language on a first visit", async () => {
    const zh = await page("/sign-in", { "accept-language": "zh-CN,zh;q=0.9" });
    expect(zh.html).toContain('<html lang="zh-CN"');
    expect(zh.html).toContain("SGLang 控制台");
    const en = await page("/sign-in", { "accept-language": "en-US,en;q=0.9" });
    expect(en.html).toContain('<html lang="en"');
    expect(en.html).not.toContain("SGLang 控制台");
  });

  it("the switch sets a cookie that wins over the browser, before sign-in too", async () => {
    const response = await chooseLocale("zh-CN");
    expect(response.status).toBe(200);
    const cookie = localeCookieOf(response)!;
    expect(cookie).toBe("console_locale=zh-CN");
    const chosen = await page("/sign-in", { "accept-language": "en-US", cookie });
    expect(chosen.html).toContain('<html lang="zh-CN"');
  });

  it("refuses a language it does not have, saying what it accepts", async () => {
    const response = await chooseLocale("fr");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("zh-CN");
  });

  it("is remembered per person: signing in anywhere brings their choice back", async () => {
    const viewer = await signedInUser(console_.url, "viewer", "lin");
    expect((await chooseLocale("zh-CN", viewer.cookie)).status).toBe(200);
    const again = await fetch(`${console_.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: console_.url },
      body: JSON.stringify({ email: viewer.email, password: viewer.password }),
    });
    expect(localeCookieOf(again)).toBe("console_locale=zh-CN");
    // Someone who never chose gets no cookie: their browser's language decides.
    const admin = await fetch(`${console_.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: console_.url },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(localeCookieOf(admin)).toBeUndefined();
  });

  it("answers API errors in the reader's language, keeping the code", async () => {
    const cookie = await signIn(console_.url);
    const zh = await fetch(`${console_.url}/api/instances/nope`, { headers: { cookie, "accept-language": "zh-CN" } });
    expect(await zh.json()).toEqual({ error: { code: "instance_not_found", message: "此控制台上不存在实例 nope。" } });
    const en = await fetch(`${console_.url}/api/instances/nope`, { headers: { cookie: `${cookie}; console_locale=en`, "accept-language": "zh-CN" } });
    expect(await en.json()).toEqual({ error: { code: "instance_not_found", message: "No instance nope exists on this console." } });
    // The custom server's own routes too.
    const stream = await fetch(`${console_.url}/api/instances/nope/playground/chat`, {
      method: "POST",
      headers: { cookie, "accept-language": "zh-CN", origin: console_.url, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "hi" }] }),
    });
    expect(((await stream.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("answers socket events in the handshake's language", async () => {
    const cookie = await signIn(console_.url);
    const socket = io(`${console_.url}/instances`, { transports: ["websocket"], extraHeaders: { cookie, "accept-language": "zh-CN" } });
    try {
      const answer = (await socket.timeout(5000).emitWithAck("instance:watch", { instanceId: "nope" })) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer.ok).toBe(false);
      expect(answer.error?.code).toBe("instance_not_found");
      expect(answer.error?.message).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      socket.close();
    }
  });
});
