import type { Namespace, Server } from "socket.io";
import { canListInstances, canViewInstance, canViewLogs, type Actor } from "../../lib/authz";
import {
  INSTANCES_NAMESPACE,
  instanceRoom,
  type InstancesClientToServer,
  type InstancesServerToClient,
  type WatchAck,
} from "../../lib/realtime";
import { z } from "zod";
import type { FlowLimits } from "../logs/client-flow";
import type { Services } from "../services";
import { LogFanout } from "./log-fanout";
import { requireSignedIn } from "./socket-auth";
import { socketHandler } from "./socket-handler";
import { localeOfHeaders } from "../../lib/i18n/locales";

const watchSchema = z.object({ instanceId: z.string().min(1).max(100), runId: z.string().max(100).optional(), afterSeq: z.number().int().min(0).optional() });
const unwatchSchema = z.object({ instanceId: z.string().min(1).max(100) });
const ackSchema = z.object({ instanceId: z.string().min(1).max(100), runId: z.string().min(1).max(100), seq: z.number().int().min(0) });

type InstancesNamespace = Namespace<InstancesClientToServer, InstancesServerToClient>;

/**
 * `/instances`: per-instance rooms with state, and numbered log chunks under per-client flow control
 * (`log:ack`, `log:gap`); a watcher gets the recent output first.
 */
export function attachInstancesNamespace(io: Server, services: Services, flowLimits?: FlowLimits): InstancesNamespace {
  const namespace: InstancesNamespace = io.of(INSTANCES_NAMESPACE);
  const { supervisor } = services;
  const fanout = new LogFanout(namespace, (instanceId, afterSeq) => supervisor.replay(instanceId, afterSeq), flowLimits);

  namespace.use(requireSignedIn(services));

  namespace.on("connection", (socket) => {
    const actor = (): Actor => socket.data.actor;
    const locale = localeOfHeaders(socket.handshake.headers);
    socket.on(
      "instance:watch",
      socketHandler(actor, {
        event: "instance:watch",
        schema: watchSchema,
        allow: (who, request) => {
          const state = supervisor.getOrThrow(request.instanceId);
          return canViewInstance(who, state) && canViewLogs(who, state);
        },
        handle: (request) => {
          const state = supervisor.getOrThrow(request.instanceId);
          void socket.join(instanceRoom(request.instanceId));
          const sameRun = request.runId !== undefined && request.runId === state.run?.id;
          const replay = supervisor.replay(request.instanceId, sameRun ? (request.afterSeq ?? 0) : 0);
          // Registered in the same tick as the buffer is read: the next live chunk follows the replay exactly.
          fanout.watch(socket, request.instanceId, replay.runId, replay.chunks);
          const chunks = replay.chunks.map(({ seq, data, offset, at }) => ({ instanceId: request.instanceId, runId: replay.runId!, seq, data, offset, at }));
          return { ok: true, state, runId: replay.runId, chunks, gap: replay.gap } satisfies WatchAck;
        },
      }, locale),
    );
    socket.on(
      "instance:unwatch",
      socketHandler(actor, {
        event: "instance:unwatch",
        schema: unwatchSchema,
        allow: canListInstances,
        handle: (request) => {
          void socket.leave(instanceRoom(request.instanceId));
          fanout.unwatch(socket.id, request.instanceId);
          return { ok: true } as const;
        },
      }, locale),
    );
    socket.on(
      "log:ack",
      socketHandler(actor, {
        event: "log:ack",
        schema: ackSchema,
        allow: canListInstances,
        handle: (request) => {
          fanout.ack(socket.id, request.instanceId, request.runId, request.seq);
          return { ok: true } as const;
        },
      }, locale),
    );
    socket.on("disconnect", () => fanout.unwatch(socket.id));
  });

  supervisor.on("state", (state) => namespace.to(instanceRoom(state.id)).emit("instance:state", state));
  supervisor.on("output", ({ instanceId, runId, chunk }) => fanout.publish(instanceId, runId, chunk));
  return namespace;
}
