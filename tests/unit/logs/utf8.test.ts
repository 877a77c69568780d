import { describe, expect, it } from "vitest";
import { utf8Length } from "@/lib/logs/utf8";

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe("utf8Length", () => {
  it("agrees with TextEncoder on ASCII, progress-bar blocks, CJK, emoji and lone surrogates", () => {
    for (const text of ["", "plain ascii", "Loading: 100%|██████████| 48/48", "模型加载", "ready 😀 to roll", "lone \ud800 high", "lone \udc00 low", "end high \ud83d"]) {
      expect(utf8Length(text)).toBe(encoded(text));
    }
  });

  it("counts a range as the bytes of that slice", () => {
    const text = "ab█c😀d";
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) expect(utf8Length(text, start, end)).toBe(encoded(text.slice(start, end)));
    }
  });
});
