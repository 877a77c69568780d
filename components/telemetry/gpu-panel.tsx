"use client";

import type { GpuSamplerStatus, GpuSnapshot } from "@/lib/realtime-telemetry";
import { Card } from "../ui/card";
import { GpuCard } from "./gpu-card";
import { useTelemetry } from "./use-telemetry";

export function GpuStatusNote({ status }: { status: GpuSamplerStatus }) {
  if (status.state === "ok") return null;
  const text =
    status.state === "no_gpu"
      ? `No NVIDIA GPU found on this machine (${status.reason}). Servers can still be launched and supervised; set NVIDIA_SMI if nvidia-smi lives elsewhere.`
      : status.state === "restarting"
        ? `GPU readings paused: ${status.reason}. Trying again in ${Math.ceil(status.retryInMs / 1000)} s.`
        : "Waiting for the first GPU readings…";
  return (
    <Card data-testid="gpu-status" data-state={status.state} className="text-sm text-zinc-300">
      {text}
    </Card>
  );
}

/** Every GPU of the box, live. */
export function GpuPanel({ initial }: { initial: GpuSnapshot }) {
  const { snapshot, recent, connected, socket } = useTelemetry(initial);
  const current = snapshot ?? initial;
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">GPUs</h1>
        <span className="text-xs text-zinc-500" data-testid="telemetry-connection">
          {!connected ? "connecting…" : current.status.state === "ok" ? `live · every ${current.intervalMs / 1000} s` : "connected"}
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
