import type { Namespace, Socket } from "socket.io";
import type { InstancesClientToServer, InstancesServerToClient, LogChunkEvent } from "../../lib/realtime";
import { ClientFlow, DEFAULT_FLOW_LIMITS, type FlowLimits } from "../logs/client-flow";
import type { OutputChunk } from "../logs/output-buffer";

type InstancesSocket = Socket<InstancesClientToServer, InstancesServerToClient>;

/** Chunks of an instance's current run after `afterSeq` that the console still holds. */
export type ReplaySource = (instanceId: string, afterSeq: number) => { runId: string | null; chunks: OutputChunk[] };

/** After a skip, this much of the newest output is re-sent, so the view shows the live end, not a gap. */
const RESUME_TAIL_CHARS = 256 * 1024;

/**
 * Sends each instance's output to the sockets watching it, each under its own flow control. Chunks are
 * encoded once per publish for all clients that take them (a broadcast to their socket ids); a client
 * that is behind is skipped, never waited for, so the pty reader and fast clients keep their pace.
 */
export class LogFanout {
  private readonly watchers = new Map<string, Map<string, { socket: InstancesSocket; flow: ClientFlow }>>();

  constructor(
    private readonly namespace: Namespace<InstancesClientToServer, InstancesServerToClient>,
    private readonly replay: ReplaySource,
    private readonly limits: FlowLimits = DEFAULT_FLOW_LIMITS,
  ) {}

  /** Registers (or resets) a watcher that was just sent `replayed` of `runId`. */
  watch(socket: InstancesSocket, instanceId: string, runId: string | null, replayed: readonly OutputChunk[]): void {
    let sockets = this.watchers.get(instanceId);
    if (!sockets) this.watchers.set(instanceId, (sockets = new Map()));
    const watcher = sockets.get(socket.id) ?? { socket, flow: new ClientFlow(this.limits) };
    watcher.flow.reset(runId, replayed);
    sockets.set(socket.id, watcher);
  }

  unwatch(socketId: string, instanceId?: string): void {
    for (const [id, sockets] of this.watchers) {
      if (instanceId !== undefined && id !== instanceId) continue;
      sockets.delete(socketId);
      if (sockets.size === 0) this.watchers.delete(id);
    }
  }

  ack(socketId: string, instanceId: string, runId: string, seq: number): void {
    const watcher = this.watchers.get(instanceId)?.get(socketId);
    const skipped = watcher?.flow.ack(runId, seq);
    if (!watcher || !skipped) return;
    // Re-send the newest part of what was skipped (all of it after a short stall); report the rest as a gap.
    const held = this.replay(instanceId, skipped.afterSeq);
    const skippedHeld = held.runId === skipped.runId ? held.chunks.filter((chunk) => chunk.seq <= skipped.toSeq) : [];
    let start = skippedHeld.length;
    for (let chars = 0; start > 0 && (chars === 0 || chars + skippedHeld[start - 1]!.data.length <= RESUME_TAIL_CHARS); start--) {
      chars += skippedHeld[start - 1]!.data.length;
    }
    const tail = skippedHeld.slice(start);
    const firstResent = tail[0];
    if (!firstResent || firstResent.seq > skipped.afterSeq + 1) {
      const toSeq = firstResent ? firstResent.seq - 1 : skipped.toSeq;
      watcher.socket.emit("log:gap", { instanceId, ...skipped, toSeq, toOffset: firstResent ? firstResent.offset : skipped.toOffset });
    }
    watcher.flow.resent(tail);
    for (const chunk of tail) watcher.socket.emit("log:chunk", { instanceId, runId, seq: chunk.seq, data: chunk.data, offset: chunk.offset, at: chunk.at });
  }

  publish(instanceId: string, runId: string, chunk: OutputChunk): void {
    const sockets = this.watchers.get(instanceId);
    if (!sockets) return;
    const takers: string[] = [];
    for (const [id, watcher] of sockets) if (watcher.flow.offer(runId, chunk)) takers.push(id);
    if (takers.length === 0) return;
    const event: LogChunkEvent = { instanceId, runId, seq: chunk.seq, data: chunk.data, offset: chunk.offset, at: chunk.at };
    this.namespace.to(takers).emit("log:chunk", event);
  }
}
