"use client";

import { useMemo, useState } from "react";
import { buildLaunchEnv, resolveHostPort, type LaunchProfile } from "@/lib/launch";
import type { ServerEnvBase } from "@/lib/launch";
import { maskEnvValue } from "@/lib/secrets";
import { buildServerEnv, type EnvSource } from "@/lib/server-env";
import { Badge, type BadgeProps } from "../ui/badge";
import { Input } from "../ui/input";

const SOURCES: Record<EnvSource, { label: string; tone: BadgeProps["tone"] }> = {
  console: { label: "console", tone: "neutral" },
  profile: { label: "profile", tone: "info" },
  added: { label: "added", tone: "warning" },
};

/** The environment the server will get: each variable, its value (secrets masked) and where it came from. */
export function ServerEnvPanel({ base, profile }: { base: ServerEnvBase; profile: LaunchProfile }) {
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
        {entries.length} variables: {count("console")} from the console, {count("profile")} from the profile, {count("added")} added by the console
      </summary>
      <p className="mt-2 text-zinc-400">
        The server inherits the console&apos;s environment without the console&apos;s own settings and secrets; the profile&apos;s variables go on
        top. With a proxy set, NO_PROXY and no_proxy are made to cover this server, or its warm-up request to itself would go through the proxy.
      </p>
      <Input className="mt-2 h-7 text-xs" placeholder="Filter by name" value={filter} onChange={(event) => setFilter(event.target.value)} aria-label="Filter variables" />
      <table className="mt-2 w-full">
        <tbody className="divide-y divide-zinc-800">
          {shown.map((entry) => (
            <tr key={entry.name} data-testid="server-env-row" data-name={entry.name} data-source={entry.source}>
              <td className="py-0.5 pr-2 align-top font-mono text-zinc-200">{entry.name}</td>
              <td className="max-w-[14rem] break-all py-0.5 pr-2 align-top font-mono text-zinc-400">{maskEnvValue(entry.name, entry.value)}</td>
              <td className="py-0.5 text-right align-top">
                <Badge tone={SOURCES[entry.source].tone}>{SOURCES[entry.source].label}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
