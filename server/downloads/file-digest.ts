import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import type { RemoteFile } from "./remote-file";

/** A running digest of the kind the hub gives for this file; git's blob id hashes a header first. */
export function startDigest(file: RemoteFile): Hash {
  if (file.digest.kind === "sha256") return createHash("sha256");
  return createHash("sha1").update(`blob ${file.size}\0`);
}

/** Feeds the first `bytes` of a file on disk to `hash`, streaming (a resumed part is hashed whole before it counts). */
export async function hashFilePrefix(hash: Hash, filePath: string, bytes: number): Promise<void> {
  if (bytes === 0) return;
  for await (const chunk of fs.createReadStream(filePath, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}
