import type { InstanceView } from "./instance-view";

// The typed contract of the `/instances` socket.io namespace. Events are named noun:verb.

export const INSTANCES_NAMESPACE = "/instances";

export interface LogChunkEvent {
  instanceId: string;
  runId: string;
  seq: number;
  data: string;
  /** Offset of the chunk's first byte in the run's log. */
  offset: number;
  /** When the console received it (ms since the epoch). */
  at: number;
}

/**
 * Output this client was not sent because it fell behind (more than the high watermark unacknowledged):
 * chunks after `afterSeq` up to and including `toSeq`, bytes [fromOffset, toOffset) of the run's log.
 */
export interface LogGapEvent {
  instanceId: string;
  runId: string;
  afterSeq: number;
  toSeq: number;
  fromOffset: number;
  toOffset: number;
}

/** The client has written everything up to `seq` of `runId`: flow control counts what follows as in flight. */
export interface LogAckRequest {
  instanceId: string;
  runId: string;
  seq: number;
}

export interface WatchRequest {
  instanceId: string;
  runId?: string;
  /** The last sequence number the client has; it receives what follows. */
  afterSeq?: number;
}

export type WatchAck =
  | { ok: true; state: InstanceView; runId: string | null; chunks: LogChunkEvent[]; gap: boolean }
  | { ok: false; error: { code: string; message: string } };

export interface InstancesServerToClient {
  "instance:state": (state: InstanceView) => void;
  "log:chunk": (chunk: LogChunkEvent) => void;
  "log:gap": (gap: LogGapEvent) => void;
}

export interface InstancesClientToServer {
  "instance:watch": (request: WatchRequest, ack: (result: WatchAck) => void) => void;
  "instance:unwatch": (request: { instanceId: string }) => void;
  "log:ack": (request: LogAckRequest) => void;
}

export const instanceRoom = (instanceId: string) => `instance:${instanceId}`;
