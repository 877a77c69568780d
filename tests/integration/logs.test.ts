import fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import type { LogSearchResult } from "../../lib/logs/search";
import { api, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { connectLogClient } from "../support/log-client";
import { waitFor } from "../support/processes";
import { authedFetch } from "../support/session";

let consoleProcess: RunningConsole;

beforeAll(async () => {
  // A replay buffer large enough that a short disconnect during a flood is resumed from memory.
  consoleProcess = await startConsole({ env: { LOG_REPLAY_BYTES: String(64 * 1024 * 1024) } });
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await Promise.resolve(cleanup()).catch(() => undefined);
});

afterAll(async () => {
  await consoleProcess?.stop();
});

// Each flood on a GPU of its own, so that one test's leftover can never refuse the next one's launch.
let nextGpu = 0;

/** `linesPerSecond`: the flood's pace (0: as fast as the simulator prints). */
async function launchFlood(url: string, lines: number, linesPerSecond = 0): Promise<InstanceView> {
  const port = await freePort();
  const launched = await api<{ instance: InstanceView }>(url, "POST", "/api/instances", {
    profile: glmProfile(port, { name: `flood-${lines}`, gpuIds: [nextGpu++ % 8], env: { SGLANG_SIM_FLOOD: String(lines), SGLANG_SIM_FLOOD_RATE: String(linesPerSecond) } }),
  });
  expect(launched.status).toBe(201);
  cleanups.push(() => api(url, "POST", `/api/instances/${launched.body.instance.id}/stop`));
  return launched.body.instance;
}

async function download(url: string, instance: InstanceView, query = ""): Promise<Buffer> {
  const response = await authedFetch(`${url}/api/instances/${instance.id}/runs/${instance.run!.id}/log${query}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const stop = (url: string, instance: InstanceView) => api(url, "POST", `/api/instances/${instance.id}/stop`);

describe("live logs under a flood", () => {
  it("skips a client that never acknowledges, without slowing one that does; the skipped part loads from the log by byte range", async () => {
    // Paced like a busy server (about 4 MB/s), not as fast as the machine allows: on a loaded CI machine an
    // unpaced flood can outrun even a client that acknowledges everything, which is then rightly skipped too.
    const flood = 60_000;
    const instance = await launchFlood(consoleProcess.url, flood, 20_000);
    const [fast, slow] = await Promise.all([
      connectLogClient(consoleProcess.url, instance.id),
      connectLogClient(consoleProcess.url, instance.id, { ack: "never" }),
    ]);
    await waitFor(() => fast.text().includes(`flood complete lines=${flood}`), { timeoutMs: 60_000, what: "the flood's end at the fast client" });

    // The fast client got every byte of the log, in order, without a gap, and promptly.
    expect(fast.gaps).toEqual([]);
    const seqs = fast.chunks.map((c) => c.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const logPath = path(instance);
    await waitFor(() => fs.readFileSync(logPath, "utf8").length >= fast.text().length, { timeoutMs: 5000, what: "the log file" });
    expect(fs.readFileSync(logPath, "utf8").startsWith(fast.text())).toBe(true);
    expect(fast.maxLagMs()).toBeLessThan(3000);

    // The slow client was sent no more than the high watermark (4 MiB) plus a batch, then nothing.
    const slowChars = slow.text().length;
    expect(slowChars).toBeLessThan(4 * 1024 * 1024 + 512 * 1024);
    expect(slowChars).toBeLessThan(fast.text().length / 2);
    expect(slow.gaps).toEqual([]);

    // Once it acknowledges, it is told what it missed, and that range of the log is exactly the missing part.
    slow.ackNow();
    await waitFor(() => slow.gaps.length > 0, { timeoutMs: 10_000, what: "a gap notice" });
    const gap = slow.gaps[0]!;
    expect(gap.reason).toBe("slow");
    // After the gap it is re-sent the newest output, up to the flood's end: the view shows the live end.
    await waitFor(() => slow.text().includes(`flood complete lines=${flood}`), { timeoutMs: 10_000, what: "the newest output after the gap" });
    const before = slow.chunks.filter((chunk) => chunk.offset < gap.fromOffset);
    expect(Buffer.byteLength(before.map((chunk) => chunk.data).join(""))).toBe(gap.fromOffset);
    expect(slow.chunks.find((chunk) => chunk.offset >= gap.fromOffset)?.offset).toBe(gap.toOffset);
    const missed = await download(consoleProcess.url, instance, `?from=${gap.fromOffset}&to=${gap.toOffset}`);
    const whole = fs.readFileSync(logPath);
    expect(missed.equals(whole.subarray(gap.fromOffset, gap.toOffset))).toBe(true);
    fast.close();
    slow.close();
    await stop(consoleProcess.url, instance);
  });

  it("a client that drops its connection mid-flood resumes with no gap and no duplicate", async () => {
    // Paced at about 1.6 MB/s: faster, a loaded CI machine let the flood outrun the reconnected client (its replay
    // and the live output past 4 MiB before its acknowledgements came back), which is then rightly skipped as slow.
    const flood = 40_000;
    const instance = await launchFlood(consoleProcess.url, flood, 10_000);
    const client = await connectLogClient(consoleProcess.url, instance.id);
    await waitFor(() => client.lines() > 2000, { timeoutMs: 60_000, what: "the flood to start" });
    client.socket.io.engine.close();
    await waitFor(() => client.socket.connected, { timeoutMs: 20_000, what: "the reconnect" });
    await waitFor(() => client.text().includes(`flood complete lines=${flood}`), { timeoutMs: 60_000, what: "the flood's end" });
    expect(client.gaps).toEqual([]);
    const seqs = client.chunks.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(fs.readFileSync(path(instance), "utf8").startsWith(client.text())).toBe(true);
    client.close();
    await stop(consoleProcess.url, instance);
  });

  it("search reads the whole run's log: a start-up line long gone from the replay buffer, by text, regex, level and rank", async () => {
    const instance = await launchFlood(consoleProcess.url, 20_000);
    const client = await connectLogClient(consoleProcess.url, instance.id, { keepText: false });
    await waitFor(() => client.lines() > 20_000, { timeoutMs: 60_000, what: "the flood" });
    const search = async (query: string) => {
      const response = await api<LogSearchResult>(consoleProcess.url, "GET", `/api/instances/${instance.id}/runs/${instance.run!.id}/search?${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };
    const found = await search("q=load+weight+begin");
    expect(found.hits.length).toBeGreaterThan(0);
    const hit = found.hits[0]!;
    expect(hit.text).toMatch(/Load weight begin/);
    expect(hit.line).toBeLessThan(100);
    const atHit = await download(consoleProcess.url, instance, `?from=${hit.offset}&to=${hit.offset + 200}`);
    expect(atHit.toString("utf8")).toContain("Load weight begin");

    const regex = await search(`q=${encodeURIComponent("flood complete lines=\\d+")}&regex=1`);
    expect(regex.hits.map((h) => h.text)).toEqual([expect.stringMatching(/flood complete lines=20000/)]);
    // The flood's own decode lines (#token 1000 to 9999): the parser check's two requests log decode lines too.
    const bounded = await search(`q=${encodeURIComponent("Decode batch, #running-req: \\d+, #token: \\d{4},")}&regex=1&limit=10`);
    expect(bounded).toMatchObject({ truncated: true, timedOut: false });
    expect(bounded.hits).toHaveLength(10);
    expect(bounded.total).toBe(5000);
    const warnings = await search("level=WARNING");
    expect(warnings.hits.every((h) => !/Decode batch/.test(h.text))).toBe(true);
    const badRegex = await api<{ error: { code: string } }>(consoleProcess.url, "GET", `/api/instances/${instance.id}/runs/${instance.run!.id}/search?q=(&regex=1`);
    expect(badRegex.status).toBe(400);
    client.close();
    await stop(consoleProcess.url, instance);
  });

  it("the download of a run equals its log file, and an unknown run is a 404 with the error table's message", async () => {
    const instance = await launchFlood(consoleProcess.url, 2000);
    const client = await connectLogClient(consoleProcess.url, instance.id);
    await waitFor(() => client.text().includes("flood complete lines=2000"), { timeoutMs: 60_000, what: "the flood" });
    await stop(consoleProcess.url, instance);
    expect((await download(consoleProcess.url, instance)).equals(fs.readFileSync(path(instance)))).toBe(true);
    const missing = await api<{ error: { code: string } }>(consoleProcess.url, "GET", `/api/instances/${instance.id}/runs/nope/log`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("run_log_missing");
    client.close();
  });
});

