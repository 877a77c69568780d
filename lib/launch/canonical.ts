// The one normal form of a profile: what a command line can express.
import { catalogueIndex } from "./flag-catalogue";
import { valueFromText } from "./flag-values";
import type { LaunchFlagValue, LaunchProfile } from "./profile";
import { resolveFlag } from "./suggest";

/**
 * Flags keyed by canonical name (aliases and abbreviations renamed), in catalogue order, numbers
 * for numeric flags given as text, switched-off booleans dropped (a command
 * line cannot say "false"). Unknown keys are kept as they are.
 * `parseLaunchCommand(formatShellCommand(build(p)))` returns `canonicalizeProfile(p)`.
 */
export function canonicalizeProfile(profile: LaunchProfile): LaunchProfile {
  const flags: Record<string, LaunchFlagValue> = {};
  for (const [key, value] of Object.entries(profile.flags)) {
    const spec = resolveFlag(key);
    const name = spec?.name ?? key;
    if (value === false && (spec === undefined || spec.type === "boolean")) continue;
    if (spec && typeof value === "string") flags[name] = valueFromText(spec, value);
    else if (spec && typeof value === "number" && spec.type !== "int" && spec.type !== "float") flags[name] = String(value);
    else flags[name] = value;
  }
  return {
    name: profile.name,
    modelPath: profile.modelPath,
    flags: sortFlags(flags),
    extraArgs: [...profile.extraArgs],
    gpuIds: profile.gpuIds === null ? null : [...profile.gpuIds],
    env: { ...profile.env },
  };
}

/** A copy of `flags` with keys in catalogue order (unknown keys last, by name). */
export function sortFlags<T>(flags: Record<string, T>): Record<string, T> {
  const keys = Object.keys(flags).sort((a, b) => catalogueIndex(a) - catalogueIndex(b) || (a < b ? -1 : a > b ? 1 : 0));
  const sorted: Record<string, T> = {};
  for (const key of keys) sorted[key] = flags[key] as T;
  return sorted;
}
