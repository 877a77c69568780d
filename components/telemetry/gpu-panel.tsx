"use client";

import { useTranslations } from "next-intl";
import type { GpuSamplerStatus, GpuSnapshot } from "@/lib/realtime-telemetry";
import { Card } from "../ui/card";
import { GpuCard } from "./gpu-card";
import { useNvidiaSmiText } from "./use-nvidia-smi-text";
import { useTelemetry } from "./use-telemetry";

export function GpuStatusNote({ status }: { status: GpuSamplerStatus }) {
  const t = useTranslations("gpus.status");
  const nvidiaSmi = useNvidiaSmiText();
  if (status.state === "ok") return null;
  const text =
    status.state === "no_gpu"
      ? t("noGpu", { reason: nvidiaSmi.reason(status.failure) })
      : status.state === "restarting"
        ? t("restarting", { reason: nvidiaSmi.reason(status.failure), seconds: Math.ceil(status.retryInMs / 1000) })
        : t("waiting");
  return (
    <Card data-testid="gpu-status" data-state={status.state} className="text-sm text-zinc-300">
      {text}
    </Card>
  );
}

/** Every GPU of the box, live. */
export function GpuPanel({ initial }: { initial: GpuSnapshot }) {
  const t = useTranslations("gpus");
  const { snapshot, recent, connected, socket } = useTelemetry(initial);
  const current = snapshot ?? initial;
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <span className="text-xs text-zinc-500" data-testid="telemetry-connection">
          {!connected ? t("connection.connecting") : current.status.state === "ok" ? t("connection.live", { seconds: current.intervalMs / 1000 }) : t("connection.connected")}
        </span>
      </div>
      <GpuStatusNote status={current.status} />
      <div className="grid gap-4 lg:grid-cols-2">
        {current.gpus.map((gpu) => (
          <GpuCard key={gpu.index} gpu={gpu} recent={recent.find((s) => s.index === gpu.index)} socket={socket} />
        ))}
      </div>
    </div>
  );
}
