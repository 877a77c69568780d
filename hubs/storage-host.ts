// The second host both hubs redirect file downloads to (ModelScope's OSS, Hugging Face's CDN), with the switches
// that reproduce real networks. It is reached under another host name than the hub, so a client that forwards the
// hub's token across the redirect is caught: every Authorization header it receives is recorded.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sizeOf, type HubFile, type HubSwitches } from "./hub-repo";

export interface StorageHost {
  url: string;
  /** A signed URL for one file, as the hubs' redirects carry. */
  sign: (file: HubFile) => string;
  /** Authorization headers that reached this host (should stay empty). */
  leakedAuthorization: string[];
  /** Every `Range` header received, `-` for none. */
  ranges: string[];
  bytesSent: () => number;
  close: () => Promise<void>;
}

export async function startStorageHost(switches: HubSwitches): Promise<StorageHost> {
  const signed = new Map<string, { file: HubFile; used: boolean }>();
  const leakedAuthorization: string[] = [];
  const ranges: string[] = [];
  let bytesSent = 0;
  const stalled = new Set<http.ServerResponse>();
  const link = new SharedLink(() => switches.linkBytesPerSecond);

  const server = http.createServer((req, res) => {
    if (req.headers.authorization) leakedAuthorization.push(req.headers.authorization);
    const token = new URL(req.url ?? "/", "http://storage").pathname.replace(/^\/signed\//, "");
    const entry = signed.get(token);
    if (!entry) return end(res, 404, "no such signed URL");
    if (switches.singleUseUrls && entry.used) return end(res, 403, "this signed URL has expired");
    entry.used = true;
    if (switches.tooManyTimes > 0) {
      switches.tooManyTimes--;
      res.setHeader("Retry-After", String(switches.retryAfterS));
      return end(res, 429, "slow down");
    }
    if (switches.serverErrorTimes > 0) {
      switches.serverErrorTimes--;
      return end(res, 503, "storage unavailable");
    }
    ranges.push(req.headers.range ?? "-");
    const file = entry.file;
    const size = sizeOf(file);
    const range = switches.ignoreRange ? null : /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const last = range && range[2] ? Number(range[2]) : size - 1;
    if (range && start >= size) {
      res.setHeader("Content-Range", `bytes */${size}`);
      return end(res, 416, "range not satisfiable");
    }
    const headers = {
      "Content-Length": String(last + 1 - start),
      "Content-Type": "application/octet-stream",
      "Accept-Ranges": "bytes",
      ...(range ? { "Content-Range": `bytes ${start}-${last}/${size}` } : {}),
    };
    if (file.repeat) {
      res.writeHead(range ? 206 : 200, headers);
      if (req.method === "HEAD") return res.end();
      return void streamRepeated(res, file.content, start, last + 1, link).then((sent) => (bytesSent += sent));
    }
    const content = file.content;
    let body = content.subarray(start, last + 1);
    if (switches.flipTimes > 0 && body.length > 0) {
      switches.flipTimes--;
      body = Buffer.from(body);
      body[Math.floor(body.length / 2)]! ^= 0xff;
    }
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === "HEAD") return res.end();
    let cut: number | null = null;
    let stall = false;
    if (switches.dropAfterBytes !== null && switches.dropTimes > 0 && body.length > switches.dropAfterBytes) {
      switches.dropTimes--;
      cut = switches.dropAfterBytes;
    } else if (switches.stallAfterBytes !== null && switches.stallTimes > 0 && body.length > switches.stallAfterBytes) {
      switches.stallTimes--;
      cut = switches.stallAfterBytes;
      stall = true;
    }
    if (cut === null) {
      bytesSent += body.length;
      if (switches.bytesPerSecond !== null) return void streamPaced(res, body, switches.bytesPerSecond);
      if (switches.linkBytesPerSecond !== null) return void streamRepeated(res, body, 0, body.length, link);
      return res.end(body);
    }
    bytesSent += cut;
    if (stall) {
      stalled.add(res);
      res.on("close", () => stalled.delete(res));
      res.write(body.subarray(0, cut));
    } else {
      // Dropped a moment after the bytes left, as on a real link where the client has read what arrived before the cut.
      res.write(body.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 100));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  // "localhost" rather than the hub's 127.0.0.1: another host for the client, the same machine for the test.
  const url = `http://localhost:${port}`;
  return {
    url,
    sign: (file) => {
      const token = randomUUID();
      signed.set(token, { file, used: false });
      return `${url}/signed/${token}`;
    },
    leakedAuthorization,
    ranges,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Bytes [from, to) of `content` repeated, written as the socket drains and the link lets them through. */
async function streamRepeated(res: http.ServerResponse, content: Buffer, from: number, to: number, link: SharedLink): Promise<number> {
  let at = from;
  while (at < to && !res.destroyed) {
    const offset = at % content.length;
    const slice = content.subarray(offset, Math.min(content.length, offset + (to - at), offset + SLICE));
    await link.take(slice.length);
    at += slice.length;
    if (!res.write(slice)) await drained(res);
  }
  res.end();
  return at - from;
}

const SLICE = 256 * 1024;

/**
 * A link of `bytesPerSecond()` (null: unlimited) that all responses share, as a machine's network caps every download
 * on it together: a token bucket, refilled as time passes, holding at most 50 ms of bytes.
 */
class SharedLink {
  private tokens = 0;
  private refilledAt = performance.now();
  constructor(private readonly bytesPerSecond: () => number | null) {}

  async take(bytes: number): Promise<void> {
    for (;;) {
      const rate = this.bytesPerSecond();
      if (rate === null) return;
      const now = performance.now();
      this.tokens = Math.min(rate / 20, this.tokens + ((now - this.refilledAt) * rate) / 1000);
      this.refilledAt = now;
      if (this.tokens >= Math.min(bytes, rate / 20)) {
        this.tokens -= bytes;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** `body` in slices every 50 ms, about `bytesPerSecond` in all. */
async function streamPaced(res: http.ServerResponse, body: Buffer, bytesPerSecond: number): Promise<void> {
  const slice = Math.max(1, Math.round(bytesPerSecond / 20));
  for (let at = 0; at < body.length && !res.destroyed; at += slice) {
    if (!res.write(body.subarray(at, at + slice))) await drained(res);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  res.end();
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

function end(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "text/plain" });
  res.end(message);
}
