import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import type { InstanceView } from "../../lib/instance-view";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { sessionCookie, signedInUser } from "../support/session";

// Every API route and socket event against every role and against no session. Routes and events are found in
// the source, so one added without a row here fails this test.

type Who = "admin" | "operator" | "viewer";
const ALL: Who[] = ["admin", "operator", "viewer"];
const OPS: Who[] = ["admin", "operator"];
const ADMIN: Who[] = ["admin"];
/** "public": answered without a session (first-run setup, sign-up). */
type Allowed = Who[] | "public";

const ROUTES: Record<string, Allowed> = {
  "GET /api/audit": ADMIN,
  "POST /api/diagnose": ALL,
  "GET /api/downloads": ALL,
  "POST /api/downloads": OPS,
  "POST /api/downloads/preview": OPS,
  "GET /api/downloads/[id]": ALL,
  "POST /api/downloads/[id]/pause": OPS,
  "POST /api/downloads/[id]/resume": OPS,
  "POST /api/downloads/[id]/cancel": OPS,
  "POST /api/instances/[id]/chat": ALL,
  "POST /api/instances/[id]/restart": ADMIN,
  "GET /api/instances/[id]": ALL,
  "DELETE /api/instances/[id]": ADMIN,
  "GET /api/instances/[id]/parser-check": ALL,
  "GET /api/instances/[id]/runs/[runId]/log": ALL,
  "GET /api/instances/[id]/runs/[runId]/search": ALL,
  "GET /api/instances/[id]/runs": ALL,
  "POST /api/instances/[id]/stop": ADMIN,
  "GET /api/instances": ALL,
  "POST /api/instances": OPS,
  "GET /api/demo-links": OPS,
  "POST /api/demo-links": OPS,
  "DELETE /api/demo-links/[id]": OPS,
  "GET /api/keys": ALL,
  "POST /api/keys": ALL,
  "DELETE /api/keys/[id]": ALL,
  "GET /api/usage": ALL,
  "GET /api/launch/context": OPS,
  "GET /api/me": ALL,
  "DELETE /api/models": OPS,
  "POST /api/models/inspect": OPS,
  "GET /api/playground-sessions/[id]/export": ALL,
  "GET /api/playground-sessions/[id]": ALL,
  "PATCH /api/playground-sessions/[id]": ALL,
  "DELETE /api/playground-sessions/[id]": ALL,
  "GET /api/playground-sessions": ALL,
  "POST /api/playground-sessions": ALL,
  "POST /api/profiles/[id]/duplicate": OPS,
  "POST /api/profiles/[id]/launch": OPS,
  "GET /api/profiles/[id]": ALL,
  "PUT /api/profiles/[id]": OPS,
  "DELETE /api/profiles/[id]": OPS,
  "GET /api/profiles/export": ALL,
  "POST /api/profiles/import": OPS,
  "GET /api/profiles": ALL,
  "POST /api/profiles": OPS,
  "GET /api/runtime": ALL,
  "GET /api/settings": ADMIN,
  "PATCH /api/settings": ADMIN,
  "GET /api/settings/hub-tokens": ADMIN,
  "PUT /api/settings/hub-tokens": ADMIN,
  "GET /api/setup": "public",
  "POST /api/setup": "public",
  "POST /api/sign-up": "public",
  "POST /api/locale": "public",
  "POST /api/users/[id]/password": ADMIN,
  "PATCH /api/users/[id]": ADMIN,
  "GET /api/users": ADMIN,
  "POST /api/users": ADMIN,
  // The custom server's own routes (server/http/playground-routes.ts, server/gateway/demo-route.ts).
  "POST /api/demo/[token]/chat": "public",
  "POST /api/instances/[id]/playground/chat": ALL,
  "POST /api/instances/[id]/playground/completions": ALL,
};

const SOCKET_EVENTS: Record<string, Who[]> = {
  "instances instance:watch": ALL,
  "instances instance:unwatch": ALL,
  "instances log:ack": ALL,
  "telemetry gpu:history": ALL,
  "telemetry instance:watch": ALL,
  "telemetry instance:unwatch": ALL,
};

function routesInSource(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(path.join(PROJECT_ROOT, "app"), path.dirname(full)).split(path.sep).join("/");
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(path.join(PROJECT_ROOT, "app/api"));
  const nodeRoutes = fs.readFileSync(path.join(PROJECT_ROOT, "server/http/playground-routes.ts"), "utf8");
  for (const [, kind] of nodeRoutes.matchAll(/"(chat|completions)"/g)) found.push(`POST /api/instances/[id]/playground/${kind}`);
  if (fs.readFileSync(path.join(PROJECT_ROOT, "server/gateway/demo-route.ts"), "utf8").includes("/api\\/demo\\/")) found.push("POST /api/demo/[token]/chat");
  return [...new Set(found)].sort();
}

