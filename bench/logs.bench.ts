/**
 * Bench for live logs: the simulator's flood mode (SGLANG_SIM_FLOOD=N, realistic serving lines, long
 * request lines and progress bars) read end to end through the real console (built, `npm run build`
 * first): pty host → console → socket.io → clients; by 1 and by 10 socket.io clients that acknowledge as
 * a browser does, and by one headless Chromium page on the instance page (its longest main-thread task).
 * Baseline in the same run: the same simulator and flood read straight from a pipe.
 *
 * Targets: ≥ 50,000 lines/s to each of 10 clients; console RSS growth < 50 MB after 1,000,000 lines (read as
 * the last line arrives and 5 s later, once the console has collected the flood's garbage);
 * no browser task > 200 ms. Env: BENCH_LINES (per run, default 200000), BENCH_BROWSER=0 to skip Chromium,
 * BENCH_TOTAL (lines through the console before its memory is read, default 1000000), BENCH_PACED_RATE
 * (lines/s of a further 10-client run with the flood paced, default 55000; 0 skips it).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { InstanceView } from "../lib/instance-view";
import { buildLaunchArgv, buildLaunchEnv } from "../lib/launch";
import { api, glmProfile } from "../tests/support/api";
import { PROJECT_ROOT, freePort, startConsole, type RunningConsole } from "../tests/support/console-process";
import { connectLogClient, type LogClient } from "../tests/support/log-client";
import { waitFor } from "../tests/support/processes";
import { processCpuMs, procStatFields } from "./support/proc";

const LINES = Number(process.env.BENCH_LINES ?? 200_000);
const WITH_BROWSER = process.env.BENCH_BROWSER !== "0";
const TOTAL = Number(process.env.BENCH_TOTAL ?? 1_000_000);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 55_000);
const READY = "The server is fired up and ready to roll!";
const DONE = "flood complete lines=";

interface ProcSample {
  cpuS: number;
  rssMb: number;
}

function sampleProc(pid: number): ProcSample {
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuS: processCpuMs(pid) / 1000, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

/** Lines and time from the ready line to the flood's end, reading the simulator's output from a pipe. */
async function baseline(lines: number): Promise<{ seconds: number; lines: number }> {
  const port = await freePort();
  const profile = glmProfile(port);
  const child = spawn("python3", buildLaunchArgv(profile), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...buildLaunchEnv(profile), PYTHONPATH: path.join(PROJECT_ROOT, "simulator"), SGLANG_SIM_SPEED: "1000", SGLANG_SIM_FLOOD: String(lines), PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let start = 0;
  let counted = 0;
  let tail = "";
  const result = await new Promise<{ seconds: number; lines: number }>((resolve) => {
    const onData = (data: Buffer) => {
      const text = tail + data.toString("utf8");
      tail = text.slice(-200);
      if (!start && text.includes(READY)) start = performance.now();
      if (start) for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) counted++;
      if (start && text.includes(DONE)) resolve({ seconds: (performance.now() - start) / 1000, lines: counted });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
  });
  process.kill(-child.pid!, "SIGKILL");
  return result;
}

interface RunFigures {
  clients: number;
  seconds: number;
  linesPerClient: number;
  linesPerSecondPerClient: number;
  slowestClientLinesPerSecond: number;
  gaps: number;
  skippedMb: number;
  consoleCpuS: number;
  /** CPU of this process, where all the clients run. */
  clientsCpuS: number;
  hostCpuS: number;
  consoleRssMb: number;
}

async function launchFlood(consoleProcess: RunningConsole, lines: number, linesPerSecond = 0, env: Record<string, string> = {}): Promise<InstanceView> {
  const port = await freePort();
  const launched = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", "/api/instances", {
    profile: glmProfile(port, {
      name: `bench-${lines}${linesPerSecond ? `-at-${linesPerSecond}` : ""}`,
      env: { SGLANG_SIM_FLOOD: String(lines), SGLANG_SIM_FLOOD_RATE: String(linesPerSecond), ...env },
    }),
  });
  if (launched.status !== 201) throw new Error(`launch failed: ${JSON.stringify(launched.body)}`);
  return launched.body.instance;
}

