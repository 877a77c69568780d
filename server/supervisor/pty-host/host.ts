// A run's pty host: a small detached process that owns SGLang's pseudo-terminal and log file, so the
// server keeps running, and its output keeps being recorded, while the console restarts.
// Started as `node host.js <spec.json>`; never builds a shell string.
import fs from "node:fs";
import net from "node:net";
import { StringDecoder } from "node:string_decoder";
import { readLogBlocks } from "../../logs/log-files";
import { PtyProcess } from "../pty-process";
import { createLineReader, type ClientMessage, type HostExitRecord, type HostMessage, type HostSpec } from "./protocol";

const spec = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as HostSpec;
const clients = new Set<net.Socket>();
const attached = new WeakSet<net.Socket>();

const send = (socket: net.Socket, message: HostMessage) => socket.write(`${JSON.stringify(message)}\n`);

fs.rmSync(spec.socketPath, { force: true });
const proc = new PtyProcess({ program: spec.program, argv: spec.argv, env: spec.env, cwd: spec.cwd, logPath: spec.logPath, logMaxBytes: spec.logMaxBytes, cols: spec.cols, rows: spec.rows });

proc.on("output", (data, offset) => {
  for (const socket of clients) if (attached.has(socket)) send(socket, { type: "output", offset, data });
});

let exitRecord: HostExitRecord | null = null;

proc.on("exit", (exit) => {
  const record = { ...exit, endedAt: new Date().toISOString() };
  exitRecord = record;
  fs.writeFileSync(spec.exitPath, JSON.stringify(record));
  for (const socket of clients) {
    if (!attached.has(socket)) continue;
    send(socket, { type: "exit", ...record });
    socket.end();
  }
  server.close();
  // Leave a moment for the last messages to drain, then go.
  setTimeout(() => process.exit(0), clients.size > 0 ? 1000 : 0).unref();
});

/**
 * Sends the log from `fromOffset` up to what was emitted live, then marks the client attached for live
 * output. The log is written synchronously before output is emitted, so all of it is on disk; where
 * parts of a capped log were deleted, the next message's offset jumps past them.
 */
function attach(socket: net.Socket, fromOffset: number): void {
  if (attached.has(socket)) return;
  const end = proc.emittedBytes;
  if (fromOffset < end) {
    let decoder = new StringDecoder("utf8");
    for (const block of readLogBlocks(spec.logPath, { from: fromOffset, to: end, blockBytes: 256 * 1024 })) {
      if (block.type === "dropped") decoder = new StringDecoder("utf8");
      else send(socket, { type: "output", offset: block.offset, data: decoder.write(block.bytes) });
    }
  }
  attached.add(socket);
  if (exitRecord) {
    send(socket, { type: "exit", ...exitRecord });
    socket.end();
  }
}

const server = net.createServer((socket) => {
  clients.add(socket);
  socket.on("close", () => clients.delete(socket));
  socket.on("error", () => clients.delete(socket));
  send(socket, { type: "hello", pid: proc.pid, emittedBytes: proc.emittedBytes });
  socket.on(
    "data",
    createLineReader((raw) => {
      const message = raw as ClientMessage;
      if (message.type === "attach") attach(socket, Math.max(0, Math.floor(message.fromOffset)));
      else if (message.type === "resize") proc.resize(message.cols, message.rows);
    }),
  );
});
server.listen(spec.socketPath);
process.on("SIGHUP", () => undefined);
