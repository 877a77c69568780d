"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { InstanceMetricsHistory } from "@/lib/realtime-telemetry";
import type { InstanceMetricsPoint } from "@/lib/telemetry/sglang-metrics";
import { Card, CardTitle } from "../ui/card";
import { GpuCard } from "./gpu-card";
import { TimeChart } from "./time-chart";
import { useTelemetry } from "./use-telemetry";

const HOUR_POINTS = 1200;

const column = (points: InstanceMetricsPoint[], key: Exclude<keyof InstanceMetricsPoint, "t">, scale = 1) =>
  points.map((p) => (p[key] === null ? null : p[key]! * scale));

/** The GPUs an instance holds (from the process tree) and SGLang's own metrics from its /metrics. */
export function InstanceMetrics({ instanceId, runId }: { instanceId: string; runId: string | null }) {
  const tm = useTranslations("gpus.instance");
  const format = useFormatter();
  const { snapshot, recent, socket } = useTelemetry(null);
  const [history, setHistory] = useState<InstanceMetricsHistory | null>(null);

  useEffect(() => {
    if (!socket) return;
    const watch = () =>
      socket.emit("instance:watch", { instanceId }, (ack) => {
        if (ack.ok) setHistory(ack.value);
      });
    socket.on("connect", watch);
    if (socket.connected) watch();
    socket.on("instance:metrics", (event) => {
      if (event.instanceId !== instanceId) return;
      setHistory((current) => {
        const same = current && current.runId === event.runId;
        const points = same ? [...current.points, event.point].slice(-HOUR_POINTS) : [event.point];
        return { instanceId, runId: event.runId, enabled: true, points };
      });
    });
    return () => {
      socket.emit("instance:unwatch", { instanceId });
      socket.off("connect", watch);
      socket.off("instance:metrics");
    };
  }, [socket, instanceId, runId]);

  const gpus = snapshot?.gpus.filter((gpu) => gpu.holders.some((h) => h.kind === "instance" && h.instanceId === instanceId)) ?? [];
  const points = history?.runId === runId ? (history?.points ?? []) : [];
  const t = points.map((p) => p.t);
  const ms = (key: "ttftP50" | "ttftP90" | "ttftP99") => latestMs(points, key, (value) => format.number(value));
  return (
    <Card className="space-y-4" data-testid="instance-metrics">
      <CardTitle>{tm("title")}</CardTitle>
      {snapshot?.status.state === "no_gpu" ? (
        <p className="text-sm text-zinc-400">{tm("noGpu")}</p>
      ) : gpus.length === 0 ? (
        <p className="text-sm text-zinc-400">{tm("noMemory")}</p>
      ) : (
        <div className="space-y-3" data-testid="instance-gpus">
          {gpus.map((gpu) => (
            <GpuCard key={gpu.index} gpu={gpu} recent={recent.find((s) => s.index === gpu.index)} socket={socket} compact />
          ))}
        </div>
      )}
      {history && !history.enabled ? (
        <p className="text-sm text-zinc-400">{tm.rich("metricsDisabled", { flag: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
      ) : points.length === 0 ? (
        <p className="text-sm text-zinc-400">{tm("metricsWaiting")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="sglang-metrics">
          <TimeChart title={tm("running")} unit="" t={t} values={column(points, "running")} />
          <TimeChart title={tm("queued")} unit="" t={t} values={column(points, "queued")} className="stroke-amber-400" />
          <TimeChart title={tm("kvCache")} unit="%" t={t} values={column(points, "tokenUsage", 100)} max={100} className="stroke-violet-400" />
          <TimeChart title={tm("throughput")} unit={tm("tokensPerSecond")} t={t} values={column(points, "genThroughput")} className="stroke-emerald-400" />
          <TimeChart title={tm("cacheHitRate")} unit="%" t={t} values={column(points, "cacheHitRate", 100)} max={100} className="stroke-sky-400" />
          <TimeChart title={tm("ttftP50")} unit="ms" t={t} values={column(points, "ttftP50", 1000)} className="stroke-rose-400" />
          <p className="text-xs text-zinc-500 md:col-span-2 xl:col-span-3">
            {tm("latestTtft", { p50: ms("ttftP50"), p90: ms("ttftP90"), p99: ms("ttftP99") })}
          </p>
        </div>
      )}
    </Card>
  );
}

function latestMs(points: InstanceMetricsPoint[], key: "ttftP50" | "ttftP90" | "ttftP99", number: (value: number) => string): string {
  const last = [...points].reverse().find((p) => p[key] !== null)?.[key];
  return last === undefined || last === null ? "–" : `${number(Math.round(last * 1000))} ms`;
}
