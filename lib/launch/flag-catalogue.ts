// SGLang server flags the console knows about: one table, also exported to the simulator's argparse
// (scripts/export-flag-catalogue.ts writes simulator/sglang/srt/server_flags.json; a unit test keeps them equal).
// Facts (names, aliases, types, defaults, choices) follow sgl-project/sglang's server_args.py and its
// arg_groups/fields/*.py as of the v0.5.21 line (2026), the parser lists of function_call_parser.py and
// reasoning_parser.py included. A curated subset: anything else still reaches SGLang through extraArgs, and
// when real SGLang is installed the console validates against the flags it reports (installed-flags.ts).
import { ADVANCED_FLAGS } from "./flags/advanced";
import { MEMORY_FLAGS } from "./flags/memory";
import { MODEL_FLAGS } from "./flags/model";
import { PARALLELISM_FLAGS } from "./flags/parallelism";
import { PARSER_FLAGS, SPECULATIVE_FLAGS } from "./flags/parsers";
import { SERVER_FLAGS } from "./flags/server";
import type { FlagGroup, FlagSpec } from "./flag-spec";

export * from "./flag-spec";
export * from "./flag-choices";
export * from "./flag-help";

/** In this order flags appear in built commands. */
export const FLAG_CATALOGUE: readonly FlagSpec[] = [
  ...MODEL_FLAGS,
  ...PARALLELISM_FLAGS,
  ...MEMORY_FLAGS,
  ...PARSER_FLAGS,
  ...SPECULATIVE_FLAGS,
  ...SERVER_FLAGS,
  ...ADVANCED_FLAGS,
];

const byName = new Map<string, FlagSpec>();
for (const spec of FLAG_CATALOGUE) {
  byName.set(spec.name, spec);
  for (const alias of spec.aliases) byName.set(alias, spec);
}

/** The flag named `nameOrAlias` (canonical name or alias, with its dashes), or undefined. */
export function findFlag(nameOrAlias: string): FlagSpec | undefined {
  return byName.get(nameOrAlias);
}

/** Every canonical name and alias. */
export function allFlagSpellings(): string[] {
  return [...byName.keys()];
}

const order = new Map<string, number>(FLAG_CATALOGUE.map((spec, index) => [spec.name, index]));

/** Position of a canonical name in the catalogue (unknown names sort last). */
export function catalogueIndex(name: string): number {
  return order.get(name) ?? Number.MAX_SAFE_INTEGER;
}

export function flagsInGroup(group: FlagGroup): FlagSpec[] {
  return FLAG_CATALOGUE.filter((spec) => spec.group === group);
}
