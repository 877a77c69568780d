/**
 * Bench for the playground's streaming proxy: the same streamed chat requests sent (a) straight to the
 * simulator, (b) through the console's route (browser → console → openai SDK → simulator) and (c) through
 * a bare Node pipe proxy (the floor for any extra hop on this machine), in the same run, in rotation.
 * Loads, on an instance streaming 2,000 tokens/s per request:
 *   1 stream      one request at a time
 *   32 streams    32 in flight all the time, as SGLang's `bench_serving --max-concurrency 32` keeps them: a
 *                 request starts when one ends, and lengths vary (200–600 tokens, the same sequence for
 *                 every path) so that their ends, and so the starts, spread out as they do in real use
 *   32 at once    bursts of 32 requests started at the same instant, the worst case: all 32 requests'
 *                 set-up queues on the console's one thread at once
 * and on a second instance at 100 tokens/s per request (the order of a GPU's pace per stream in a batch of 32):
 *   32 streams at 100 tok/s   as "32 streams", 3,200 tokens/s in all
 * Reports median time to first token, median per-stream decode throughput, aggregate throughput, the CPU
 * the console and the bare proxy spent per token, and how busy the machine was on each path.
 * Targets: median TTFT at most 5 ms above direct; aggregate throughput at least 98% of direct.
 * Env: BENCH_TOKENS_PER_S (default 2000), BENCH_MAX_TOKENS (default 400; the mean at 32 streams),
 * BENCH_BATCH_TOKENS_PER_S (default 100), BENCH_BATCH_MAX_TOKENS (default 100), BENCH_ROUNDS_1 (default 40),
 * BENCH_ROUNDS_32 (default 8 rotations of 192 requests per path), BENCH_ROUNDS_BURST (default 24: at 6 the
 * burst median moved by ±10 ms between runs), BENCH_ROUNDS_BATCH (default 3), BENCH_LOADS (default 1,32,burst,batch),
 * BENCH_HOP (`gateway`: the console's path is its OpenAI-compatible /v1 with a personal API key; `npm run bench:gateway`
 * runs the 1-stream and 32-streams-at-100-tok/s loads so, where the targets add: CPU per token at most 1.3 times the bare proxy's),
 * BENCH_CONSOLE_NODE_OPTIONS (NODE_OPTIONS for the console, e.g. a profiler's --require).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { api, getInstance, glmProfile, instanceApiKey } from "../tests/support/api";
import { freePort, startConsole } from "../tests/support/console-process";
import { sessionCookie } from "../tests/support/session";
import { childProcessesMatching } from "../tests/support/processes";
import { consoleCpuMs, processCpuMs } from "./support/proc";

const TOKENS_PER_S = Number(process.env.BENCH_TOKENS_PER_S ?? 2000);
const MAX_TOKENS = Number(process.env.BENCH_MAX_TOKENS ?? 400);
/** The batch load: 32 streams at 100 tokens/s each (3,200 in all), the order of a GPU's pace per stream in a batch of 32. */
const BATCH_TOKENS_PER_S = Number(process.env.BENCH_BATCH_TOKENS_PER_S ?? 100);
const BATCH_MAX_TOKENS = Number(process.env.BENCH_BATCH_MAX_TOKENS ?? 100);
const ROUNDS = {
  single: Number(process.env.BENCH_ROUNDS_1 ?? 40),
  steady: Number(process.env.BENCH_ROUNDS_32 ?? 8),
  burst: Number(process.env.BENCH_ROUNDS_BURST ?? 24),
  batch: Number(process.env.BENCH_ROUNDS_BATCH ?? 3),
};
/** Requests per worker per rotation at 32 streams. */
const STEADY_REQUESTS_PER_WORKER = 6;
const SPEED = 1000;
/** Which hop "console" means: the playground's route (bench:stream) or the /v1 gateway with a personal key (bench:gateway). */
const HOP = process.env.BENCH_HOP === "gateway" ? "gateway" : "playground";
/** Which loads to run: 1, 32, burst, batch (all by default). */
const LOADS = (process.env.BENCH_LOADS ?? "1,32,burst,batch").split(",").map((load) => load.trim());

interface Sample {
  ttftMs: number;
  tokens: number;
  decodeTokPerS: number;
  endMs: number;
}

/** Kept-alive, dropped after 4 s idle: the simulator (as uvicorn) closes at 5 s and Node's servers announce 5 s. */
const agent = new http.Agent({ keepAlive: true, timeout: 4000 });
/** A chunk with a token of text or reasoning (not the role chunk, whose content is empty, nor the console's `event: request`). */
const TOKEN_EVENT = /^data: \{.*"delta": ?\{[^}]*"(?:reasoning_)?content": ?"[^"]/s;

