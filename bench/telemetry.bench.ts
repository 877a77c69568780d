/**
 * Bench for GPU telemetry: the console's own CPU time (utime + stime from /proc/<pid>/stat) while it samples
 * 8 simulated GPUs at 1 Hz through the fake nvidia-smi and fans every sample out to 10 socket.io clients,
 * against the same console idle. In one run, one phase after the other:
 *   idle      a console whose nvidia-smi does not exist (no sampler stream, no clients)
 *   sampler   a console sampling 8 GPUs at 1 Hz, no clients
 *   fan-out   the same console with 10 clients connected to /telemetry
 * Reports % of one core per phase and the % added over idle. Target: < 1 % of one core added.
 * Needs `npm run build` first. BENCH_SECONDS (default 30) sets the length of each phase.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { TELEMETRY_NAMESPACE, type TelemetryClientToServer, type TelemetryServerToClient } from "../lib/realtime-telemetry";
import { PROJECT_ROOT, startConsole, type RunningConsole } from "../tests/support/console-process";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLIENTS = 10;
const GPUS = 8;
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** % of one core the process used over `SECONDS`, after a short settle. */
async function measure(consoleProcess: RunningConsole): Promise<number> {
  await sleep(3000);
  const pid = consoleProcess.process.pid!;
  const cpu0 = cpuSeconds(pid);
  const t0 = process.hrtime.bigint();
  await sleep(SECONDS * 1000);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  return ((cpuSeconds(pid) - cpu0) / wall) * 100;
}

async function main(): Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-telemetry-"));
  const fakeEnv = {
    PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`,
    SGLANG_SIM_STATE_DIR: stateDir,
    SGLANG_SIM_GPU_COUNT: String(GPUS),
    GPU_SAMPLE_MS: "1000",
  };
  console.log(`telemetry bench: ${GPUS} simulated GPUs at 1 Hz, ${CLIENTS} clients, ${SECONDS} s per phase, CLK_TCK ${TICKS_PER_SECOND}`);

  const idleConsole = await startConsole({ env: { ...fakeEnv, NVIDIA_SMI: path.join(stateDir, "no-nvidia-smi") } });
  const idle = await measure(idleConsole);
  await idleConsole.stop();
  console.log(`  idle (no sampler, no clients)       ${idle.toFixed(3)} % of one core`);

  const busyConsole = await startConsole({ env: fakeEnv });
  const sampler = await measure(busyConsole);
  console.log(`  sampler, no clients                 ${sampler.toFixed(3)} % of one core`);

  const clients: Socket<TelemetryServerToClient, TelemetryClientToServer>[] = [];
  let samples = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const socket: Socket<TelemetryServerToClient, TelemetryClientToServer> = io(`${busyConsole.url}${TELEMETRY_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], forceNew: true });
    socket.on("gpu:sample", (sample) => {
      if (sample.points.length === GPUS) samples++;
    });
    clients.push(socket);
  }
  await Promise.all(clients.map((socket) => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once("connect", () => resolve())))));
  const before = samples;
  const fanOut = await measure(busyConsole);
  const received = samples - before;
  for (const socket of clients) socket.disconnect();
  await busyConsole.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });

  const added = fanOut - idle;
  console.log(`  sampler + ${CLIENTS} clients                ${fanOut.toFixed(3)} % of one core (${received} samples of ${GPUS} GPUs received, ~${(received / CLIENTS / (SECONDS + 3)).toFixed(2)}/s per client)`);
  console.log(`  added over idle                     ${added.toFixed(3)} % of one core (target < 1 %): ${added < 1 ? "OK" : "OVER TARGET"}`);
  if (received === 0) throw new Error("no sample reached the clients");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
