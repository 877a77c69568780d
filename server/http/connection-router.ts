// Routes each new connection of the console's HTTP server by its first request line: a /v1 connection may be handed
// to the gateway's own process; every other one, or one the gateway's process cannot take now, is served here.
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { routeOfRequestStart } from "../../lib/gateway/request-start";

/** A client that sends no request line this long is dropped, as Node's HTTP server drops one without headers. */
const FIRST_LINE_TIMEOUT_MS = 60_000;

/** Takes the socket with the bytes already read from it, or returns false to leave it to the console. */
export type HandOff = (socket: Socket, head: Buffer) => boolean;

/**
 * Stops reading `socket` and returns what it had buffered. `pause()` alone only stops the stream's events: the handle
 * goes on reading into the buffer, and bytes read while the socket is being sent to another process would be lost.
 */
export function stopReading(socket: Socket): Buffer[] {
  socket.pause();
  const buffered: Buffer[] = [];
  for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) buffered.push(chunk);
  const handle = (socket as unknown as { _handle: { reading: boolean; readStop: () => number } | null })._handle;
  if (handle?.reading) {
    handle.reading = false;
    handle.readStop();
  }
  return buffered;
}

/** Must run after everything else has attached to `server`: its own connection listener is taken over. */
export function routeConnections(server: Server, handOff: HandOff): void {
  const serve = server.listeners("connection") as ((socket: Socket) => void)[];
  server.removeAllListeners("connection");
  server.on("connection", (socket: Socket) => {
    let head: Buffer = Buffer.alloc(0);
    const done = () => {
      socket.off("data", onData);
      socket.off("end", serveHere);
      socket.setTimeout(0);
      socket.off("timeout", drop);
      socket.off("error", drop);
    };
    function serveHere(): void {
      done();
      // Paused while the bytes are put back and the server attaches; resumed, they flow to its parser first.
      socket.pause();
      if (head.length > 0) socket.unshift(head);
      for (const listener of serve) listener.call(server, socket);
      socket.resume();
    }
    function drop(): void {
      done();
      socket.destroy();
    }
    function onData(chunk: Buffer): void {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const route = routeOfRequestStart(head);
      if (route === "undecided") return;
      done();
      if (route === "gateway" && handOff(socket, head)) return;
      serveHere();
    }
    socket.on("data", onData);
    socket.once("end", serveHere);
    socket.setTimeout(FIRST_LINE_TIMEOUT_MS);
    socket.once("timeout", drop);
    // A reset before the first line would otherwise be an uncaught error: nothing else listens yet.
    socket.once("error", drop);
  });
}
