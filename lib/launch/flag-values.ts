// Converting flag values between command-line text and profile values.
import type { FlagSpec } from "./flag-catalogue";
import { localText, type LocalText } from "./local-text";

export type FlagValue = string | number | boolean;

const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What SGLang's human_readable_int accepts besides plain integers, e.g. 128k, 1.5M. */
const HUMAN_INT_TEXT = /^\d+(\.\d+)?[kKmMgG]$/;

/** Text argparse reads as a negative number rather than as an option (e.g. -1, -0.5). */
export const NEGATIVE_NUMBER_TEXT = /^-\d+(\.\d+)?([eE][+-]?\d+)?$|^-\.\d+$/;

export function isHumanReadableInt(text: string): boolean {
  return HUMAN_INT_TEXT.test(text);
}

/** The value a profile stores for `raw` given on the command line. Never fails: text that does not fit the type stays text for validation to report. */
export function valueFromText(spec: FlagSpec, raw: string): FlagValue {
  if (spec.type === "int" && INT_TEXT.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n)) return n;
  }
  if (spec.type === "float" && FLOAT_TEXT.test(raw)) {
    const n = Number(raw);
    if (Number.isFinite(n)) return n;
  }
  return raw;
}

/** Command-line text of a non-boolean value. */
export function valueToText(value: string | number): string {
  return typeof value === "number" ? String(value) : value;
}

/** A failure carries its reason in English (`reason`) and as a message key with parameters (`text`, launch.reasons.*). */
export type TypeCheck = { ok: true; value: FlagValue } | { ok: false; reason: string; text: LocalText };

const fail = (reason: string, key: string, params: Record<string, string | number | LocalText>): TypeCheck => ({ ok: false, reason, text: localText(`reasons.${key}`, params) });

/** Checks a profile value against the flag's type, choices and range. */
export function checkFlagValue(spec: FlagSpec, value: FlagValue): TypeCheck {
  if (spec.type === "boolean") {
    return typeof value === "boolean" ? { ok: true, value } : fail(`${spec.name} is an on/off switch; its value must be true or false, not ${JSON.stringify(value)}`, "not_switch", { flag: spec.name, value: JSON.stringify(value) });
  }
  if (typeof value === "boolean") {
    return fail(`${spec.name} takes a value; it cannot be just switched on`, "needs_value", { flag: spec.name });
  }
  if (spec.type === "int" || spec.type === "float") {
    let n: number;
    if (typeof value === "number") n = value;
    else if (spec.type === "int" && spec.humanReadable && isHumanReadableInt(value)) return { ok: true, value };
    else if (spec.type === "int" ? INT_TEXT.test(value) : FLOAT_TEXT.test(value)) n = Number(value);
    else return fail(`${spec.name} must be ${spec.type === "int" ? "a whole number" : "a number"}, not ${JSON.stringify(value)}`, "not_number", { flag: spec.name, kind: spec.type, value: JSON.stringify(value) });
    if (!Number.isFinite(n)) return fail(`${spec.name} must be a finite number`, "not_finite", { flag: spec.name });
    if (spec.type === "int" && !Number.isInteger(n)) return fail(`${spec.name} must be a whole number, not ${n}`, "not_integer", { flag: spec.name, value: String(n) });
    const outOfRange = () => fail(`${spec.name} ${n} is out of range: use ${rangeText(spec)}`, "out_of_range", { flag: spec.name, value: String(n), range: rangeLocalText(spec) });
    if (spec.min !== undefined && (spec.exclusiveMin ? n <= spec.min : n < spec.min)) return outOfRange();
    if (spec.max !== undefined && (spec.exclusiveMax ? n >= spec.max : n > spec.max)) return outOfRange();
    return { ok: true, value: n };
  }
  const textValue = typeof value === "number" ? String(value) : value;
  if (spec.type === "choice" && spec.choices && !spec.choices.includes(textValue)) {
    return fail(`${spec.name} ${JSON.stringify(textValue)} is not one of SGLang's choices`, "not_choice", { flag: spec.name, value: JSON.stringify(textValue) });
  }
  if (spec.type === "json") {
    try {
      JSON.parse(textValue);
    } catch {
      return fail(`${spec.name} must be valid JSON`, "not_json", { flag: spec.name });
    }
  }
  return { ok: true, value: textValue };
}

/** "a number greater than 0 and less than 1", "1 to 65535", ... */
export function rangeText(spec: FlagSpec): string {
  const { min, max } = spec;
  const kind = spec.type === "int" ? "a whole number" : "a number";
  if (min !== undefined && max !== undefined) {
    if (!spec.exclusiveMin && !spec.exclusiveMax) return `${kind} from ${min} to ${max}`;
    return `${kind} ${spec.exclusiveMin ? "greater than" : "at least"} ${min} and ${spec.exclusiveMax ? "less than" : "at most"} ${max}`;
  }
  if (min !== undefined) return `${kind} ${spec.exclusiveMin ? "greater than" : "of at least"} ${min}`;
  if (max !== undefined) return `${kind} ${spec.exclusiveMax ? "less than" : "of at most"} ${max}`;
  return kind;
}

/** rangeText as a message (launch.ranges.*): the same words in the reader's language. */
export function rangeLocalText(spec: FlagSpec): LocalText {
  const { min, max } = spec;
  const kind = spec.type === "int" ? "int" : "float";
  const minRule = spec.exclusiveMin ? "gt" : "ge";
  const maxRule = spec.exclusiveMax ? "lt" : "le";
  if (min !== undefined && max !== undefined) {
    if (!spec.exclusiveMin && !spec.exclusiveMax) return localText("ranges.between", { kind, min: String(min), max: String(max) });
    return localText("ranges.bounded", { kind, min: String(min), max: String(max), minRule, maxRule });
  }
  if (min !== undefined) return localText("ranges.min", { kind, min: String(min), minRule });
  if (max !== undefined) return localText("ranges.max", { kind, max: String(max), maxRule });
  return localText("ranges.any", { kind });
}
