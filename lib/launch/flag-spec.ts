// What the console knows of one SGLang flag, and the helper the flag tables are written with.
// A flag's one-line help is text a person reads: it lives in messages/<locale>/flags.json ("help", keyed by
// flagKey(name)), English included, and nowhere else (flag-help.ts reads it).

export type FlagType = "boolean" | "int" | "float" | "string" | "choice" | "path" | "json";
export type FlagGroup = "model" | "parallelism" | "memory" | "parsers" | "speculative" | "server" | "advanced";
export type FlagDefault = string | number | boolean | null;

export interface FlagSpec {
  /** Canonical dashed name, e.g. "--tp-size". */
  readonly name: string;
  /** Other spellings registered for the same destination. */
  readonly aliases: readonly string[];
  /** Short prefixes people write that argparse's allow_abbrev expands to this flag (not registered spellings). */
  readonly abbreviations?: readonly string[];
  /** ServerArgs field name. */
  readonly dest: string;
  readonly type: FlagType;
  /** argparse refuses to start without it. */
  readonly required?: boolean;
  /** SGLang's default; null means "unset, SGLang decides". */
  readonly default: FlagDefault;
  /** Allowed values (type "choice"). */
  readonly choices?: readonly string[];
  /** Usual values for free-form strings (not enforced by SGLang). */
  readonly suggestions?: readonly string[];
  readonly unit?: string;
  readonly group: FlagGroup;
  readonly min?: number;
  readonly max?: number;
  /** min/max themselves are not allowed. */
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
  /** Integer that SGLang also accepts with a k/M/G suffix (human_readable_int). */
  readonly humanReadable?: boolean;
  /** Deprecated in the newest SGLang (still accepted); the replacement. */
  readonly deprecatedFor?: string;
}

export const FLAG_GROUPS: readonly FlagGroup[] = ["model", "parallelism", "memory", "parsers", "speculative", "server", "advanced"];

type SpecInput = Omit<FlagSpec, "aliases" | "dest"> & { aliases?: readonly string[]; dest?: string };

export function flag(spec: SpecInput): FlagSpec {
  return { ...spec, aliases: spec.aliases ?? [], dest: spec.dest ?? spec.name.replace(/^--/, "").replace(/-/g, "_") };
}

