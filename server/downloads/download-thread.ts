// A download job's engine, run in a worker thread of its own (started by download-in-thread.ts). Every socket read
// allocates a buffer outside the JavaScript heap; gigabytes of them make V8 mark the heap again and again. Here that
// heap is a few MB, where in the console's thread it is the whole console's (about 60 MB): marking it was a third of
// the console's CPU per downloaded GB.
import { parentPort, workerData } from "node:worker_threads";
import { warmHashPool } from "./hash-pool";
import { planLayout } from "./layouts";
import { DiskFullError, DownloadFailedError, runDownload, type DownloadProgress } from "./run-download";
import { sourceFromSpec } from "./source-spec";
import type { ThreadJob, ThreadMessage, ThreadProgress } from "./download-in-thread";

/** Progress goes to the console's thread at most this often, and at once when the state or a file count changes. */
const PROGRESS_EVERY_MS = 100;

const job = workerData as ThreadJob;
const port = parentPort!;
const post = (message: ThreadMessage) => port.postMessage(message);
const controller = new AbortController();
port.on("message", (message: { type: "abort"; reason: string }) => {
  if (message.type === "abort") controller.abort(new Error(message.reason));
});

const progress: DownloadProgress = { state: "downloading", bytesTotal: null, filesTotal: null, bytesDone: 0, filesDone: 0, inFlight: new Map() };
let sent: ThreadProgress | null = null;
let timer: NodeJS.Timeout | null = null;
const snapshot = (): ThreadProgress => ({ ...progress, inFlight: [...progress.inFlight.values()].map((file) => ({ ...file })) });
const flush = () => {
  if (timer) clearTimeout(timer);
  timer = null;
  sent = snapshot();
  post({ type: "progress", progress: sent });
};
const report = () => {
  const changed = !sent || sent.state !== progress.state || sent.filesDone !== progress.filesDone || sent.filesTotal !== progress.filesTotal || sent.inFlight.length !== progress.inFlight.size;
  if (changed) flush();
  else timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
};

async function main(): Promise<void> {
  warmHashPool();
  const layout = planLayout(job.layout, job.targetDir, job.repo);
  try {
    const listing = await runDownload({
      source: sourceFromSpec(job.source),
      layout,
      repo: job.repo,
      revision: job.revision,
      targetDir: job.targetDir,
      include: job.include,
      signal: controller.signal,
      idleMs: job.source.idleMs,
      parallel: job.parallel,
      maxAttempts: job.maxAttempts,
      backoffMs: (attempt) => Math.min(job.backoff.firstMs * 2 ** (attempt - 1), job.backoff.maxMs),
      progress,
      report,
      log: (message) => post({ type: "log", message }),
    });
    flush();
    post({ type: "end", outcome: "done", modelPath: layout.modelPath(listing) });
  } catch (error) {
    flush();
    const outcome = controller.signal.aborted ? "aborted" : error instanceof DiskFullError ? "disk_full" : error instanceof DownloadFailedError ? "failed" : "unexpected";
    post({ type: "end", outcome, message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
