/**
 * Bench for model downloads: the console fetching a Hugging Face repository of 4 large LFS files from the stand-in
 * hub (4 files in parallel, hashed and moved into place), against `curl` fetching the same 4 files from the same
 * server in the same run (4 processes at once, following the same redirect, writing to disk, no hashing).
 * Reports throughput of each, the ratio (target: the console at least 90 % of curl), the CPU each spends per GB
 * (user + system seconds: the console's process with all its threads, curl's processes together), and the console's
 * memory: resident before and at its peak, and its heap after a full collection before and after (target: flat, no
 * file held in memory), and how often the page would hear of each download's progress (pushes over /downloads, as
 * the Models page receives them; target: at most 4 a second).
 * Each comparison runs on three links (BENCH_LINKS, MB/s): loopback at full speed, where both are bound by this
 * machine's CPU and the hub shares it, and the stand-in's storage host capped at 1 and 2.5 Gbit/s for all connections
 * together, as a real network caps a download. Since the console also hashes every byte and curl does not, curl's
 * files are then hashed with OpenSSL, and that CPU is reported too: the baseline for the same work.
 * Files are one random 1 MiB block repeated, so the hub holds no gigabytes either. BENCH_GB (default 2) sets the total;
 * BENCH_ROUNDS (default 3) rounds per link alternate curl and the console, and the median ratio is reported, since a
 * shared machine's noise moves single runs a lot.
 * Needs `npm run build` first.
 */
import { execFile } from "node:child_process";
import { EventEmitter } from "node:events";
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
import { startDownload } from "../tests/support/downloads";
import { procStatFields, processCpuMs } from "./support/proc";

const TOTAL_GB = Number(process.env.BENCH_GB ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Links to run on, in MB/s ("none": loopback at full speed); the stand-in's storage host caps all bodies together. */
const LINKS = (process.env.BENCH_LINKS ?? "none,125,312").split(",").map((link) => (link === "none" ? null : Number(link) * 1e6));
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
  const nodeOptions = `--require ${path.join(__dirname, "heap-probe.cjs")} ${process.env.BENCH_CONSOLE_NODE_OPTIONS ?? ""}`.trim();
  const consoleProcess = await startConsole({ env: { MODELS_DIR: modelsDir, HF_ENDPOINT: hub.url, NODE_OPTIONS: nodeOptions } });
  try {
    const pid = consoleProcess.process.pid!;
    const heapBefore = await retainedHeapMb(consoleProcess);
    const rssBefore = rssMb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
    // Listens as the Models page does: every push of every download, with when it arrived. The bench also learns
    // here that a download ended, rather than by polling the console's API beside it.
    const pushes: { at: number; download: DownloadView }[] = [];
    const pushed = new EventEmitter();
    const socket = io(`${consoleProcess.url}${DOWNLOADS_NAMESPACE}`, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: consoleProcess.cookie } });
    socket.on("download:progress", (download: DownloadView) => {
      pushes.push({ at: performance.now(), download });
      pushed.emit(download.id, download);
    });
    await new Promise<void>((resolve) => socket.once("download:snapshot", () => resolve()));
    const pushRates: { max: number; mean: number }[] = [];
    const gb = totalBytes / 1e9;
    const summaries: string[] = [];
    let round = 0;
    for (const link of LINKS) {
      hub.switches.linkBytesPerSecond = link;
      const ratios: number[] = [];
      const cpuPerGb = { console: [] as number[], curl: [] as number[], curlThenHash: [] as number[] };
      for (let inLink = 1; inLink <= ROUNDS; inLink++) {
        round++;
        const curl = await timeCurl(repo, hub.url, path.join(modelsDir, "curl"));
        const consoleCpuBefore = processCpuMs(pid);
        const { ms: consoleMs, id, milestones } = await timeConsole(repo, consoleProcess.url, path.join(modelsDir, `round-${round}`), pushed);
        pushRates.push(pushRate(pushes.filter((push) => push.download.id === id).map((push) => push.at)));
        const consoleCpuS = (processCpuMs(pid) - consoleCpuBefore) / 1000;
        const [curlRate, consoleRate] = [mbps(totalBytes, curl.ms), mbps(totalBytes, consoleMs)];
        ratios.push(consoleRate / curlRate);
        cpuPerGb.curl.push(curl.cpuS / gb);
        cpuPerGb.curlThenHash.push((curl.cpuS + curl.hashCpuS) / gb);
        cpuPerGb.console.push(consoleCpuS / gb);
        console.log(
          `${linkName(link)}, round ${inLink}: curl (4 at once) ${curlRate.toFixed(0)} MB/s, ${(curl.cpuS / gb).toFixed(2)} CPU s/GB (then openssl sha256: ${((curl.cpuS + curl.hashCpuS) / gb).toFixed(2)}); ` +
            `console (4 files, hashed) ${consoleRate.toFixed(0)} MB/s, ${(consoleCpuS / gb).toFixed(2)} CPU s/GB: ${((consoleRate / curlRate) * 100).toFixed(0)} %; ` +
            `progress pushes ${pushRates.at(-1)!.mean.toFixed(1)}/s, at most ${pushRates.at(-1)!.max} in a second; ` +
            `the console's pushes showed the first bytes after ${msText(milestones.firstBytesMs)}, all bytes after ${msText(milestones.allBytesMs)}, done after ${msText(consoleMs)}`,
        );
      }
      summaries.push(
        `${linkName(link)}: console / curl, median of ${ROUNDS}: ${(median(ratios) * 100).toFixed(0)} % (target ≥ 90 %); CPU per GB (user + system), median: ` +
          `console ${median(cpuPerGb.console).toFixed(2)} s, curl ${median(cpuPerGb.curl).toFixed(2)} s, curl then openssl sha256 (the same work) ${median(cpuPerGb.curlThenHash).toFixed(2)} s`,
      );
    }
    clearInterval(sampler);
    socket.close();
    const heapAfter = await retainedHeapMb(consoleProcess);
    for (const summary of summaries) console.log(summary);
    console.log(`console RSS: ${rssBefore.toFixed(0)} MB before, ${rssPeak.toFixed(0)} MB at peak (${((totalBytes * round) / 1e6).toFixed(0)} MB fetched)`);
    console.log(`progress pushes per download: ${Math.max(...pushRates.map((r) => r.max))} at most in any second (target ≤ 4), ${median(pushRates.map((r) => r.mean)).toFixed(1)}/s on average`);
    console.log(`console heap after a full collection: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after`);
  } finally {
    await consoleProcess.stop();
    await hub.close();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  }
}

