import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NO_SWITCHES } from "../../hubs/hub-repo";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { ERROR_TABLE } from "../../lib/errors";
import type { InstanceView } from "../../lib/instance-view";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";
import { startDownload, waitForDownload } from "../support/downloads";
import { glmRepo } from "../support/hub-fixtures";

const repo = glmRepo({ shardBytes: 2 * 1024 * 1024 });
let hub: StandInHub;
let consoleProcess: RunningConsole;
let modelsDir: string;
let dataDir: string;
let consoleEnv: Record<string, string>;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo] });
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "downloads-models-"));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "downloads-data-"));
  consoleEnv = { MODELS_DIR: modelsDir, MODELSCOPE_ENDPOINT: hub.url, HF_ENDPOINT: hub.url, DOWNLOAD_STALL_S: "1" };
  consoleProcess = await startConsole({ env: consoleEnv, dataDir });
});
afterAll(async () => {
  await consoleProcess?.stop();
  await hub?.close();
  try {
    execFileSync("umount", [path.join(modelsDir, "small")], { stdio: "ignore" });
  } catch {
    // not mounted
  }
});
afterEach(() => Object.assign(hub.switches, NO_SWITCHES));

const partsOf = (dir: string): number =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".part")).reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0) : 0;

describe("downloads through the console's API", () => {
  it("downloads a ModelScope repository into the layout the guide's --model-path expects, audited", async () => {
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: repo.id });
    expect(started).toMatchObject({ revision: "master", targetDir: modelsDir });
    expect(["queued", "downloading"]).toContain(started.state);
    const done = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done");
    expect(done).toMatchObject({ modelPath: path.join(modelsDir, "ZhipuAI/GLM-4.7-Flash"), filesDone: 5, filesTotal: 5, error: null });
    expect(fs.readFileSync(path.join(done.modelPath!, "model-00002-of-00002.safetensors")).equals(repo.files[3]!.content)).toBe(true);
    const audit = await api<{ events: { action: string; target: string }[] }>(consoleProcess.url, "GET", "/api/audit?action=download_start");
    expect(audit.body.events.map((e) => e.target)).toContain(repo.id);

    // The guide's --model-path (the plain name, a symlink to the masked folder) launches.
    const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", { profile: glmProfile(await freePort(), { modelPath: done.modelPath! }) });
    expect(launched.status).toBe(201);
    await waitFor(async () => ((await getInstance(consoleProcess.url, launched.body.instance.id)).phase === "ready" ? true : null), { timeoutMs: 30_000, what: "phase ready" });

    // Deleting it is refused while the instance runs, then removes the folder and its plain-name symlink.
    const refused = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "DELETE", "/api/models", { path: done.modelPath });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(ERROR_TABLE.model_in_use.message({ path: done.modelPath!, instances: launched.body.instance.name }));
    await api(consoleProcess.url, "POST", `/api/instances/${launched.body.instance.id}/stop`, {});
    await waitFor(async () => ((await getInstance(consoleProcess.url, launched.body.instance.id)).phase === "stopped" ? true : null), { timeoutMs: 30_000, what: "phase stopped" });
    expect((await api(consoleProcess.url, "DELETE", "/api/models", { path: done.modelPath })).status).toBe(200);
    expect(fs.existsSync(path.join(modelsDir, "ZhipuAI", "GLM-4___7-Flash"))).toBe(false);
    expect(fs.existsSync(done.modelPath!)).toBe(false);
  });

  it("downloads into the Hugging Face hub cache when asked, and answers the snapshot as the model path", async () => {
    const targetDir = path.join(modelsDir, "hub");
    const started = await startDownload(consoleProcess.url, { source: "huggingface", repo: repo.id, targetDir, hubCache: true, include: ["*.json"] });
    expect(started.layout).toBe("hub_cache");
    const done = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done");
    expect(done.modelPath).toBe(path.join(targetDir, "models--ZhipuAI--GLM-4.7-Flash", "snapshots", repo.commit));
    expect(fs.readdirSync(done.modelPath!).sort()).toEqual(["config.json", "tokenizer_config.json"]);
  });

  it("refuses a target outside MODELS_DIR with the error table's words", async () => {
    const { status, body } = await api<{ error: { code: string; message: string } }>(consoleProcess.url, "POST", "/api/downloads", { source: "huggingface", repo: repo.id, targetDir: "/etc" });
    expect(status).toBe(400);
    expect(body.error.message).toBe(ERROR_TABLE.download_target_refused.message({ detail: `/etc is not under MODELS_DIR (${modelsDir})` }));
  });

  it("pauses, resumes from the bytes on disk and finishes", async () => {
    Object.assign(hub.switches, { stallAfterBytes: 300_000, stallTimes: 100 });
    const targetDir = path.join(modelsDir, "hf");
    const started = await startDownload(consoleProcess.url, { source: "huggingface", repo: repo.id, targetDir, include: ["*.safetensors"] });
    await waitForDownload(consoleProcess.url, started.id, (d) => d.bytesDone >= 300_000);
    const paused = (await api<{ download: { state: string } }>(consoleProcess.url, "POST", `/api/downloads/${started.id}/pause`, {})).body.download;
    expect(paused.state).toBe("paused");
    Object.assign(hub.switches, NO_SWITCHES);
    hub.storage.ranges.length = 0;
    await api(consoleProcess.url, "POST", `/api/downloads/${started.id}/resume`, {});
    const done = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done");
    expect(hub.storage.ranges.some((range) => /^bytes=\d+-$/.test(range) && range !== "bytes=0-")).toBe(true);
    expect(fs.readFileSync(path.join(done.modelPath!, "model-00001-of-00002.safetensors")).equals(repo.files[2]!.content)).toBe(true);
  });

  it("resumes after kill -9 of the console from the bytes on disk, and verifies", async () => {
    Object.assign(hub.switches, { stallAfterBytes: 500_000, stallTimes: 1000 });
    const targetDir = path.join(modelsDir, "killed");
    const started = await startDownload(consoleProcess.url, { source: "huggingface", repo: repo.id, targetDir });
    const deadline = Date.now() + 20_000;
    while (partsOf(targetDir) < 1_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(partsOf(targetDir)).toBeGreaterThanOrEqual(1_000_000);
    consoleProcess.process.kill("SIGKILL");
    await new Promise((resolve) => consoleProcess.process.once("exit", resolve));
    Object.assign(hub.switches, NO_SWITCHES);
    hub.storage.ranges.length = 0;
    consoleProcess = await startConsole({ env: consoleEnv, dataDir });
    expect(consoleProcess.output(), consoleProcess.output()).toMatch(/downloads: resuming 1 from the bytes on disk/);
    const done = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done");
    expect(hub.storage.ranges).toHaveLength(2);
    for (const range of hub.storage.ranges) expect(range).toMatch(/^bytes=[1-9]\d*-$/);
    for (const file of repo.files) expect(fs.readFileSync(path.join(done.modelPath!, file.path)).equals(file.content), file.path).toBe(true);
  });

  it("pauses on a full disk, says so, deletes nothing, and finishes once there is room", async () => {
    const small = path.join(modelsDir, "small");
    fs.mkdirSync(small);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", small]);
    Object.assign(hub.switches, { stallAfterBytes: 200_000, stallTimes: 2 });
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: repo.id, targetDir: small, include: ["*.safetensors"] });
    await waitForDownload(consoleProcess.url, started.id, (d) => d.bytesDone >= 400_000);
    fs.writeFileSync(path.join(small, "filler"), Buffer.alloc(fs.statfsSync(small).bavail * fs.statfsSync(small).bsize - 4096));
    const paused = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "paused");
    expect(paused.error).toBe(`the disk holding ${small} is full: free some space, then resume (nothing was deleted)`);
    expect(partsOf(small)).toBeGreaterThanOrEqual(400_000);

    // With the disk full, the preview says it will not fit, and a new download is refused with the numbers.
    const preview = await api<{ preview: { fits: boolean; files: unknown[]; totalBytes: number } }>(consoleProcess.url, "POST", "/api/downloads/preview", { source: "huggingface", repo: repo.id, targetDir: small });
    expect(preview.body.preview).toMatchObject({ fits: false, files: expect.any(Array) as unknown, totalBytes: repo.files.reduce((sum, f) => sum + f.content.length, 0) });
    const refused = await startDownload(consoleProcess.url, { source: "huggingface", repo: repo.id, targetDir: path.join(small, "more") });
    const failed = await waitForDownload(consoleProcess.url, refused.id, (d) => d.state === "failed");
    expect(failed.error).toMatch(new RegExp(`^[\\d.]+ MB more are needed but ${path.join(small, "more")} has [\\d.]+ k?B free: free some space or pick another folder$`));
    fs.rmSync(path.join(small, "filler"));
    await api(consoleProcess.url, "POST", `/api/downloads/${started.id}/resume`, {});
    await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done");
  });

  it("cancels with delete and removes what was fetched", async () => {
    Object.assign(hub.switches, { stallAfterBytes: 100_000, stallTimes: 100 });
    const targetDir = path.join(modelsDir, "cancelled");
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: repo.id, targetDir });
    await waitForDownload(consoleProcess.url, started.id, (d) => d.bytesDone >= 100_000);
    const { body } = await api<{ download: { state: string } }>(consoleProcess.url, "POST", `/api/downloads/${started.id}/cancel`, { deleteFiles: true });
    expect(body.download.state).toBe("cancelled");
    expect(fs.existsSync(path.join(targetDir, "ZhipuAI", "GLM-4___7-Flash"))).toBe(false);
    expect(partsOf(targetDir)).toBe(0);
  });
});
