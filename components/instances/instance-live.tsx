"use client";

import { callApi } from "@/components/api-client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { isActivePhase } from "@/lib/instance-phase";
import type { InstanceView } from "@/lib/instance-view";
import { Button } from "../ui/button";
import { InstanceMetrics } from "../telemetry/instance-metrics";
import { Card, CardTitle } from "../ui/card";
import { ChatBox } from "./chat-box";
import { ParserCheckCard } from "./parser-check-card";
import { LogViewer } from "../logs/log-viewer";
import { PhaseBadge, SimulatedBadge } from "./phase-badge";
import { RestartBanner } from "./restart-banner";
import { RunHistory } from "./run-history";
import { StageTimeline } from "./stage-timeline";
import { RunOutcome } from "./run-outcome";
import { useInstanceStream, type LogSink } from "./use-instance-stream";

export function InstanceLive({ initial, canControl }: { initial: InstanceView; canControl: boolean }) {
  const t = useTranslations("instances.page");
  const tc = useTranslations("common");
  const notYours = canControl ? undefined : t("notYours");
  const logs = useRef<LogSink | null>(null);
  const { state, connected, setState, reload } = useInstanceStream(initial, logs);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState<"stop" | "restart" | null>(null);
  const run = state.run;
  const active = isActivePhase(state.phase);

  async function act(action: "stop" | "restart") {
    setPending(action);
    setActionError(null);
    try {
      setState((await callApi<{ instance: InstanceView }>("POST", `/api/instances/${state.id}/${action}`)).instance);
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(null);
    }
  }

  async function remove() {
    if (!window.confirm(t("confirmDelete", { name: state.name }))) return;
    try {
      await callApi("DELETE", `/api/instances/${state.id}`);
      window.location.assign("/");
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{state.name}</h1>
        <PhaseBadge phase={state.phase} stage={run?.stage} percent={run?.progress?.percent} />
        {state.simulated && <SimulatedBadge />}
        <span className="font-mono text-xs text-zinc-500">
          {state.servedModelName ?? state.modelPath} · {state.host}:{state.port}
          {run?.pid ? ` · ${t("pid", { pid: run.pid })}` : ""}
        </span>
        <span className="text-xs text-zinc-400" data-testid="instance-owner">
          {t("owner", { owner: state.ownerName })}
        </span>
        <span className="ml-auto flex gap-2">
          <a
            href={`/instances/${state.id}/playground`}
            className="inline-flex h-8 items-center rounded-md border border-zinc-700 px-3 text-sm text-sky-300 hover:bg-zinc-800"
          >
            {t("playground")}
          </a>
          <Button
            variant="danger"
            size="sm"
            onClick={() => act("stop")}
            disabled={!canControl || (!active && !state.restart.nextAt) || pending !== null || state.phase === "stopping"}
            title={notYours}
          >
            {pending === "stop" || state.phase === "stopping" ? t("stopping") : t("stop")}
          </Button>
          {!active && !state.restart.nextAt && (
            <Button variant="ghost" size="sm" onClick={() => void remove()} disabled={!canControl || pending !== null} title={notYours}>
              {tc("actions.delete")}
            </Button>
          )}
          <Button variant="secondary" size="sm" onClick={() => act("restart")} disabled={!canControl || pending !== null || state.phase === "stopping"} title={notYours}>
            {pending === "restart" ? t("restarting") : active ? t("restart") : t("startAgain")}
          </Button>
        </span>
      </div>
      {actionError && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200">
          {actionError}
        </p>
      )}
      {run?.progress && (state.phase === "loading" || state.phase === "starting") && (
        <div aria-label={t("startupProgress")}>
          <div className="mb-1 text-xs text-zinc-400">
            {run.progress.label} — {run.progress.percent}%
          </div>
          <div className="h-1.5 rounded bg-zinc-800">
            <div className="h-1.5 rounded bg-sky-500 transition-all" style={{ width: `${run.progress.percent}%` }} />
          </div>
        </div>
      )}
      {run && <StageTimeline run={run} />}
      <RestartBanner instance={state} />
      {run && <RunOutcome run={run} phase={state.phase} instanceId={state.id} />}
      <Card className="space-y-3">
        <CardTitle>{t("output")}</CardTitle>
        <LogViewer ref={logs} instanceId={state.id} runId={run?.id ?? null} connected={connected} reload={reload} />
        {run && <pre className="overflow-x-auto font-mono text-xs text-zinc-500">$ {run.commandLine}</pre>}
      </Card>
      <InstanceMetrics instanceId={state.id} runId={run?.id ?? null} />
      <ParserCheckCard instanceId={state.id} runId={run?.id ?? null} ready={state.phase === "ready"} />
      <Card className="space-y-3">
        <CardTitle>{t("chat")}</CardTitle>
        <ChatBox instanceId={state.id} disabled={state.phase !== "ready"} />
      </Card>
      <Card className="space-y-3">
        <CardTitle>{t("runs")}</CardTitle>
        <RunHistory instanceId={state.id} refreshKey={`${run?.id}:${state.phase}`} />
      </Card>
    </div>
  );
}
