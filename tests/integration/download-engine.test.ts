import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NO_SWITCHES } from "../../hubs/hub-repo";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { huggingFaceSource } from "../../server/downloads/huggingface-source";
import { planLayout } from "../../server/downloads/layouts";
import { modelScopeSource } from "../../server/downloads/modelscope-source";
import { runDownload, type DownloadProgress } from "../../server/downloads/run-download";
import { layoutFor, type DownloadSource } from "../../lib/downloads";
import { glmRepo } from "../support/hub-fixtures";

const repo = glmRepo();
const gated = glmRepo({ id: "secret-org/Gated-Model", gated: true });
let hub: StandInHub;
beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo, gated] });
});
afterAll(async () => {
  await hub?.close();
});
afterEach(() => {
  Object.assign(hub.switches, NO_SWITCHES);
  hub.storage.leakedAuthorization.length = 0;
  hub.storage.ranges.length = 0;
});

async function download(source: DownloadSource, options: { repoId?: string; token?: string | null; idleMs?: number; include?: string[]; hubCache?: boolean } = {}) {
  const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), "download-engine-"));
  const repoId = options.repoId ?? repo.id;
  const revision = source === "modelscope" ? "master" : "main";
  const sourceOptions = { endpoint: hub.url, token: options.token ?? null, repo: repoId, revision, idleMs: options.idleMs ?? 5000 };
  const planned = planLayout(layoutFor({ source, hubCache: options.hubCache }), targetDir, repoId);
  const layout = { ...planned, modelPath: planned.modelPath({ commit: repo.commit, files: [] }) };
  const progress: DownloadProgress = { state: "downloading", bytesTotal: null, filesTotal: null, bytesDone: 0, filesDone: 0, inFlight: new Map() };
  const log: string[] = [];
  const run = runDownload({
    source: source === "modelscope" ? modelScopeSource(sourceOptions) : huggingFaceSource(sourceOptions),
    layout: planned,
    repo: repoId,
    revision,
    targetDir,
    include: options.include ?? [],
    signal: new AbortController().signal,
    idleMs: options.idleMs ?? 5000,
    parallel: 4,
    maxAttempts: 5,
    backoffMs: () => 50,
    progress,
    report: () => {},
    log: (message) => log.push(message),
  });
  return { run, layout, progress, log, targetDir };
}

function expectFilesLike(modelPath: string) {
  for (const file of repo.files) expect(fs.readFileSync(path.join(modelPath, file.path)).equals(file.content), file.path).toBe(true);
}

