import { describe, expect, it } from "vitest";
import { createLogExcerpt } from "../../../lib/diagnose";

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

function excerpt(text: string, keyLines: number[], chunk = 7, extra = {}) {
  const builder = createLogExcerpt({ keyLines, maxWhole: 50, head: 5, tail: 5, context: 3, ...extra });
  for (let i = 0; i < text.length; i += chunk) builder.push(text.slice(i, i + chunk));
  return builder.end();
}

describe("log excerpt beside a diagnosis", () => {
  it("returns a short log whole, numbered from 1, without CRs of CRLF endings", () => {
    const result = excerpt("a\r\nb\r\nprogress 10%\rprogress 100%\nlast without newline", []);
    expect(result.complete).toBe(true);
    expect(result.totalLines).toBe(4);
    expect(result.lines).toEqual([
      { no: 1, text: "a" },
      { no: 2, text: "b" },
      { no: 3, text: "progress 10%\rprogress 100%" },
      { no: 4, text: "last without newline" },
    ]);
  });

  it("keeps the head, the tail and a window around each key line of a long log", () => {
    const result = excerpt(numbered(1000), [500, 502, 900]);
    expect(result.complete).toBe(false);
    expect(result.totalLines).toBe(1000);
    const numbers = result.lines.map((l) => l.no);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 497, 498, 499, 500, 501, 502, 503, 504, 505, 897, 898, 899, 900, 901, 902, 903, 996, 997, 998, 999, 1000]);
    expect(result.lines.find((l) => l.no === 500)?.text).toBe("line 500");
  });

  it("cuts overlong lines", () => {
    const result = excerpt(`${"x".repeat(100)}\n`, [], 13, { maxLineChars: 10 });
    expect(result.lines).toEqual([{ no: 1, text: "xxxxxxxxxx" }]);
  });
});
