import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { startConsole, type RunningConsole } from "../support/console-process";
import { authedFetch, signedInUser, signIn, TEST_ADMIN } from "../support/session";

let consoleProcess: RunningConsole;
const consoles: RunningConsole[] = [];

beforeAll(async () => {
  consoleProcess = await startConsole();
  consoles.push(consoleProcess);
});
afterAll(async () => {
  await Promise.all(consoles.map((running) => running.stop()));
});

const asCookie = (url: string, cookie: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set("cookie", cookie);
  if (init.method && init.method !== "GET") headers.set("origin", new URL(url).origin);
  return fetch(url, { ...init, headers });
};
const me = (cookie: string, base = consoleProcess.url) => asCookie(`${base}/api/me`, cookie);
const signInRaw = (body: unknown, headers: Record<string, string> = {}, base = consoleProcess.url) =>
  fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base, ...headers }, body: JSON.stringify(body) });

function openSocket(cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${consoleProcess.url}/instances`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", reject);
  });
}
const closedWithin = (socket: Socket, ms: number) =>
  new Promise<number>((resolve, reject) => {
    const started = Date.now();
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    socket.on("disconnect", () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });

describe("sessions", () => {
  it("answers 401 without a session, and the signed-in person with one", async () => {
    expect((await fetch(`${consoleProcess.url}/api/instances`)).status).toBe(401);
    const response = await me(consoleProcess.cookie);
    expect(await response.json()).toMatchObject({ user: { name: TEST_ADMIN.name, role: "admin" } });
  });

  it("never adopts a planted session cookie", async () => {
    const planted = "sglang-console.session_token=planted-by-an-attacker";
    expect((await me(planted)).status).toBe(401);
    const response = await signInRaw({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, { cookie: planted });
    expect(response.status).toBe(200);
    const setCookies = response.headers.getSetCookie();
    const issued = setCookies.find((cookie) => cookie.startsWith("sglang-console.session_token="));
    expect(issued, JSON.stringify(setCookies)).toBeDefined();
    expect(issued).not.toContain("planted-by-an-attacker");
    expect((await me(planted)).status).toBe(401);
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const fresh = await startConsole({ env: {} });
    consoles.push(fresh);
    const unknown = await signInRaw({ email: "nobody@console.test", password: "whatever-1" }, {}, fresh.url);
    const wrong = await signInRaw({ email: TEST_ADMIN.email, password: "wrong-password" }, {}, fresh.url);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it("answers the fourth failed sign-in within 10 s with 429, whatever X-Forwarded-For says", async () => {
    const fresh = await startConsole();
    consoles.push(fresh);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signInRaw({ email: TEST_ADMIN.email, password: "wrong-password" }, { "x-forwarded-for": `203.0.113.${i}` }, fresh.url)).status);
    expect(statuses.slice(0, 3).every((status) => status === 401)).toBe(true);
    expect(statuses[3]).toBe(429);
  });

  it("ends a session at sign-out", async () => {
    const user = await signedInUser(consoleProcess.url, "viewer");
    expect((await me(user.cookie)).status).toBe(200);
    await asCookie(`${consoleProcess.url}/api/auth/sign-out`, user.cookie, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await me(user.cookie)).status).toBe(401);
  });

  it("closes a disabled user's cookie and sockets within 5 s", async () => {
    const user = await signedInUser(consoleProcess.url, "operator");
    const socket = await openSocket(user.cookie);
    const closed = closedWithin(socket, 5000);
    const response = await authedFetch(`${consoleProcess.url}/api/users/${user.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "disabled" }) });
    expect(response.status).toBe(200);
    expect((await me(user.cookie)).status).toBe(401);
    expect(await closed).toBeLessThan(5000);
    const again = await signInRaw({ email: user.email, password: user.password });
    expect(again.status).toBe(403);
  });

  it("closes the sockets of a user whose role changed within 5 s; the next request has the new role", async () => {
    const user = await signedInUser(consoleProcess.url, "operator");
    const socket = await openSocket(user.cookie);
    const closed = closedWithin(socket, 5000);
    await authedFetch(`${consoleProcess.url}/api/users/${user.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "viewer" }) });
    expect(await closed).toBeLessThan(5000);
    expect(await (await me(user.cookie)).json()).toMatchObject({ user: { role: "viewer" } });
  });

  it("ends a session left idle past SESSION_IDLE_HOURS, and any session past SESSION_MAX_DAYS", async () => {
    const idle = await startConsole({ env: { SESSION_IDLE_HOURS: String(2 / 3600) } });
    const absolute = await startConsole({ env: { SESSION_MAX_DAYS: String(3 / 86400) } });
    consoles.push(idle, absolute);
    const idleCookie = await signIn(idle.url);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await me(idleCookie, idle.url)).status).toBe(401);
    const busyCookie = await signIn(absolute.url);
    for (let i = 0; i < 4; i++) {
      expect((await me(busyCookie, absolute.url)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await me(busyCookie, absolute.url)).status).toBe(401);
  });
});

describe("first run", () => {
  it("makes exactly one administrator of several setups at once", async () => {
    const fresh = await startConsole({ signedIn: false });
    consoles.push(fresh);
    expect(await (await fetch(`${fresh.url}/api/setup`)).json()).toEqual({ needsSetup: true, tokenRequired: false });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        fetch(`${fresh.url}/api/setup`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: fresh.url },
          body: JSON.stringify({ name: `first-${i}`, email: `first-${i}@console.test`, password: "first-password" }),
        }).then((response) => response.status),
      ),
    );
    expect(attempts.filter((status) => status === 201)).toHaveLength(1);
    expect(attempts.filter((status) => status === 409)).toHaveLength(4);
    expect(await (await fetch(`${fresh.url}/api/setup`)).json()).toMatchObject({ needsSetup: false });
  });

  it("needs the token printed at start when the console listens beyond loopback", async () => {
    const fresh = await startConsole({ signedIn: false, env: { HOST: "0.0.0.0" } });
    consoles.push(fresh);
    const url = fresh.url.replace("0.0.0.0", "127.0.0.1");
    const token = /setup token (\S+)/.exec(fresh.output())![1]!;
    const setup = (body: Record<string, string>) =>
      fetch(`${url}/api/setup`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ name: "root", email: "root@console.test", password: "root-password", ...body }) });
    expect((await setup({})).status).toBe(403);
    expect((await setup({ token: "wrong" })).status).toBe(403);
    expect((await setup({ token })).status).toBe(201);
  });

  it("lets people ask for an account when sign-up is on; they wait as pending until approved", async () => {
    const signUp = (email: string) =>
      fetch(`${consoleProcess.url}/api/sign-up`, { method: "POST", headers: { "content-type": "application/json", origin: consoleProcess.url }, body: JSON.stringify({ name: "newcomer", email, password: "newcomer-password" }) });
    expect((await signUp("early@console.test")).status).toBe(403);
    await authedFetch(`${consoleProcess.url}/api/settings`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ signUpEnabled: true }) });
    const created = await signUp("newcomer@console.test");
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; status: string } };
    expect(user.status).toBe("pending");
    const refused = await signInRaw({ email: "newcomer@console.test", password: "newcomer-password" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/approval/);
    await authedFetch(`${consoleProcess.url}/api/users/${user.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "active" }) });
    expect((await signInRaw({ email: "newcomer@console.test", password: "newcomer-password" })).status).toBe(200);
    await authedFetch(`${consoleProcess.url}/api/settings`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ signUpEnabled: false }) });
  });
});
