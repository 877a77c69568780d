// Fetches one file into its `.part` (part-writer.ts), resuming from the bytes already there, hashing while it streams, and moves it
// into place only once its size and digest match the hub's. A part whose digest is wrong is deleted, so the next
// attempt starts over.
import fs from "node:fs/promises";
import path from "node:path";
import { startFileDigest, type FileDigest } from "./hash-pool";
import { hubRequest, type HubRequest } from "./hub-http";
import { PartWriter, streamInto } from "./part-writer";
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
  const digest = startFileDigest(file);
  try {
    if (have < file.size) have = await fetchRest(options, digest, have);
    else {
      await (await fs.open(partPath, "a")).close();
      digest.hashFilePrefix(partPath, have);
      options.onBytes(have);
    }
    if (have !== file.size) throw new IncompleteError(file, have);
    const got = await digest.digest();
    if (got !== file.digest.value) {
      await fs.rm(partPath, { force: true });
      throw new DigestMismatchError(file, got);
    }
  } finally {
    digest.discard();
  }
  await fs.mkdir(path.dirname(options.finalPath), { recursive: true });
  await fs.rename(partPath, options.finalPath);
}

/** Fetches the bytes after `have` (or the whole file when the server ignores Range) into the part; answers its size. */
async function fetchRest(options: FetchFileOptions, digest: FileDigest, have: number): Promise<number> {
  const { partPath } = options;
  const answer = await hubRequest({ ...options, range: have > 0 ? `bytes=${have}-` : undefined });
  try {
    const resumed = answer.status === 206 && answer.headers.get("content-range")?.startsWith(`bytes ${have}-`);
    let size = resumed ? have : 0;
    digest.hashFilePrefix(partPath, size);
    options.onBytes(size);
    const handle = await fs.open(partPath, resumed ? "a" : "w");
    const writer = new PartWriter(handle, digest, (bytes) => {
      size += bytes;
      options.onBytes(size);
    });
    answer.body.on("data", answer.touch);
    try {
      await streamInto(answer.body, writer);
    } catch (error) {
      throw answer.signal.aborted ? answer.signal.reason : error;
    } finally {
      await writer.settled();
      await handle.close();
    }
    return size;
  } finally {
    answer.body.destroy();
    answer.done();
  }
}
