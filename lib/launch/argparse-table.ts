// The catalogue as argparse needs it: the simulator builds its parser from this table (server_flags.json),
// so the flags the console offers and the flags the simulator accepts are one list.
import { FLAG_CATALOGUE, type FlagDefault, type FlagSpec } from "./flag-catalogue";

export const SIMULATOR_FLAGS_FILE = "simulator/sglang/srt/server_flags.json";

export interface ArgparseFlag {
  /** Registered spellings, canonical first (argparse's option_strings). */
  options: string[];
  dest: string;
  action: "store" | "store_true";
  /** The Python converter; human_readable_int also takes 8k, 1M, 2G as SGLang's does. */
  type: "int" | "float" | "str" | "human_readable_int" | null;
  default: FlagDefault;
  choices: string[] | null;
  required: boolean;
}

export interface ArgparseTable {
  generatedBy: string;
  flags: ArgparseFlag[];
}

function pythonType(spec: FlagSpec): ArgparseFlag["type"] {
  if (spec.type === "boolean") return null;
  if (spec.type === "int") return spec.humanReadable ? "human_readable_int" : "int";
  if (spec.type === "float") return "float";
  return "str";
}

export function buildArgparseTable(): ArgparseTable {
  return {
    generatedBy: "npm run flags:export (from lib/launch/flag-catalogue.ts); do not edit by hand",
    flags: FLAG_CATALOGUE.map((spec) => ({
      options: [spec.name, ...spec.aliases],
      dest: spec.dest,
      action: spec.type === "boolean" ? "store_true" : "store",
      type: pythonType(spec),
      default: spec.default,
      choices: spec.type === "choice" && spec.choices ? [...spec.choices] : null,
      required: spec.required === true,
    })),
  };
}

/** The file's text: one flag per line, so a diff shows which flag changed. */
export function formatArgparseTable(table: ArgparseTable): string {
  const lines = table.flags.map((flag) => `    ${JSON.stringify(flag)}`);
  return `{\n  "generatedBy": ${JSON.stringify(table.generatedBy)},\n  "flags": [\n${lines.join(",\n")}\n  ]\n}\n`;
}
