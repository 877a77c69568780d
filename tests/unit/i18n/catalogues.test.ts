import { describe, expect, it } from "vitest";
import { ERROR_TABLE } from "../../../lib/errors";
import { CATALOGUES, NAMESPACES } from "../../../lib/i18n/catalogues";
import { placeholdersOf } from "../../../lib/i18n/placeholders";

// Both languages have every message, with the same placeholders: a page never shows a key or loses a number.

function flatten(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") return out.set(prefix, node);
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const en = Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(CATALOGUES.en[ns])]));
const zh = Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(CATALOGUES["zh-CN"][ns])]));

describe("message catalogues", () => {
  for (const ns of NAMESPACES.filter((n) => n !== "errors")) {
    it(`${ns}: the same keys in English and Chinese`, () => {
      expect([...zh[ns]!.keys()].sort(), `keys missing in zh-CN/${ns}.json or only there`).toEqual([...en[ns]!.keys()].sort());
    });

    it(`${ns}: each message has the same placeholders in both languages`, () => {
      const differing = [...en[ns]!].flatMap(([key, message]) => {
        const other = zh[ns]!.get(key);
        if (other === undefined) return [];
        const a = placeholdersOf(message);
        const b = placeholdersOf(other);
        return a.join() === b.join() ? [] : [`${key}: en {${a.join(", ")}} zh-CN {${b.join(", ")}}`];
      });
      expect(differing).toEqual([]);
    });
  }

  it("errors: every error code has a Chinese message, using only the parameters its English message reads", () => {
    expect([...zh.errors!.keys()].sort()).toEqual(Object.keys(ERROR_TABLE).sort());
    const unknownParams = [...zh.errors!].flatMap(([code, message]) => {
      const source = String(ERROR_TABLE[code as keyof typeof ERROR_TABLE].message);
      return placeholdersOf(message).filter((name) => !source.includes(`p.${name}`)).map((name) => `${code}: {${name}}`);
    });
    expect(unknownParams).toEqual([]);
    // English error text lives in lib/errors.ts (it is what the logs keep), not in a catalogue.
    expect(en.errors!.size).toBe(0);
  });

  it("finds placeholders inside plural branches and ignores literal text", () => {
    expect(placeholdersOf("{count, plural, one {# file in {dir}} other {# files}} on {gpu}")).toEqual(["count", "dir", "gpu"]);
    expect(placeholdersOf("no arguments here")).toEqual([]);
  });
});
