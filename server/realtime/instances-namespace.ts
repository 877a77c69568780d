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
import type { Services } from "../services";

const watchSchema = z.object({ instanceId: z.string().min(1).max(100), runId: z.string().max(100).optional(), afterSeq: z.number().int().min(0).optional() });
const unwatchSchema = z.object({ instanceId: z.string().min(1).max(100) });

type InstancesNamespace = Namespace<InstancesClientToServer, InstancesServerToClient>;

/** `/instances`: per-instance rooms with state and numbered log chunks; a watcher gets the recent output first. */
export function attachInstancesNamespace(io: Server, services: Services): InstancesNamespace {
  const namespace: InstancesNamespace = io.of(INSTANCES_NAMESPACE);
  const { supervisor } = services;

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
        // Join before reading the buffer: a chunk emitted in between is then delivered live and deduplicated by seq.
        void socket.join(instanceRoom(request.instanceId));
        const sameRun = request.runId !== undefined && request.runId === state.run?.id;
        const replay = supervisor.replay(request.instanceId, sameRun ? (request.afterSeq ?? 0) : 0);
        const chunks = replay.chunks.map((chunk) => ({ instanceId: request.instanceId, runId: replay.runId!, ...chunk }));
        reply({ ok: true, state, runId: replay.runId, chunks, gap: replay.gap } satisfies WatchAck);
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError("bad_request", { detail: "instance:watch needs { instanceId }" });
        reply({ ok: false, error: { code: appError.code, message: appError.userMessage } });
      }
    });
    socket.on("instance:unwatch", (raw) => {
      const request = unwatchSchema.safeParse(raw);
      if (request.success) void socket.leave(instanceRoom(request.data.instanceId));
    });
  });

  supervisor.on("state", (state) => namespace.to(instanceRoom(state.id)).emit("instance:state", state));
  supervisor.on("output", ({ instanceId, runId, chunk }) =>
    namespace.to(instanceRoom(instanceId)).emit("log:chunk", { instanceId, runId, seq: chunk.seq, data: chunk.data }),
  );
  return namespace;
}
