import { describe, expect, it } from "vitest";
import { buildProfileExport, GLM47_FLASH_PRESETS, parseProfileImport } from "../../../lib/launch";

const [one, , four] = GLM47_FLASH_PRESETS.map((preset) => preset.profile);

describe("profile export and import", () => {
  it("reads back what export writes", () => {
    const text = JSON.stringify(buildProfileExport([one!, four!]));
    expect(parseProfileImport(text)).toEqual({ ok: true, profiles: [one, four] });
  });

  it("also accepts one bare profile or an array of profiles", () => {
    expect(parseProfileImport(JSON.stringify(four))).toEqual({ ok: true, profiles: [four] });
    expect(parseProfileImport(JSON.stringify([one, four]))).toEqual({ ok: true, profiles: [one, four] });
  });

  it("says the file is not JSON when it is not", () => {
    const result = parseProfileImport("{ name: oops");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^the file is not JSON \(/);
  });

  it("names the field of the profile that is wrong", () => {
    const bad = { ...four, gpuIds: [0, 0] };
    const result = parseProfileImport(JSON.stringify(buildProfileExport([one!, bad as typeof one & object])));
    expect(result).toEqual({ ok: false, error: "the file is not a launch profile export: profiles[1].gpuIds: gpuIds must not repeat a GPU" });
  });

  it("refuses an export of another kind or version, and an empty one", () => {
    expect(parseProfileImport(JSON.stringify({ kind: "something-else", version: 1, profiles: [one] })).ok).toBe(false);
    expect(parseProfileImport(JSON.stringify({ ...buildProfileExport([one!]), version: 2 })).ok).toBe(false);
    const empty = parseProfileImport(JSON.stringify({ ...buildProfileExport([one!]), profiles: [] }));
    expect(!empty.ok && empty.error).toContain("the file holds no profile");
  });
});
