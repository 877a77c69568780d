/**
 * Diagnose an SGLang server log.
 *   npm run --silent diagnose -- FILE        a report for a person
 *   npm run --silent diagnose -- --json FILE one JSON object
 *   FILE may be `-` for standard input. Files are read as a stream (large logs are fine).
 * Exit 0 whenever the input could be read; 2 with one sentence on stderr when it could not.
 */
import fs from "node:fs";
import { diagnoseBytes, toDiagnosisJson } from "../lib/diagnose";
import { PHASE_TITLES, type LogDiagnosis } from "../lib/sglang-log";

interface CliArgs {
  json: boolean;
  file: string | null;
  maxKeyLines: number | undefined;
}

function parseArgs(argv: string[]): CliArgs | string {
  const out: CliArgs = { json: false, file: null, maxKeyLines: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--json") out.json = true;
    else if (a === "--max-key-lines") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) return "--max-key-lines needs a whole number of at least 1.";
      out.maxKeyLines = v;
    } else if (a === "-h" || a === "--help") return "usage";
    else if (a === "-" || !a.startsWith("-")) {
      if (out.file !== null) return "Give one log file only.";
      out.file = a;
    } else return `Unknown option ${a}.`;
  }
  if (out.file === null) return "Give a log file to diagnose (or - for standard input).";
  return out;
}

const USAGE = "usage: diagnose [--json] [--max-key-lines N] FILE|-";

/** Throws a one-sentence error when `file` cannot be read as a log. */
function checkReadable(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new Error(readError(file, e));
  }
  if (st.isDirectory()) throw new Error(`Cannot read ${file}: it is a directory, not a log file.`);
}

function readError(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.message?.startsWith("Cannot read")) return err.message;
  if (err.code === "ENOENT") return `Cannot read ${file}: no such file.`;
  if (err.code === "EACCES") return `Cannot read ${file}: permission denied.`;
  return `Cannot read ${file}: ${err.message ?? String(e)}.`;
}

/** The log's bytes as a stream (standard input for `-`); decoding is the shared one of lib/diagnose. */
function openBytes(file: string): AsyncIterable<Uint8Array> {
  if (file === "-") return process.stdin;
  checkReadable(file);
  return fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

function readInto(file: string, onChunk: (s: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      checkReadable(file);
    } catch (e) {
      reject(e);
      return;
    }
    const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
    stream.on("data", (chunk: string | Buffer) => onChunk(typeof chunk === "string" ? chunk : chunk.toString("utf8")));
    stream.on("error", (e: NodeJS.ErrnoException) => reject(new Error(readError(file, e))));
    stream.on("end", () => resolve());
  });
}

function report(d: LogDiagnosis, file: string, keyTexts: Map<number, string>): string {
  const out: string[] = [];
  out.push(`SGLang log diagnosis: ${file === "-" ? "(stdin)" : file}`);
  if (!d.looksLikeSglang) out.push("Note: this does not look like an SGLang server log.");
  const outcomeWords: Record<string, string> = {
    starting: "still starting",
    ready: d.readyLineSeen ? "ready (the ready line was printed)" : "serving (no ready line, but requests were served)",
    failed_start: "did not become ready",
    crashed_while_serving: "crashed while serving",
    unknown: "unknown (not an SGLang log)",
  };
  out.push(`Outcome:  ${outcomeWords[d.outcome] ?? d.outcome}`);
  out.push(`Phase:    ${d.phase} — ${PHASE_TITLES[d.phase]}${d.progress ? ` (${d.progress.label || "progress"} ${d.progress.done}/${d.progress.total}, ${d.progress.percent}%)` : ""}`);
  out.push(`Cause:    ${d.cause} — ${d.causeTitle}${d.failedRank ? ` (first failing rank ${d.failedRank})` : ""}`);
  if (d.keyLines.length > 0) {
    out.push("Key lines:");
    for (const n of d.keyLines) {
      const t = keyTexts.get(n);
      out.push(t === undefined ? `  ${String(n).padStart(7)}` : `  ${String(n).padStart(7)}: ${t.length > 240 ? `${t.slice(0, 240)}…` : t}`);
    }
  }
  const f = d.facts;
  const facts: string[] = [];
  if (f.modelPath) facts.push(`model ${f.modelPath}`);
  if (f.servedModelName) facts.push(`served as ${f.servedModelName}`);
  if (f.architecture) facts.push(`architecture ${f.architecture}`);
  for (const [k, v] of [["tp", f.tp], ["dp", f.dp], ["ep", f.ep], ["pp", f.pp]] as const) if (v !== null && v > 1) facts.push(`${k} ${v}`);
  if (f.memFractionStatic !== null) facts.push(`mem-fraction-static ${f.memFractionStatic}`);
  if (f.contextLength !== null) facts.push(`context ${f.contextLength}`);
  if (f.speculativeAlgorithm) facts.push(`speculative ${f.speculativeAlgorithm}`);
  if (f.cudaGraphDisabled) facts.push("CUDA graphs disabled");
  if (f.host !== null || f.port !== null) facts.push(`listen ${f.host ?? "?"}:${f.port ?? "?"}`);
  if (f.sglangVersion) facts.push(`sglang ${f.sglangVersion}`);
  if (facts.length > 0) out.push(`Run:      ${facts.join(", ")}`);
  if (d.advice.length > 0) {
    out.push("Advice:");
    for (const a of d.advice) {
      const knob = a.flag ? `[${a.action} ${a.flag}${a.suggestedValue !== undefined ? ` → ${a.suggestedValue}` : ""}] ` : a.suggestedValue !== undefined ? `[${a.action} ${a.suggestedValue}] ` : "";
      out.push(`  - ${knob}${a.text}`);
      out.push(`    why: ${a.why}`);
    }
  }
  out.push(`Lines:    ${d.linesSeen}`);
  return out.join("\n");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    if (args === "usage") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const file = args.file ?? "-";
  let d: LogDiagnosis;
  try {
    d = (await diagnoseBytes(openBytes(file), { maxKeyLines: args.maxKeyLines })).diagnosis;
  } catch (e) {
    process.stderr.write(`${readError(file, e)}\n`);
    return 2;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(toDiagnosisJson(d))}\n`);
    return 0;
  }
  // Second pass for the text of the key lines (files only; stdin cannot be re-read).
  const keyTexts = new Map<number, string>();
  if (d.keyLines.length > 0 && file !== "-") {
    const wanted = new Set(d.keyLines);
    let lineNo = 1;
    let partial = "";
    try {
      await readInto(file, (s) => {
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
  process.stdout.write(`${report(d, file, keyTexts)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`diagnose failed: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
