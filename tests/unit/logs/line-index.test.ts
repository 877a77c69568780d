import { describe, expect, it } from "vitest";
import { TerminalLineIndex, type IndexedLine } from "../../../lib/logs/line-index";

describe("TerminalLineIndex", () => {
  it("knows the log offset where each terminal line starts, across chunks and UTF-8", () => {
    const index = new TerminalLineIndex(100);
    const lines: IndexedLine[] = [];
    index.write("ab\r\ncé", 0, (line) => lines.push(line));
    index.write("d\r\n\r\nxyz", 7, (line) => lines.push(line));
    expect(lines).toEqual([
      { index: 0, offset: 0, text: "ab\r" },
      { index: 1, offset: 4, text: "céd\r" },
      { index: 2, offset: 10, text: "\r" },
    ]);
    expect(index.lineAt(4)).toBe(1);
    expect(index.lineAt(10)).toBe(2);
    expect(index.lineAt(5)).toBeNull();
  });

  it("counts the viewer's own notes as lines without an offset", () => {
    const index = new TerminalLineIndex(100);
    index.write("one\n", 0);
    index.write("── skipped 10 bytes ──\n", null);
    index.write("two\n", 14);
    expect(index.lines).toBe(3);
    expect(index.lineAt(14)).toBe(2);
  });

  it("forgets lines older than its capacity (they scrolled out of the terminal)", () => {
    const index = new TerminalLineIndex(10);
    let offset = 0;
    for (let i = 0; i < 100; i++) {
      index.write(`${String(i).padStart(3, "0")}\n`, offset);
      offset += 4;
    }
    expect(index.lineAt(0)).toBeNull();
    expect(index.lineAt(99 * 4)).toBe(99);
    expect(index.oldestOffset).toBeGreaterThan(0);
  });
});
