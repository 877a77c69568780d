// Pure helpers of the launch form: flag search, text fields to profile values and back, issues per field.
import { sortFlags } from "./canonical";
import { FLAG_CATALOGUE, type FlagSpec } from "./flag-catalogue";
import { englishFlagHelp } from "./flag-help";
import { valueFromText } from "./flag-values";
import { ENV_KEY_PATTERN, type LaunchFlagValue, type LaunchProfile } from "./profile";
import { quoteShellArg } from "./shell";
import { splitShellWords } from "./shell-words";
import type { ValidationIssue } from "./validate";
import type { TextParams } from "./local-text";

/**
 * Flags whose name, alias, help or group holds every word of the query (case-insensitive). `describe` gives
 * more text to search per flag (the page passes the help and group title in the reader's language); the
 * English help and group are always searched.
 */
export function searchFlags(query: string, describe?: (spec: FlagSpec) => string): FlagSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).map((w) => w.replace(/^-+/, ""));
  if (words.length === 0) return [];
  return FLAG_CATALOGUE.filter((spec) => {
    const haystack = [spec.name, ...spec.aliases, spec.dest, englishFlagHelp(spec), spec.group, describe?.(spec) ?? ""].join(" ").toLowerCase();
    return words.every((word) => haystack.includes(word) || haystack.includes(word.replace(/_/g, "-")));
  });
}

/** The text an input shows for a stored value. */
export function flagValueText(value: LaunchFlagValue | undefined): string {
  return value === undefined || typeof value === "boolean" ? "" : String(value);
}

/** The profile with one flag set, or removed when `value` is undefined (SGLang's default then applies). */
export function withFlag(profile: LaunchProfile, name: string, value: LaunchFlagValue | undefined): LaunchProfile {
  const flags = { ...profile.flags };
  if (value === undefined || value === false) delete flags[name];
  else flags[name] = value;
  return { ...profile, flags: sortFlags(flags) };
}

/** What typing `text` into a flag's field stores: unset when empty, numbers for numeric text, the text otherwise. */
export function flagValueFromInput(spec: FlagSpec, text: string): LaunchFlagValue | undefined {
  if (text.trim() === "") return undefined;
  return valueFromText(spec, text.trim());
}

/** A problem of a free-text field: English `message`, and launch.issues.<code> with `params` for the page. */
export interface TextProblem {
  code: string;
  message: string;
  params?: TextParams;
}

/** Extra arguments as typed (shell words, several lines allowed) → argv; operators and expansions are refused. */
export function parseExtraArgsText(text: string): { args: string[]; errors: string[]; problems: TextProblem[] } {
  const lexed = splitShellWords(text);
  const problems: TextProblem[] = lexed.errors.map((message, i) => ({ code: lexed.errorCodes[i] ?? "extra_args_text", message }));
  if (lexed.operators.length > 0) {
    const operators = [...new Set(lexed.operators)].join(" ");
    problems.push({ code: "extra_args_operators", message: `Remove ${operators}: extra arguments are words for SGLang, no shell runs them.`, params: { operators } });
  }
  if (lexed.hasExpansion) problems.push({ code: "extra_args_expansion", message: "$ and ` are kept literally: no shell expands them." });
  return { args: lexed.commands.flat(), errors: problems.map((p) => p.message), problems };
}

export function formatExtraArgs(args: readonly string[]): string {
  return args.map(quoteShellArg).join(" ");
}

/** "NAME=value" lines → variables; blank lines and # comments are skipped. */
export function parseEnvText(text: string): { env: Record<string, string>; errors: string[]; problems: TextProblem[] } {
  const env: Record<string, string> = {};
  const problems: TextProblem[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    const key = eq > 0 ? line.slice(0, eq) : "";
    if (!ENV_KEY_PATTERN.test(key)) {
      problems.push({ code: "env_line_format", message: `Line ${i + 1}: write NAME=value with an upper-case NAME (A-Z, 0-9, _).`, params: { line: String(i + 1) } });
      continue;
    }
    if (key === "CUDA_VISIBLE_DEVICES") {
      problems.push({ code: "env_line_gpus", message: `Line ${i + 1}: select the GPUs above instead of setting CUDA_VISIBLE_DEVICES.`, params: { line: String(i + 1) } });
      continue;
    }
    env[key] = line.slice(eq + 1);
  }
  return { env, errors: problems.map((p) => p.message), problems };
}

export function formatEnvText(env: Record<string, string>): string {
  return Object.entries(env).map(([key, value]) => `${key}=${value}`).join("\n");
}

/** Issues keyed by field (a canonical flag name, "modelPath", "gpuIds", "extraArgs", "env"), errors first. */
export function issuesByField(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const map = new Map<string, ValidationIssue[]>();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const issue of sorted) map.set(issue.field, [...(map.get(issue.field) ?? []), issue]);
  return map;
}

/** Issues of one catalogue group's flags. */
export function countIssues(issues: readonly ValidationIssue[], names: ReadonlySet<string>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (!names.has(issue.field)) continue;
    if (issue.severity === "error") errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}

/** The same issue reported by browser and server once. */
export function mergeIssues(...lists: readonly (readonly ValidationIssue[])[]): ValidationIssue[] {
  const seen = new Set<string>();
  const merged: ValidationIssue[] = [];
  for (const issue of lists.flat()) {
    const key = `${issue.field}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(issue);
  }
  return merged;
}
