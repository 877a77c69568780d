import { describe, expect, it } from "vitest";
import { GLM47_FLASH_PRESETS, launchRequestSchema } from "../../../lib/launch";

const profile = GLM47_FLASH_PRESETS[0]!.profile;

describe("launchRequestSchema", () => {
  it("keeps only the supervision settings the request sets, so the console's defaults fill the rest", () => {
    const parsed = launchRequestSchema.parse({ profile, supervision: { restartPolicy: "on-failure" } });
    expect(parsed.supervision).toEqual({ restartPolicy: "on-failure" });
    expect(launchRequestSchema.parse({ profile }).supervision).toBeUndefined();
  });

  it("refuses a bad profile or setting and names the field", () => {
    const bad = launchRequestSchema.safeParse({ profile: { ...profile, flags: { tp: 2 } }, supervision: { maxRestarts: -1 } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["profile.flags.tp", "supervision.maxRestarts"]));
  });
});

describe("supervision overrides", () => {
  it("takes every supervision setting, liveness too, and leaves out what the request did not set", () => {
    const parsed = launchRequestSchema.parse({ profile, supervision: { livenessIntervalS: 0.2, livenessTimeoutS: 2, restartPolicy: "on-failure" } });
    expect(parsed.supervision).toEqual({ livenessIntervalS: 0.2, livenessTimeoutS: 2, restartPolicy: "on-failure" });
  });
});
