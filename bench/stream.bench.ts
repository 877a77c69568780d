/**
 * Bench for the playground's streaming proxy: the same streamed chat requests sent (a) straight to the
 * simulator, (b) through the console's route (browser → console → openai SDK → simulator) and (c) through
 * a bare Node pipe proxy (the floor for any extra hop on this machine), in the same run, interleaved
 * round by round, at 1 and 32 concurrent streams.
 * Reports median time to first token, median per-stream decode throughput and aggregate throughput.
 * Targets: median TTFT at most 5 ms above direct; throughput at least 98% of direct.
 * Env: BENCH_TOKENS_PER_S (simulated rate per stream, default 2000), BENCH_MAX_TOKENS (default 400),
 * BENCH_ROUNDS_1 (default 40), BENCH_ROUNDS_32 (default 24: at 6 the 32-stream median moved by ±10 ms between runs).
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createSseParser } from "../lib/playground/sse";
import { api, getInstance, glmProfile } from "../tests/support/api";
import { freePort, startConsole } from "../tests/support/console-process";

const TOKENS_PER_S = Number(process.env.BENCH_TOKENS_PER_S ?? 2000);
const MAX_TOKENS = Number(process.env.BENCH_MAX_TOKENS ?? 400);
const ROUNDS: Record<number, number> = { 1: Number(process.env.BENCH_ROUNDS_1 ?? 40), 32: Number(process.env.BENCH_ROUNDS_32 ?? 24) };
const SPEED = 1000;

interface Sample {
  ttftMs: number;
  tokens: number;
  decodeTokPerS: number;
  endMs: number;
}

/** One streamed request; the client work (SSE parsing, JSON per chunk) is the same for both paths. */
async function stream(url: string, body: unknown): Promise<Sample> {
  const start = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let first: number | null = null;
  let last = 0;
  let tokens = 0;
  const parser = createSseParser((event) => {
    if (event.event !== "message" || event.data === "[DONE]") return;
    const chunk = JSON.parse(event.data) as { choices?: { delta?: { content?: string | null; reasoning_content?: string | null } }[] };
    const delta = chunk.choices?.[0]?.delta;
    if (delta?.content || delta?.reasoning_content) {
      const now = performance.now();
      first ??= now;
      last = now;
      tokens += 1;
    }
  });
  const decoder = new TextDecoder();
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(part, { stream: true }));
  parser.end();
  if (first === null) throw new Error(`${url}: no tokens`);
  return { ttftMs: first - start, tokens, decodeTokPerS: ((tokens - 1) * 1000) / Math.max(1e-6, last - first), endMs: performance.now() - start };
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

async function batch(concurrency: number, send: () => Promise<Sample>): Promise<Batch> {
  const start = performance.now();
  const samples = await Promise.all(Array.from({ length: concurrency }, send));
  return { samples, wallMs: performance.now() - start };
}

function summarise(batches: Batch[]) {
  const samples = batches.flatMap((b) => b.samples);
  const tokens = samples.reduce((sum, s) => sum + s.tokens, 0);
  const wall = batches.reduce((sum, b) => sum + b.wallMs, 0);
  return { ttft: median(samples.map((s) => s.ttftMs)), perStream: median(samples.map((s) => s.decodeTokPerS)), aggregate: (tokens * 1000) / wall, n: samples.length };
}

let stopProxy = () => undefined as unknown;

async function main() {
  const console_ = await startConsole({ env: { SGLANG_SIM_SPEED: String(SPEED), SGLANG_SIM_TOKENS_PER_S: String(TOKENS_PER_S / SPEED) } });
  try {
    const port = await freePort();
    const launched = await api<{ instance: { id: string } }>(console_.url, "POST", "/api/instances", { profile: glmProfile(port, { name: "bench" }) });
    const id = launched.body.instance.id;
    for (let i = 0; i < 600; i++) {
      const view = await getInstance(console_.url, id);
      if (view.phase === "ready") break;
      if (i === 599) throw new Error(`instance not ready: ${view.phase}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const proxyPort = await freePort();
    const proxy = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support/pipe-proxy.ts"), String(proxyPort), String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    stopProxy = () => proxy.kill();
    await new Promise<void>((resolve, reject) => {
      proxy.stdout.once("data", () => resolve());
      proxy.once("exit", (code) => reject(new Error(`pipe proxy exited with ${code}`)));
    });
    const messages = [{ role: "user", content: "Write a long story about a lighthouse." }];
    const params = { max_tokens: MAX_TOKENS, ignore_eos: true, temperature: 0 };
    const direct = () =>
      stream(`http://127.0.0.1:${port}/v1/chat/completions`, { model: "glm-4.7-flash", messages, ...params, stream: true, stream_options: { include_usage: true } });
    const viaConsole = () => stream(`${console_.url}/api/instances/${id}/playground/chat`, { messages, params, stream: true });
    const viaBareProxy = () =>
      stream(`http://127.0.0.1:${proxyPort}/v1/chat/completions`, { model: "glm-4.7-flash", messages, ...params, stream: true, stream_options: { include_usage: true } });
    const senders = { direct, console: viaConsole, "bare proxy": viaBareProxy };

    for (let i = 0; i < 5; i++) await Promise.all([direct(), viaConsole(), viaBareProxy()]); // warm-up: JIT, connection pools
    console.log(`stream bench: ${os.cpus().length} CPUs, ${TOKENS_PER_S} tokens/s per stream (simulated), ${MAX_TOKENS} tokens per request (+ reasoning)`);
    const report: Record<string, unknown>[] = [];
    for (const concurrency of [1, 32]) {
      const modes = ["direct", "console", "bare proxy"] as const;
      const results = { direct: [] as Batch[], console: [] as Batch[], "bare proxy": [] as Batch[] };
      for (let round = 0; round < ROUNDS[concurrency]!; round++) {
        // Rotate which goes first so drift in the machine's load hits all alike.
        for (let k = 0; k < modes.length; k++) {
          const mode = modes[(round + k) % modes.length]!;
          results[mode].push(await batch(concurrency, senders[mode]));
        }
      }
      const d = summarise(results.direct);
      const c = summarise(results.console);
      const p = summarise(results["bare proxy"]);
      const row = {
        concurrency,
        streams: d.n,
        "TTFT direct ms": d.ttft.toFixed(2),
        "TTFT console ms": c.ttft.toFixed(2),
        "TTFT +ms": (c.ttft - d.ttft).toFixed(2),
        "tok/s/stream direct": d.perStream.toFixed(0),
        "tok/s/stream console": c.perStream.toFixed(0),
        "per-stream ratio": `${((c.perStream / d.perStream) * 100).toFixed(1)}%`,
        "aggregate tok/s direct": d.aggregate.toFixed(0),
        "aggregate tok/s console": c.aggregate.toFixed(0),
        "aggregate ratio": `${((c.aggregate / d.aggregate) * 100).toFixed(1)}%`,
        "bare proxy: TTFT +ms": (p.ttft - d.ttft).toFixed(2),
        "bare proxy: aggregate ratio": `${((p.aggregate / d.aggregate) * 100).toFixed(1)}%`,
      };
      report.push(row);
      console.log(JSON.stringify(row));
    }
    console.table(report);
    const ok = report.every((r) => Number(r["TTFT +ms"]) <= 5 && parseFloat(String(r["aggregate ratio"])) >= 98);
    console.log(ok ? "targets met: TTFT within 5 ms of direct, throughput at least 98% of direct" : "targets NOT met");
  } finally {
    stopProxy();
    await console_.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
