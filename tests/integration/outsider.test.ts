import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { authedFetch, sessionCookie } from "../support/session";

// What a web page on another origin, or a DNS-rebinding page, can make a browser send: each is refused and
// nothing is spawned or stopped, even with the administrator's cookie attached (SameSite=Lax cookies go along
// to the same site on another port).

let consoleProcess: RunningConsole;
let running: InstanceView;

beforeAll(async () => {
  consoleProcess = await startConsole();
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort()) });
  running = launched.body.instance;
});
afterAll(async () => {
  await consoleProcess?.stop();
});

/** node:http, since fetch will not send a Host other than the URL's. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port: consoleProcess.port, path, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

const instanceCount = async () => (await api<{ instances: InstanceView[] }>(consoleProcess.url, "GET", "/api/instances")).body.instances.length;
const launchBody = () => JSON.stringify({ profile: { ...glmProfile(30999), env: { EVIL: "1" } } });

describe("a console that no other web page can drive", () => {
  it("refuses launches from another origin as text/plain, a form and multipart, spawning nothing", async () => {
    const before = await instanceCount();
    const form = new FormData();
    form.set("profile", launchBody());
    const attempts: RequestInit[] = [
      { headers: { "content-type": "text/plain", origin: "http://evil.example" }, body: launchBody() },
      { headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.example" }, body: `x=${encodeURIComponent(launchBody())}` },
      { headers: { origin: "http://evil.example" }, body: form },
      { headers: { "content-type": "application/json", origin: "http://localhost:3001" }, body: launchBody() },
    ];
    for (const init of attempts) {
      const response = await authedFetch(`${consoleProcess.url}/api/instances`, { method: "POST", ...init });
      expect(response.status, JSON.stringify(init.headers)).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
    // No Origin, but the browser's Sec-Fetch-Site says another site sent it.
    const noOrigin = await fetch(`${consoleProcess.url}/api/instances`, {
      method: "POST",
      headers: { "content-type": "text/plain", "sec-fetch-site": "cross-site", cookie: sessionCookie(consoleProcess.url)! },
      body: launchBody(),
    });
    expect(noOrigin.status).toBe(403);
    // The console's own origin with a non-JSON body is refused too: JSON routes take only JSON.
    const plain = await authedFetch(`${consoleProcess.url}/api/instances`, { method: "POST", headers: { "content-type": "text/plain" }, body: launchBody() });
    expect(plain.status).toBe(415);
    expect(await instanceCount()).toBe(before);
  });

  it("refuses a body-less stop from another origin, and the server keeps running", async () => {
    const response = await authedFetch(`${consoleProcess.url}/api/instances/${running.id}/stop`, { method: "POST", headers: { origin: "http://evil.example" } });
    expect(response.status).toBe(403);
    const after = await getInstance(consoleProcess.url, running.id);
    expect(["starting", "loading", "ready"]).toContain(after.phase);
  });

  it("answers nothing to a foreign Host (DNS rebinding)", async () => {
    for (const path of ["/api/instances", "/", `/api/instances/${running.id}/runs`]) {
      const response = await rawGet(path, { host: "attacker.example:3000", cookie: sessionCookie(consoleProcess.url)! });
      expect(response.status, path).toBe(421);
      expect(response.body).not.toContain(running.id);
    }
    expect((await rawGet("/api/instances", { host: `localhost:${consoleProcess.port}`, cookie: sessionCookie(consoleProcess.url)! })).status).toBe(200);
  });

  it("refuses a socket handshake from a foreign origin, and one without a session", async () => {
    const refusal = (options: { origin?: string; cookie?: string }) =>
      new Promise<string>((resolve) => {
        const headers: Record<string, string> = {};
        if (options.origin) headers.origin = options.origin;
        if (options.cookie) headers.cookie = options.cookie;
        const socket = io(`${consoleProcess.url}/instances`, { path: "/socket.io", transports: ["websocket"], extraHeaders: headers, reconnection: false });
        socket.on("connect", () => {
          socket.close();
          resolve("connected");
        });
        socket.on("connect_error", (error) => {
          socket.close();
          resolve(error.message);
        });
      });
    const cookie = sessionCookie(consoleProcess.url)!;
    expect(await refusal({ origin: "http://evil.example", cookie })).not.toBe("connected");
    expect(await refusal({})).not.toBe("connected");
    expect(await refusal({ origin: consoleProcess.url, cookie })).toBe("connected");
  });

  it("sends security headers on pages and API answers, and logs as text/plain attachments", async () => {
    for (const path of ["/sign-in", "/api/instances"]) {
      const response = await authedFetch(`${consoleProcess.url}${path}`);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
    }
    const instance = await getInstance(consoleProcess.url, running.id);
    const log = await authedFetch(`${consoleProcess.url}/api/instances/${running.id}/runs/${instance.run!.id}/log`);
    expect(log.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(log.headers.get("content-disposition")).toMatch(/^attachment/);
  });
});
