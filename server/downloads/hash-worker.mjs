// Runs in a worker thread of hash-pool.ts: the running digests of files being downloaded, fed in order by one port.
// Messages: start (algorithm, a header git hashes first, the digest's ring of shared memory), prefix (a part's first
// bytes, read from disk), update (a piece of the ring, handed back with "hashed"), digest (answered with the hex or the
// error met on the way), drop.
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { parentPort } from "node:worker_threads";

const READ_CHUNK = 1024 * 1024;
const jobs = new Map();

function hashPrefix(hash, filePath, bytes) {
  const fd = fs.openSync(filePath, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (let at = 0; at < bytes; ) {
      const read = fs.readSync(fd, buffer, 0, Math.min(READ_CHUNK, bytes - at), at);
      if (read === 0) throw new Error(`${filePath} ends after ${at} of ${bytes} bytes`);
      hash.update(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

parentPort.on("message", (message) => {
  const job = jobs.get(message.id);
  switch (message.type) {
    case "start":
      jobs.set(message.id, { hash: createHash(message.algorithm).update(message.header), ring: new Uint8Array(message.ring), error: null });
      return;
    case "prefix":
      if (job && !job.error) {
        try {
          hashPrefix(job.hash, message.path, message.bytes);
        } catch (error) {
          job.error = error instanceof Error ? error.message : String(error);
        }
      }
      return;
    case "update":
      if (job && !job.error) job.hash.update(job.ring.subarray(message.from, message.from + message.length));
      parentPort.postMessage({ id: message.id, type: "hashed", release: message.release });
      return;
    case "digest":
      jobs.delete(message.id);
      parentPort.postMessage({ id: message.id, type: "digest", hex: job && !job.error ? job.hash.digest("hex") : null, error: job ? job.error : "unknown digest" });
      return;
    case "drop":
      jobs.delete(message.id);
      return;
  }
});
