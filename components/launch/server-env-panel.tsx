"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { buildLaunchEnv, resolveHostPort, type LaunchProfile } from "@/lib/launch";
import type { ServerEnvBase } from "@/lib/launch";
import { maskEnvValue } from "@/lib/secrets";
import { buildServerEnv, type EnvSource } from "@/lib/server-env";
import { Badge, type BadgeProps } from "../ui/badge";
import { Input } from "../ui/input";

const SOURCE_TONES: Record<EnvSource, BadgeProps["tone"]> = { console: "neutral", profile: "info", added: "warning" };

/** The environment the server will get: each variable, its value (secrets masked) and where it came from. */
export function ServerEnvPanel({ base, profile }: { base: ServerEnvBase; profile: LaunchProfile }) {
  const t = useTranslations("launch.serverEnv");
  const [filter, setFilter] = useState("");
  const entries = useMemo(
    () => buildServerEnv({ inherited: base.inherited, runtime: base.runtime, profile: buildLaunchEnv(profile), bindHost: resolveHostPort(profile).host }),
    [base, profile],
  );
  const count = (source: EnvSource) => entries.filter((entry) => entry.source === source).length;
  const shown = entries.filter((entry) => entry.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <details className="text-xs" data-testid="server-env">
      <summary className="cursor-pointer text-sm text-zinc-300">
        {t("summary", { total: entries.length, fromConsole: count("console"), fromProfile: count("profile"), added: count("added") })}
      </summary>
      <p className="mt-2 text-zinc-400">{t("explain")}</p>
      <Input className="mt-2 h-7 text-xs" placeholder={t("filterPlaceholder")} value={filter} onChange={(event) => setFilter(event.target.value)} aria-label={t("filterLabel")} />
      <table className="mt-2 w-full">
        <tbody className="divide-y divide-zinc-800">
          {shown.map((entry) => (
            <tr key={entry.name} data-testid="server-env-row" data-name={entry.name} data-source={entry.source}>
              <td className="py-0.5 pr-2 align-top font-mono text-zinc-200">{entry.name}</td>
              <td className="max-w-[14rem] break-all py-0.5 pr-2 align-top font-mono text-zinc-400">{maskEnvValue(entry.name, entry.value)}</td>
              <td className="py-0.5 text-right align-top">
                <Badge tone={SOURCE_TONES[entry.source]}>{t(`sources.${entry.source}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
