// Digests of files being downloaded, computed in worker threads (hash-worker.mjs) so that hashing, the largest cost per
// byte, never holds up the thread that reads the connections and writes the parts. A digest lives in one worker, which
// receives its bytes in order through a ring of shared memory (RING bytes per digest): copied in once on disk, handed
// back once hashed. A digest whose ring is full makes its writer wait, so memory stays fixed. (Transferring the
// socket's buffers instead left each worker with tens of MB of garbage between its collections: +130 MB RSS.)
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { findProjectRoot } from "../project-root";
import type { RemoteFile } from "./remote-file";

const RING = 4 * 1024 * 1024;
/** At most this much per message, so a piece always fits the ring. */
const PIECE = RING / 4;
/** A worker with no digest for this long ends, giving its memory back. */
const IDLE_MS = 30_000;

type WorkerAnswer = { id: number; type: "hashed"; release: number } | { id: number; type: "digest"; hex: string | null; error: string | null };

interface PoolWorker {
  worker: Worker;
  digests: Map<number, WorkerDigest>;
  idleTimer: NodeJS.Timeout | null;
}

let nextId = 1;
const workers: PoolWorker[] = [];
/** Up to 4, leaving one core to the thread that reads the connections. */
const poolSize = () => Math.max(1, Math.min(4, os.availableParallelism() - 1));

/** A running digest of one file, of the kind the hub gives for it (git's blob id hashes a header first). */
export function startFileDigest(file: RemoteFile): FileDigest {
  const host = pickWorker();
  const digest = new WorkerDigest(host, nextId++);
  host.digests.set(digest.id, digest);
  const [algorithm, header] = file.digest.kind === "sha256" ? ["sha256", ""] : ["sha1", `blob ${file.size}\0`];
  host.worker.postMessage({ type: "start", id: digest.id, algorithm, header, ring: digest.ring.buffer });
  return digest;
}

export interface FileDigest {
  /** Feeds the first `bytes` of a file on disk (a resumed part is hashed whole before it counts). */
  hashFilePrefix(filePath: string, bytes: number): void;
  /** Copies the buffers into the digest's ring; resolves once they are all in (the caller may then reuse them). */
  update(buffers: Buffer[]): Promise<void>;
  /** The hex digest of everything fed; the digest is finished. */
  digest(): Promise<string>;
  /** Forgets the digest (an attempt that failed). */
  discard(): void;
}

class WorkerDigest implements FileDigest {
  readonly ring = new Uint8Array(new SharedArrayBuffer(RING));
  private head = 0;
  /** Ring bytes handed to the worker and not yet released (pieces, and the tails skipped to wrap around). */
  private held = 0;
  private waiting: (() => void) | null = null;
  private answer: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;
  private finished = false;
  private failed: Error | null = null;

  constructor(private readonly host: PoolWorker, readonly id: number) {}

  hashFilePrefix(filePath: string, bytes: number): void {
    if (bytes > 0) this.host.worker.postMessage({ type: "prefix", id: this.id, path: filePath, bytes });
  }

  async update(buffers: Buffer[]): Promise<void> {
    for (const buffer of buffers) {
      for (let at = 0; at < buffer.length; at += PIECE) await this.send(buffer.subarray(at, at + PIECE));
    }
  }

  private async send(piece: Buffer): Promise<void> {
    const wrap = this.head + piece.length > RING;
    const release = piece.length + (wrap ? RING - this.head : 0);
    while (this.held + release > RING) {
      if (this.failed) throw this.failed;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const from = wrap ? 0 : this.head;
    this.ring.set(piece, from);
    this.head = from + piece.length;
    this.held += release;
    this.host.worker.postMessage({ type: "update", id: this.id, from, length: piece.length, release });
  }

  digest(): Promise<string> {
    this.finished = true;
    return new Promise((resolve, reject) => {
      this.answer = { resolve, reject };
      this.host.worker.postMessage({ type: "digest", id: this.id });
    });
  }

  discard(): void {
    if (this.finished) return;
    this.finished = true;
    this.host.worker.postMessage({ type: "drop", id: this.id });
    this.release();
  }

  /** From the worker. */
  hear(message: WorkerAnswer): void {
    if (message.type === "hashed") {
      this.held -= message.release;
      this.wake();
      return;
    }
    this.release();
    if (message.hex !== null) this.answer?.resolve(message.hex);
    else this.answer?.reject(new Error(`cannot hash: ${message.error ?? "unknown error"}`));
  }

  fail(error: Error): void {
    this.failed = error;
    this.release();
    this.wake();
    this.answer?.reject(error);
  }

  private wake(): void {
    const resume = this.waiting;
    this.waiting = null;
    resume?.();
  }

  private release(): void {
    this.host.digests.delete(this.id);
    if (this.host.digests.size === 0) armIdle(this.host);
  }
}

/** Starts the pool's threads before the first digest needs one (each takes tens of ms to start), while a job lists its files. */
export function warmHashPool(): void {
  while (workers.length < poolSize()) armIdle(spawnWorker());
}

function pickWorker(): PoolWorker {
  const least = workers.reduce<PoolWorker | null>((best, host) => (best && best.digests.size <= host.digests.size ? best : host), null);
  const host = least && (least.digests.size === 0 || workers.length >= poolSize()) ? least : spawnWorker();
  if (host.idleTimer) clearTimeout(host.idleTimer);
  host.idleTimer = null;
  return host;
}

function spawnWorker(): PoolWorker {
  const worker = new Worker(path.join(findProjectRoot(), "server/downloads/hash-worker.mjs"));
  worker.unref();
  const host: PoolWorker = { worker, digests: new Map(), idleTimer: null };
  worker.on("message", (message: WorkerAnswer) => host.digests.get(message.id)?.hear(message));
  const lost = (error: Error) => {
    forget(host);
    for (const digest of [...host.digests.values()]) digest.fail(new Error(`the hashing thread stopped: ${error.message}`));
  };
  worker.on("error", lost);
  worker.on("exit", (code) => {
    if (workers.includes(host)) lost(new Error(`exit code ${code}`));
  });
  workers.push(host);
  return host;
}

function armIdle(host: PoolWorker): void {
  if (host.idleTimer) clearTimeout(host.idleTimer);
  host.idleTimer = setTimeout(() => {
    if (host.digests.size > 0) return;
    forget(host);
    void host.worker.terminate();
  }, IDLE_MS);
  host.idleTimer.unref();
}

function forget(host: PoolWorker): void {
  const at = workers.indexOf(host);
  if (at >= 0) workers.splice(at, 1);
}