/** Runs the flood again on the same instance (a new run): the console's memory is then that of one instance. */
async function restartFlood(consoleProcess: RunningConsole, instance: InstanceView): Promise<InstanceView> {
  const restarted = await api<{ instance: InstanceView }>(consoleProcess.url, "POST", `/api/instances/${instance.id}/restart`);
  if (restarted.status !== 200) throw new Error(`restart failed: ${JSON.stringify(restarted.body)}`);
  return restarted.body.instance;
}

async function throughConsole(
  consoleProcess: RunningConsole,
  clientCount: number,
  lines: number,
  previous: InstanceView | null,
  linesPerSecond = 0,
): Promise<{ figures: RunFigures; instance: InstanceView }> {
  const instance = previous ? await restartFlood(consoleProcess, previous) : await launchFlood(consoleProcess, lines, linesPerSecond);
  const timings = Array.from({ length: clientCount }, () => ({ start: 0, end: 0, last: 0, lines: 0 }));
  // All clients connect while the server is still starting (the console runs the simulator at a
  // readable pace), so each sees the ready line and then the whole flood.
  const clients: LogClient[] = await Promise.all(
    timings.map((timing) =>
      connectLogClient(consoleProcess.url, instance.id, {
        keepText: false,
        onWrite: (chunk) => {
          timing.last = performance.now();
          if (!timing.start && chunk.data.includes(READY)) timing.start = performance.now();
          if (timing.start && !timing.end) for (let j = chunk.data.indexOf("\n"); j >= 0; j = chunk.data.indexOf("\n", j + 1)) timing.lines++;
          if (timing.start && !timing.end && chunk.data.includes(DONE)) timing.end = performance.now();
        },
      }),
    ),
  );
  const hostPid = await waitFor(async () => (await api<{ instance: InstanceView }>(consoleProcess.url, "GET", `/api/instances/${instance.id}`)).body.instance.run?.pid, { timeoutMs: 30_000, what: "the pid" });
  const hostProc = findHostPid(hostPid);
  await waitFor(() => timings.every((t) => t.start), { timeoutMs: 60_000, what: "the ready line at every client" });
  const before = sampleProc(consoleProcess.process.pid!);
  const clientsBefore = process.cpuUsage();
  const hostBefore = hostProc ? sampleProc(hostProc) : null;
  // A client that fell behind is skipped forward: the flood's end may be in what it skipped. It is done
  // once it has been idle a while after a gap notice.
  await waitFor(() => timings.every((t, i) => t.end || (clients[i]!.gaps.length > 0 && performance.now() - t.last > 2000)), {
    timeoutMs: 600_000,
    what: "the flood's end at every client",
    intervalMs: 100,
  });
  const after = sampleProc(consoleProcess.process.pid!);
  const hostAfter = hostProc && fs.existsSync(`/proc/${hostProc}`) ? sampleProc(hostProc) : null;
  for (const t of timings) t.end ||= t.last;
  const seconds = Math.max(...timings.map((t) => (t.end - t.start) / 1000));
  const rates = timings.map((t) => t.lines / ((t.end - t.start) / 1000));
  const skippedBytes = clients.reduce((sum, c) => sum + c.gaps.reduce((s, g) => s + g.toOffset - g.fromOffset, 0), 0);
  for (const client of clients) client.close();
  const figures: RunFigures = {
    clients: clientCount,
    seconds,
    linesPerClient: Math.round(timings.reduce((sum, t) => sum + t.lines, 0) / clientCount),
    linesPerSecondPerClient: Math.round(rates.reduce((a, b) => a + b, 0) / rates.length),
    slowestClientLinesPerSecond: Math.round(Math.min(...rates)),
    gaps: clients.reduce((sum, c) => sum + c.gaps.length, 0),
    skippedMb: skippedBytes / 1024 / 1024,
    consoleCpuS: after.cpuS - before.cpuS,
    clientsCpuS: (() => {
      const used = process.cpuUsage(clientsBefore);
      return (used.user + used.system) / 1e6;
    })(),
    hostCpuS: hostBefore && hostAfter ? hostAfter.cpuS - hostBefore.cpuS : NaN,
    consoleRssMb: after.rssMb,
  };
  return { figures, instance };
}

