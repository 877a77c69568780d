// The /v1 gateway's own process: it serves the connections the console hands it (server/http/connection-router.ts),
// so that each token it passes on costs what a small proxy's does, not what the same code costs in the console's
// process among Next's async hooks and its many kinds of streams, and so that API traffic has a core of its own.
// Keys, models, limits and usage stay with the console (gateway-control.ts), asked over the IPC channel.
import http from "node:http";
import type { Socket } from "node:net";
import { guardRequest } from "../http/request-guard";
import type { GatewayControlApi } from "./gateway-control";
import { createGatewayFront } from "./gateway-front";
import type { ControlCall, FromGateway, GuardOptions, ToGateway } from "./gateway-messages";

const send = (message: FromGateway) => process.send?.(message);
const log = (message: string) => send({ type: "log", message });

const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
let lastCall = 0;
function call<T>(request: ControlCall): Promise<T> {
  const id = ++lastCall;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
    send({ type: "call", id, call: request });
  });
}

const control: GatewayControlApi = {
  models: (authorization) => call({ method: "models", args: [authorization] }),
  admit: (authorization, request) => call({ method: "admit", args: [authorization, request] }),
  finish: (ticket, usage) => send({ type: "finish", ticket, usage }),
};

const handleGateway = createGatewayFront({ control, log });
let guard: GuardOptions = { consoleOrigins: [], trustProxy: false };

const server = http.createServer((req, res) => {
  if (!guardRequest(req, res, guard)) return;
  if (handleGateway(req, res)) return;
  // A kept-alive connection that began with /v1 and goes on elsewhere (a browser's): the same request again on a new
  // connection, which the console serves.
  res.writeHead(307, { location: req.url ?? "/", connection: "close", "content-length": "0" }).end();
});
// Node's HTTP server checks its connections' header and request timeouts once it listens; this one is handed its
// connections and never listens, so it starts the checks as listening would.
server.emit("listening");

process.on("message", (message: ToGateway, handle?: unknown) => {
  if (message.type === "init") {
    guard = message.guard;
    send({ type: "ready" });
  } else if (message.type === "connection") {
    const socket = handle as Socket | undefined;
    if (!socket) return;
    if (message.head.length > 0) socket.unshift(Buffer.from(message.head, "base64"));
    server.emit("connection", socket);
  } else if (message.type === "reply") {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (!waiting) return;
    if ("error" in message) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  }
});
// The console is gone (stopped, or killed): so is the gateway, and with it any request it was passing on.
process.on("disconnect", () => process.exit(0));