describe("a capped run log (LOG_FILE_MAX_MB)", () => {
  it("keeps the start-up and the newest output within the cap, and the download serves the parts in order", async () => {
    const capped = await startConsole({ env: { LOG_FILE_MAX_MB: "1" } });
    try {
      const instance = await launchFlood(capped.url, 40_000);
      const client = await connectLogClient(capped.url, instance.id, { keepText: false });
      await waitFor(() => client.lines() > 40_000, { timeoutMs: 60_000, what: "the flood" });
      const dir = path(instance, capped.dataDir).replace(/output\.log$/, "");
      const sizes = fs.readdirSync(dir).filter((name) => /^output(\.\d+)?\.log$/.test(name)).map((name) => fs.statSync(dir + name).size);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1024 * 1024);
      const text = (await download(capped.url, instance)).toString("utf8");
      expect(text).toContain("Load weight begin");
      expect(text).toMatch(/bytes of output were deleted here/);
      expect(text).toContain("flood complete lines=40000");
      expect(text.indexOf("Load weight begin")).toBeLessThan(text.indexOf("flood complete"));
      client.close();
    } finally {
      await capped.stop();
    }
  });
});

function path(instance: InstanceView, dataDir = consoleProcess.dataDir): string {
  return `${dataDir}/runs/${instance.run!.id}/output.log`;
}
