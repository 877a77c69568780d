// A run's pty host: a small detached process that owns SGLang's pseudo-terminal and log file, so the
// server keeps running, and its output keeps being recorded, while the console restarts.
// Started as `node host.js <spec.json>`; never builds a shell string.
import fs from "node:fs";
import net from "node:net";
import { StringDecoder } from "node:string_decoder";
import { PtyProcess } from "../pty-process";
import { createLineReader, type ClientMessage, type HostMessage, type HostSpec } from "./protocol";

const spec = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as HostSpec;
const clients = new Set<net.Socket>();
const attached = new WeakSet<net.Socket>();
/** Live output that arrived while a client was being sent the log so far. */
const catchingUp = new WeakMap<net.Socket, HostMessage[]>();

const send = (socket: net.Socket, message: HostMessage) => socket.write(`${JSON.stringify(message)}\n`);

fs.rmSync(spec.socketPath, { force: true });
const proc = new PtyProcess({ program: spec.program, argv: spec.argv, env: spec.env, cwd: spec.cwd, logPath: spec.logPath, cols: spec.cols, rows: spec.rows });

proc.on("output", (data, offset) => {
  for (const socket of clients) {
    if (attached.has(socket)) send(socket, { type: "output", offset, data });
    else catchingUp.get(socket)?.push({ type: "output", offset, data });
  }
});

proc.on("exit", (exit) => {
  const record = { ...exit, endedAt: new Date().toISOString() };
  fs.writeFileSync(spec.exitPath, JSON.stringify(record));
  for (const socket of clients) {
    const queued = catchingUp.get(socket);
    if (queued) {
      queued.push({ type: "exit", ...record });
      continue;
    }
    send(socket, { type: "exit", ...record });
    socket.end();
  }
  server.close();
  // Leave a moment for the last messages to drain, then go.
  setTimeout(() => process.exit(0), clients.size > 0 ? 1000 : 0).unref();
});

/** Sends the log from `fromOffset` up to what was emitted live, then marks the client attached for live output. */
async function attach(socket: net.Socket, fromOffset: number): Promise<void> {
  if (attached.has(socket) || catchingUp.has(socket)) return;
  const end = proc.emittedBytes;
  const queued: HostMessage[] = [];
  catchingUp.set(socket, queued);
  // Everything emitted up to `end` was written to the log stream before this marker.
  await proc.flushLog();
  if (fromOffset < end) {
    const decoder = new StringDecoder("utf8");
    const fd = fs.openSync(spec.logPath, "r");
    try {
      const buffer = Buffer.alloc(256 * 1024);
      for (let offset = fromOffset; offset < end; ) {
        const read = fs.readSync(fd, buffer, 0, Math.min(buffer.length, end - offset), offset);
        if (read <= 0) break;
        send(socket, { type: "output", offset, data: decoder.write(buffer.subarray(0, read)) });
        offset += read;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  for (const message of queued) send(socket, message);
  catchingUp.delete(socket);
  attached.add(socket);
  if (queued.some((message) => message.type === "exit")) socket.end();
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
      if (message.type === "attach") void attach(socket, Math.max(0, Math.floor(message.fromOffset)));
      else if (message.type === "resize") proc.resize(message.cols, message.rows);
    }),
  );
});
server.listen(spec.socketPath);
process.on("SIGHUP", () => undefined);
