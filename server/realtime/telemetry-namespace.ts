import type { Namespace, Server } from "socket.io";
import { z } from "zod";
import { canViewInstance, canViewTelemetry } from "../../lib/authz";
import { AppError, isAppError } from "../../lib/errors";
import {
  TELEMETRY_NAMESPACE,
  instanceMetricsRoom,
  type Ack,
  type TelemetryClientToServer,
  type TelemetryServerToClient,
} from "../../lib/realtime-telemetry";
import type { Services } from "../services";

const historySchema = z.object({ index: z.number().int().min(0).max(1023) });
const instanceSchema = z.object({ instanceId: z.string().min(1).max(100) });

type TelemetryNamespace = Namespace<TelemetryClientToServer, TelemetryServerToClient>;

function failure(error: unknown, detail: string): Ack<never> {
  const appError = isAppError(error) ? error : new AppError("bad_request", { detail });
  return { ok: false, error: { code: appError.code, message: appError.userMessage } };
}

/**
 * `/telemetry`: every GPU's latest state to a newcomer at once, then samples as volatile emits (a slow
 * browser skips some, the sampler never waits); SGLang's metrics per instance room.
 */
export function attachTelemetryNamespace(io: Server, services: Services): TelemetryNamespace {
  const namespace: TelemetryNamespace = io.of(TELEMETRY_NAMESPACE);
  const { gpuSampler, metricsScraper, supervisor } = services;

  namespace.use(async (socket, next) => {
    const actor = await services.actorFor(socket.handshake.headers);
    if (!canViewTelemetry(actor)) return next(new AppError("forbidden"));
    socket.data.actor = actor;
    next();
  });

  namespace.on("connection", (socket) => {
    socket.emit("gpu:snapshot", gpuSampler.snapshot());
    socket.on("gpu:history", (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      const request = historySchema.safeParse(raw);
      if (!request.success) return reply(failure(null, "gpu:history needs { index }"));
      const series = gpuSampler.history(request.data.index);
      reply(series ? { ok: true, value: series } : failure(null, `no GPU ${request.data.index} has been sampled`));
    });
    socket.on("instance:watch", (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      try {
        const { instanceId } = instanceSchema.parse(raw);
        const instance = supervisor.getOrThrow(instanceId);
        if (!canViewInstance(socket.data.actor, instance)) throw new AppError("forbidden");
        void socket.join(instanceMetricsRoom(instanceId));
        reply({ ok: true, value: metricsScraper.history(instance) });
      } catch (error) {
        reply(failure(error, "instance:watch needs { instanceId }"));
      }
    });
    socket.on("instance:unwatch", (raw) => {
      const request = instanceSchema.safeParse(raw);
      if (request.success) void socket.leave(instanceMetricsRoom(request.data.instanceId));
    });
  });

  gpuSampler.on("snapshot", (snapshot) => namespace.emit("gpu:snapshot", snapshot));
  gpuSampler.on("sample", (sample) => namespace.volatile.emit("gpu:sample", sample));
  metricsScraper.on("metrics", (event) => namespace.to(instanceMetricsRoom(event.instanceId)).emit("instance:metrics", event));
  return namespace;
}
