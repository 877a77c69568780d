"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { InstanceView } from "@/lib/instance-view";
import { StreamCursor, type CursorAction, type GapMarker } from "@/lib/logs/stream-cursor";
import { INSTANCES_NAMESPACE, type InstancesClientToServer, type InstancesServerToClient, type LogChunkEvent } from "@/lib/realtime";

/** Where a run's output goes: a terminal, or the log viewer around one. */
export interface LogSink {
  /** Writes a chunk; `written` runs once it is on screen (then it is acknowledged to the console). */
  writeChunk: (chunk: LogChunkEvent, written: () => void) => void;
  newRun: (runId: string, previousRunId: string | null) => void;
  gap: (gap: GapMarker) => void;
  /** The view is being rebuilt from the console's buffer (after `reload`). */
  clear: () => void;
}

/** Acknowledgements are sent at most this often: one small message per frame or so, whatever the flood. */
const ACK_INTERVAL_MS = 20;

/**
 * Live state and output of one instance. The resume logic (`lib/logs/stream-cursor`) makes reconnects,
 * late joins and new runs write every byte once, in order, or show a gap; each chunk is acknowledged
 * once written, so the console's flow control skips this browser forward only when it really is behind.
 */
export function useInstanceStream(initial: InstanceView, sink: React.RefObject<LogSink | null>) {
  const [state, setState] = useState<InstanceView>(initial);
  const [connected, setConnected] = useState(false);
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const socket: Socket<InstancesServerToClient, InstancesClientToServer> = io(INSTANCES_NAMESPACE, { path: "/socket.io" });
    let cursor = new StreamCursor(initial.id);
    let acked = { runId: "", seq: 0 };
    let written = { runId: "", seq: 0 };
    let ackTimer: ReturnType<typeof setTimeout> | null = null;

    const sendAck = () => {
      ackTimer = null;
      if (written.runId === acked.runId && written.seq === acked.seq) return;
      acked = { ...written };
      socket.emit("log:ack", { instanceId: initial.id, runId: written.runId, seq: written.seq });
    };
    const onWritten = (chunk: LogChunkEvent) => () => {
      if (chunk.runId !== written.runId || chunk.seq > written.seq) written = { runId: chunk.runId, seq: chunk.seq };
      ackTimer ??= setTimeout(sendAck, ACK_INTERVAL_MS);
    };
    const apply = (actions: CursorAction[]) => {
      for (const action of actions) {
        if (action.type === "write") sink.current?.writeChunk(action.chunk, onWritten(action.chunk));
        else if (action.type === "new-run") sink.current?.newRun(action.runId, action.previousRunId);
        else if (action.type === "gap") sink.current?.gap(action.gap);
        else watch();
      }
    };
    const watch = () =>
      socket.emit("instance:watch", cursor.watchRequest(), (ack) => {
        if (!ack.ok) return;
        setState(ack.state);
        apply(cursor.onWatchAck(ack));
      });

    reloadRef.current = () => {
      cursor = new StreamCursor(initial.id);
      sink.current?.clear();
      if (socket.connected) watch();
    };
    socket.on("connect", () => {
      setConnected(true);
      watch();
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("instance:state", (next) => setState(next));
    socket.on("log:chunk", (chunk) => apply(cursor.onChunk(chunk)));
    socket.on("log:gap", (gap) => apply(cursor.onGap(gap)));
    return () => {
      if (ackTimer) clearTimeout(ackTimer);
      socket.disconnect();
    };
  }, [initial.id, sink]);

  /** Rebuilds the view from the console's buffer (after a change of how lines are shown). */
  const reload = useCallback(() => reloadRef.current(), []);
  return { state, connected, setState, reload };
}