describe("the download engine against the stand-in hubs", () => {
  for (const source of ["modelscope", "huggingface"] as const) {
    it(`downloads every file of a ${source} repository, verified, into the model folder`, async () => {
      const { run, layout, progress } = await download(source);
      await run;
      expectFilesLike(layout.modelPath);
      expect(progress).toMatchObject({ filesDone: repo.files.length, filesTotal: repo.files.length, bytesDone: progress.bytesTotal });
    });
  }

  it("lays a ModelScope download out as modelscope 1.37 does: masked folder, plain-name symlink, pickled metadata", async () => {
    const { run, targetDir } = await download("modelscope");
    await run;
    const masked = path.join(targetDir, "ZhipuAI", "GLM-4___7-Flash");
    expect(fs.readlinkSync(path.join(targetDir, "ZhipuAI", "GLM-4.7-Flash"))).toBe(masked);
    expect(fs.existsSync(path.join(targetDir, "._____temp", "ZhipuAI", "GLM-4.7-Flash"))).toBe(false);
    const read = (file: string) => execFileSync("python3", ["-c", "import pickle,sys,json; print(json.dumps(pickle.load(open(sys.argv[1],'rb'))))", path.join(masked, file)], { encoding: "utf8" });
    expect(JSON.parse(read(".mdl"))).toEqual({ id: "ZhipuAI/GLM-4___7-Flash" });
    expect(JSON.parse(read(".msc"))).toEqual(repo.files.map((file) => ({ Path: file.path, Revision: repo.commit })));
    expect(fs.readFileSync(path.join(masked, ".mv"), "utf8")).toBe("Revision:master,CreatedAt:1764748800");
  });

  it("lays a Hugging Face download out as the hub cache when asked: blobs by digest, snapshot links, refs", async () => {
    const { run, targetDir } = await download("huggingface", { hubCache: true });
    await run;
    const storage = path.join(targetDir, "models--ZhipuAI--GLM-4.7-Flash");
    const snapshot = path.join(storage, "snapshots", repo.commit);
    expect(layoutFor({ source: "huggingface", hubCache: true })).toBe("hub_cache");
    expect(fs.readFileSync(path.join(storage, "refs", "main"), "utf8")).toBe(repo.commit);
    expect(fs.readlinkSync(path.join(snapshot, "extra", "notes.md"))).toMatch(/^\.\.\/\.\.\/\.\.\/blobs\/[0-9a-f]{40}$/);
    expect(fs.readlinkSync(path.join(snapshot, "model-00001-of-00002.safetensors"))).toMatch(/^\.\.\/\.\.\/blobs\/[0-9a-f]{64}$/);
    for (const file of repo.files) expect(fs.readFileSync(path.join(snapshot, file.path)).equals(file.content), file.path).toBe(true);
  });

  it("resumes a dropped connection with a Range request from the bytes on disk", async () => {
    Object.assign(hub.switches, { dropAfterBytes: 100_000, dropTimes: 1 });
    const { run, layout } = await download("huggingface", { include: ["*.safetensors"] });
    await run;
    expect(hub.storage.ranges).toContain("bytes=100000-");
    expect(fs.readFileSync(path.join(layout.modelPath, "model-00001-of-00002.safetensors")).equals(repo.files[2]!.content)).toBe(true);
  });

  it("starts a file over when the server ignores Range", async () => {
    Object.assign(hub.switches, { dropAfterBytes: 100_000, dropTimes: 2, ignoreRange: true });
    const { run, layout } = await download("modelscope");
    await run;
    expectFilesLike(layout.modelPath);
  });

  it("gives up on a stalled connection after the idle time and retries", async () => {
    Object.assign(hub.switches, { stallAfterBytes: 50_000, stallTimes: 1 });
    const { run, layout, log } = await download("modelscope", { idleMs: 300 });
    await run;
    expectFilesLike(layout.modelPath);
    expect(log.join("\n")).toMatch(/sent nothing for/);
  });

  it("re-fetches a file whose digest does not match and never moves it into place first", async () => {
    Object.assign(hub.switches, { flipTimes: 1 });
    const { run, layout, log } = await download("huggingface", { include: ["model-00001-of-00002.safetensors"] });
    await run;
    expect(log.join("\n")).toMatch(/the sha256 is .* fetching it again/);
    expect(fs.readFileSync(path.join(layout.modelPath, "model-00001-of-00002.safetensors")).equals(repo.files[2]!.content)).toBe(true);
  });

  it("waits as Retry-After says on 429 and retries 5xx", async () => {
    Object.assign(hub.switches, { tooManyTimes: 1, retryAfterS: 1, serverErrorTimes: 2 });
    const started = Date.now();
    const { run, layout, log } = await download("modelscope", { include: ["*.safetensors"] });
    await run;
    expect(fs.readFileSync(path.join(layout.modelPath, "model-00002-of-00002.safetensors")).equals(repo.files[3]!.content)).toBe(true);
    expect(log.join("\n")).toMatch(/retrying in 1000 ms/);
    expect(log.join("\n")).toMatch(/failed \(503\)/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("asks the hub for a fresh signed URL on every retry (single-use URLs)", async () => {
    Object.assign(hub.switches, { singleUseUrls: true, dropAfterBytes: 100_000, dropTimes: 2 });
    const { run, layout } = await download("huggingface");
    await run;
    expectFilesLike(layout.modelPath);
  });

  it("fails a gated repository without a token, naming the host and what to do", async () => {
    const { run } = await download("huggingface", { repoId: gated.id });
    await expect(run).rejects.toThrow(`secret-org/Gated-Model is gated on ${new URL(hub.url).host}: accept its terms`);
  });

  it("downloads a gated repository with the token and never sends it to the storage host", async () => {
    for (const source of ["huggingface", "modelscope"] as const) {
      const { run } = await download(source, { repoId: gated.id, token: hub.token });
      await run;
    }
    expect(hub.storage.ranges.length).toBeGreaterThan(0);
    expect(hub.storage.leakedAuthorization).toEqual([]);
  });

  it("names the host and the revision when the repository is unknown", async () => {
    const { run } = await download("modelscope", { repoId: "nobody/nothing" });
    await expect(run).rejects.toThrow(`${new URL(hub.url).host} has no repository nobody/nothing at revision master`);
  });
});
