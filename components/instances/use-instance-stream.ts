"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { InstanceView } from "@/lib/instance-view";
import { INSTANCES_NAMESPACE, type InstancesClientToServer, type InstancesServerToClient, type LogChunkEvent } from "@/lib/realtime";

export interface TerminalSink {
  write: (data: string) => void;
  /** Clears what was shown: the output that follows is a new run's. */
  reset: () => void;
}

/**
 * Live state and output of one instance. Tracks the last sequence number per run, so a reconnect
 * resumes where it left off: no gap, no duplicate.
 */
export function useInstanceStream(initial: InstanceView, sink: React.RefObject<TerminalSink | null>) {
  const [state, setState] = useState<InstanceView>(initial);
  const [connected, setConnected] = useState(false);
  /** The run whose output the terminal holds from its first byte (line numbers there are the log's). */
  const [wholeRunId, setWholeRunId] = useState<string | null>(null);
  const cursor = useRef<{ runId: string | null; seq: number }>({ runId: null, seq: 0 });

  useEffect(() => {
    const socket: Socket<InstancesServerToClient, InstancesClientToServer> = io(INSTANCES_NAMESPACE, { path: "/socket.io" });

    const accept = (chunk: LogChunkEvent) => {
      if (chunk.runId !== cursor.current.runId) {
        if (cursor.current.runId !== null) sink.current?.reset();
        cursor.current = { runId: chunk.runId, seq: 0 };
        setWholeRunId(chunk.seq === 1 ? chunk.runId : null);
      }
      if (chunk.seq <= cursor.current.seq) return;
      cursor.current.seq = chunk.seq;
      sink.current?.write(chunk.data);
    };

    const watch = () => {
      const { runId, seq } = cursor.current;
      socket.emit("instance:watch", { instanceId: initial.id, ...(runId ? { runId, afterSeq: seq } : {}) }, (ack) => {
        if (!ack.ok) return;
        setState(ack.state);
        if (ack.gap) setWholeRunId(null);
        if (ack.gap) sink.current?.write("\r\n\x1b[33m[… earlier output is only in the downloadable log …]\x1b[0m\r\n");
        for (const chunk of ack.chunks) accept(chunk);
      });
    };

    socket.on("connect", () => {
      setConnected(true);
      watch();
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("instance:state", (next) => setState(next));
    socket.on("log:chunk", (chunk) => {
      if (chunk.runId === cursor.current.runId && chunk.seq > cursor.current.seq + 1) watch();
      else accept(chunk);
    });
    return () => {
      socket.disconnect();
    };
  }, [initial.id, sink]);

  return { state, connected, setState, wholeRunId };
}
