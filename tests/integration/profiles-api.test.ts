import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import { PROFILE_EXPORT_KIND, type LaunchProfile, type SavedProfile } from "../../lib/launch";
import { api, glmProfile } from "../support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";
import { authedFetch } from "../support/session";

type ErrorBody = { error: { code: string; message: string; details?: { issues?: { field: string; code: string; message: string }[] } } };

let consoleProcess: RunningConsole;
let emptyFolder: string;

beforeAll(async () => {
  emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), "no-config-"));
  // A box of 4 GPUs, by a fake nvidia-smi first on PATH.
  consoleProcess = await startConsole({ env: { PATH: `${path.join(PROJECT_ROOT, "tests/fixtures/bin")}:${process.env.PATH}` } });
});

afterAll(async () => {
  await consoleProcess?.stop();
  fs.rmSync(emptyFolder, { recursive: true, force: true });
});

const url = () => consoleProcess.url;
const instanceCount = async () => (await api<{ instances: InstanceView[] }>(url(), "GET", "/api/instances")).body.instances.length;

describe("launch profile routes", () => {
  it("create, read, rename, duplicate, export and delete a profile", async () => {
    const created = await api<{ profile: SavedProfile }>(url(), "POST", "/api/profiles", { profile: glmProfile(31000, { name: "four" }) });
    expect(created.status).toBe(201);
    const id = created.body.profile.id;
    expect(created.body.profile.profile.name).toBe("four");

    const list = await api<{ profiles: SavedProfile[] }>(url(), "GET", "/api/profiles");
    expect(list.body.profiles.map((p) => p.id)).toContain(id);

    const renamed = await api<{ profile: SavedProfile }>(url(), "PUT", `/api/profiles/${id}`, { profile: glmProfile(31000, { name: "four GPUs" }) });
    expect(renamed.status).toBe(200);
    expect((await api<{ profile: SavedProfile }>(url(), "GET", `/api/profiles/${id}`)).body.profile.profile.name).toBe("four GPUs");

    const copy = await api<{ profile: SavedProfile }>(url(), "POST", `/api/profiles/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.profile.profile.name).toBe("four GPUs (copy)");
    expect(copy.body.profile.id).not.toBe(id);

    const exported = await authedFetch(`${url()}/api/profiles/export?id=${id}`);
    expect(exported.headers.get("content-disposition")).toContain('filename="four-GPUs.json"');
    expect(await exported.json()).toEqual({ kind: PROFILE_EXPORT_KIND, version: 1, profiles: [glmProfile(31000, { name: "four GPUs" })] });

    expect((await api(url(), "DELETE", `/api/profiles/${id}`)).status).toBe(200);
    const gone = await api<ErrorBody>(url(), "GET", `/api/profiles/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("profile_not_found");
    await api(url(), "DELETE", `/api/profiles/${copy.body.profile.id}`);
  });

  it("refuses to save a profile the schema rejects, naming the field", async () => {
    const response = await api<ErrorBody>(url(), "POST", "/api/profiles", { profile: glmProfile(31000, { gpuIds: [1, 1] }) });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: "bad_request" });
    expect(response.body.error.message).toContain("profile.gpuIds: gpuIds must not repeat a GPU");
  });

  it("imports an export file all at once, and answers a file that is not JSON with a clear 400", async () => {
    const file = JSON.stringify({ kind: PROFILE_EXPORT_KIND, version: 1, profiles: [glmProfile(31001, { name: "imported a" }), glmProfile(31002, { name: "imported b" })] });
    const imported = await api<{ profiles: SavedProfile[] }>(url(), "POST", "/api/profiles/import", { text: file });
    expect(imported.status).toBe(201);
    expect(imported.body.profiles.map((p) => p.profile.name)).toEqual(["imported a", "imported b"]);

    const notJson = await api<ErrorBody>(url(), "POST", "/api/profiles/import", { text: "{ this is not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("bad_request");
    expect(notJson.body.error.message).toMatch(/^The request is not valid: the file is not JSON \(/);

    const before = (await api<{ profiles: SavedProfile[] }>(url(), "GET", "/api/profiles")).body.profiles.length;
    const badProfile = JSON.stringify([glmProfile(31003), { ...glmProfile(31004), modelPath: "" }]);
    const refused = await api<ErrorBody>(url(), "POST", "/api/profiles/import", { text: badProfile });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("profiles[1].modelPath: modelPath must not be empty");
    expect((await api<{ profiles: SavedProfile[] }>(url(), "GET", "/api/profiles")).body.profiles.length).toBe(before);
  });

  it("launches a saved profile in one call and refuses, starting nothing, one that fails validation", async () => {
    const bad = await api<{ profile: SavedProfile }>(url(), "POST", "/api/profiles", {
      profile: glmProfile(await freePort(), { name: "too much memory", flags: { "--mem-fraction-static": 1.5 } }),
    });
    const before = await instanceCount();
    const refused = await api<ErrorBody>(url(), "POST", `/api/profiles/${bad.body.profile.id}/launch`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("validation_failed");
    expect(refused.body.error.message).toContain("--mem-fraction-static 1.5 is out of range");
    expect(await instanceCount()).toBe(before);

    const good = await api<{ profile: SavedProfile }>(url(), "POST", "/api/profiles", { profile: glmProfile(await freePort(), { name: "good" }) });
    const launched = await api<{ instance: InstanceView }>(url(), "POST", `/api/profiles/${good.body.profile.id}/launch`);
    expect(launched.status).toBe(201);
    expect(launched.body.instance.name).toBe("good");
    await api(url(), "POST", `/api/instances/${launched.body.instance.id}/stop`);
  });
});

describe("server-side launch validation against the box", () => {
  async function refusal(profile: LaunchProfile): Promise<ErrorBody["error"]> {
    const before = await instanceCount();
    const response = await api<ErrorBody>(url(), "POST", "/api/instances", { profile });
    expect(response.status).toBe(422);
    expect(await instanceCount()).toBe(before);
    return response.body.error;
  }

  it("refuses GPUs the box does not have and more parallelism than its GPUs", async () => {
    const missing = await refusal(glmProfile(await freePort(), { gpuIds: [5] }));
    expect(missing.message).toContain("GPU 5 does not exist: this machine has 4 GPUs (0 to 3)");
    const tooWide = await refusal(glmProfile(await freePort(), { gpuIds: null, flags: { "--tp-size": 8 } }));
    expect(tooWide.details?.issues?.map((i) => i.code)).toContain("not_enough_gpus");
  });

  it("refuses a local model path that does not exist or holds no config.json", async () => {
    const missing = await refusal(glmProfile(await freePort(), { modelPath: "/nonexistent/GLM-4.7-Flash" }));
    expect(missing.message).toContain("/nonexistent/GLM-4.7-Flash does not exist on this machine");
    const noConfig = await refusal(glmProfile(await freePort(), { modelPath: emptyFolder }));
    expect(noConfig.message).toContain(`${emptyFolder} has no config.json`);
  });

  it("refuses a GPU another running instance holds, naming that instance", async () => {
    const first = await api<{ instance: InstanceView }>(url(), "POST", "/api/instances", { profile: glmProfile(await freePort(), { name: "holder", gpuIds: [2] }) });
    expect(first.status).toBe(201);
    await waitFor(async () => {
      const view = (await api<{ instance: InstanceView }>(url(), "GET", `/api/instances/${first.body.instance.id}`)).body.instance;
      return view.phase === "ready" ? view : null;
    }, { timeoutMs: 30_000, what: "the holder ready" });
    const busy = await refusal(glmProfile(await freePort(), { name: "second", gpuIds: [2] }));
    expect(busy.message).toContain("GPU 2 is in use by instance holder (owner admin)");
    await api(url(), "POST", `/api/instances/${first.body.instance.id}/stop`);
  });
});
