import fs from "node:fs";
import path from "node:path";
import { createLogDiagnoser, type LogDiagnosis } from "../../../lib/sglang-log";

export interface IndexRow {
  file: string;
  tp: string;
  outcome: string;
  phase: string;
  cause: string;
  keyLine: string;
  note: string;
}

export function readIndex(dir: string): IndexRow[] {
  const text = fs.readFileSync(path.join(dir, "INDEX.tsv"), "utf8");
  const [header, ...rows] = text.split("\n").filter((l) => l.trim().length > 0);
  const cols = (header ?? "").split("\t");
  const at = (parts: string[], name: string) => parts[cols.indexOf(name)] ?? "";
  return rows.map((r) => {
    const p = r.split("\t");
    return { file: at(p, "file"), tp: at(p, "tp"), outcome: at(p, "outcome"), phase: at(p, "phase"), cause: at(p, "cause"), keyLine: at(p, "key_line"), note: at(p, "modelled_on") };
  });
}

/** 1-based physical line (split on \n) that contains the key text, or 0. */
export function lineOf(text: string, key: string): number {
  if (!key) return 0;
  const lines = text.split("\n");
  return lines.findIndex((l) => l.includes(key)) + 1;
}

export function diagnoseWhole(text: string): LogDiagnosis {
  const d = createLogDiagnoser();
  d.push(text);
  return d.end();
}

/** Feeds the text in random small chunks (deterministic for a seed). */
export function diagnoseChunked(text: string, seed: number, maxChunk = 17): LogDiagnosis {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
  const d = createLogDiagnoser();
  let i = 0;
  while (i < text.length) {
    const n = 1 + Math.floor(rnd() * maxChunk);
    d.push(text.slice(i, i + n));
    d.snapshot();
    i += n;
  }
  return d.end();
}

export function readLog(file: string): string {
  // decode like the CLI does: invalid UTF-8 becomes replacement characters
  return fs.readFileSync(file).toString("utf8");
}
