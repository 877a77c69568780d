/**
 * Bench for GPU telemetry: the console's own CPU time (utime + stime from /proc/<pid>/stat) while it samples
 * 8 simulated GPUs at 1 Hz through the fake nvidia-smi and fans every sample out to 10 socket.io clients,
 * against the same console idle. Two consoles run side by side in one run, so both see the same machine noise:
 *   idle      a console whose nvidia-smi does not exist (no sampler stream, no clients)
 *   busy      a console sampling 8 GPUs at 1 Hz; first with no clients, then with 10 clients on /telemetry
 * Reports % of one core of each over the same windows and the % added over idle. Target: < 1 % of one core added.
 * Needs `npm run build` first. BENCH_SECONDS (default 30) sets the length of each window.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { TELEMETRY_NAMESPACE, type TelemetryClientToServer, type TelemetryServerToClient } from "../lib/realtime-telemetry";
import { PROJECT_ROOT, startConsole } from "../tests/support/console-process";
import { socketAuth } from "../tests/support/session";

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

/** % of one core each process used over the same window of SECONDS, after a short settle. */
async function measure(pids: number[]): Promise<number[]> {
  await sleep(3000);
  const before = pids.map(cpuSeconds);
  const t0 = process.hrtime.bigint();
  await sleep(SECONDS * 1000);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  return pids.map((pid, i) => ((cpuSeconds(pid) - before[i]!) / wall) * 100);
}

const pct = (value: number) => `${value.toFixed(3).padStart(7)} %`;

async function main(): Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-telemetry-"));
  const env = {
    PATH: `${path.join(PROJECT_ROOT, "simulator/bin")}:${process.env.PATH}`,
    SGLANG_SIM_STATE_DIR: stateDir,
    SGLANG_SIM_GPU_COUNT: String(GPUS),
    GPU_SAMPLE_MS: "1000",
  };
  console.log(`telemetry bench: ${GPUS} simulated GPUs at 1 Hz, ${CLIENTS} clients, ${SECONDS} s windows, CLK_TCK ${TICKS_PER_SECOND}, load ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const [idle, busy] = await Promise.all([startConsole({ env: { ...env, NVIDIA_SMI: path.join(stateDir, "no-nvidia-smi") } }), startConsole({ env })]);
  try {
    const pids = [idle.process.pid!, busy.process.pid!];
    const [idle1, sampler] = await measure(pids);
    console.log(`  window 1   idle console ${pct(idle1!)}   sampling console, no clients ${pct(sampler!)}   added ${pct(sampler! - idle1!)}`);

    const clients: Socket<TelemetryServerToClient, TelemetryClientToServer>[] = [];
    let samples = 0;
    for (let i = 0; i < CLIENTS; i++) {
      const socket: Socket<TelemetryServerToClient, TelemetryClientToServer> = io(`${busy.url}${TELEMETRY_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], forceNew: true, ...socketAuth(busy.url) });
      socket.on("gpu:sample", (sample) => void (sample.points.length === GPUS && samples++));
      clients.push(socket);
    }
    await Promise.all(clients.map((socket) => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once("connect", () => resolve())))));
    const [idle2, fanOut] = await measure(pids);
    for (const socket of clients) socket.disconnect();
    const added = fanOut! - idle2!;
    console.log(`  window 2   idle console ${pct(idle2!)}   sampling console, ${CLIENTS} clients ${pct(fanOut!)}   added ${pct(added)}`);
    console.log(`  ${samples} samples of ${GPUS} GPUs reached the clients (~${(samples / CLIENTS / (SECONDS + 3)).toFixed(2)}/s each)`);
    console.log(`  sampling + fan-out adds ${added.toFixed(3)} % of one core (target < 1 %): ${added < 1 ? "OK" : "OVER TARGET"}`);
    if (samples === 0) throw new Error("no sample reached the clients");
  } finally {
    await Promise.all([idle.stop(), busy.stop()]);
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
