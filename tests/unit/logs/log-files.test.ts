import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readLogBlocks, readLogLayout, RotatingLogWriter, logBytes } from "../../../server/logs/log-files";

const dirs: string[] = [];
function tempLog(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "log-files-"));
  dirs.push(dir);
  return path.join(dir, "output.log");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function readAll(logPath: string, from = 0, to?: number): { text: string; dropped: [number, number][] } {
  let text = "";
  const dropped: [number, number][] = [];
  for (const block of readLogBlocks(logPath, { from, ...(to === undefined ? {} : { to }) })) {
    if (block.type === "data") text += block.bytes.toString("latin1");
    else dropped.push([block.start, block.end]);
  }
  return { text, dropped };
}

describe("run log files", () => {
  it("without a cap writes one file, byte for byte", () => {
    const logPath = tempLog();
    const writer = new RotatingLogWriter(logPath, null);
    for (let i = 0; i < 1000; i++) writer.write(`line ${i}\n`);
    writer.close();
    expect(fs.readdirSync(path.dirname(logPath))).toEqual(["output.log"]);
    expect(readLogLayout(logPath)).toMatchObject({ total: fs.statSync(logPath).size, dropped: [] });
  });

  it("with a cap keeps the start-up part and the newest parts, within the cap, and knows what was deleted", () => {
    const logPath = tempLog();
    const cap = 64 * 1024;
    const writer = new RotatingLogWriter(logPath, cap);
    let all = "";
    for (let i = 0; i < 20_000; i++) {
      const line = `line ${String(i).padStart(6, "0")}\n`;
      all += line;
      writer.write(line);
    }
    writer.close();
    const names = fs.readdirSync(path.dirname(logPath)).sort();
    expect(names).toContain("output.1.log");
    expect(names).toContain("output.log");
    const layout = readLogLayout(logPath);
    const onDisk = layout.parts.reduce((sum, part) => sum + part.size, 0);
    expect(onDisk).toBeLessThanOrEqual(cap);
    expect(layout.total).toBe(all.length);
    expect(layout.dropped).toHaveLength(1);
    const { text, dropped } = readAll(logPath);
    const [gapStart, gapEnd] = dropped[0]!;
    expect(text).toBe(all.slice(0, gapStart) + all.slice(gapEnd));
    expect(text.startsWith("line 000000\n")).toBe(true);
    expect(text.endsWith("line 019999\n")).toBe(true);
  });

  it("reads any byte range by its offset in the whole output, across parts", () => {
    const logPath = tempLog();
    const writer = new RotatingLogWriter(logPath, 8 * 4096);
    let all = "";
    for (let i = 0; i < 3000; i++) {
      const line = `${i}\n`;
      all += line;
      writer.write(line);
    }
    writer.close();
    const { parts } = readLogLayout(logPath);
    const last = parts.at(-1)!;
    const from = last.start - 100;
    const { text } = readAll(logPath, from, last.start + 50);
    expect(text).toBe(all.slice(from, last.start + 50));
  });

  it("carries on appending after a restart of the writer (a taken-over run)", () => {
    const logPath = tempLog();
    const first = new RotatingLogWriter(logPath, 8 * 4096);
    first.write("a".repeat(5000));
    first.close();
    const second = new RotatingLogWriter(logPath, 8 * 4096);
    second.write("b".repeat(5000));
    second.close();
    expect(readLogLayout(logPath).total).toBe(10_000);
    expect(readAll(logPath).text).toBe("a".repeat(5000) + "b".repeat(5000));
  });

  it("the download stream serves the parts in order with a note where output was deleted", async () => {
    const logPath = tempLog();
    const writer = new RotatingLogWriter(logPath, 8 * 4096);
    for (let i = 0; i < 10_000; i++) writer.write(`${i}\n`);
    writer.close();
    const chunks: Buffer[] = [];
    for await (const chunk of logBytes(logPath)) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.startsWith("0\n1\n2\n")).toBe(true);
    expect(text).toMatch(/bytes of output were deleted here/);
    expect(text.endsWith("9999\n")).toBe(true);
  });
});