function socketEventsInSource(): string[] {
  const found: string[] = [];
  // Every namespace file, so a client event added to one (the downloads namespace has none today) needs a row here.
  for (const file of fs.readdirSync(path.join(PROJECT_ROOT, "server/realtime")).filter((name) => name.endsWith("-namespace.ts"))) {
    const namespace = file.replace(/-namespace\.ts$/, "");
    const source = fs.readFileSync(path.join(PROJECT_ROOT, "server/realtime", file), "utf8");
    for (const [, event] of source.matchAll(/socket\.on\(\s*"([a-z]+:[a-z]+)"/g)) found.push(`${namespace} ${event}`);
  }
  return [...new Set(found)].sort();
}

let consoleProcess: RunningConsole;
const cookies: Partial<Record<Who, string>> = {};
let instance: InstanceView;

beforeAll(async () => {
  consoleProcess = await startConsole();
  cookies.admin = sessionCookie(consoleProcess.url)!;
  cookies.operator = (await signedInUser(consoleProcess.url, "operator")).cookie;
  cookies.viewer = (await signedInUser(consoleProcess.url, "viewer")).cookie;
  instance = (await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort()) })).body.instance;
});
afterAll(async () => {
  await consoleProcess?.stop();
});

async function call(route: string, cookie: string | null): Promise<number> {
  const [method, template] = route.split(" ") as [string, string];
  const url = consoleProcess.url + template.replace("[id]", template.includes("/instances/") ? instance.id : "no-such-id").replace("[runId]", instance.run!.id).replace("[token]", "no-such-demo-token");
  const headers: Record<string, string> = { origin: consoleProcess.url };
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (method !== "GET") {
    headers["content-type"] = route === "POST /api/diagnose" ? "text/plain" : "application/json";
    body = route === "POST /api/diagnose" ? "[2026-12-03 10:00:00] INFO server_args=ServerArgs()" : "{}";
  }
  const response = await fetch(url, { method, headers, body });
  await response.arrayBuffer();
  return response.status;
}

describe("who may call what", () => {
  it("has a row for every route and socket event in the source", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routesInSource());
    expect(Object.keys(SOCKET_EVENTS).sort()).toEqual(socketEventsInSource());
  });

  // Stop and restart really act for those allowed, so the refused roles go first.
  for (const who of ["viewer", "operator", "admin", null] as const) {
    it(`answers ${who ?? "no session"} as the table says on every route`, async () => {
      const wrong: string[] = [];
      for (const [route, allowed] of Object.entries(ROUTES)) {
        const status = await call(route, who ? cookies[who]! : null);
        const expected = allowed === "public" ? "answered" : who === null ? 401 : allowed.includes(who) ? "answered" : 403;
        const ok = expected === "answered" ? status !== 401 && (allowed === "public" || status !== 403) : status === expected;
        if (!ok) wrong.push(`${route}: ${status}, expected ${expected}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("answers every socket event for each role as the table says, and no handshake without a session", async () => {
    for (const who of ["admin", "operator", "viewer"] as const) {
      for (const [key, allowed] of Object.entries(SOCKET_EVENTS)) {
        const [namespace, event] = key.split(" ") as [string, string];
        const socket = io(`${consoleProcess.url}/${namespace}`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: cookies[who]! }, forceNew: true, reconnection: false });
        const payload = event === "gpu:history" ? { index: 0 } : event === "log:ack" ? { instanceId: instance.id, runId: instance.run!.id, seq: 0 } : { instanceId: instance.id };
        const answer = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.emit(event, payload, resolve));
        socket.close();
        if (allowed.includes(who)) expect(answer.error?.code, `${who} ${key}`).not.toBe("forbidden");
        else expect(answer.error?.code, `${who} ${key}`).toBe("forbidden");
      }
    }
    for (const namespace of ["instances", "telemetry", "downloads"]) {
      const socket = io(`${consoleProcess.url}/${namespace}`, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false });
      const outcome = await new Promise<string>((resolve) => {
        socket.on("connect", () => resolve("connected"));
        socket.on("connect_error", (error) => resolve(error.message));
      });
      socket.close();
      expect(outcome, namespace).not.toBe("connected");
    }
  });
});
