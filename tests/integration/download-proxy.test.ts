import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { huggingFaceSource } from "../../server/downloads/huggingface-source";
import { planLayout } from "../../server/downloads/layouts";
import { runDownload } from "../../server/downloads/run-download";
import { startForwardProxy } from "../support/forward-proxy";
import { glmRepo } from "../support/hub-fixtures";

const repo = glmRepo();
let hub: StandInHub;
let proxy: Awaited<ReturnType<typeof startForwardProxy>>;
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo] });
  proxy = await startForwardProxy();
  // Read once, when the first download request builds its agent: set before any.
  process.env.HTTP_PROXY = proxy.url;
  process.env.NO_PROXY = "localhost";
});
afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  await proxy?.close();
  await hub?.close();
});

describe("downloads behind a proxy", () => {
  it("go through HTTP_PROXY, except to the hosts NO_PROXY names", async () => {
    const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), "download-proxy-"));
    const layout = planLayout("local_dir", targetDir, repo.id);
    await runDownload({
      source: huggingFaceSource({ endpoint: hub.url, token: null, repo: repo.id, revision: "main", idleMs: 5000 }),
      layout,
      repo: repo.id,
      revision: "main",
      targetDir,
      include: [],
      signal: new AbortController().signal,
      idleMs: 5000,
      parallel: 4,
      maxAttempts: 3,
      backoffMs: () => 50,
      progress: { state: "downloading", bytesTotal: null, filesTotal: null, bytesDone: 0, filesDone: 0, inFlight: new Map() },
      report: () => {},
      log: () => {},
    });
    expect(fs.readFileSync(path.join(layout.modelPath({ commit: repo.commit, files: [] }), "model-00001-of-00002.safetensors")).equals(repo.files[2]!.content)).toBe(true);
    const hubHost = new URL(hub.url).host;
    expect(proxy.hosts.filter((host) => host === hubHost).length).toBeGreaterThan(0);
    expect(proxy.hosts.filter((host) => host.startsWith("localhost"))).toEqual([]);
    expect(hub.storage.ranges.length).toBe(2);
  });
});
