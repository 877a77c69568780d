// Runs one download job in a worker thread (download-thread.ts) and mirrors it here: its progress into the same
// DownloadProgress object the service reads, its log lines, and its end as the errors runDownload throws.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { DownloadLayoutKind, FileInFlight } from "../../lib/downloads";
import { DiskFullError, DownloadFailedError, type DownloadProgress } from "./run-download";
import type { SourceSpec } from "./source-spec";

export interface ThreadJob {
  source: SourceSpec;
  layout: DownloadLayoutKind;
  repo: string;
  revision: string;
  targetDir: string;
  include: string[];
  parallel: number;
  maxAttempts: number;
  /** Backoff between attempts: firstMs, doubling, at most maxMs. */
  backoff: { firstMs: number; maxMs: number };
}

export type ThreadProgress = Omit<DownloadProgress, "inFlight"> & { inFlight: FileInFlight[] };

export type ThreadMessage =
  | { type: "progress"; progress: ThreadProgress }
  | { type: "log"; message: string }
  | { type: "end"; outcome: "done"; modelPath: string }
  | { type: "end"; outcome: "aborted" | "disk_full" | "failed" | "unexpected"; message: string };

/** The thread's file beside this one: .js once built, .ts under tsx (a worker inherits tsx's loader with execArgv). */
const THREAD_FILE = path.join(__dirname, `download-thread${path.extname(__filename)}`);

/**
 * The thread's young generation, in MB. Each socket read's buffer lives outside the heap; with V8's default, few
 * scavenges ran, the buffers' external memory piled up, and V8 collected the whole heap for it 70–80 times per 2 GB
 * download. At 2 MB, scavenges free the buffers first (1–6 full collections), and the engine alone spent 5.2–5.7 s of
 * user CPU per 2 GB on a 2.5 Gbit/s link against 6.4–6.9 s (the same on loopback).
 */
const YOUNG_GENERATION_MB = 2;

/** Resolves with the folder to launch; rejects as runDownload would (DiskFullError, DownloadFailedError, the abort's reason). */
export function downloadInThread(job: ThreadJob, hooks: { progress: DownloadProgress; report: () => void; log: (message: string) => void; signal: AbortSignal }): Promise<string> {
  const worker = new Worker(THREAD_FILE, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const abort = () => worker.postMessage({ type: "abort", reason: hooks.signal.reason instanceof Error ? hooks.signal.reason.message : "stopped" });
  if (hooks.signal.aborted) abort();
  else hooks.signal.addEventListener("abort", abort, { once: true });
  return new Promise<string>((resolve, reject) => {
    let ended = false;
    worker.on("message", (message: ThreadMessage) => {
      if (message.type === "log") return hooks.log(message.message);
      if (message.type === "progress") {
        Object.assign(hooks.progress, message.progress, { inFlight: new Map(message.progress.inFlight.map((file) => [file.path, file])) });
        return hooks.report();
      }
      ended = true;
      if (message.outcome === "done") resolve(message.modelPath);
      else if (message.outcome === "aborted") reject(hooks.signal.reason);
      else if (message.outcome === "disk_full") reject(new DiskFullError(message.message));
      else if (message.outcome === "failed") reject(new DownloadFailedError(message.message));
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      ended = true;
      reject(new Error(`the download's thread failed: ${error.message}`));
    });
    worker.once("exit", (code) => {
      hooks.signal.removeEventListener("abort", abort);
      if (!ended) reject(new Error(`the download's thread ended (exit code ${code}) before the download did`));
    });
  });
}
