import type { InstanceView } from "./instance-view";

// The typed contract of the `/instances` socket.io namespace. Events are named noun:verb.

export const INSTANCES_NAMESPACE = "/instances";

export interface LogChunkEvent {
  instanceId: string;
  runId: string;
  seq: number;
  data: string;
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
}

export interface InstancesClientToServer {
  "instance:watch": (request: WatchRequest, ack: (result: WatchAck) => void) => void;
  "instance:unwatch": (request: { instanceId: string }) => void;
}

export const instanceRoom = (instanceId: string) => `instance:${instanceId}`;
