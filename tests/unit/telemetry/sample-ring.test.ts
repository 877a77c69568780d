import { describe, expect, it } from "vitest";
import { SampleRing } from "../../../lib/telemetry/sample-ring";

describe("sample ring", () => {
  it("keeps the newest points up to its capacity, oldest first, with null gaps", () => {
    const ring = new SampleRing(3, ["a", "b"] as const);
    for (let t = 1; t <= 5; t++) ring.push(t, { a: t * 10, b: t === 4 ? null : t });
    expect(ring.length).toBe(3);
    expect(ring.columnsOf()).toEqual({ t: [3, 4, 5], values: { a: [30, 40, 50], b: [3, null, 5] } });
    expect(ring.columnsOf(2)).toEqual({ t: [4, 5], values: { a: [40, 50], b: [null, 5] } });
  });

  it("holds an hour of 1 s samples in fixed memory", () => {
    const ring = new SampleRing(3600, ["u"] as const);
    for (let t = 0; t < 10_000; t++) ring.push(t, { u: t });
    const { t } = ring.columnsOf();
    expect(t).toHaveLength(3600);
    expect(t[0]).toBe(6400);
    expect(t.at(-1)).toBe(9999);
  });
});
