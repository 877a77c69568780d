import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PtyExit } from "../pty-process";
import { isAlive, readProc, type ProcInfo } from "../process-tree";
import { createLineReader, runFiles, type ClientMessage, type HostExitRecord, type HostMessage, type HostSpec } from "./protocol";

const HOST_SCRIPT = path.join(__dirname, `host${path.extname(__filename)}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connect(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once("connect", () => resolve(socket));
    socket.once("error", () => resolve(null));
  });
}

export function readExitRecord(exitPath: string): HostExitRecord | null {
  try {
    return JSON.parse(fs.readFileSync(exitPath, "utf8")) as HostExitRecord;
  } catch {
    return null;
  }
}

/**
 * The console's side of a run's pty host: output with log-file offsets, and the exit. If the host
 * vanishes without reporting an exit, the server's pid is watched until it is gone.
 */
export class HostedPty extends EventEmitter<{ output: [string, number]; exit: [PtyExit] }> {
  exited: PtyExit | null = null;
  private proc: ProcInfo | null = null;

  private constructor(
    private readonly socket: net.Socket,
    readonly pid: number,
    /** Bytes the host had emitted when the console connected. */
    readonly emittedBytes: number,
    private readonly exitPath: string,
  ) {
    super();
    this.proc = readProc(pid);
    socket.on(
      "data",
      createLineReader((raw) => {
        const message = raw as HostMessage;
        if (message.type === "output") this.emit("output", message.data, message.offset);
        else if (message.type === "exit") this.finish({ exitCode: message.exitCode, signal: message.signal });
      }),
    );
    socket.on("close", () => void this.onHostGone());
    socket.on("error", () => undefined);
  }

  /** Writes the spec, starts a detached host (its own session, so it outlives the console) and connects. */
  static async launch(runDir: string, runId: string, spec: Omit<HostSpec, "socketPath" | "exitPath">): Promise<HostedPty> {
    const files = runFiles(runDir, runId);
    fs.mkdirSync(runDir, { recursive: true });
    fs.writeFileSync(files.specPath, JSON.stringify({ ...spec, socketPath: files.socketPath, exitPath: files.exitPath } satisfies HostSpec));
    const hostLog = fs.openSync(files.hostLogPath, "a");
    const host = spawn(process.execPath, [...process.execArgv, HOST_SCRIPT, files.specPath], {
      detached: true,
      stdio: ["ignore", hostLog, hostLog],
      cwd: spec.cwd,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" },
    });
    fs.closeSync(hostLog);
    host.unref();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const attached = await HostedPty.attach(runDir, runId, 0);
      if (attached) return attached;
      if (host.exitCode !== null) break;
      await sleep(25);
    }
    const hostLogText = fs.existsSync(files.hostLogPath) ? fs.readFileSync(files.hostLogPath, "utf8").slice(-2000) : "";
    throw new Error(`The pty host did not start: ${hostLogText || "no output"}`);
  }

  /** Connects to a running host and asks for the output from `fromOffset` on, then live output. Null when no host listens. */
  static async attach(runDir: string, runId: string, fromOffset: number): Promise<HostedPty | null> {
    const files = runFiles(runDir, runId);
    const socket = await connect(files.socketPath);
    if (!socket) return null;
    const hello = await new Promise<Extract<HostMessage, { type: "hello" }> | null>((resolve) => {
      let buffered = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        const newline = buffered.indexOf(10);
        if (newline < 0) return;
        socket.off("data", onData);
        const rest = buffered.subarray(newline + 1);
        if (rest.length > 0) socket.unshift(rest);
        resolve(JSON.parse(buffered.subarray(0, newline).toString("utf8")));
      };
      socket.on("data", onData);
      socket.once("close", () => resolve(null));
    });
    if (!hello) return null;
    const client = new HostedPty(socket, hello.pid, hello.emittedBytes, files.exitPath);
    const from = fromOffset < 0 ? Math.max(0, hello.emittedBytes + fromOffset) : fromOffset;
    client.send({ type: "attach", fromOffset: from });
    return client;
  }

  private send(message: ClientMessage): void {
    this.socket.write(`${JSON.stringify(message)}\n`);
  }

  /** Closes the console's connection; the host and the server keep running. */
  detach(): void {
    this.socket.removeAllListeners("close");
    this.socket.destroy();
  }

  private finish(exit: PtyExit): void {
    if (this.exited) return;
    this.exited = exit;
    this.emit("exit", exit);
  }

  private async onHostGone(): Promise<void> {
    if (this.exited) return;
    while (this.proc && isAlive(this.proc)) await sleep(500);
    const record = readExitRecord(this.exitPath);
    this.finish(record ? { exitCode: record.exitCode, signal: record.signal } : { exitCode: null, signal: null });
  }
}
