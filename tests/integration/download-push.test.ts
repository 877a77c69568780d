import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandInHub, type StandInHub } from "../../hubs/stand-in-hub";
import type { DownloadView } from "../../lib/downloads";
import { DOWNLOADS_NAMESPACE, type DownloadsClientToServer, type DownloadsServerToClient } from "../../lib/realtime-downloads";
import { startConsole, type RunningConsole } from "../support/console-process";
import { startDownload } from "../support/downloads";
import { glmRepo } from "../support/hub-fixtures";
import { signedInUser } from "../support/session";

const repo = glmRepo({ shardBytes: 3 * 1024 * 1024 });
let hub: StandInHub;
let consoleProcess: RunningConsole;

beforeAll(async () => {
  hub = await startStandInHub({ repos: [repo] });
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "download-push-"));
  consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, MODELSCOPE_ENDPOINT: hub.url, HF_ENDPOINT: hub.url } });
});
afterAll(async () => {
  await consoleProcess?.stop();
  await hub?.close();
});

function connect(cookie: string): Socket<DownloadsServerToClient, DownloadsClientToServer> {
  return io(`${consoleProcess.url}${DOWNLOADS_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false });
}

describe("download progress pushed over /downloads", () => {
  it("reaches every member who watches, at most 4 times a second per download, ending with the settled state", async () => {
    // About 3 s: each 3 MiB shard at 1 MB/s.
    hub.switches.bytesPerSecond = 1_000_000;
    const viewer = await signedInUser(consoleProcess.url, "viewer");
    const socket = connect(viewer.cookie);
    const snapshot = await new Promise<DownloadView[]>((resolve) => socket.once("download:snapshot", resolve));
    expect(snapshot).toEqual([]);
    const pushes: { at: number; download: DownloadView }[] = [];
    const settled = new Promise<void>((resolve) =>
      socket.on("download:progress", (download) => {
        pushes.push({ at: Date.now(), download });
        if (download.state === "done" || download.state === "failed") resolve();
      }),
    );
    const started = await startDownload(consoleProcess.url, { source: "modelscope", repo: repo.id });
    await settled;
    socket.close();
    hub.switches.bytesPerSecond = null;

    const mine = pushes.filter((p) => p.download.id === started.id);
    expect(mine.at(-1)!.download).toMatchObject({ state: "done", filesDone: 5, filesTotal: 5 });
    // Progress really moved through pushes: many distinct byte counts on the way.
    expect(new Set(mine.map((p) => p.download.bytesDone)).size).toBeGreaterThanOrEqual(6);
    // No five pushes within a second (50 ms allowed for delivery jitter).
    for (let i = 4; i < mine.length; i++) expect(mine[i]!.at - mine[i - 4]!.at, `pushes ${i - 4}..${i}`).toBeGreaterThanOrEqual(950);

    // A newcomer (a reload) gets the settled state at once.
    const again = connect(viewer.cookie);
    const later = await new Promise<DownloadView[]>((resolve) => again.once("download:snapshot", resolve));
    again.close();
    expect(later.find((d) => d.id === started.id)).toMatchObject({ state: "done", bytesDone: mine.at(-1)!.download.bytesTotal });
  });

  it("refuses a handshake without a session", async () => {
    const socket = io(`${consoleProcess.url}${DOWNLOADS_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false });
    const outcome = await new Promise<string>((resolve) => {
      socket.on("connect", () => resolve("connected"));
      socket.on("connect_error", (error) => resolve(error.message));
    });
    socket.close();
    expect(outcome).not.toBe("connected");
  });
});
