// The flags the installed SGLang (or the simulator) reports about itself, and the checks they allow:
// a flag or choice it has is never blocked because the catalogue lacks it; one it lacks is refused before launch.
import { z } from "zod";
import type { FlagSpec } from "./flag-catalogue";
import type { LaunchProfile } from "./profile";
import type { ValidationIssue } from "./validate";

export const installedFlagsSchema = z.object({
  version: z.string().min(1).max(100),
  flags: z
    .array(
      z.object({
        options: z.array(z.string().max(200)).min(1).max(20),
        takesValue: z.boolean(),
        choices: z.array(z.string().max(200)).max(2000).nullable(),
      }),
    )
    .max(5000),
});

export type InstalledFlags = z.infer<typeof installedFlagsSchema>;
export type InstalledFlag = InstalledFlags["flags"][number];

/** The installed flag `written` names: an exact option string, else argparse's unique-prefix abbreviation. */
export function findInstalledFlag(installed: InstalledFlags, written: string): InstalledFlag | undefined {
  const exact = installed.flags.find((flag) => flag.options.includes(written));
  if (exact || written.length < 4) return exact;
  const prefixed = installed.flags.filter((flag) => flag.options.some((option) => option.startsWith(written)));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The installed flag behind a catalogue flag (under its name or any alias). */
export function installedFlagFor(installed: InstalledFlags, spec: FlagSpec): InstalledFlag | undefined {
  return installed.flags.find((flag) => [spec.name, ...spec.aliases].some((spelling) => flag.options.includes(spelling)));
}

/** Whether the installed SGLang takes `value` for `spec` (its own choices, or any value when it has none). */
export function installedAccepts(installed: InstalledFlags, spec: FlagSpec, value: unknown): boolean {
  const flag = installedFlagFor(installed, spec);
  return flag !== undefined && (flag.choices === null || flag.choices.includes(String(value)));
}

/** The flag as the installed SGLang takes it: its own choice list replaces the catalogue's. */
export function specAsInstalled(spec: FlagSpec, installed: InstalledFlags | null): FlagSpec {
  const flag = installed ? installedFlagFor(installed, spec) : undefined;
  return flag?.choices && spec.type === "choice" ? { ...spec, choices: flag.choices } : spec;
}

function choicesText(choices: readonly string[]): string {
  return choices.length <= 12 ? choices.join(", ") : `${choices.slice(0, 12).join(", ")} and ${choices.length - 12} more`;
}

/** Errors for flags, choices and extra arguments the installed SGLang would reject. */
export function checkInstalledFlags(profile: LaunchProfile, findSpec: (name: string) => FlagSpec | undefined, installed: InstalledFlags): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const sglang = `the installed SGLang ${installed.version}`;
  for (const [key, value] of Object.entries(profile.flags)) {
    const spec = findSpec(key);
    if (!spec || value === false) continue;
    const flag = installedFlagFor(installed, spec);
    if (!flag) {
      issues.push({ field: spec.name, severity: "error", code: "flag_not_installed", message: `${spec.name} is not a flag of ${sglang}: remove it, or upgrade SGLang.`, params: { flag: spec.name, version: installed.version } });
    } else if (flag.choices && !flag.choices.includes(String(value))) {
      issues.push({
        field: spec.name,
        severity: "error",
        code: "choice_not_installed",
        message: `${spec.name} ${String(value)} is not a choice of ${sglang}: choose one of ${choicesText(flag.choices)}, or upgrade SGLang.`,
        params: { flag: spec.name, value: String(value), version: installed.version, choices: flag.choices.slice(0, 12).join(", "), more: Math.max(0, flag.choices.length - 12) },
      });
    }
  }
  for (const token of profile.extraArgs) {
    if (!token.startsWith("--") || token === "--") continue;
    const name = token.includes("=") ? token.slice(0, token.indexOf("=")) : token;
    if (!findInstalledFlag(installed, name)) {
      issues.push({ field: "extraArgs", severity: "error", code: "extra_not_installed", message: `${name} is not a flag of ${sglang}: it would stop with "unrecognized arguments".`, params: { name, version: installed.version } });
    }
  }
  return issues;
}