/**
 * One streamed request over node:http. Token events are recognised by their text, not parsed: the client
 * shares the machine's cores with what it measures, so it is kept cheap. Its work is the same for every path.
 */
function stream(url: string, body: unknown, apiKey: string | null = null): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const text = JSON.stringify(body);
    const cookie = sessionCookie(url);
    const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...(cookie ? { cookie } : {}), ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      let first: number | null = null;
      let last = 0;
      let tokens = 0;
      let pending = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => {
        pending += part;
        for (let end = pending.indexOf("\n\n"); end !== -1; end = pending.indexOf("\n\n")) {
          const event = pending.slice(0, end);
          pending = pending.slice(end + 2);
          if (!TOKEN_EVENT.test(event)) continue;
          last = performance.now();
          first ??= last;
          tokens += 1;
        }
      });
      response.on("end", () => {
        if (response.statusCode !== 200) return reject(new Error(`${url}: ${response.statusCode} ${pending}`));
        if (first === null) return reject(new Error(`${url}: no tokens`));
        resolve({ ttftMs: first - start, tokens, decodeTokPerS: ((tokens - 1) * 1000) / Math.max(1e-6, last - first), endMs: performance.now() - start });
      });
      response.on("error", (error) => reject(new Error(`${url}: ${error.message}`)));
    });
    request.on("error", (error) => reject(new Error(`${url}: ${error.message}`)));
    request.end(text);
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Batch {
  samples: Sample[];
  wallMs: number;
}

/** The whole machine's busy and total CPU time so far, in ticks, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.reduce((sum, v) => sum + v, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

interface Usage {
  /** CPU of the hop (the console or the bare proxy) in ms; 0 for direct. */
  hopCpuMs: number;
  /** CPU of the console in ms, whichever path the requests took: what it spends anyway (logs, telemetry) shows on the others. */
  consoleCpuMs: number;
  /** CPU of the console's /v1 gateway process alone, in ms. */
  gatewayCpuMs: number;
  machineBusy: number;
  machineTotal: number;
}

/** Runs `work` and adds the CPU the hop, the console and the machine spent on it to `usage`. */
async function measured<T>(usage: Usage, hopCpuMs: (() => number) | null, consolePid: number, work: () => Promise<T>): Promise<T> {
  const hopBefore = hopCpuMs ? hopCpuMs() : 0;
  const consoleBefore = consoleCpuMs(consolePid);
  const gatewayBefore = consoleCpuMs(consolePid) - processCpuMs(consolePid);
  const machineBefore = machineTicks();
  const result = await work();
  const machineAfter = machineTicks();
  usage.hopCpuMs += hopCpuMs ? hopCpuMs() - hopBefore : 0;
  usage.consoleCpuMs += consoleCpuMs(consolePid) - consoleBefore;
  usage.gatewayCpuMs += consoleCpuMs(consolePid) - processCpuMs(consolePid) - gatewayBefore;
  usage.machineBusy += machineAfter.busy - machineBefore.busy;
  usage.machineTotal += machineAfter.total - machineBefore.total;
  return result;
}

type Send = (maxTokens: number) => Promise<Sample>;

/** `concurrency` requests started at the same instant. */
async function burst(concurrency: number, send: Send): Promise<Batch> {
  const start = performance.now();
  const samples = await Promise.all(Array.from({ length: concurrency }, () => send(MAX_TOKENS)));
  return { samples, wallMs: performance.now() - start };
}

/** `lengths.length` requests with `concurrency` of them in flight at all times (a closed loop). */
async function steady(concurrency: number, lengths: readonly number[], send: Send): Promise<Batch> {
  const start = performance.now();
  const samples: Sample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < lengths.length) samples.push(await send(lengths[next++]!));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, wallMs: performance.now() - start };
}

/** The same spread of lengths for every path: mean ± 50%, from a fixed seed. */
function requestLengths(count: number, mean: number): number[] {
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.round(mean * (0.5 + seed / 2 ** 31));
  });
}

function summarise(batches: Batch[]) {
  const samples = batches.flatMap((b) => b.samples);
  const tokens = samples.reduce((sum, s) => sum + s.tokens, 0);
  const wall = batches.reduce((sum, b) => sum + b.wallMs, 0);
  return { ttft: median(samples.map((s) => s.ttftMs)), perStream: median(samples.map((s) => s.decodeTokPerS)), aggregate: (tokens * 1000) / wall, n: samples.length, tokens };
}

const MODES = ["direct", "console", "bare proxy"] as const;
type Mode = (typeof MODES)[number];

interface Target {
  /** The instance's id in the console, its port and own API key, and a bare proxy in front of it. */
  id: string;
  port: number;
  /** Its served model name. */
  model: string;
  apiKey: string | null;
  proxyPort: number;
  proxyPid: number;
}

