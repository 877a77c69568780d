// A flag's one-line help, which lives in the message catalogues (messages/<locale>/flags.json, "help"), the
// English one included: the tables in flags/*.ts hold SGLang's facts, the catalogues what a person reads.
import flagsEn from "../../messages/en/flags.json";
import type { FlagGroup, FlagSpec } from "./flag-spec";

/** A flag's key in the "flags" catalogue: its canonical name without the leading dashes ("mem-fraction-static"). */
export function flagKey(name: string): string {
  return name.replace(/^--/, "");
}

const HELP_EN: Readonly<Record<string, string>> = flagsEn.help;
const GROUPS_EN: Readonly<Record<string, string>> = flagsEn.groups;

/** The English help of a flag (searches, scripts); the pages read the reader's language through next-intl. */
export function englishFlagHelp(spec: Pick<FlagSpec, "name">): string {
  return HELP_EN[flagKey(spec.name)] ?? "";
}

export function englishGroupTitle(group: FlagGroup): string {
  return GROUPS_EN[group] ?? group;
}
