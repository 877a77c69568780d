import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import { startConsole, type RunningConsole } from "../support/console-process";
import { startDownload, waitForDownload } from "../support/downloads";
import { glmRepo } from "../support/hub-fixtures";

// MODELSCOPE_DOMAIN is a host, and older modelscope clients put https:// in front of it: the stand-in is reached
// here through a TLS front with a certificate made for the test, which the console trusts through NODE_EXTRA_CA_CERTS.

const repo = glmRepo();
let hub: StandInHub;
let front: https.Server;
let consoleProcess: RunningConsole;
let modelsDir: string;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo] });
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), "modelscope-domain-"));
  const [key, cert] = [path.join(certDir, "key.pem"), path.join(certDir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], { stdio: "ignore" });
  const hubPort = Number(new URL(hub.url).port);
  front = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const upstream = http.request({ host: "127.0.0.1", port: hubPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "modelscope-domain-models-"));
  const domain = `localhost:${(front.address() as AddressInfo).port}`;
  consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, MODELSCOPE_DOMAIN: domain, NODE_EXTRA_CA_CERTS: cert } });
});
afterAll(async () => {
  await consoleProcess?.stop();
  front?.closeAllConnections();
  front?.close();
  await hub?.close();
});

describe("MODELSCOPE_DOMAIN", () => {
  it("is the host ModelScope downloads go to, over https as older clients build it", async () => {
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: repo.id });
    const done = await waitForDownload(consoleProcess.url, started.id, (d) => d.state === "done" || d.state === "failed");
    expect(done).toMatchObject({ state: "done", error: null, modelPath: path.join(modelsDir, "ZhipuAI/GLM-4.7-Flash") });
    expect(hub.requests).toContain(`GET /api/v1/models/${repo.id}/repo/files?Revision=master&Recursive=True`);
    for (const file of repo.files) expect(fs.readFileSync(path.join(done.modelPath!, file.path)).equals(file.content), file.path).toBe(true);
  });
});
