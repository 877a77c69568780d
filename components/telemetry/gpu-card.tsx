"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { GpuSeries, GpuState } from "@/lib/realtime-telemetry";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { GpuHolders } from "./gpu-holders";
import { GpuDetail } from "./gpu-detail";
import { Sparkline } from "./sparkline";
import { formatNumber } from "./time-chart";
import type { TelemetrySocket } from "./use-telemetry";

const gib = (mib: number | null) => (mib === null ? "–" : (mib / 1024).toFixed(1));
const show = (value: number | null | undefined, unit = "") => (value === null || value === undefined ? "–" : `${formatNumber(value)}${unit}`);

function Metric({ label, value, children }: { label: string; value: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_8.5rem_1fr] items-center gap-2">
      <div className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="whitespace-nowrap font-mono text-sm text-zinc-100">{value}</div>
      {children}
    </div>
  );
}

/** One GPU: the five live readings with sparklines, who holds it, and its last hour on demand. */
export function GpuCard({ gpu, recent, socket, compact = false }: { gpu: GpuState; recent: GpuSeries | undefined; socket: TelemetrySocket | null; compact?: boolean }) {
  const t = useTranslations("gpus.card");
  const [open, setOpen] = useState(false);
  const latest = gpu.latest;
  const values = recent?.values;
  return (
    <Card className={cn("space-y-3", open && "lg:col-span-2")} data-testid="gpu-card" data-gpu-index={gpu.index}>
      <div className="flex items-baseline gap-2">
        <span className="font-mono text-lg font-semibold">GPU {gpu.index}</span>
        <span className="truncate text-sm text-zinc-400">{gpu.name ?? t("unknownGpu")}</span>
        {!compact && (
          <Button size="sm" variant="secondary" className="ml-auto" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t("hideHour") : t("lastHour")}
          </Button>
        )}
      </div>
      <div className="space-y-1.5">
        <Metric label={t("utilisation")} value={show(latest?.utilizationPercent, " %")}>
          <Sparkline label={t("sparkline", { index: gpu.index, metric: t("utilisation") })} values={values?.utilizationPercent ?? []} max={100} />
        </Metric>
        <Metric label={t("memoryGiB")} value={`${gib(latest?.memoryUsedMiB ?? null)} / ${gib(gpu.memoryTotalMiB)}`}>
          <Sparkline label={t("sparkline", { index: gpu.index, metric: t("memory") })} values={values?.memoryUsedMiB ?? []} max={gpu.memoryTotalMiB ?? undefined} className="stroke-violet-400" />
        </Metric>
        <Metric label={t("temperature")} value={show(latest?.temperatureC, " °C")}>
          <Sparkline label={t("sparkline", { index: gpu.index, metric: t("temperature") })} values={values?.temperatureC ?? []} min={20} max={100} className="stroke-amber-400" />
        </Metric>
        <Metric label={t("power")} value={`${show(latest?.powerW)} / ${show(gpu.powerLimitW, " W")}`}>
          <Sparkline label={t("sparkline", { index: gpu.index, metric: t("power") })} values={values?.powerW ?? []} max={gpu.powerLimitW ?? undefined} className="stroke-rose-400" />
        </Metric>
        <Metric label={t("smClock")} value={show(latest?.smClockMHz, " MHz")}>
          <Sparkline label={t("sparkline", { index: gpu.index, metric: t("smClock") })} values={values?.smClockMHz ?? []} max={gpu.smClockMaxMHz ?? undefined} className="stroke-emerald-400" />
        </Metric>
      </div>
      <GpuHolders holders={gpu.holders} />
      {open && <GpuDetail gpu={gpu} socket={socket} />}
    </Card>
  );
}
