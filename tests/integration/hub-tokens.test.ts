import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import type { HubTokenView } from "../../lib/downloads";
import { api } from "../support/api";
import { startConsole, type RunningConsole } from "../support/console-process";
import { startDownload, waitForDownload } from "../support/downloads";
import { glmRepo } from "../support/hub-fixtures";
import { authedFetch } from "../support/session";

const gated = glmRepo({ id: "secret-org/Gated-Model", gated: true });
const ENV_TOKEN = "hf_wrong-token-from-the-environment";
let hub: StandInHub;
let consoleProcess: RunningConsole;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [gated], token: "hf_stored-token-that-works-9Zq1" });
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-tokens-models-"));
  consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, MODELSCOPE_ENDPOINT: hub.url, HF_ENDPOINT: hub.url, HF_TOKEN: ENV_TOKEN } });
});
afterAll(async () => {
  await consoleProcess?.stop();
  await hub?.close();
});

const tokens = async () => (await api<{ tokens: HubTokenView[] }>(consoleProcess.url, "GET", "/api/settings/hub-tokens")).body.tokens;
const put = (body: unknown) => api<{ token: HubTokenView; error?: { message: string } }>(consoleProcess.url, "PUT", "/api/settings/hub-tokens", body);
const text = async (route: string) => (await authedFetch(consoleProcess.url + route)).text();

describe("hub tokens stored by an administrator", () => {
  it("are used by downloads instead of the environment's, shown by their last 4 characters only, audited, and cleared", async () => {
    expect(await tokens()).toEqual([
      { source: "modelscope", stored: null, inEnvironment: false, using: "none" },
      { source: "huggingface", stored: null, inEnvironment: true, using: "environment" },
    ]);
    const refused = await startDownload(consoleProcess.url, { source: "huggingface", repo: gated.id });
    expect((await waitForDownload(consoleProcess.url, refused.id, (d) => d.state === "failed")).error).toMatch(/gated/i);

    const stored = await put({ source: "huggingface", token: hub.token });
    expect(stored.status).toBe(200);
    expect(stored.body.token).toMatchObject({ source: "huggingface", stored: { last4: "9Zq1" }, inEnvironment: true, using: "stored" });

    const fetched = await startDownload(consoleProcess.url, { source: "huggingface", repo: gated.id, targetDir: path.join(refused.targetDir, "again") });
    expect((await waitForDownload(consoleProcess.url, fetched.id, (d) => d.state === "done" || d.state === "failed")).state).toBe("done");
    expect(hub.storage.leakedAuthorization).toEqual([]);
    expect(consoleProcess.output()).toContain(`download ${gated.id}: sends the Hugging Face token stored by an administrator to ${new URL(hub.url).host}`);

    // The token never comes back: not from its own route, the settings, the audit trail, nor the page.
    for (const route of ["/api/settings/hub-tokens", "/api/settings", "/api/audit", "/models", `/api/downloads/${fetched.id}`]) expect(await text(route), route).not.toContain(hub.token);
    const audit = await api<{ events: { action: string; target: string; detail: unknown }[] }>(consoleProcess.url, "GET", "/api/audit");
    expect(audit.body.events.filter((e) => e.action.startsWith("hub_token_"))).toEqual([expect.objectContaining({ action: "hub_token_set", target: "huggingface", detail: { source: "huggingface" } })]);

    const cleared = await put({ source: "huggingface", token: null });
    expect(cleared.body.token).toEqual({ source: "huggingface", stored: null, inEnvironment: true, using: "environment" });
    await put({ source: "huggingface", token: null });
    const actions = (await api<{ events: { action: string }[] }>(consoleProcess.url, "GET", "/api/audit")).body.events.map((e) => e.action).filter((a) => a.startsWith("hub_token_"));
    expect(actions).toEqual(["hub_token_clear", "hub_token_set"]);
  });

  it("sends a stored ModelScope token to ModelScope's own host only", async () => {
    await put({ source: "modelscope", token: hub.token });
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: gated.id, include: ["*.json"] });
    expect((await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done" || d.state === "failed")).state).toBe("done");
    expect(hub.storage.leakedAuthorization).toEqual([]);
    expect((await tokens())[0]).toMatchObject({ source: "modelscope", using: "stored", stored: { last4: "9Zq1" } });
  });

  it("refuses a token with spaces with the schema's words", async () => {
    const refused = await put({ source: "huggingface", token: "has a space in it" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("a hub token is printable characters without spaces");
  });
});