/** Memory the console retains: a full collection first (bench/heap-probe.cjs), then heap used and RSS. */
async function retained(consoleProcess: RunningConsole): Promise<{ heapMb: number; externalMb: number; rssMb: number }> {
  const seen = consoleProcess.output().split("heap-probe ").length;
  consoleProcess.process.kill("SIGUSR2");
  const line = await waitFor(() => {
    const parts = consoleProcess.output().split("heap-probe ");
    return parts.length > seen ? parts[parts.length - 1]!.split("\n")[0] : null;
  }, { timeoutMs: 10_000, what: "the heap probe" });
  const m = JSON.parse(line) as { heapUsed: number; external: number; rss: number };
  return { heapMb: m.heapUsed / 1048576, externalMb: m.external / 1048576, rssMb: m.rss / 1048576 };
}

/** The pty host is the parent of the server's launcher. */
function findHostPid(serverPid: number): number | null {
  try {
    return Number(procStatFields(serverPid)[1]);
  } catch {
    return null;
  }
}

async function inBrowser(consoleProcess: RunningConsole, lines: number): Promise<{ seconds: number; longestTaskMs: number; tasksOver50: number; gaps: string[] }> {
  const { launchBrowser, newSignedInPage } = await import("../tests/e2e/browser");
  const browser = await launchBrowser();
  try {
    // A slower start-up (a few seconds) than the other runs, so the page has loaded before the server loads.
    const instance = await launchFlood(consoleProcess, lines, 0, { SGLANG_SIM_SPEED: "20" });
    const page = await newSignedInPage(browser, consoleProcess.url, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${consoleProcess.url}/instances/${instance.id}`);
    // Long tasks from the page load itself are not the log view's: count from the phase badge's "loading".
    await page.locator('[data-testid="phase"][data-phase="loading"]').waitFor({ timeout: 120_000 });
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    // The flood follows the ready line at once; the badge turns ready within a readiness poll (≤ 0.5 s).
    await page.locator('[data-testid="phase"][data-phase="ready"]').waitFor({ timeout: 120_000 });
    const start = performance.now();
    await page.waitForFunction((n) => document.querySelector('[data-testid="live-log"] [data-testid="terminal"]')?.textContent?.includes(n), DONE, { timeout: 600_000, polling: 100 });
    const seconds = (performance.now() - start) / 1000;
    const gaps = await page.getByTestId("gap-marker").allInnerTexts();
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    await api(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);
    return { seconds, longestTaskMs: Math.round(Math.max(0, ...tasks)), tasksOver50: tasks.length, gaps };
  } finally {
    await browser.close();
  }
}

async function main() {
  console.log(`flood of ${LINES} lines per run; 2-core machine shared with the clients and the simulator`);
  const base = await baseline(LINES);
  const baseRate = base.lines / base.seconds;
  console.log(`baseline (simulator → pipe): ${base.lines} lines in ${base.seconds.toFixed(2)} s = ${Math.round(baseRate)} lines/s`);

  const consoleProcess = await startConsole({
    env: { LOG_FILE_MAX_MB: "64", SGLANG_SIM_SPEED: "100", NODE_OPTIONS: `--expose-gc --require ${path.join(PROJECT_ROOT, "bench/heap-probe.cjs")}` },
  });
  try {
    const initial = sampleProc(consoleProcess.process.pid!);
    const initialHeap = await retained(consoleProcess);
    let delivered = 0;
    const runs: RunFigures[] = [];
    let instance: InstanceView | null = null;
    for (const clients of [1, 10]) {
      const result = await throughConsole(consoleProcess, clients, LINES, instance);
      const figures = result.figures;
      instance = result.instance;
      runs.push(figures);
      delivered += LINES;
      console.log(
        `${clients} client(s): ${figures.linesPerSecondPerClient} lines/s per client (slowest ${figures.slowestClientLinesPerSecond}), ` +
          `${(figures.linesPerSecondPerClient / baseRate).toFixed(2)}× baseline, ${figures.seconds.toFixed(2)} s, gaps ${figures.gaps} (${figures.skippedMb.toFixed(1)} MB skipped in all), ` +
          `console CPU ${figures.consoleCpuS.toFixed(2)} s, clients' CPU ${figures.clientsCpuS.toFixed(2)} s, pty host CPU ${figures.hostCpuS.toFixed(2)} s, console RSS ${figures.consoleRssMb.toFixed(0)} MB`,
      );
    }
    while (delivered < TOTAL) {
      instance = (await throughConsole(consoleProcess, 1, LINES, instance)).instance;
      delivered += LINES;
    }
    if (instance) await api(consoleProcess.url, "POST", `/api/instances/${instance.id}/stop`);
    const final = sampleProc(consoleProcess.process.pid!);
    // The console collects once output has been quiet for 3 s after a flood (server/logs/memory-reducer.ts).
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const settled = sampleProc(consoleProcess.process.pid!);
    const finalHeap = await retained(consoleProcess);
    console.log(
      `console RSS: ${initial.rssMb.toFixed(0)} MB at start, ${final.rssMb.toFixed(0)} MB as the last of ${delivered} flood lines arrived ` +
        `(+${(final.rssMb - initial.rssMb).toFixed(0)} MB), ${settled.rssMb.toFixed(0)} MB 5 s later: growth ${(settled.rssMb - initial.rssMb).toFixed(0)} MB`,
    );
    console.log(
      `console after a full GC: heap ${initialHeap.heapMb.toFixed(0)} → ${finalHeap.heapMb.toFixed(0)} MB, external ${initialHeap.externalMb.toFixed(0)} → ${finalHeap.externalMb.toFixed(0)} MB, ` +
        `RSS ${initialHeap.rssMb.toFixed(0)} → ${finalHeap.rssMb.toFixed(0)} MB: retained growth ${(finalHeap.heapMb + finalHeap.externalMb - initialHeap.heapMb - initialHeap.externalMb).toFixed(1)} MB`,
    );
    if (PACED_RATE > 0) {
      // The same flood at a set pace: does every one of 10 clients get all of it, live, at that rate? The
      // as-fast-as-possible flood above saturates this 2-core machine, which the simulator and clients share.
      const paced = await throughConsole(consoleProcess, 10, LINES, null, PACED_RATE);
      const f = paced.figures;
      await api(consoleProcess.url, "POST", `/api/instances/${paced.instance.id}/stop`);
      console.log(
        `10 clients, flood paced at ${PACED_RATE} lines/s: ${f.linesPerSecondPerClient} lines/s per client (slowest ${f.slowestClientLinesPerSecond}), ` +
          `${f.linesPerClient} of ${LINES} lines each, gaps ${f.gaps} (${f.skippedMb.toFixed(1)} MB skipped in all), console CPU ${f.consoleCpuS.toFixed(2)} s, clients' CPU ${f.clientsCpuS.toFixed(2)} s in ${f.seconds.toFixed(2)} s`,
      );
      runs.push(f);
    }
    if (WITH_BROWSER) {
      const browserFigures = await inBrowser(consoleProcess, LINES);
      console.log(
        `browser page: the flood's end on screen ${browserFigures.seconds.toFixed(2)} s after the ready badge (${Math.round(LINES / browserFigures.seconds)} lines/s of output), ` +
          `longest main-thread task ${browserFigures.longestTaskMs} ms, ${browserFigures.tasksOver50} tasks over 50 ms, ` +
          `skipped: ${browserFigures.gaps.length ? browserFigures.gaps.join("; ") : "nothing"}`,
      );
    }
    console.log(JSON.stringify({ lines: LINES, baseline: { linesPerSecond: Math.round(baseRate) }, runs }, null, 1));
  } finally {
    await consoleProcess.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
