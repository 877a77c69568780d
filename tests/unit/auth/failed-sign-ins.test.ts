import { describe, expect, it } from "vitest";
import { FailedSignIns } from "../../../server/auth/failed-sign-ins";

describe("failed sign-ins per address", () => {
  it("holds an address back after three failures within 10 s, until the oldest leaves the window", () => {
    let now = 1_000_000;
    const limiter = new FailedSignIns(3, 10_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterS("198.51.100.1")).toBeNull();
      limiter.record("198.51.100.1");
      now += 1000;
    }
    expect(limiter.retryAfterS("198.51.100.1")).toBe(7);
    expect(limiter.retryAfterS("198.51.100.2")).toBeNull();
    now += 7000;
    expect(limiter.retryAfterS("198.51.100.1")).toBeNull();
  });
});
