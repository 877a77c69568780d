import type { Namespace, Server } from "socket.io";
import { z } from "zod";
import { canViewInstance, canViewTelemetry, type Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import {
  TELEMETRY_NAMESPACE,
  instanceMetricsRoom,
  type Ack,
  type GpuSeries,
  type InstanceMetricsHistory,
  type TelemetryClientToServer,
  type TelemetryServerToClient,
} from "../../lib/realtime-telemetry";
import type { Services } from "../services";
import { requireSignedIn } from "./socket-auth";
import { socketHandler } from "./socket-handler";
import { localeOfHeaders } from "../../lib/i18n/locales";

const historySchema = z.object({ index: z.number().int().min(0).max(1023) });
const instanceSchema = z.object({ instanceId: z.string().min(1).max(100) });

type TelemetryNamespace = Namespace<TelemetryClientToServer, TelemetryServerToClient>;

/**
 * `/telemetry`: every GPU's latest state to a newcomer at once, then samples as volatile emits (a slow
 * browser skips some, the sampler never waits); SGLang's metrics per instance room.
 */
export function attachTelemetryNamespace(io: Server, services: Services): TelemetryNamespace {
  const namespace: TelemetryNamespace = io.of(TELEMETRY_NAMESPACE);
  const { gpuSampler, metricsScraper, supervisor } = services;

  namespace.use(requireSignedIn(services));
  namespace.use((socket, next) => next(canViewTelemetry(socket.data.actor) ? undefined : new AppError("forbidden")));

  namespace.on("connection", (socket) => {
    const actor = (): Actor => socket.data.actor;
    const locale = localeOfHeaders(socket.handshake.headers);
    socket.emit("gpu:snapshot", gpuSampler.snapshot());
    socket.on(
      "gpu:history",
      socketHandler(actor, {
        event: "gpu:history",
        schema: historySchema,
        allow: canViewTelemetry,
        handle: ({ index }): Ack<GpuSeries> => {
          const series = gpuSampler.history(index);
          if (!series) throw new AppError("bad_request", { detail: `no GPU ${index} has been sampled` });
          return { ok: true, value: series };
        },
      }, locale),
    );
    socket.on(
      "instance:watch",
      socketHandler(actor, {
        event: "instance:watch",
        schema: instanceSchema,
        allow: (who, { instanceId }) => canViewInstance(who, supervisor.getOrThrow(instanceId)),
        handle: ({ instanceId }): Ack<InstanceMetricsHistory> => {
          const instance = supervisor.getOrThrow(instanceId);
          void socket.join(instanceMetricsRoom(instanceId));
          return { ok: true, value: metricsScraper.history(instance) };
        },
      }, locale),
    );
    socket.on(
      "instance:unwatch",
      socketHandler(actor, {
        event: "instance:unwatch",
        schema: instanceSchema,
        allow: canViewTelemetry,
        handle: ({ instanceId }) => {
          void socket.leave(instanceMetricsRoom(instanceId));
          return { ok: true } as const;
        },
      }, locale),
    );
  });

  gpuSampler.on("snapshot", (snapshot) => namespace.emit("gpu:snapshot", snapshot));
  gpuSampler.on("sample", (sample) => namespace.volatile.emit("gpu:sample", sample));
  metricsScraper.on("metrics", (event) => namespace.to(instanceMetricsRoom(event.instanceId)).emit("instance:metrics", event));
  return namespace;
}
