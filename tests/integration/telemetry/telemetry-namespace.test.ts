import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEMETRY_NAMESPACE, type GpuSampleEvent, type GpuSnapshot, type TelemetryClientToServer, type TelemetryServerToClient } from "../../../lib/realtime-telemetry";
import { PROJECT_ROOT, startConsole, type RunningConsole } from "../../support/console-process";
import { socketAuth } from "../../support/session";

type Client = Socket<TelemetryServerToClient, TelemetryClientToServer>;
let consoleProcess: RunningConsole;
let stateDir: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-gpus-ns-"));
  consoleProcess = await startConsole({
    env: { PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`, SGLANG_SIM_STATE_DIR: stateDir, SGLANG_SIM_GPU_COUNT: "8", GPU_SAMPLE_MS: "250" },
  });
});

afterAll(async () => {
  await consoleProcess?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const connect = (): Client => io(`${consoleProcess.url}${TELEMETRY_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], forceNew: true, ...socketAuth(consoleProcess.url) });
const next = <T>(socket: Client, event: "gpu:snapshot" | "gpu:sample") => new Promise<T>((resolve) => socket.once(event, resolve as never));

describe("/telemetry namespace", () => {
  it("sends a newcomer the latest snapshot at once, then a sample per interval with every GPU", async () => {
    const socket = connect();
    try {
      let snapshot = await next<GpuSnapshot>(socket, "gpu:snapshot");
      while (snapshot.gpus.length < 8) snapshot = await next<GpuSnapshot>(socket, "gpu:snapshot");
      expect(snapshot.status).toEqual({ state: "ok" });
      expect(snapshot.intervalMs).toBe(250);
      expect(snapshot.gpus.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const sample = await next<GpuSampleEvent>(socket, "gpu:sample");
      expect(sample.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(sample.points[0]!.point).toMatchObject({ utilizationPercent: 0, memoryUsedMiB: expect.any(Number), powerW: expect.any(Number) });

      const history = await socket.emitWithAck("gpu:history", { index: 3 });
      expect(history.ok && history.value.t.length).toBeGreaterThan(0);
      const missing = await socket.emitWithAck("gpu:history", { index: 99 });
      expect(missing).toMatchObject({ ok: false, error: { code: "bad_request" } });
      const invalid = await socket.emitWithAck("gpu:history", { index: "all" } as never);
      expect(invalid).toMatchObject({ ok: false });
      const unknown = await socket.emitWithAck("instance:watch", { instanceId: "nope" });
      expect(unknown).toMatchObject({ ok: false, error: { code: "instance_not_found" } });
    } finally {
      socket.disconnect();
    }
  });
});
