// Runs the /v1 gateway's own process (gateway-process.ts) and answers its calls to the control. While the process is
// not up (starting, or restarting after a crash), the console serves /v1 itself: `takeConnection` declines.
import { fork, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import path from "node:path";
import { stopReading } from "../http/connection-router";
import type { GatewayControl } from "./gateway-control";
import type { ControlCall, FromGateway, GuardOptions, ToGateway } from "./gateway-messages";

/** The process's file beside this one: .js once built, .ts under tsx (a forked process inherits tsx's loader with execArgv). */
const PROCESS_FILE = path.join(__dirname, `gateway-process${path.extname(__filename)}`);
const FIRST_RESTART_MS = 500;
const MAX_RESTART_MS = 30_000;
/** A process that ran this long had not been crashing: the next restart waits the shortest time again. */
const STABLE_AFTER_MS = 60_000;
/** A request cut off with its process: what it sent is not known here. */
const NO_USAGE = { model: "", prompt: 0, completion: 0, estimated: true };

export function startGatewayProcess(deps: { control: GatewayControl; guard: GuardOptions; log: (message: string) => void }) {
  let child: ChildProcess | null = null;
  let ready = false;
  let stopping = false;
  let restartMs = FIRST_RESTART_MS;
  let restartTimer: NodeJS.Timeout | null = null;

  const run = (call: ControlCall): Promise<unknown> => {
    if (call.method === "models") return deps.control.models(...call.args);
    return deps.control.admit(...call.args);
  };

  function start(): void {
    const startedAt = Date.now();
    // The tickets this process holds: released if it dies with its requests in flight.
    const tickets = new Set<number>();
    const process_ = fork(PROCESS_FILE, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child = process_;
    const tell = (message: ToGateway) => {
      if (process_.connected) process_.send(message);
    };
    process_.on("message", (message: FromGateway) => {
      if (message.type === "ready") {
        ready = true;
      } else if (message.type === "call") {
        run(message.call).then(
          (result) => {
            const ticket = message.call.method === "admit" ? (result as { ticket?: number }).ticket : undefined;
            // A ticket is held until the process says the request finished, or the process is gone.
            if (ticket !== undefined && process_.connected) tickets.add(ticket);
            else if (ticket !== undefined) deps.control.finish(ticket, NO_USAGE);
            tell({ type: "reply", id: message.id, result });
          },
          (error: unknown) => tell({ type: "reply", id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      } else if (message.type === "finish") {
        tickets.delete(message.ticket);
        deps.control.finish(message.ticket, message.usage);
      } else if (message.type === "log") {
        deps.log(message.message);
      }
    });
    process_.once("exit", (code, signal) => {
      if (child === process_) {
        child = null;
        ready = false;
      }
      for (const ticket of tickets) deps.control.finish(ticket, NO_USAGE);
      if (stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) restartMs = FIRST_RESTART_MS;
      deps.log(`gateway: its process ended (${signal ?? `exit code ${code}`}); the console serves /v1 itself until it is back, in ${restartMs} ms`);
      restartTimer = setTimeout(start, restartMs);
      restartMs = Math.min(restartMs * 2, MAX_RESTART_MS);
    });
    process_.on("error", (error) => deps.log(`gateway: its process: ${error.message}`));
    tell({ type: "init", guard: deps.guard });
  }

  start();
  return {
    /** Hands a /v1 connection to the gateway's process; false when it is not up, and the console serves it. */
    takeConnection(socket: Socket, head: Buffer): boolean {
      const target = child;
      if (!ready || !target?.connected) return false;
      const bytes = Buffer.concat([head, ...stopReading(socket)]);
      target.send({ type: "connection", head: bytes.toString("base64") } satisfies ToGateway, socket, (error) => {
        if (error) socket.destroy();
      });
      return true;
    },
    pid: () => child?.pid ?? null,
    stop(): void {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      child?.kill("SIGTERM");
    },
  };
}

export type GatewayProcess = ReturnType<typeof startGatewayProcess>;
