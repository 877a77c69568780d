"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import {
  countIssues,
  FLAG_GROUPS,
  flagKey,
  flagsInGroup,
  issuesByField,
  searchFlags,
  specAsInstalled,
  type FlagGroup,
  type FlagSpec,
  type InstalledFlags,
  type LaunchFlagValue,
  type LaunchProfile,
  type ValidationIssue,
} from "@/lib/launch";
import { cn } from "../ui/cn";
import { Input } from "../ui/input";
import { FlagField } from "./flag-field";

interface FlagFormProps {
  profile: LaunchProfile;
  issues: ValidationIssue[];
  onFlagChange: (name: string, value: LaunchFlagValue | undefined) => void;
  /** Set from outside (an issue was clicked) to show that flag's group. */
  group: FlagGroup;
  onGroupChange: (group: FlagGroup) => void;
  /** The installed SGLang's flags: their choice lists replace the catalogue's. */
  installedFlags: InstalledFlags | null;
  /** Whether the runtime is the simulator (for saying where the flags come from). */
  simulated: boolean;
}

/** Every catalogue flag, by group, with a search over all of them. The model path has its own field above. */
export function FlagForm({ profile, issues, onFlagChange, group, onGroupChange, installedFlags, simulated }: FlagFormProps) {
  const t = useTranslations("launch.form");
  const tf = useTranslations("flags");
  const [query, setQuery] = useState("");
  const byField = useMemo(() => issuesByField(issues), [issues]);
  // Searches the reader's language as well as the English help.
  const describe = (spec: FlagSpec) => `${tf.has(`help.${flagKey(spec.name)}`) ? tf(`help.${flagKey(spec.name)}`) : ""} ${tf(`groups.${spec.group}`)}`;
  const shown = (query.trim() ? searchFlags(query, describe) : flagsInGroup(group))
    .filter((spec) => spec.name !== "--model-path")
    .map((spec) => specAsInstalled(spec, installedFlags));

  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500" data-testid="flags-source">
        {installedFlags
          ? t("sourceInstalled", { simulated: simulated ? "yes" : "no", version: installedFlags.version })
          : t("sourceCatalogue", { simulated: simulated ? "yes" : "no" })}
      </p>
      <Input
        type="search"
        placeholder={t("searchPlaceholder")}
        aria-label={t("searchLabel")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!query.trim() && (
        <div role="tablist" aria-label={t("groupsLabel")} className="flex flex-wrap gap-1 border-b border-zinc-800 pb-2">
          {FLAG_GROUPS.map((g) => {
            const names = new Set(flagsInGroup(g).map((s) => s.name));
            const set = [...names].filter((n) => profile.flags[n] !== undefined && profile.flags[n] !== false).length;
            const counts = countIssues(issues, names);
            return (
              <button
                key={g}
                type="button"
                role="tab"
                aria-selected={g === group}
                onClick={() => onGroupChange(g)}
                className={cn(
                  "flex items-center gap-1.5 rounded-md px-2 py-1 text-sm",
                  g === group ? "bg-zinc-800 text-zinc-50" : "text-zinc-400 hover:bg-zinc-900 hover:text-zinc-200",
                )}
              >
                {tf(`groups.${g}`)}
                {set > 0 && <span className="text-xs text-zinc-500">{set}</span>}
                {counts.errors > 0 ? (
                  <span className="h-2 w-2 rounded-full bg-red-500" title={t("groupErrors", { count: counts.errors })} />
                ) : counts.warnings > 0 ? (
                  <span className="h-2 w-2 rounded-full bg-amber-400" title={t("groupWarnings", { count: counts.warnings })} />
                ) : null}
              </button>
            );
          })}
        </div>
      )}
      {query.trim() && <p className="text-xs text-zinc-500">{shown.length === 0 ? t("noMatch") : t("matches", { count: shown.length })}</p>}
      <div>
        {shown.map((spec) => (
          <FlagField
            key={spec.name}
            spec={spec}
            value={profile.flags[spec.name]}
            issues={byField.get(spec.name) ?? []}
            onChange={(value) => onFlagChange(spec.name, value)}
            showGroup={query.trim() !== ""}
          />
        ))}
      </div>
    </div>
  );
}
