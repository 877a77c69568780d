// One download job from listing to the last file in place: check the space, fetch up to `parallel` files at once,
// retry each with backoff (asking the hub for a fresh URL every time), then write the layout's metadata.
// Progress is a plain object the runner mutates and reports; the service decides how often anyone hears of it.
import fs from "node:fs/promises";
import type { FileInFlight } from "../../lib/downloads";
import { matchesAny } from "../../lib/file-patterns";
import { formatBytes } from "../../lib/decimal-bytes";
import { fetchFile, partSize } from "./fetch-file";
import { HubRequestError } from "./hub-error";
import type { DownloadLayout } from "./layouts";
import type { HubSource, RemoteFile, RepoListing } from "./remote-file";

export interface DownloadProgress {
  state: "downloading" | "verifying";
  bytesTotal: number | null;
  filesTotal: number | null;
  bytesDone: number;
  filesDone: number;
  inFlight: Map<string, FileInFlight>;
}

export interface RunDownloadOptions {
  source: HubSource;
  layout: DownloadLayout;
  repo: string;
  revision: string;
  targetDir: string;
  include: string[];
  signal: AbortSignal;
  idleMs: number;
  parallel: number;
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
  progress: DownloadProgress;
  report: () => void;
  log: (message: string) => void;
}

/** Ends the job as failed: retrying cannot help (no space, gated, not found, retries spent). */
export class DownloadFailedError extends Error {}
/** Ends the job as paused: the disk filled while writing; nothing is deleted, resume once there is room. */
export class DiskFullError extends Error {}


export async function runDownload(options: RunDownloadOptions): Promise<RepoListing> {
  const { progress, layout } = options;
  const listing = await withRetries(options, "the file list", () => options.source.list(options.signal));
  const files = listing.files.filter((file) => matchesAny(file.path, options.include));
  if (files.length === 0) throw new DownloadFailedError(`${options.repo} has no files matching ${options.include.join(", ") || "anything"} at ${options.revision}`);
  progress.filesTotal = files.length;
  progress.bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  const pending: RemoteFile[] = [];
  const onDisk = new Map<RemoteFile, number>();
  for (const file of files) {
    const done = await fs.stat(layout.finalPath(file)).then((stat) => stat.size === file.size, () => false);
    if (done) {
      progress.filesDone++;
      progress.bytesDone += file.size;
    } else {
      pending.push(file);
      onDisk.set(file, await partSize(layout.partPath(file)));
    }
  }
  options.report();
  await checkSpace(options.targetDir, pending.reduce((sum, file) => sum + file.size - (onDisk.get(file) ?? 0), 0));
  await fetchAll(options, pending, listing);
  progress.state = "verifying";
  options.report();
  const fetched = { ...listing, files };
  await layout.finish(fetched, options.revision);
  return fetched;
}

/** Up to `parallel` files at once; the first failure stops the others, so a job never half-runs. */
async function fetchAll(options: RunDownloadOptions, files: RemoteFile[], listing: RepoListing): Promise<void> {
  const inner = new AbortController();
  const forward = () => inner.abort(options.signal.reason);
  options.signal.addEventListener("abort", forward, { once: true });
  const queue = [...files];
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    try {
      for (let file = queue.shift(); file && !inner.signal.aborted; file = queue.shift()) await fetchWithRetries({ ...options, signal: inner.signal }, file, listing);
    } catch (error) {
      failure ??= { error };
      inner.abort(error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel, queue.length) }, worker));
  options.signal.removeEventListener("abort", forward);
  if (failure) throw (failure as { error: unknown }).error;
}

async function fetchWithRetries(options: RunDownloadOptions, file: RemoteFile, listing: RepoListing): Promise<void> {
  const { progress } = options;
  const entry: FileInFlight = { path: file.path, bytesDone: 0, size: file.size, attempt: 1 };
  progress.inFlight.set(file.path, entry);
  try {
    await withRetries(options, file.path, (attempt) => {
      entry.attempt = attempt;
      return fetchFile({
        url: options.source.fileUrl(file, listing),
        headers: options.source.headers,
        credentialsHost: options.source.host,
        signal: options.signal,
        idleMs: options.idleMs,
        what: { repo: options.repo, revision: options.revision },
        file,
        partPath: options.layout.partPath(file),
        finalPath: options.layout.finalPath(file),
        onBytes: (bytes) => {
          progress.bytesDone += bytes - entry.bytesDone;
          entry.bytesDone = bytes;
          options.report();
        },
      });
    });
    progress.bytesDone += file.size - entry.bytesDone;
    progress.filesDone++;
  } finally {
    progress.inFlight.delete(file.path);
    options.report();
  }
}

async function withRetries<T>(options: RunDownloadOptions, what: string, attemptOnce: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(attempt);
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      if (isDiskFull(error)) throw new DiskFullError(`the disk holding ${options.targetDir} is full: free some space, then resume (nothing was deleted)`);
      if (error instanceof HubRequestError && !error.retryable) throw new DownloadFailedError(error.message);
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= options.maxAttempts) throw new DownloadFailedError(`${what}: gave up after ${attempt} attempts; the last: ${message}`);
      const waitMs = error instanceof HubRequestError && error.retryAfterMs !== null ? error.retryAfterMs : options.backoffMs(attempt);
      options.log(`${options.repo} ${what}: attempt ${attempt} failed (${message}); retrying in ${waitMs} ms`);
      await sleep(waitMs, options.signal);
    }
  }
}

async function checkSpace(targetDir: string, neededBytes: number): Promise<void> {
  await fs.mkdir(targetDir, { recursive: true });
  const stats = await fs.statfs(targetDir);
  const free = stats.bavail * stats.bsize;
  if (neededBytes > free) throw new DownloadFailedError(`${formatBytes(neededBytes)} more are needed but ${targetDir} has ${formatBytes(free)} free: free some space or pick another folder`);
}

const isDiskFull = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOSPC" || (error as NodeJS.ErrnoException | null)?.code === "EDQUOT";

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
