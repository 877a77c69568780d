// Schema problems in the reader's language. zod's own checks are worded from the issue's code and numbers
// (messages: validation.*); our own messages are given with `says`, which keeps the English (the API, logs, scripts)
// and names the key a page words them by (validation.custom.<key>). Pure: pages and the server both use it.
import type { z } from "zod";
import { localText, renderLocalText, type LocalText, type TextParams, type TranslateFn } from "./launch/local-text";

type SchemaIssue = z.core.$ZodIssue;

const ours = new Map<string, LocalText>();

/**
 * An English schema message that pages word by validation.custom.<key>, with `params` for the numbers it names.
 * Registered when the schema's module loads, which is always before one of its issues exists.
 */
export function says(key: string, english: string, params?: TextParams): string {
  ours.set(english, localText(`custom.${key}`, params));
  return english;
}

/** Every message given with `says` so far (the catalogue test checks each has its words in every language). */
export function ownSchemaTexts(): ReadonlyMap<string, LocalText> {
  return ours;
}

const num = (value: number | bigint) => Number(value);

/** What a schema issue says, as a message of the validation namespace and its values. */
export function schemaIssueText(issue: SchemaIssue): LocalText {
  const own = ours.get(issue.message);
  if (own) return own;
  switch (issue.code) {
    case "too_small":
      return localText("tooSmall", { origin: String(issue.origin), minimum: num(issue.minimum), inclusive: String(issue.inclusive ?? true) });
    case "too_big":
      return localText("tooBig", { origin: String(issue.origin), maximum: num(issue.maximum), inclusive: String(issue.inclusive ?? true) });
    case "invalid_type":
      return localText("invalidType", { expected: String(issue.expected) });
    case "invalid_value":
      return localText("invalidValue", { values: issue.values.map((value) => String(value)).join(", ") });
    case "invalid_format":
      return localText("invalidFormat", { format: issue.format, prefix: "prefix" in issue ? String(issue.prefix) : "" });
    case "not_multiple_of":
      return localText("notMultipleOf", { divisor: num(issue.divisor) });
    case "unrecognized_keys":
      return localText("unrecognizedKeys", { keys: issue.keys.join(", ") });
    default:
      return localText("invalid");
  }
}

/** The problem alone, in the language of `t` (a translator of the validation namespace). */
export function schemaIssueWords(issue: SchemaIssue, t: TranslateFn): string {
  return renderLocalText(schemaIssueText(issue), t);
}

/** "field: problem", the field as the API names it (`what` for the whole input, else the problem alone), in the language of `t`. */
export function schemaProblem(issue: SchemaIssue, t: TranslateFn, what?: string): string {
  const path = issue.path.join(".") || what;
  const problem = schemaIssueWords(issue, t);
  return path ? t("problem", { path, problem }) : problem;
}
