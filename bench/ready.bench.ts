/**
 * Bench for noticing ready: how long after the simulator answers `/health` 200 the console's `instance:state`
 * event with phase `ready` reaches a socket.io client, and how long after the server turned ready (its warm-up
 * done, the moment `/health` can first succeed). The simulator writes both moments to SGLANG_SIM_HEALTH_LOG; the
 * event's time is taken by this process on arrival (same clock). BENCH_RUNS launches (default 10), one at a time,
 * at SGLANG_SIM_SPEED (default 20: a start takes about 2 s, a generating health check 50 ms);
 * SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION=false (passed on to the servers) gives older releases' instant `/health`.
 * Target: ready shown within 250 ms of SGLang answering. Needs `npm run build` first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { InstanceView } from "../lib/instance-view";
import { INSTANCES_NAMESPACE, type InstancesClientToServer, type InstancesServerToClient } from "../lib/realtime";
import { api, glmProfile } from "../tests/support/api";
import { freePort, startConsole } from "../tests/support/console-process";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const SPEED = process.env.SGLANG_SIM_SPEED ?? "20";

type InstancesSocket = Socket<InstancesServerToClient, InstancesClientToServer>;

function healthLog(file: string): { ready: number; firstAnswer: number } {
  const lines = fs.readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(" "));
  const at = (event: string) => Number(lines.find((parts) => parts.slice(1).join(" ") === event)?.[0] ?? NaN);
  return { ready: at("ready"), firstAnswer: at("/health 200") };
}

/** Launches one instance and resolves with when its ready state reached the client (ms since the epoch). */
async function launchOnce(url: string, socket: InstancesSocket, logFile: string): Promise<number> {
  const response = await api<{ instance: InstanceView }>(url, "POST", "/api/instances", { profile: glmProfile(await freePort(), { env: { SGLANG_SIM_HEALTH_LOG: logFile } }) });
  if (response.status !== 201) throw new Error(`launch refused: ${JSON.stringify(response.body)}`);
  const id = response.body.instance.id;
  const shownAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("not ready within 60 s")), 60_000);
    const onState = (state: InstanceView) => {
      if (state.id !== id || state.phase !== "ready") return;
      const now = Date.now();
      clearTimeout(timer);
      socket.off("instance:state", onState);
      resolve(now);
    };
    socket.on("instance:state", onState);
    socket.emit("instance:watch", { instanceId: id }, (ack) => {
      if (ack.ok && ack.state.phase === "ready") onState(ack.state);
    });
  });
  socket.emit("instance:unwatch", { instanceId: id });
  await api(url, "POST", `/api/instances/${id}/stop`);
  return shownAt;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1).padStart(6)} ms   p90 ${at(0.9).toFixed(1).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms`;
};

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ready-"));
  const consoleProcess = await startConsole({ env: { SGLANG_SIM_SPEED: SPEED } });
  const socket: InstancesSocket = io(`${consoleProcess.url}${INSTANCES_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"] });
  const fromAnswer: number[] = [];
  const fromReady: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const logFile = path.join(dir, `health-${run}.log`);
      const shownAt = await launchOnce(consoleProcess.url, socket, logFile);
      const { ready, firstAnswer } = healthLog(logFile);
      fromAnswer.push(shownAt - firstAnswer);
      fromReady.push(shownAt - ready);
    }
  } finally {
    socket.close();
    await consoleProcess.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const generating = !/^(0|false|no|off)$/i.test(process.env.SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION ?? "true");
  console.log(`${RUNS} launches at SGLANG_SIM_SPEED=${SPEED}: /health ${generating ? `generates (${(1000 / Number(SPEED)).toFixed(0)} ms)` : "answers at once (SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION=false, as older releases)"}`);
  console.log(`/health answered 200 -> ready event   ${stats(fromAnswer)}`);
  console.log(`server turned ready  -> ready event   ${stats(fromReady)}`);
  console.log(`within 250 ms of the answer: ${fromAnswer.filter((ms) => ms <= 250).length} of ${RUNS}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
