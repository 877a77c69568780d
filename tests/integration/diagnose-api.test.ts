import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_TABLE } from "../../lib/errors";
import { PROJECT_ROOT, startConsole, type RunningConsole } from "../support/console-process";
import { authedFetch } from "../support/session";

const FIXTURES = path.resolve(PROJECT_ROOT, "../shared/fixtures/sglang-logs");
const FIXTURE_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".log")).sort();
const LIMIT_MB = 1;
const run = promisify(execFile);

let consoleProcess: RunningConsole;
const cliJson = new Map<string, Record<string, unknown>>();

/** What `npm run --silent diagnose -- --json --lang en FILE` prints for each fixture (the API answers in English without Accept-Language). */
async function runCli(files: string[]): Promise<void> {
  const tsx = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { stdout } = await run(tsx, ["scripts/diagnose.ts", "--json", "--lang", "en", path.join(FIXTURES, file)], { cwd: PROJECT_ROOT });
      cliJson.set(file, JSON.parse(stdout));
    }
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  [consoleProcess] = await Promise.all([startConsole({ env: { DIAGNOSE_MAX_MB: String(LIMIT_MB) } }), runCli(FIXTURE_FILES)]);
}, 120_000);

afterAll(async () => {
  await consoleProcess?.stop();
});

async function postText(body: BodyInit, type = "text/plain; charset=utf-8"): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await authedFetch(`${consoleProcess.url}/api/diagnose`, { method: "POST", headers: { "content-type": type }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function postFile(bytes: Uint8Array, name = "server.log"): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append("note", "a field before the file is ignored");
  form.append("file", new Blob([Uint8Array.from(bytes)]), name);
  const response = await authedFetch(`${consoleProcess.url}/api/diagnose`, { method: "POST", body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /api/diagnose", () => {
  it("covers every shared fixture", () => {
    expect(FIXTURE_FILES.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of FIXTURE_FILES) {
    it(`answers for ${file} posted as text and as an upload exactly what the command line prints`, async () => {
      const bytes = fs.readFileSync(path.join(FIXTURES, file));
      const expected = cliJson.get(file)!;
      const asText = await postText(bytes);
      const asUpload = await postFile(bytes);
      expect(asText.status).toBe(200);
      expect(asUpload.status).toBe(200);
      expect(asText.body).toEqual(expected);
      expect(asUpload.body).toEqual(expected);
      expect(Object.keys(asText.body)).toEqual(expect.arrayContaining(["outcome", "phase", "cause", "keyLines", "advice"]));
    });
  }

  it("refuses an empty body with 400 and a sentence", async () => {
    for (const response of [await postText(""), await postFile(new Uint8Array(0))]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: "log_empty", message: ERROR_TABLE.log_empty.message() } });
    }
  });

  it("says binary bytes do not look like an SGLang log and gives no confident cause", async () => {
    const noise = new Uint8Array(256 * 1024);
    for (let i = 0, x = 7; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const response of [await postText(noise, "application/octet-stream"), await postFile(noise, "core.bin")]) {
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ looksLikeSglang: false, cause: "other" });
    }
  });

  it("survives invalid UTF-8 inside a real log and still finds the cause", async () => {
    const log = fs.readFileSync(path.join(FIXTURES, "oom-kv-cache-not-enough-memory.log"));
    const broken = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a]), log, Buffer.from([0xe2, 0x82])]);
    for (const response of [await postText(broken), await postFile(broken)]) {
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ looksLikeSglang: true, cause: "oom_kv_cache" });
    }
  });

  it("refuses a log over the size limit with 413 and the message naming the limit, also when its length is not declared", async () => {
    const big = new Uint8Array(LIMIT_MB * 1024 * 1024 + 10).fill(0x61);
    const expected = { error: { code: "payload_too_large", message: ERROR_TABLE.payload_too_large.message({ limit: `${LIMIT_MB} MB` }) } };
    expect(await postText(big)).toEqual({ status: 413, body: expected });
    expect(await postFile(big)).toEqual({ status: 413, body: expected });

    // A streamed body has no Content-Length: the limit holds while reading.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > big.length) return controller.close();
        controller.enqueue(big.subarray(0, 64 * 1024));
        sent += 64 * 1024;
      },
    });
    const response = await authedFetch(`${consoleProcess.url}/api/diagnose`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 413, body: expected });
  });

  it("refuses other content types with 415 and says what to send", async () => {
    const response = await postText(JSON.stringify({ log: "x" }), "application/json");
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: { code: "unsupported_media_type", message: ERROR_TABLE.unsupported_media_type.message({ detail: "application/json" }) } });
  });

  it("refuses an upload without a part named file", async () => {
    const form = new FormData();
    form.append("log", new Blob(["hello"]), "x.log");
    const response = await authedFetch(`${consoleProcess.url}/api/diagnose`, { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('no part named "file"');
  });
});