const stopProxies: (() => void)[] = [];

async function launch(consoleUrl: string, dataDir: string, name: string, gpu: number, tokensPerStream: number): Promise<Target> {
  const port = await freePort();
  // The simulator's rate is its environment; a profile's own variables are a console feature, used here as a user would.
  // Each instance serves its own model name, so the gateway sends each load to the instance it is meant for.
  const profile = glmProfile(port, { name, gpuIds: [gpu], env: { SGLANG_SIM_TOKENS_PER_S: String(tokensPerStream / SPEED) }, flags: { "--served-model-name": name } });
  const launched = await api<{ instance: { id: string } }>(consoleUrl, "POST", "/api/instances", { profile });
  const id = launched.body.instance.id;
  for (let i = 0; i < 600; i++) {
    const view = await getInstance(consoleUrl, id);
    if (view.phase === "ready") break;
    if (i === 599) throw new Error(`instance ${name} not ready: ${view.phase}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const proxyPort = await freePort();
  const proxy = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support/pipe-proxy.ts"), String(proxyPort), String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  stopProxies.push(() => proxy.kill());
  await new Promise<void>((resolve, reject) => {
    proxy.stdout.once("data", () => resolve());
    proxy.once("exit", (code) => reject(new Error(`pipe proxy exited with ${code}`)));
  });
  return { id, port, model: name, apiKey: instanceApiKey(dataDir, id), proxyPort, proxyPid: proxy.pid! };
}

async function main() {
  const console_ = await startConsole({ env: { SGLANG_SIM_SPEED: String(SPEED), ...(process.env.BENCH_CONSOLE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CONSOLE_NODE_OPTIONS } : {}) } });
  try {
    const fast = await launch(console_.url, console_.dataDir, "bench-fast", 0, TOKENS_PER_S);
    const batch = await launch(console_.url, console_.dataDir, "bench-batch", 1, BATCH_TOKENS_PER_S);
    const messages = [{ role: "user", content: "Write a long story about a lighthouse." }];
    const params = (maxTokens: number) => ({ max_tokens: maxTokens, ignore_eos: true, temperature: 0 });
    const upstreamBody = (model: string, maxTokens: number) => ({ model, messages, ...params(maxTokens), stream: true, stream_options: { include_usage: true } });
    const gatewayKey = HOP === "gateway" ? (await api<{ secret: string }>(console_.url, "POST", "/api/keys", { name: "bench" })).body.secret : null;
    const sendersTo = (target: Target): Record<Mode, Send> => ({
      direct: (maxTokens) => stream(`http://127.0.0.1:${target.port}/v1/chat/completions`, upstreamBody(target.model, maxTokens), target.apiKey),
      console:
        HOP === "gateway"
          ? (maxTokens) => stream(`${console_.url}/v1/chat/completions`, upstreamBody(target.model, maxTokens), gatewayKey)
          : (maxTokens) => stream(`${console_.url}/api/instances/${target.id}/playground/chat`, { messages, params: params(maxTokens), stream: true }),
      "bare proxy": (maxTokens) => stream(`http://127.0.0.1:${target.proxyPort}/v1/chat/completions`, upstreamBody(target.model, maxTokens), target.apiKey),
    });
    const hopCpuOf = (target: Target): Record<Mode, (() => number) | null> => ({
      direct: null,
      console: () => consoleCpuMs(console_.process.pid!),
      "bare proxy": () => processCpuMs(target.proxyPid),
    });

    for (const target of [fast, batch]) for (let i = 0; i < 5; i++) await Promise.all(MODES.map((mode) => sendersTo(target)[mode](20))); // warm-up: JIT, connection pools
    console.log(`stream bench through the console's ${HOP === "gateway" ? "/v1 gateway (a personal API key)" : "playground route"}: ${os.cpus().length} CPUs; ${MAX_TOKENS} tokens per request (+ reasoning) at ${TOKENS_PER_S} tokens/s per stream; ${BATCH_MAX_TOKENS} at ${BATCH_TOKENS_PER_S} for the batch`);
    const loads = [
      { key: "1", load: "1 stream", target: fast, rounds: ROUNDS.single, run: (send: Send) => burst(1, send) },
      { key: "32", load: "32 streams", target: fast, rounds: ROUNDS.steady, run: (send: Send) => steady(32, requestLengths(32 * STEADY_REQUESTS_PER_WORKER, MAX_TOKENS), send) },
      { key: "burst", load: "32 at once", target: fast, rounds: ROUNDS.burst, run: (send: Send) => burst(32, send) },
      { key: "batch", load: `32 streams at ${BATCH_TOKENS_PER_S} tok/s`, target: batch, rounds: ROUNDS.batch, run: (send: Send) => steady(32, requestLengths(32 * STEADY_REQUESTS_PER_WORKER, BATCH_MAX_TOKENS), send) },
    ].filter((load) => LOADS.includes(load.key));
    const gatewayPids = () => childProcessesMatching(console_.process.pid!, "gateway-process").join(", ");
    const gatewayAtStart = gatewayPids();
    console.log(`the console's /v1 gateway process: ${gatewayAtStart || "none"} (its CPU is counted as the console's)`);
    const report: Record<string, unknown>[] = [];
    for (const { load, target, rounds, run } of loads) {
      const senders = sendersTo(target);
      const hopCpu = hopCpuOf(target);
      const results: Record<Mode, Batch[]> = { direct: [], console: [], "bare proxy": [] };
      const usage = Object.fromEntries(MODES.map((mode) => [mode, { hopCpuMs: 0, consoleCpuMs: 0, gatewayCpuMs: 0, machineBusy: 0, machineTotal: 0 }])) as Record<Mode, Usage>;
      for (let round = 0; round < rounds; round++) {
        // Rotate which goes first so drift in the machine's load hits all alike.
        for (let k = 0; k < MODES.length; k++) {
          const mode = MODES[(round + k) % MODES.length]!;
          results[mode].push(await measured(usage[mode], hopCpu[mode], console_.process.pid!, () => run(senders[mode])));
        }
      }
      const d = summarise(results.direct);
      const c = summarise(results.console);
      const p = summarise(results["bare proxy"]);
      const met = c.ttft - d.ttft <= 5 && c.aggregate / d.aggregate >= 0.98;
      const row = {
        load,
        requests: d.n,
        "TTFT direct ms": d.ttft.toFixed(2),
        "TTFT console ms": c.ttft.toFixed(2),
        "TTFT +ms": (c.ttft - d.ttft).toFixed(2),
        "tok/s/stream direct": d.perStream.toFixed(0),
        "tok/s/stream console": c.perStream.toFixed(0),
        "per-stream ratio": `${((c.perStream / d.perStream) * 100).toFixed(1)}%`,
        "aggregate tok/s direct": d.aggregate.toFixed(0),
        "aggregate tok/s console": c.aggregate.toFixed(0),
        "aggregate ratio": `${((c.aggregate / d.aggregate) * 100).toFixed(1)}%`,
        targets: met ? "met" : "missed",
        "bare proxy: TTFT +ms": (p.ttft - d.ttft).toFixed(2),
        "bare proxy: aggregate ratio": `${((p.aggregate / d.aggregate) * 100).toFixed(1)}%`,
        "CPU µs/token console": ((usage.console.hopCpuMs * 1000) / c.tokens).toFixed(1),
        "CPU µs/token bare proxy": ((usage["bare proxy"].hopCpuMs * 1000) / p.tokens).toFixed(1),
        "CPU per token console / bare proxy": (usage.console.hopCpuMs / c.tokens / (usage["bare proxy"].hopCpuMs / p.tokens)).toFixed(2),
        "of which the gateway process": ((usage.console.gatewayCpuMs * 1000) / c.tokens).toFixed(1),
        "CPU µs/token of the console with requests sent direct": ((usage.direct.consoleCpuMs * 1000) / d.tokens).toFixed(1),
        // What the hop itself costs: the console's CPU per token less what it spends anyway at this load (its reading
        // of SGLang's log, telemetry) with the same requests sent direct; the bare proxy spends nothing besides the hop.
        "CPU per token the hop adds, console / bare proxy": ((usage.console.hopCpuMs / c.tokens - usage.direct.consoleCpuMs / d.tokens) / (usage["bare proxy"].hopCpuMs / p.tokens)).toFixed(2),
        "machine busy direct/console/bare": MODES.map((mode) => `${Math.round((100 * usage[mode].machineBusy) / usage[mode].machineTotal)}%`).join("/"),
      };
      report.push(row);
      console.log(JSON.stringify(row));
    }
    // A restarted gateway process would have taken its CPU time with it.
    if (gatewayPids() !== gatewayAtStart) throw new Error(`the gateway process changed during the bench (${gatewayAtStart} -> ${gatewayPids()}): its CPU was not all counted`);
    console.table(report);
    console.log(`targets: median TTFT at most 5 ms above direct, aggregate throughput at least 98% of direct${HOP === "gateway" ? "; the console's CPU per token at most 1.3 times the bare proxy's" : ""}`);
  } catch (error) {
    console.error(`console output (last 3,000 characters):\n${console_.output().slice(-3000)}`);
    throw error;
  } finally {
    for (const stop of stopProxies) stop();
    await console_.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
