import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_TABLE, isAppError } from "../../../lib/errors";
import { createLogTextDecoder, diagnoseBytes, formatBytes, readableChunks, toDiagnosisJson } from "../../../lib/diagnose";
import { diagnoseLog } from "../../../lib/sglang-log";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/sglang-logs");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("decoding log bytes", () => {
  it("decodes UTF-8 split inside a character the same as whole", () => {
    const bytes = new TextEncoder().encode("Capturing batches █████ 100%\n");
    const decoder = createLogTextDecoder();
    let text = "";
    for (const b of bytes) text += decoder.push(Uint8Array.of(b));
    expect(text + decoder.end()).toBe("Capturing batches █████ 100%\n");
  });

  it("turns invalid UTF-8 into replacement characters instead of failing", () => {
    const decoder = createLogTextDecoder();
    const text = decoder.push(Uint8Array.of(0x41, 0xff, 0xfe, 0xc3, 0x28, 0x0a)) + decoder.end();
    expect(text).toContain("\uFFFD");
    expect(text.startsWith("A")).toBe(true);
  });

  it("reads a UTF-16LE log with a byte-order mark (PowerShell redirection)", async () => {
    const text = fixture("oom-kv-cache-not-enough-memory.log").toString("utf8");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { diagnosis } = await diagnoseBytes(chunksOf(utf16, 999));
    expect(diagnosis.cause).toBe("oom_kv_cache");
  });

  it("decodes a one-byte input without waiting for a second", () => {
    const decoder = createLogTextDecoder();
    expect(decoder.push(Uint8Array.of(0x41)) + decoder.end()).toBe("A");
  });
});

describe("diagnosing a stream of bytes", () => {
  it("gives what diagnosing the whole text gives, in any chunking", async () => {
    const bytes = fixture("oom-cuda-graph-capture.log");
    const whole = toDiagnosisJson(diagnoseLog(bytes.toString("utf8")));
    for (const size of [1, 7, 4096]) {
      const { diagnosis, bytes: n } = await diagnoseBytes(chunksOf(bytes, size));
      expect(toDiagnosisJson(diagnosis)).toEqual(whole);
      expect(n).toBe(bytes.length);
    }
  });

  it("stops past the limit with payload_too_large, naming the limit", async () => {
    const error = await diagnoseBytes(chunksOf(new Uint8Array(5000), 1000), { maxBytes: 2048 }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("payload_too_large");
    expect(isAppError(error) && error.status).toBe(ERROR_TABLE.payload_too_large.status);
    expect((error as Error).message).toContain("2 KB");
  });

  it("cancels a web stream it stops reading", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
      cancel: () => {
        cancelled = true;
      },
    });
    await expect(diagnoseBytes(readableChunks(stream), { maxBytes: 10_000 })).rejects.toThrow(/larger than/);
    expect(cancelled).toBe(true);
  });

  it("takes random bytes for something that is not an SGLang log", async () => {
    const noise = new Uint8Array(64 * 1024);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    const { diagnosis } = await diagnoseBytes(chunksOf(noise, 4096));
    expect(diagnosis.looksLikeSglang).toBe(false);
    expect(diagnosis.cause).toBe("other");
  });

  it("formats limits in the units people configure", () => {
    expect(formatBytes(100 * 1024 * 1024)).toBe("100 MB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(12)).toBe("12 bytes");
  });
});
