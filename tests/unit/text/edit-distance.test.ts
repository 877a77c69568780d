import { describe, expect, it } from "vitest";
import { editDistance } from "../../../lib/edit-distance";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["glm47", "glm47", 0],
    ["glm-47", "glm47", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("compares strings over the limit by length only", () => {
    expect(editDistance("a".repeat(70), "b".repeat(70))).toBe(64);
    expect(editDistance("abcd", "abxd", 3)).toBe(3);
  });
});
