"use client";

import type { RuntimeReasonCode } from "@/lib/launch/context";
import { RuntimeReason } from "@/components/runtime-reason";
import { callApi } from "@/components/api-client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { buildLaunchArgv, buildLaunchEnv, formatShellCommand, type LaunchProfile } from "@/lib/launch";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Input, Select } from "../ui/input";
import { SimulatedBadge } from "./phase-badge";

interface LaunchCardProps {
  preset: LaunchProfile;
  python: string;
  simulated: boolean;
  runtimeReason: RuntimeReasonCode;
}

/** One-click launch of a preset, showing the exact command the console will run. */
export function LaunchCard({ preset, python, simulated, runtimeReason }: LaunchCardProps) {
  const t = useTranslations("instances.launchCard");
  const tp = useTranslations("phases.restart.policy");
  const router = useRouter();
  const [modelPath, setModelPath] = useState(preset.modelPath);
  const [port, setPort] = useState(String(preset.flags["--port"] ?? 30000));
  const [restartPolicy, setRestartPolicy] = useState<"never" | "on-failure">("never");
  const [readyTimeoutS, setReadyTimeoutS] = useState("1800");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const profile: LaunchProfile = useMemo(
    () => ({ ...preset, modelPath, flags: { ...preset.flags, "--port": Number(port) || port } }),
    [preset, modelPath, port],
  );
  const command = formatShellCommand({ env: buildLaunchEnv(profile), program: python, argv: buildLaunchArgv(profile) }, { multiline: true });

  async function launch() {
    setBusy(true);
    setError(null);
    try {
      const { instance } = await callApi<{ instance: { id: string } }>("POST", "/api/instances", { profile, supervision: { restartPolicy, readyTimeoutS: Number(readyTimeoutS) || 1800 } });
      router.push(`/instances/${instance.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="space-y-4" data-testid="launch-card">
      <div className="flex items-center gap-3">
        <CardTitle>{t("title", { name: preset.name })}</CardTitle>
        {simulated && <SimulatedBadge />}
        <Link href="/launch" className="ml-auto text-sm text-sky-400 hover:text-sky-300">
          {t("fullForm")}
        </Link>
      </div>
      {simulated && <RuntimeReason code={runtimeReason} python={python} className="text-sm text-fuchsia-300/80" />}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <label className="space-y-1 text-sm">
          <span className="text-zinc-400">{t("modelPath")}</span>
          <Input
            mono
            value={modelPath}
            onChange={(event) => setModelPath(event.target.value)}
            name="modelPath"
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="text-zinc-400">{t("port")}</span>
          <Input
            mono
            value={port}
            inputMode="numeric"
            onChange={(event) => setPort(event.target.value)}
            name="port"
          />
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="space-y-1 text-sm">
          <span className="text-zinc-400">{t("restart")}</span>
          <Select
            value={restartPolicy}
            onChange={(event) => setRestartPolicy(event.target.value as "never" | "on-failure")}
            name="restartPolicy"
          >
            <option value="never">{tp("never")}</option>
            <option value="on-failure">{tp("on-failure")}</option>
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="text-zinc-400">{t("readyTimeout")}</span>
          <Input
            mono
            value={readyTimeoutS}
            inputMode="numeric"
            onChange={(event) => setReadyTimeoutS(event.target.value)}
            name="readyTimeoutS"
          />
        </label>
      </div>
      <div>
        <p className="mb-1 text-sm text-zinc-400">{t("commandNote")}</p>
        <pre className="overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-200" data-testid="launch-command">
          {command}
        </pre>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200">
          {error}
        </p>
      )}
      <Button onClick={launch} disabled={busy}>
        {busy ? t("launching") : t("title", { name: preset.name })}
      </Button>
    </Card>
  );
}
