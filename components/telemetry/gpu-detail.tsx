"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { GpuSeries, GpuState } from "@/lib/realtime-telemetry";
import { TimeChart } from "./time-chart";
import { appendSample, type TelemetrySocket } from "./use-telemetry";

const HOUR_POINTS = 3600;

/** The last hour of one GPU (fetched once over the socket), then extended by every live sample. */
export function GpuDetail({ gpu, socket }: { gpu: GpuState; socket: TelemetrySocket | null }) {
  const tr = useTranslations("gpus.card");
  const [series, setSeries] = useState<GpuSeries | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    let loaded = false;
    const pending: Parameters<typeof appendSample>[1][] = [];
    const onSample = (sample: Parameters<typeof appendSample>[1]) => {
      if (!loaded) return void pending.push(sample);
      setSeries((current) => (current ? appendSample([current], sample, HOUR_POINTS).find((s) => s.index === gpu.index) ?? current : current));
    };
    socket.on("gpu:sample", onSample);
    socket.emit("gpu:history", { index: gpu.index }, (ack) => {
      if (!ack.ok) return setError(ack.error.message);
      loaded = true;
      let next = ack.value;
      const last = next.t[next.t.length - 1] ?? 0;
      for (const sample of pending) if (sample.t > last) next = appendSample([next], sample, HOUR_POINTS).find((s) => s.index === gpu.index) ?? next;
      setSeries(next);
    });
    return () => {
      socket.off("gpu:sample", onSample);
    };
  }, [socket, gpu.index]);

  if (error) return <p className="text-sm text-red-300">{error}</p>;
  if (!series) return <p className="text-sm text-zinc-500">{tr("loadingHour")}</p>;
  const { t, values } = series;
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="gpu-detail">
      <TimeChart title={tr("utilisation")} unit="%" t={t} values={values.utilizationPercent} max={100} />
      <TimeChart title={tr("memoryUsed")} unit="MiB" t={t} values={values.memoryUsedMiB} max={gpu.memoryTotalMiB ?? undefined} className="stroke-violet-400" />
      <TimeChart title={tr("temperature")} unit="°C" t={t} values={values.temperatureC} min={20} max={100} className="stroke-amber-400" />
      <TimeChart title={tr("power")} unit="W" t={t} values={values.powerW} max={gpu.powerLimitW ?? undefined} className="stroke-rose-400" />
      <TimeChart title={tr("smClock")} unit="MHz" t={t} values={values.smClockMHz} max={gpu.smClockMaxMHz ?? undefined} className="stroke-emerald-400" />
    </div>
  );
}