const msText = (ms: number | null) => (ms === null ? "(never seen)" : `${ms.toFixed(0)} ms`);
const linkName = (link: number | null) => (link === null ? "loopback, no link limit" : `a ${((link * 8) / 1e9).toFixed(1)} Gbit/s link`);

/**
 * curl fetching the 4 files at once (its CPU: its processes together, read from the bench's exited children); then
 * `openssl dgst -sha256` over them, 4 at once (OpenSSL's SHA-256, as Python's hashlib in the hubs' own clients), so
 * that the CPU of fetching and hashing, the console's work, has a baseline too.
 */
async function timeCurl(repo: HubRepo, hubUrl: string, dir: string): Promise<{ ms: number; cpuS: number; hashCpuS: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const cpuBefore = exitedChildrenCpuMs();
  const started = performance.now();
  await Promise.all(repo.files.map((file) => promisify(execFile)("curl", ["-sSfL", "-o", path.join(dir, file.path), `${hubUrl}/${repo.id}/resolve/main/${file.path}`])));
  const ms = performance.now() - started;
  const fetchedCpu = exitedChildrenCpuMs();
  await Promise.all(repo.files.map((file) => promisify(execFile)("openssl", ["dgst", "-sha256", path.join(dir, file.path)])));
  const hashCpu = exitedChildrenCpuMs();
  fs.rmSync(dir, { recursive: true });
  return { ms, cpuS: (fetchedCpu - cpuBefore) / 1000, hashCpuS: (hashCpu - fetchedCpu) / 1000 };
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

/** When the console's pushes first showed bytes moving, and all bytes on disk, in ms from the request. */
interface ConsoleMilestones {
  firstBytesMs: number | null;
  allBytesMs: number | null;
}

async function timeConsole(repo: HubRepo, consoleUrl: string, targetDir: string, pushed: EventEmitter): Promise<{ ms: number; id: string; milestones: ConsoleMilestones }> {
  const started = performance.now();
  const milestones: ConsoleMilestones = { firstBytesMs: null, allBytesMs: null };
  const download = await startDownload(consoleUrl, { source: "huggingface", repo: repo.id, targetDir });
  const done = await new Promise<DownloadView>((resolve) => {
    const hear = (view: DownloadView) => {
      if (view.bytesDone > 0) milestones.firstBytesMs ??= performance.now() - started;
      if (view.bytesTotal !== null && view.bytesDone === view.bytesTotal) milestones.allBytesMs ??= performance.now() - started;
      if (view.state !== "done" && view.state !== "failed") return;
      pushed.off(download.id, hear);
      resolve(view);
    };
    pushed.on(download.id, hear);
  });
  const ms = performance.now() - started;
  if (done.state !== "done") throw new Error(`the console's download failed: ${done.error}`);
  fs.rmSync(targetDir, { recursive: true });
  return { ms, id: download.id, milestones };
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
