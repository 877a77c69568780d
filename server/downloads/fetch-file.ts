// Fetches one file into its `.part`, resuming from the bytes already there, hashing while it streams, and moves it
// into place only once its size and digest match the hub's. A part whose digest is wrong is deleted, so the next
// attempt starts over.
import fs from "node:fs/promises";
import path from "node:path";
import { hashFilePrefix, startDigest } from "./file-digest";
import { hubRequest, type HubRequest } from "./hub-http";
import type { RemoteFile } from "./remote-file";

export class DigestMismatchError extends Error {
  constructor(file: RemoteFile, got: string) {
    super(`${file.path}: the ${file.digest.kind} is ${got}, the hub says ${file.digest.value}; fetching it again`);
    this.name = "DigestMismatchError";
  }
}

export class IncompleteError extends Error {
  constructor(file: RemoteFile, got: number) {
    super(`${file.path}: the connection ended after ${got} of ${file.size} bytes; resuming`);
    this.name = "IncompleteError";
  }
}

export interface FetchFileOptions extends Omit<HubRequest, "range"> {
  file: RemoteFile;
  partPath: string;
  finalPath: string;
  /** Bytes of this file on disk so far (resumed bytes count at once). */
  onBytes: (bytesOnDisk: number) => void;
}

export async function partSize(partPath: string): Promise<number> {
  return fs.stat(partPath).then((stat) => stat.size, () => 0);
}

export async function fetchFile(options: FetchFileOptions): Promise<void> {
  const { file, partPath } = options;
  await fs.mkdir(path.dirname(partPath), { recursive: true });
  let have = await partSize(partPath);
  if (have > file.size) {
    await fs.truncate(partPath, 0);
    have = 0;
  }
  const digest = startDigest(file);
  if (have < file.size) {
    const answer = await hubRequest({ ...options, range: have > 0 ? `bytes=${have}-` : undefined });
    try {
      const resumed = answer.status === 206 && answer.headers.get("content-range")?.startsWith(`bytes ${have}-`);
      if (!resumed) have = 0;
      await hashFilePrefix(digest, partPath, have);
      options.onBytes(have);
      const handle = await fs.open(partPath, resumed ? "a" : "w");
      try {
        const chunks = answer.body[Symbol.asyncIterator]();
        for (;;) {
          let chunk: IteratorResult<Buffer>;
          try {
            chunk = (await chunks.next()) as IteratorResult<Buffer>;
          } catch (error) {
            throw answer.signal.aborted ? answer.signal.reason : error;
          }
          if (chunk.done) break;
          answer.touch();
          // Written before it counts: the bytes reported are the bytes a restart finds on disk.
          await handle.write(chunk.value);
          digest.update(chunk.value);
          have += chunk.value.length;
          options.onBytes(have);
        }
      } finally {
        await handle.close();
      }
    } finally {
      answer.body.destroy();
      answer.done();
    }
    if (have !== file.size) throw new IncompleteError(file, have);
  } else {
    await (await fs.open(partPath, "a")).close();
    await hashFilePrefix(digest, partPath, have);
    options.onBytes(have);
  }
  const got = digest.digest("hex");
  if (got !== file.digest.value) {
    await fs.rm(partPath, { force: true });
    throw new DigestMismatchError(file, got);
  }
  await fs.mkdir(path.dirname(options.finalPath), { recursive: true });
  await fs.rename(partPath, options.finalPath);
}
