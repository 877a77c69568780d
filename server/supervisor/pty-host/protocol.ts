import os from "node:os";
import path from "node:path";

// The console and a run's pty host talk over a unix socket in newline-delimited JSON. The host owns the
// pseudo-terminal and the log file, so a run outlives a console restart and loses no output meanwhile.

export interface HostSpec {
  program: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  logPath: string;
  /** Cap of the log (LOG_FILE_MAX_MB); null: no cap. */
  logMaxBytes: number | null;
  socketPath: string;
  exitPath: string;
  cols: number;
  rows: number;
}

export interface HostExitRecord {
  exitCode: number | null;
  signal: string | null;
  endedAt: string;
}

export type HostMessage =
  | { type: "hello"; pid: number; emittedBytes: number }
  | { type: "output"; offset: number; data: string }
  | { type: "exit"; exitCode: number | null; signal: string | null; endedAt: string };

export type ClientMessage = { type: "attach"; fromOffset: number } | { type: "resize"; cols: number; rows: number };

export function runFiles(runDir: string, runId: string) {
  const preferred = path.join(runDir, "host.sock");
  // Unix socket paths are limited to about 107 bytes.
  const socketPath = Buffer.byteLength(preferred) < 100 ? preferred : path.join(os.tmpdir(), `sglang-console-${runId}.sock`);
  return {
    specPath: path.join(runDir, "host-spec.json"),
    socketPath,
    exitPath: path.join(runDir, "exit.json"),
    hostLogPath: path.join(runDir, "host.log"),
  };
}

/**
 * Splits a byte stream of newline-delimited JSON into messages. Looks for newlines only in the bytes that
 * arrived, so a large message split over many reads costs linear time, not quadratic.
 */
export function createLineReader(onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  return (chunk) => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      const line = parts.length > 0 ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      start = newline + 1;
      if (line.length > 0) onMessage(JSON.parse(line.toString("utf8")));
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  };
}
