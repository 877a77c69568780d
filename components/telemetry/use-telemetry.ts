"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import {
  GPU_POINT_KEYS,
  TELEMETRY_NAMESPACE,
  type GpuSampleEvent,
  type GpuSeries,
  type GpuSnapshot,
  type TelemetryClientToServer,
  type TelemetryServerToClient,
} from "@/lib/realtime-telemetry";

export type TelemetrySocket = Socket<TelemetryServerToClient, TelemetryClientToServer>;

const SPARKLINE_POINTS = 120;

/** Appends a sample's points to per-GPU series, keeping at most `limit` points each. */
export function appendSample(series: GpuSeries[], sample: GpuSampleEvent, limit: number): GpuSeries[] {
  const byIndex = new Map(series.map((s) => [s.index, s]));
  for (const { index, point } of sample.points) {
    const current = byIndex.get(index) ?? { index, t: [], values: Object.fromEntries(GPU_POINT_KEYS.map((k) => [k, []])) as unknown as GpuSeries["values"] };
    const drop = Math.max(0, current.t.length + 1 - limit);
    const next: GpuSeries = {
      index,
      t: [...current.t.slice(drop), point.t],
      values: Object.fromEntries(GPU_POINT_KEYS.map((k) => [k, [...current.values[k].slice(drop), point[k]]])) as unknown as GpuSeries["values"],
    };
    byIndex.set(index, next);
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Live GPU telemetry: the snapshot (status, GPUs, holders) and the recent points, updated by each sample. */
export function useTelemetry(initial: GpuSnapshot | null) {
  const [snapshot, setSnapshot] = useState<GpuSnapshot | null>(initial);
  const [recent, setRecent] = useState<GpuSeries[]>(initial?.recent ?? []);
  const [connected, setConnected] = useState(false);
  const [socket, setSocket] = useState<TelemetrySocket | null>(null);
  const lastSample = useRef<GpuSampleEvent | null>(null);

  useEffect(() => {
    const s: TelemetrySocket = io(TELEMETRY_NAMESPACE, { path: "/socket.io" });
    s.on("connect", () => setConnected(true));
    s.on("disconnect", () => setConnected(false));
    s.on("gpu:snapshot", (next) => {
      setSnapshot(next);
      setRecent(next.recent);
    });
    s.on("gpu:sample", (sample) => {
      lastSample.current = sample;
      setRecent((series) => appendSample(series, sample, SPARKLINE_POINTS));
      setSnapshot((current) =>
        current
          ? { ...current, gpus: current.gpus.map((gpu) => ({ ...gpu, latest: sample.points.find((p) => p.index === gpu.index)?.point ?? gpu.latest })) }
          : current,
      );
    });
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, []);

  return { snapshot, recent, connected, socket };
}
