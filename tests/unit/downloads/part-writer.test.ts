import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startFileDigest } from "../../../server/downloads/hash-pool";
import { PartWriter, streamInto } from "../../../server/downloads/part-writer";
import type { RemoteFile } from "../../../server/downloads/remote-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const fileOf = (content: Buffer, kind: "sha256" | "git-sha1" = "sha256"): RemoteFile => ({
  path: "f.bin",
  size: content.length,
  digest: { kind, value: kind === "sha256" ? sha256(content) : createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex") },
  revision: "r",
});

/** Streams `content` in socket-sized chunks into a part through PartWriter; `cutAt` fails the connection there. */
async function writePart(content: Buffer, options: { cutAt?: number; writeSizes?: number[] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "part-writer-"));
  dirs.push(dir);
  const partPath = path.join(dir, "f.bin.part");
  const handle = await fs.promises.open(partPath, "w");
  const writev = handle.writev.bind(handle);
  handle.writev = <Buffers extends readonly NodeJS.ArrayBufferView[]>(buffers: Buffers, position?: number) => {
    options.writeSizes?.push(buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0));
    return writev(buffers, position);
  };
  const digest = startFileDigest(fileOf(content));
  const reported: { bytes: number; onDisk: number }[] = [];
  let total = 0;
  const writer = new PartWriter(handle, digest, (bytes) => {
    total += bytes;
    reported.push({ bytes: total, onDisk: fs.statSync(partPath).size });
  });
  const body = new PassThrough();
  const done = streamInto(body, writer);
  const end = options.cutAt ?? content.length;
  for (let at = 0; at < end; at += 65_536) {
    if (!body.write(content.subarray(at, Math.min(end, at + 65_536)))) await new Promise((resolve) => body.once("drain", resolve));
  }
  if (options.cutAt === undefined) body.end();
  else body.destroy(new Error("other side closed"));
  const outcome = await done.then(() => null, (error: Error) => error);
  await writer.settled();
  await handle.close();
  return { partPath, reported, outcome, digest };
}

describe("PartWriter", () => {
  it("writes in batches of at least 256 KiB and reports bytes only once they are on disk", async () => {
    const content = Buffer.alloc(5 * 1024 * 1024 + 123, 7);
    const { partPath, reported, outcome, digest } = await writePart(content);
    expect(outcome).toBeNull();
    expect(fs.readFileSync(partPath).equals(content)).toBe(true);
    for (const entry of reported) expect(entry.onDisk).toBeGreaterThanOrEqual(entry.bytes);
    expect(reported.length).toBeLessThanOrEqual(Math.ceil(content.length / (256 * 1024)));
    expect(reported.at(-1)!.bytes).toBe(content.length);
    expect(await digest.digest()).toBe(sha256(content));
  });

  it("writes a batch that grew while the disk was busy 256 KiB a call at most (larger writes cost more CPU)", async () => {
    const content = Buffer.alloc(6 * 1024 * 1024 + 5, 9);
    for (let i = 0; i < content.length; i += 1000) content[i] = i % 251;
    const writeSizes: number[] = [];
    const { partPath, outcome } = await writePart(content, { writeSizes });
    expect(outcome).toBeNull();
    expect(fs.readFileSync(partPath).equals(content)).toBe(true);
    expect(Math.max(...writeSizes)).toBeLessThanOrEqual(256 * 1024);
    expect(writeSizes.reduce((sum, size) => sum + size, 0)).toBe(content.length);
  });

  it("keeps every byte that arrived before the connection failed, then throws the connection's error", async () => {
    const content = Buffer.alloc(1_000_000, 3);
    const { partPath, reported, outcome } = await writePart(content, { cutAt: 300_000 });
    expect(outcome?.message).toBe("other side closed");
    expect(fs.statSync(partPath).size).toBe(300_000);
    expect(reported.at(-1)!.bytes).toBe(300_000);
  });
});

describe("file digests in the hashing threads", () => {
  it("match node's own SHA-256 across many ring wrap-arounds, and git's blob SHA-1 with its header", async () => {
    const content = Buffer.alloc(11 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32LE((i * 2654435761) >>> 0, i);
    for (const kind of ["sha256", "git-sha1"] as const) {
      const file = fileOf(content, kind);
      const digest = startFileDigest(file);
      for (let at = 0; at < content.length; at += 700_001) await digest.update([Buffer.from(content.subarray(at, at + 700_001))]);
      expect(await digest.digest()).toBe(file.digest.value);
    }
  });

  it("hashes a resumed part's bytes on disk first, then what follows", async () => {
    const content = Buffer.from("a resumed part, then the rest of it");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "part-writer-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, "part"), content.subarray(0, 10));
    const digest = startFileDigest(fileOf(content));
    digest.hashFilePrefix(path.join(dir, "part"), 10);
    await digest.update([content.subarray(10)]);
    expect(await digest.digest()).toBe(sha256(content));
  });

  it("answers an error, not a digest, when the part to resume is shorter than said", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "part-writer-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, "part"), "short");
    const digest = startFileDigest(fileOf(Buffer.from("whatever")));
    digest.hashFilePrefix(path.join(dir, "part"), 100);
    await expect(digest.digest()).rejects.toThrow(/ends after 5 of 100 bytes/);
  });
});

describe("PartWriter on a slow link", () => {
  it("writes a batch smaller than 256 KiB once it has waited 100 ms, so progress never sits still", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "part-writer-"));
    dirs.push(dir);
    const partPath = path.join(dir, "f.bin.part");
    const handle = await fs.promises.open(partPath, "w");
    const content = Buffer.alloc(30_000, 1);
    const digest = startFileDigest(fileOf(content));
    const reported: number[] = [];
    const writer = new PartWriter(handle, digest, (bytes) => reported.push(bytes));
    writer.write(content.subarray(0, 10_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reported).toEqual([10_000]);
    expect(fs.statSync(partPath).size).toBe(10_000);
    writer.end(content.subarray(10_000));
    await new Promise((resolve) => writer.once("finish", resolve));
    await handle.close();
    expect(reported).toEqual([10_000, 20_000]);
    expect(await digest.digest()).toBe(sha256(content));
  });
});
