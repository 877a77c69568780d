import type { Namespace, Server } from "socket.io";
import { canViewInstance, canViewLogs } from "../../lib/authz";
import { AppError, isAppError } from "../../lib/errors";
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

  namespace.use(async (socket, next) => {
    socket.data.actor = await services.actorFor(socket.handshake.headers);
    next();
  });

  namespace.on("connection", (socket) => {
    socket.on("instance:watch", (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      try {
        const request = watchSchema.parse(raw);
        const state = supervisor.getOrThrow(request.instanceId);
        if (!canViewInstance(socket.data.actor, state) || !canViewLogs(socket.data.actor, state)) throw new AppError("forbidden");
        void socket.join(instanceRoom(request.instanceId));
        const sameRun = request.runId !== undefined && request.runId === state.run?.id;
        const replay = supervisor.replay(request.instanceId, sameRun ? (request.afterSeq ?? 0) : 0);
        // Registered in the same tick as the buffer is read: the next live chunk follows the replay exactly.
        fanout.watch(socket, request.instanceId, replay.runId, replay.chunks);
        const chunks = replay.chunks.map(({ seq, data, offset, at }) => ({ instanceId: request.instanceId, runId: replay.runId!, seq, data, offset, at }));
        reply({ ok: true, state, runId: replay.runId, chunks, gap: replay.gap } satisfies WatchAck);
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError("bad_request", { detail: "instance:watch needs { instanceId }" });
        reply({ ok: false, error: { code: appError.code, message: appError.userMessage } });
      }
    });
    socket.on("instance:unwatch", (raw) => {
      const request = unwatchSchema.safeParse(raw);
      if (!request.success) return;
      void socket.leave(instanceRoom(request.data.instanceId));
      fanout.unwatch(socket.id, request.data.instanceId);
    });
    socket.on("log:ack", (raw) => {
      const request = ackSchema.safeParse(raw);
      if (request.success) fanout.ack(socket.id, request.data.instanceId, request.data.runId, request.data.seq);
    });
    socket.on("disconnect", () => fanout.unwatch(socket.id));
  });

  supervisor.on("state", (state) => namespace.to(instanceRoom(state.id)).emit("instance:state", state));
  supervisor.on("output", ({ instanceId, runId, chunk }) => fanout.publish(instanceId, runId, chunk));
  return namespace;
}
