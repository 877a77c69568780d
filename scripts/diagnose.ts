/**
 * Diagnose an SGLang server log.
 *   npm run --silent diagnose -- FILE              a report for a person, in their language
 *   npm run --silent diagnose -- --json FILE       one JSON object (codes in English, `title` and advice words localized)
 *   npm run --silent diagnose -- --lang zh FILE    zh (zh-CN) or en; otherwise LC_ALL, LC_MESSAGES, LANG decide
 *   FILE may be `-` for standard input. Files are read as a stream (large logs are fine).
 * Exit 0 whenever the input could be read; 2 with one sentence on stderr when it could not.
 */
import fs from "node:fs";
import { diagnoseBytes, toDiagnosisJson } from "../lib/diagnose";
import { parseDiagnoseArgs } from "../lib/diagnose/cli-args";
import { formatReport } from "../lib/diagnose/report";
import { localeOfEnvironment } from "../lib/i18n/posix-locale";
import { translator, type Translate } from "../lib/i18n/translate";
import type { LogDiagnosis } from "../lib/sglang-log";

/** An error whose message is already the sentence to print. */
class ReadError extends Error {}

/** Throws a one-sentence error when `file` cannot be read as a log. */
function checkReadable(file: string, t: Translate): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new ReadError(readError(file, e, t));
  }
  if (st.isDirectory()) throw new ReadError(t("cli.errors.directory", { file }));
}

function readError(file: string, e: unknown, t: Translate): string {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof ReadError) return err.message;
  if (err.code === "ENOENT") return t("cli.errors.noSuchFile", { file });
  if (err.code === "EACCES") return t("cli.errors.permission", { file });
  return t("cli.errors.other", { file, message: err.message ?? String(e) });
}

/** The log's bytes as a stream (standard input for `-`); decoding is the shared one of lib/diagnose. */
function openBytes(file: string, t: Translate): AsyncIterable<Uint8Array> {
  if (file === "-") return process.stdin;
  checkReadable(file, t);
  return fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

function readInto(file: string, t: Translate, onChunk: (s: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      checkReadable(file, t);
    } catch (e) {
      reject(e);
      return;
    }
    const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
    stream.on("data", (chunk: string | Buffer) => onChunk(typeof chunk === "string" ? chunk : chunk.toString("utf8")));
    stream.on("error", (e: NodeJS.ErrnoException) => reject(new ReadError(readError(file, e, t))));
    stream.on("end", () => resolve());
  });
}

async function main(): Promise<number> {
  const parsed = parseDiagnoseArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    const usage = translator(parsed.locale, "diagnose")("cli.usage");
    if (parsed.usage) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    process.stderr.write(`${parsed.message}\n${usage}\n`);
    return 2;
  }
  const { file, locale } = parsed.args;
  const t = translator(locale, "diagnose");
  let d: LogDiagnosis;
  try {
    d = (await diagnoseBytes(openBytes(file, t), { maxKeyLines: parsed.args.maxKeyLines })).diagnosis;
  } catch (e) {
    process.stderr.write(`${readError(file, e, t)}\n`);
    return 2;
  }
  if (parsed.args.json) {
    process.stdout.write(`${JSON.stringify(toDiagnosisJson(d, locale))}\n`);
    return 0;
  }
  // Second pass for the text of the key lines (files only; stdin cannot be re-read).
  const keyTexts = new Map<number, string>();
  if (d.keyLines.length > 0 && file !== "-") {
    const wanted = new Set(d.keyLines);
    let lineNo = 1;
    let partial = "";
    try {
      await readInto(file, t, (s) => {
        let start = 0;
        for (;;) {
          const nl = s.indexOf("\n", start);
          const piece = nl < 0 ? s.slice(start) : s.slice(start, nl);
          if (wanted.has(lineNo) && partial.length < 4096) partial += piece.slice(0, 4096);
          if (nl < 0) break;
          if (wanted.has(lineNo)) keyTexts.set(lineNo, partial.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").replace(/\r/g, " ⏎ ").trim());
          partial = "";
          lineNo++;
          start = nl + 1;
        }
      });
      if (wanted.has(lineNo) && partial) keyTexts.set(lineNo, partial.trim());
    } catch {
      // the first pass succeeded; show the lines without text
    }
  } else if (d.keyLines[0] !== undefined && d.keyLineText !== null) {
    keyTexts.set(d.keyLines[0], d.keyLineText);
  }
  process.stdout.write(`${formatReport(d, file, keyTexts, locale)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const t = translator(localeOfEnvironment(process.env), "diagnose");
    process.stderr.write(`${t("cli.errors.failed", { message: (e as Error)?.message ?? String(e) })}\n`);
    process.exitCode = 1;
  },
);
