/**
 * Bench for the SGLang log diagnoser: writes a ~100 MB realistic log (a tp 4 start-up with
 * progress bars, then many serving lines from several ranks, a failure at the end) to a temp
 * file, then streams it (1) through a plain read as a baseline and (2) through the diagnoser.
 * Reports seconds, MB/s, peak RSS growth and the ratio to the baseline.
 * Targets (2-core machine): <= 3 s and <= 100 MB RSS growth for the diagnoser run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { diagnoseBytes } from "../lib/diagnose";
import { createLogDiagnoser } from "../lib/sglang-log";

const TARGET_MB = Number(process.env.BENCH_MB ?? 100);
const TARGET_BYTES = TARGET_MB * 1024 * 1024;

function stamp(sec: number): string {
  const t = new Date(Date.UTC(2026, 2, 11, 14, 0, 0) + sec * 1000);
  return t.toISOString().slice(0, 19).replace("T", " ");
}

function startup(tp: number): string {
  const out: string[] = [];
  const ranks = Array.from({ length: tp }, (_, i) => `TP${i}`);
  out.push(`[${stamp(0)}] server_args=ServerArgs(model_path='/models/GLM-4.7-Flash', tokenizer_path='/models/GLM-4.7-Flash', served_model_name='glm-4.7-flash', host='0.0.0.0', port=8000, mem_fraction_static=0.8, tp_size=${tp}, dp_size=1, ep_size=1, pp_size=1, context_length=None, speculative_algorithm=None, disable_cuda_graph=False, cuda_graph_max_bs=160, watchdog_timeout=300, log_level='info')`);
  for (const r of ranks) out.push(`[${stamp(2)} ${r}] Init torch distributed begin.`);
  for (const r of ranks) out.push(`[${stamp(5)} ${r}] Init torch distributed ends. mem usage=0.41 GB`);
  for (const r of ranks) out.push(`[${stamp(6)} ${r}] Load weight begin. avail mem=78.29 GB`);
  const bar: string[] = [];
  for (let i = 0; i <= 48; i += 6) bar.push(`Loading safetensors checkpoint shards: ${String(Math.round((i / 48) * 100)).padStart(3)}% Completed | ${i}/48 [00:${String(i).padStart(2, "0")}<00:10,  2.30it/s]`);
  out.push(`${bar.join("\r")}\r${ranks.length > 1 ? `[${stamp(26)} TP1] Load weight end. elapsed=23.18 s, type=Glm4MoeLiteForCausalLM, avail mem=63.77 GB, mem usage=14.52 GB.` : ""}`);
  for (const r of ranks) out.push(`[${stamp(26)} ${r}] Load weight end. elapsed=23.18 s, type=Glm4MoeLiteForCausalLM, avail mem=63.77 GB, mem usage=14.52 GB.`);
  for (const r of ranks) out.push(`[${stamp(27)} ${r}] KV Cache is allocated. #tokens: 968832, KV size: 48.83 GB`);
  for (const r of ranks) out.push(`[${stamp(27)} ${r}] Memory pool end. avail mem=14.94 GB`);
  for (const r of ranks) out.push(`[${stamp(28)} ${r}] Capture cuda graph begin. This can take up to several minutes. avail mem=14.94 GB`);
  const cap: string[] = [];
  for (let i = 0; i <= 23; i++) cap.push(`Capturing batches (bs=${Math.max(1, 160 - i * 8)} avail_mem=14.${String(94 - i).padStart(2, "0")} GB): ${String(Math.round((i / 23) * 100)).padStart(3)}%|█████     | ${i}/23 [00:07<00:00,  3.05it/s]`);
  out.push(cap.join("\r"));
  for (const r of ranks) out.push(`[${stamp(36)} ${r}] Capture cuda graph end. Time elapsed: 8.04 s. mem usage=0.80 GB. avail mem=14.14 GB.`);
  out.push(`[${stamp(37)} TP0] max_total_num_tokens=968832, chunked_prefill_size=8192, max_prefill_tokens=16384, max_running_requests=2048, context_len=202752, available_gpu_mem=14.14 GB`);
  out.push("INFO:     Started server process [35418]", "INFO:     Waiting for application startup.", "INFO:     Application startup complete.", "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)");
  out.push('INFO:     127.0.0.1:46619 - "GET /get_model_info HTTP/1.1" 200 OK');
  out.push(`[${stamp(39)} TP0] Prefill batch, #new-seq: 1, #new-token: 6, #cached-token: 0, token usage: 0.00, #running-req: 0, #queue-req: 0, `);
  out.push('INFO:     127.0.0.1:45344 - "POST /generate HTTP/1.1" 200 OK');
  out.push(`[${stamp(40)}] The server is fired up and ready to roll!`);
  return `${out.join("\n")}\n`;
}

function servingBlock(i: number): string {
  const sec = 60 + Math.floor(i / 10);
  const run = (i * 7) % 64;
  const tok = 1000 + ((i * 37) % 90000);
  const lines = [
    `[${stamp(sec)} TP0] Prefill batch, #new-seq: 1, #new-token: ${(i * 13) % 4096}, #cached-token: ${(i * 5) % 512}, token usage: 0.${String(i % 100).padStart(2, "0")}, #running-req: ${run}, #queue-req: ${i % 3}, `,
    `[${stamp(sec)} TP0] Decode batch, #running-req: ${run}, #token: ${tok}, token usage: 0.${String(i % 100).padStart(2, "0")}, cuda graph: True, gen throughput (token/s): ${(1500 + (i % 700)).toFixed(2)}, #queue-req: 0, `,
    `INFO:     10.0.0.${i % 250}:${30000 + (i % 30000)} - "POST /v1/chat/completions HTTP/1.1" 200 OK`,
  ];
  if (i % 50 === 0) lines.push(`[${stamp(sec)}] INFO:     10.0.0.9:5000 - "GET /metrics HTTP/1.1" 200 OK`);
  if (i % 997 === 0) lines.push(`[${stamp(sec)} TP0] WARNING: Request ${i} exceeded the soft deadline; continuing.`);
  return `${lines.join("\n")}\n`;
}

function failure(): string {
  return [
    "[2026-03-12 02:00:00 TP2] Scheduler hit an exception: Traceback (most recent call last):",
    '  File "/usr/local/lib/python3.12/dist-packages/sglang/srt/managers/scheduler.py", line 1010, in event_loop_overlap',
    "    batch_result = self.run_batch(batch)",
    '  File "/usr/local/lib/python3.12/dist-packages/sglang/srt/managers/tp_worker.py", line 260, in forward_batch_generation',
    "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 2 has a total capacity of 79.19 GiB of which 1.10 GiB is free. Including non-PyTorch memory, this process has 78.05 GiB memory in use.",
    "",
    "[2026-03-12 02:00:00] Received sigquit from a child process. It usually means the child failed.",
    "",
  ].join("\n");
}

function writeLog(file: string): number {
  const fd = fs.openSync(file, "w");
  let bytes = 0;
  try {
    const head = startup(4);
    fs.writeSync(fd, head);
    bytes += Buffer.byteLength(head);
    let i = 0;
    const tail = failure();
    while (bytes < TARGET_BYTES - tail.length) {
      const parts: string[] = [];
      let blockBytes = 0;
      while (blockBytes < 1 << 20) {
        const b = servingBlock(i++);
        parts.push(b);
        blockBytes += b.length; // ASCII
      }
      const block = parts.join("");
      fs.writeSync(fd, block);
      bytes += block.length;
    }
    fs.writeSync(fd, tail);
    bytes += tail.length;
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

interface RunResult {
  seconds: number;
  peakRssGrowthMb: number;
}

async function streamFile(file: string, onChunk: (s: string) => void): Promise<RunResult> {
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let n = 0;
  const t0 = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const s = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
    s.on("data", (chunk) => {
      onChunk(chunk as string);
      if ((n++ & 7) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    });
    s.on("end", () => resolve());
    s.on("error", reject);
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakRssGrowthMb: (peak - rss0) / (1024 * 1024) };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sglang-diag-bench-"));
  const file = path.join(dir, "big.log");
  try {
    const tg = process.hrtime.bigint();
    const bytes = writeLog(file);
    const mb = bytes / (1024 * 1024);
    console.log(`generated ${mb.toFixed(1)} MB log in ${(Number(process.hrtime.bigint() - tg) / 1e9).toFixed(2)} s (${file})`);

    let total = 0;
    const base = await streamFile(file, (s) => {
      total += s.length;
    });
    const diagnoser = createLogDiagnoser();
    const diag = await streamFile(file, (s) => {
      diagnoser.push(s);
      diagnoser.snapshot(); // the supervisor calls it after each chunk
    });
    const d = diagnoser.end();
    // The path of POST /api/diagnose and the CLI: raw bytes, streaming UTF-8 decoding, then the diagnoser.
    (globalThis as { gc?: () => void }).gc?.();
    const rssBytes0 = process.memoryUsage().rss;
    let peakBytes = rssBytes0;
    let chunks = 0;
    const tb = process.hrtime.bigint();
    async function* bytesOf(): AsyncGenerator<Uint8Array> {
      for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
        if ((chunks++ & 7) === 0) peakBytes = Math.max(peakBytes, process.memoryUsage().rss);
        yield chunk as Buffer;
      }
    }
    const viaBytes = await diagnoseBytes(bytesOf());
    const bytesRun: RunResult = { seconds: Number(process.hrtime.bigint() - tb) / 1e9, peakRssGrowthMb: (Math.max(peakBytes, process.memoryUsage().rss) - rssBytes0) / (1024 * 1024) };

    const row = (name: string, r: RunResult) =>
      `${name.padEnd(10)} ${r.seconds.toFixed(2).padStart(6)} s  ${(mb / r.seconds).toFixed(1).padStart(7)} MB/s  peak RSS growth ${r.peakRssGrowthMb.toFixed(1).padStart(6)} MB`;
    console.log(row("baseline", base));
    console.log(row("diagnoser", diag));
    console.log(row("bytes", bytesRun) + "  (decode + diagnose, as the API and CLI do)");
    console.log(`ratio diagnoser/baseline: ${(diag.seconds / base.seconds).toFixed(2)}x  (${total} chars read in baseline)`);
    console.log(`result: outcome=${d.outcome} phase=${d.phase} cause=${d.cause} keyLines=${JSON.stringify(d.keyLines)} failedRank=${d.failedRank} lines=${d.linesSeen}`);
    const okTime = diag.seconds <= 3;
    const okMem = diag.peakRssGrowthMb <= 100;
    console.log(`targets: time <= 3 s ${okTime ? "met" : "MISSED"}; RSS growth <= 100 MB ${okMem ? "met" : "MISSED"}`);
    if (d.outcome !== "crashed_while_serving" || d.cause !== "oom_serving" || viaBytes.diagnosis.cause !== d.cause) {
      console.log("unexpected diagnosis for the bench log");
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
