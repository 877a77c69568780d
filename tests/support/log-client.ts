import { io, type Socket } from "socket.io-client";
import { StreamCursor, type GapMarker } from "../../lib/logs/stream-cursor";
import type { InstancesClientToServer, InstancesServerToClient, LogChunkEvent } from "../../lib/realtime";
import { socketAuth } from "./session";

type InstancesSocket = Socket<InstancesServerToClient, InstancesClientToServer>;

export interface LogClient {
  socket: InstancesSocket;
  cursor: StreamCursor;
  /** Everything written, in order (what a terminal would have been given). */
  text: () => string;
  chunks: LogChunkEvent[];
  gaps: GapMarker[];
  /** Newlines received so far. */
  lines: () => number;
  /** Longest time between the console receiving a chunk from the pty and this client receiving it. */
  maxLagMs: () => number;
  /** Acknowledges everything received so far (for a client created with `ack: "never"`). */
  ackNow: () => void;
  close: () => void;
}

/**
 * A socket.io client of `/instances` that resumes through the browser's own cursor logic and, unless
 * told otherwise, acknowledges each chunk as it arrives (as a browser does once xterm has written it).
 */
export function connectLogClient(
  url: string,
  instanceId: string,
  options: { ack?: "each" | "never"; keepText?: boolean; onWrite?: (chunk: LogChunkEvent) => void } = {},
): Promise<LogClient> {
  const socket: InstancesSocket = io(`${url}/instances`, { path: "/socket.io", transports: ["websocket"], ...socketAuth(url) });
  const cursor = new StreamCursor(instanceId);
  const keepText = options.keepText ?? true;
  const parts: string[] = [];
  const chunks: LogChunkEvent[] = [];
  const gaps: GapMarker[] = [];
  let lines = 0;
  let maxLagMs = 0;
  const ack = () => {
    if (cursor.runId) socket.emit("log:ack", { instanceId, runId: cursor.runId, seq: cursor.seq });
  };
  const apply = (actions: ReturnType<StreamCursor["onChunk"]>) => {
    for (const action of actions) {
      if (action.type === "write") {
        if (keepText) {
          parts.push(action.chunk.data);
          chunks.push(action.chunk);
        }
        maxLagMs = Math.max(maxLagMs, Date.now() - action.chunk.at);
        options.onWrite?.(action.chunk);
        for (let i = action.chunk.data.indexOf("\n"); i >= 0; i = action.chunk.data.indexOf("\n", i + 1)) lines++;
      } else if (action.type === "gap") gaps.push(action.gap);
      else if (action.type === "rewatch") watch();
    }
    if (options.ack !== "never") ack();
  };
  let ready: (() => void) | null = null;
  const watch = () =>
    socket.emit("instance:watch", cursor.watchRequest(), (reply) => {
      if (!reply.ok) throw new Error(reply.error.message);
      apply(cursor.onWatchAck(reply));
      ready?.();
      ready = null;
    });
  socket.on("log:chunk", (chunk) => apply(cursor.onChunk(chunk)));
  socket.on("log:gap", (gap) => apply(cursor.onGap(gap)));
  socket.on("connect", watch);
  return new Promise((resolve, reject) => {
    socket.once("connect_error", reject);
    ready = () =>
      resolve({
        socket,
        cursor,
        text: () => parts.join(""),
        chunks,
        gaps,
        lines: () => lines,
        maxLagMs: () => maxLagMs,
        ackNow: ack,
        close: () => socket.disconnect(),
      });
  });
}
