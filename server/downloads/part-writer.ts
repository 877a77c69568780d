// The sink a file's bytes stream into: its `.part`, written in batches of at least MIN_BATCH (smaller ones only on
// a slow link, after FLUSH_AFTER_MS, and at the end). While one batch is being written (in libuv's thread pool), what
// arrives meanwhile waits in the stream's buffer and goes out as the next batch (in writes of MAX_WRITE at most): a
// busy disk means fewer trips to the thread pool rather than a queue of small ones, and the buffer's high-water mark
// pauses the connection, so memory stays bounded. Each batch goes to its digest (hash-pool.ts, another thread) once
// on disk.
import type { FileHandle } from "node:fs/promises";
import { Writable, type Readable } from "node:stream";
import type { FileDigest } from "./hash-pool";

/** Socket reads are 64 KiB at most: a write per read costs a promise and a trip to the thread pool each. */
const MIN_BATCH = 256 * 1024;
/** A smaller batch is written once it has waited this long (a slow link). */
const FLUSH_AFTER_MS = 100;
/** Per file: at most this much waits for the disk before the connection is paused (plus the batch being written). */
const HIGH_WATER_MARK = 1024 * 1024;

type Done = (error?: Error | null) => void;

export class PartWriter extends Writable {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  /** The last write, chained after every earlier one: writes happen in order, and a failure fails those after it. */
  private inFlight: Promise<unknown> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;

  /** `onWritten` hears of each batch once it is on disk: the bytes reported are the bytes a restart finds. */
  constructor(
    private readonly handle: FileHandle,
    private readonly digest: FileDigest,
    private readonly onWritten: (bytes: number) => void,
  ) {
    super({ highWaterMark: HIGH_WATER_MARK, decodeStrings: false });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: Done): void {
    this.take([chunk], done);
  }

  override _writev(chunks: { chunk: Buffer }[], done: Done): void {
    this.take(
      chunks.map((entry) => entry.chunk),
      done,
    );
  }

  override _final(done: Done): void {
    (this.batchBytes > 0 ? this.flush() : this.inFlight).then(() => done(), done);
  }

  override _destroy(error: Error | null, done: Done): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    done(error);
  }

  /** Settles once no write is in flight (the handle may then be closed, also after an error). */
  settled(): Promise<void> {
    return this.inFlight.then(
      () => undefined,
      () => undefined,
    );
  }

  private take(buffers: Buffer[], done: Done): void {
    for (const buffer of buffers) {
      this.batch.push(buffer);
      this.batchBytes += buffer.length;
    }
    if (this.batchBytes >= MIN_BATCH) {
      this.flush().then(() => done(), done);
      return;
    }
    // On a slow link a batch fills slowly: what arrived goes to disk (and into the progress) within FLUSH_AFTER_MS.
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      if (this.batchBytes > 0) this.flush().catch((error: Error) => this.destroy(error));
    }, FLUSH_AFTER_MS);
    done();
  }

  private flush(): Promise<unknown> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const buffers = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    const written = this.inFlight.then(async () => {
      const bytes = await writeAll(this.handle, buffers);
      this.onWritten(bytes);
      await this.digest.update(buffers);
    });
    this.inFlight = written;
    return written;
  }
}

/**
 * Streams `body` into `writer` with backpressure. Unlike `pipeline`, a connection that fails midway still has what
 * arrived before the failure written (the retry's `Range` starts there); then the connection's error is thrown.
 */
export function streamInto(body: Readable, writer: PartWriter): Promise<void> {
  return new Promise((resolve, reject) => {
    let connectionError: unknown = null;
    body.once("error", (error) => {
      connectionError = error;
      body.unpipe(writer);
      if (!writer.destroyed) writer.end();
    });
    writer.once("error", (error) => {
      body.destroy();
      reject(error);
    });
    writer.once("finish", () => (connectionError ? reject(connectionError) : resolve()));
    body.pipe(writer);
  });
}

/**
 * Bytes per write call at most. A batch grows past this while the disk is busy, but written whole it costs more: on
 * Linux 6.18's ext4, which caches a large write in large folios, 1 GB written 2 MiB a call took 3.8–4.8 s of system
 * CPU against 0.4–0.7 s 256 KiB or 64 KiB a call (measured on the development machine, 4 files at once).
 */
const MAX_WRITE = 256 * 1024;

/**
 * Writes every byte of `buffers` at the file's end, at most MAX_WRITE a call, going on after a short write (a filling
 * disk returns one before ENOSPC).
 */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<number> {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  let rest = buffers;
  for (let left = total; left > 0; ) {
    const { bytesWritten } = await handle.writev(firstBytes(rest, MAX_WRITE));
    if (bytesWritten === 0) throw Object.assign(new Error("the disk took no more bytes"), { code: "ENOSPC" });
    left -= bytesWritten;
    rest = dropBytes(rest, bytesWritten);
  }
  return total;
}

/** The first `bytes` of `buffers` (all of them when they hold fewer), the last one cut where needed. */
function firstBytes(buffers: Buffer[], bytes: number): Buffer[] {
  const taken: Buffer[] = [];
  let room = bytes;
  for (let i = 0; i < buffers.length && room > 0; i++) {
    const buffer = buffers[i]!;
    taken.push(buffer.length <= room ? buffer : buffer.subarray(0, room));
    room -= buffer.length;
  }
  return taken;
}

function dropBytes(buffers: Buffer[], bytes: number): Buffer[] {
  let skip = bytes;
  let i = 0;
  while (i < buffers.length && skip >= buffers[i]!.length) skip -= buffers[i++]!.length;
  const rest = buffers.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}
