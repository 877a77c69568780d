import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { MASK } from "../../lib/secrets";
import { glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { authedFetch, signedInUser } from "../support/session";

let consoleProcess: RunningConsole;
let operator: { id: string; cookie: string; email: string };
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-models-"));
const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), "console-outside-"));

beforeAll(async () => {
  for (const dir of [path.join(modelsDir, "GLM-4.7-Flash"), path.join(outsideDir, "GLM-4.7-Flash")]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.resolve(__dirname, "../../../shared/fixtures/models/GLM-4.7-Flash/config.json"), path.join(dir, "config.json"));
  }
  fs.symlinkSync(path.join(outsideDir, "GLM-4.7-Flash"), path.join(modelsDir, "escape"));
  consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir } });
  operator = await signedInUser(consoleProcess.url, "operator", "olga");
});
afterAll(async () => {
  await consoleProcess?.stop();
});

const as = (cookie: string | null, method: string, route: string, body?: unknown) =>
  authedFetch(`${consoleProcess.url}${route}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const json = async <T>(response: Response) => (await response.json()) as T;
const instances = async () => (await json<{ instances: InstanceView[] }>(await as(null, "GET", "/api/instances"))).instances;

describe("roles, ownership and the launch policy", () => {
  it("refuses an operator's launch that breaks the policy, naming why, and spawns nothing", async () => {
    const before = (await instances()).length;
    const port = await freePort();
    const attempts = [
      { ...glmProfile(port), modelPath: path.join(modelsDir, "GLM-4.7-Flash"), extraArgs: ["--host=0.0.0.0"] },
      { ...glmProfile(port), modelPath: path.join(modelsDir, "GLM-4.7-Flash"), env: { LD_PRELOAD: "/tmp/evil.so" } },
      { ...glmProfile(port), modelPath: path.join(modelsDir, "escape") },
      { ...glmProfile(port), modelPath: path.join(outsideDir, "GLM-4.7-Flash") },
    ];
    for (const profile of attempts) {
      const response = await as(operator.cookie, "POST", "/api/instances", { profile });
      expect(response.status).toBe(403);
      expect((await json<{ error: { code: string; message: string } }>(response)).error).toMatchObject({ code: "launch_policy", message: expect.stringMatching(/Operators may not launch this/) });
    }
    expect((await instances()).length).toBe(before);
  });

  it("lets an operator launch within the policy and stop their own instance, never the administrator's", async () => {
    const mine = await as(operator.cookie, "POST", "/api/instances", { profile: { ...glmProfile(await freePort(), { gpuIds: [0] }), modelPath: path.join(modelsDir, "GLM-4.7-Flash") } });
    expect(mine.status).toBe(201);
    const own = (await json<{ instance: InstanceView }>(mine)).instance;
    expect(own).toMatchObject({ owner: operator.id, ownerName: "olga" });
    const admins = (await json<{ instance: InstanceView }>(await as(null, "POST", "/api/instances", { profile: glmProfile(await freePort(), { gpuIds: [1] }) }))).instance;
    expect(admins.ownerName).toBe("admin");
    expect((await as(operator.cookie, "POST", `/api/instances/${admins.id}/stop`)).status).toBe(403);
    expect((await as(operator.cookie, "POST", `/api/instances/${admins.id}/restart`)).status).toBe(403);
    expect((await as(null, "DELETE", `/api/instances/${admins.id}`)).status).toBe(409);
    expect((await as(operator.cookie, "POST", `/api/instances/${own.id}/stop`)).status).toBe(200);
    expect((await as(null, "POST", `/api/instances/${admins.id}/stop`)).status).toBe(200);
    expect((await as(operator.cookie, "DELETE", `/api/instances/${admins.id}`)).status).toBe(403);
    expect((await as(operator.cookie, "DELETE", `/api/instances/${own.id}`)).status).toBe(200);
    expect((await as(null, "GET", `/api/instances/${own.id}`)).status).toBe(404);
  });

  it("keeps an operator's private profiles to themselves and shares shared ones read-only", async () => {
    const viewer = await signedInUser(consoleProcess.url, "viewer");
    const privateOne = (await json<{ profile: { id: string } }>(await as(operator.cookie, "POST", "/api/profiles", { profile: glmProfile(30001, { name: "private" }) }))).profile;
    const sharedOne = (await json<{ profile: { id: string } }>(await as(operator.cookie, "POST", "/api/profiles", { profile: glmProfile(30002, { name: "shared" }), shared: true }))).profile;
    const seen = (await json<{ profiles: { id: string }[] }>(await as(viewer.cookie, "GET", "/api/profiles"))).profiles.map((profile) => profile.id);
    expect(seen).toContain(sharedOne.id);
    expect(seen).not.toContain(privateOne.id);
    expect((await as(viewer.cookie, "GET", `/api/profiles/${privateOne.id}`)).status).toBe(404);
    const other = await signedInUser(consoleProcess.url, "operator");
    expect((await as(other.cookie, "PUT", `/api/profiles/${sharedOne.id}`, { profile: glmProfile(30002, { name: "taken over" }) })).status).toBe(403);
    expect((await as(other.cookie, "DELETE", `/api/profiles/${sharedOne.id}`)).status).toBe(403);
    expect((await as(null, "DELETE", `/api/profiles/${privateOne.id}`)).status).toBe(200);
  });
});

describe("secrets and the audit trail", () => {
  it("stores secret-looking variables for relaunch but shows them masked in answers, run history and the audit trail", async () => {
    const profile = glmProfile(await freePort(), { name: "with-token", gpuIds: [2], env: { HF_TOKEN: "hf_supersecret", NCCL_P2P_DISABLE: "1" } });
    const saved = (await json<{ profile: { id: string; profile: { env: Record<string, string> } } }>(await as(null, "POST", "/api/profiles", { profile }))).profile;
    expect(saved.profile.env).toEqual({ HF_TOKEN: MASK, NCCL_P2P_DISABLE: "1" });
    // Saved back from the masked copy, the secret stays.
    await as(null, "PUT", `/api/profiles/${saved.id}`, { profile: { ...profile, env: { HF_TOKEN: MASK, NCCL_P2P_DISABLE: "0" } } });
    const launched = (await json<{ instance: InstanceView }>(await as(null, "POST", `/api/profiles/${saved.id}/launch`))).instance;
    const environ = fs.readFileSync(`/proc/${launched.run!.pid}/environ`, "utf8").split("\0");
    expect(environ).toContain("HF_TOKEN=hf_supersecret");
    const everything = JSON.stringify([
      await json(await as(null, "GET", `/api/instances/${launched.id}`)),
      await json(await as(null, "GET", `/api/instances/${launched.id}/runs`)),
      await json(await as(null, "GET", "/api/audit")),
      await json(await as(null, "GET", `/api/profiles/${saved.id}`)),
    ]);
    expect(everything).not.toContain("hf_supersecret");
    expect(everything).toContain(MASK);
    // A masked value typed into the form is refused rather than launched as the mask.
    const masked = await as(null, "POST", "/api/instances", { profile: { ...profile, env: { HF_TOKEN: MASK } } });
    expect(masked.status).toBe(400);
    expect((await json<{ error: { message: string } }>(masked)).error.message).toContain("HF_TOKEN still hold the masked value");
    // The same refusal to a reader of Chinese, in Chinese.
    const maskedZh = await authedFetch(`${consoleProcess.url}/api/instances`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "zh-CN" },
      body: JSON.stringify({ profile: { ...profile, env: { HF_TOKEN: MASK } } }),
    });
    expect((await json<{ error: { message: string } }>(maskedZh)).error.message).toContain("HF_TOKEN 仍是遮盖后的值");
    await as(null, "POST", `/api/instances/${launched.id}/stop`);
  });

  it("records sign-ins (failed ones with the address), launches with argv and stops; filters and exports CSV", async () => {
    await fetch(`${consoleProcess.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: consoleProcess.url },
      body: JSON.stringify({ email: "olga@console.test", password: "not-her-password" }),
    });
    type Events = { events: { action: string; actorName: string; actorId: string | null; ip: string | null; detail: Record<string, unknown> }[] };
    const { events } = await json<Events>(await as(null, "GET", "/api/audit"));
    const failed = events.find((event) => event.action === "sign_in_failed" && event.actorName === "olga@console.test");
    expect(failed?.ip).toMatch(/127\.0\.0\.1/);
    expect(events.some((event) => event.action === "sign_in" && event.actorId === operator.id)).toBe(true);
    const launch = events.find((event) => event.action === "instance_launch" && event.actorId === operator.id)!;
    expect(launch.detail.argv).toEqual(expect.arrayContaining(["-m", "sglang.launch_server", "--model-path"]));
    expect(events.some((event) => event.action === "instance_stop" && event.actorId === operator.id)).toBe(true);
    expect(events.some((event) => event.action === "instance_delete" && event.actorId === operator.id)).toBe(true);
    const filtered = await json<Events>(await as(null, "GET", `/api/audit?actorId=${operator.id}&action=instance_launch`));
    expect(filtered.events.length).toBeGreaterThan(0);
    expect(filtered.events.every((event) => event.actorId === operator.id && event.action === "instance_launch")).toBe(true);
    const future = await json<Events>(await as(null, "GET", `/api/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`));
    expect(future.events).toEqual([]);
    const csv = await as(null, "GET", "/api/audit?format=csv&action=sign_in_failed");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time,actor,actor_id,action,target,ip,detail");
    expect(lines.slice(1).every((line) => line.includes(",sign_in_failed,"))).toBe(true);
    expect((await as(operator.cookie, "GET", "/api/audit")).status).toBe(403);
  });

  it("cannot be edited or deleted, even in the database", () => {
    const db = new Database(path.join(consoleProcess.dataDir, "console.db"));
    try {
      expect(() => db.prepare(`UPDATE "AuditEvent" SET "action" = 'nothing'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM "AuditEvent"`).run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
