"use client";

import { useMemo, useState } from "react";
import {
  countIssues,
  FLAG_GROUPS,
  flagsInGroup,
  issuesByField,
  searchFlags,
  specAsInstalled,
  type FlagGroup,
  type InstalledFlags,
  type LaunchFlagValue,
  type LaunchProfile,
  type ValidationIssue,
} from "@/lib/launch";
import { cn } from "../ui/cn";
import { Input } from "../ui/input";
import { FlagField } from "./flag-field";

const GROUP_LABELS: Record<FlagGroup, string> = {
  model: "Model",
  parallelism: "Parallelism",
  memory: "Memory",
  parsers: "Parsers",
  speculative: "Speculative",
  server: "Server",
  advanced: "Advanced",
};

interface FlagFormProps {
  profile: LaunchProfile;
  issues: ValidationIssue[];
  onFlagChange: (name: string, value: LaunchFlagValue | undefined) => void;
  /** Set from outside (an issue was clicked) to show that flag's group. */
  group: FlagGroup;
  onGroupChange: (group: FlagGroup) => void;
  /** The installed SGLang's flags: their choice lists replace the catalogue's. */
  installedFlags: InstalledFlags | null;
  /** Where the flags come from, in words. */
  flagsSource: string;
}

/** Every catalogue flag, by group, with a search over all of them. The model path has its own field above. */
export function FlagForm({ profile, issues, onFlagChange, group, onGroupChange, installedFlags, flagsSource }: FlagFormProps) {
  const [query, setQuery] = useState("");
  const byField = useMemo(() => issuesByField(issues), [issues]);
  const shown = (query.trim() ? searchFlags(query) : flagsInGroup(group))
    .filter((spec) => spec.name !== "--model-path")
    .map((spec) => specAsInstalled(spec, installedFlags));

  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500" data-testid="flags-source">
        {flagsSource}
      </p>
      <Input
        type="search"
        placeholder="Search all flags: name, alias or words of the help (e.g. memory, tp, parser)"
        aria-label="Search flags"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!query.trim() && (
        <div role="tablist" aria-label="Flag groups" className="flex flex-wrap gap-1 border-b border-zinc-800 pb-2">
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
                {GROUP_LABELS[g]}
                {set > 0 && <span className="text-xs text-zinc-500">{set}</span>}
                {counts.errors > 0 ? (
                  <span className="h-2 w-2 rounded-full bg-red-500" title={`${counts.errors} error(s)`} />
                ) : counts.warnings > 0 ? (
                  <span className="h-2 w-2 rounded-full bg-amber-400" title={`${counts.warnings} warning(s)`} />
                ) : null}
              </button>
            );
          })}
        </div>
      )}
      {query.trim() && <p className="text-xs text-zinc-500">{shown.length === 0 ? "No flag matches; a flag the catalogue lacks goes in extra arguments below." : `${shown.length} flag${shown.length === 1 ? "" : "s"} match.`}</p>}
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
