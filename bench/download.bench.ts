/**
 * Bench for model downloads: the console fetching a Hugging Face repository of 4 large LFS files from the stand-in
 * hub (4 files in parallel, hashed and moved into place), against `curl` fetching the same 4 files from the same
 * server in the same run (4 processes at once, following the same redirect, writing to disk, no hashing).
 * Reports throughput of each, the ratio (target: the console at least 90 % of curl), the CPU each spends per GB
 * (user + system seconds: the console's process with all its threads, curl's processes together), and the console's
 * memory: resident before and at its peak, and its heap after a full collection before and after (target: flat, no
 * file held in memory), and how often the page would hear of each download's progress (pushes over /downloads, as
 * the Models page receives them; target: at most 4 a second).
 * Files are one random 1 MiB block repeated, so the hub holds no gigabytes either. BENCH_GB (default 2) sets the total;
 * BENCH_ROUNDS (default 3) rounds alternate curl and the console, and the median ratio is reported, since a shared
 * machine's noise moves single runs a lot.
 * Needs `npm run build` first.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sizeOf, type HubRepo } from "../hubs/hub-repo";
import { startStandInHub } from "../hubs/stand-in-hub";
import { io } from "socket.io-client";
import type { DownloadView } from "../lib/downloads";
import { DOWNLOADS_NAMESPACE } from "../lib/realtime-downloads";
import { startConsole, type RunningConsole } from "../tests/support/console-process";
import { startDownload, waitForDownload } from "../tests/support/downloads";
import { procStatFields, processCpuMs } from "./support/proc";

const TOTAL_GB = Number(process.env.BENCH_GB ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FILES = 4;
const BLOCK = randomBytes(1024 * 1024);
const repeat = Math.round((TOTAL_GB * 1024) / FILES);

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
/** CPU time of this process's children that have exited (the curl processes), in ms. */
const exitedChildrenCpuMs = (): number => {
  const fields = procStatFields(process.pid);
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const repo: HubRepo = {
    id: "bench-org/Big-Model",
    commit: "0123456789abcdef0123456789abcdef01234567",
    files: Array.from({ length: FILES }, (_, i) => ({ path: `model-0000${i + 1}-of-0000${FILES}.safetensors`, content: BLOCK, repeat, lfs: true })),
  };
  const totalBytes = repo.files.reduce((sum, file) => sum + sizeOf(file), 0);
  console.log(`stand-in repository: ${FILES} files, ${(totalBytes / 1e9).toFixed(2)} GB; hashing it once for the hub...`);
  const hub = await startStandInHub({ repos: [repo] });
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-download-"));
  const consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, HF_ENDPOINT: hub.url, NODE_OPTIONS: `--require ${path.join(__dirname, "heap-probe.cjs")}` } });
  try {
    const pid = consoleProcess.process.pid!;
    const heapBefore = await retainedHeapMb(consoleProcess);
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
    // Listens as the Models page does: every push of every download, with when it arrived.
    const pushes: { at: number; id: string }[] = [];
    const socket = io(`${consoleProcess.url}${DOWNLOADS_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: consoleProcess.cookie } });
    socket.on("download:progress", (download: DownloadView) => pushes.push({ at: performance.now(), id: download.id }));
    await new Promise<void>((resolve) => socket.once("download:snapshot", () => resolve()));
    const pushRates: { max: number; mean: number }[] = [];
    const ratios: number[] = [];
    const cpuPerGb = { console: [] as number[], curl: [] as number[] };
    const gb = totalBytes / 1e9;
    for (let round = 1; round <= ROUNDS; round++) {
      const curlCpuBefore = exitedChildrenCpuMs();
      const curlMs = await timeCurl(repo, hub.url, path.join(modelsDir, "curl"));
      const curlCpuS = (exitedChildrenCpuMs() - curlCpuBefore) / 1000;
      const consoleCpuBefore = processCpuMs(pid);
      const { ms: consoleMs, id } = await timeConsole(repo, consoleProcess.url, path.join(modelsDir, `round-${round}`));
      pushRates.push(pushRate(pushes.filter((push) => push.id === id).map((push) => push.at)));
      const consoleCpuS = (processCpuMs(pid) - consoleCpuBefore) / 1000;
      const [curlRate, consoleRate] = [mbps(totalBytes, curlMs), mbps(totalBytes, consoleMs)];
      ratios.push(consoleRate / curlRate);
      cpuPerGb.curl.push(curlCpuS / gb);
      cpuPerGb.console.push(consoleCpuS / gb);
      console.log(
        `round ${round}: curl (4 at once) ${curlRate.toFixed(0)} MB/s, ${(curlCpuS / gb).toFixed(2)} CPU s/GB; ` +
          `console (4 files, hashed) ${consoleRate.toFixed(0)} MB/s, ${(consoleCpuS / gb).toFixed(2)} CPU s/GB: ${((consoleRate / curlRate) * 100).toFixed(0)} %; ` +
          `progress pushes ${pushRates.at(-1)!.mean.toFixed(1)}/s, at most ${pushRates.at(-1)!.max} in a second`,
      );
    }
    clearInterval(sampler);
    socket.close();
    const heapAfter = await retainedHeapMb(consoleProcess);
    console.log(`console / curl, median of ${ROUNDS}: ${(median(ratios) * 100).toFixed(0)} % (target ≥ 90 %)`);
    console.log(`CPU per GB (user + system), median: console ${median(cpuPerGb.console).toFixed(2)} s, curl ${median(cpuPerGb.curl).toFixed(2)} s`);
    console.log(`console RSS: ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB at peak (${((totalBytes * ROUNDS) / 1e6).toFixed(0)} MB fetched)`);
    console.log(`progress pushes per download: ${Math.max(...pushRates.map((r) => r.max))} at most in any second (target ≤ 4), ${median(pushRates.map((r) => r.mean)).toFixed(1)}/s on average`);
    console.log(`console heap after a full collection: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after`);
  } finally {
    await consoleProcess.stop();
    await hub.close();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  }
}

async function timeCurl(repo: HubRepo, hubUrl: string, dir: string): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  await Promise.all(repo.files.map((file) => promisify(execFile)("curl", ["-sSfL", "-o", path.join(dir, file.path), `${hubUrl}/${repo.id}/resolve/main/${file.path}`])));
  const ms = performance.now() - started;
  fs.rmSync(dir, { recursive: true });
  return ms;
}

/** The most pushes within any one second, and pushes per second over the download. */
function pushRate(times: number[]): { max: number; mean: number } {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  const spanS = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : 1;
  return { max, mean: times.length / Math.max(spanS, 1) };
}

async function timeConsole(repo: HubRepo, consoleUrl: string, targetDir: string): Promise<{ ms: number; id: string }> {
  const started = performance.now();
  const download = await startDownload(consoleUrl, { source: "huggingface", repo: repo.id, targetDir });
  const done = await waitForDownload(consoleUrl, download.id, (d) => d.state === "done" || d.state === "failed", 30 * 60_000);
  const ms = performance.now() - started;
  if (done.state !== "done") throw new Error(`the console's download failed: ${done.error}`);
  fs.rmSync(targetDir, { recursive: true });
  return { ms, id: download.id };
}

/** The console's heap used after a full collection (bench/heap-probe.cjs answers SIGUSR2 on stderr). */
async function retainedHeapMb(consoleProcess: RunningConsole): Promise<number> {
  const seen = consoleProcess.output().split("heap-probe ").length;
  consoleProcess.process.kill("SIGUSR2");
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const parts = consoleProcess.output().split("heap-probe ");
    if (parts.length > seen) return (JSON.parse(parts.at(-1)!.split("\n")[0]!) as { heapUsed: number }).heapUsed / 1048576;
  }
  throw new Error("the console did not answer the heap probe");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
