import { describe, expect, it } from "vitest";
import { GLM47_FLASH_PRESETS, autoPreset, launchProfileSchema, presetForGpuCount, validateProfile } from "../../../lib/launch";

describe("GLM-4.7-Flash presets", () => {
  it("exist for 1, 2, 4 and 8 GPUs with --tp-size equal to the GPU count", () => {
    expect(GLM47_FLASH_PRESETS.map((p) => p.gpuCount)).toEqual([1, 2, 4, 8]);
    for (const preset of GLM47_FLASH_PRESETS) {
      expect(preset.profile.flags["--tp-size"]).toBe(preset.gpuCount);
      expect(preset.profile.gpuIds).toHaveLength(preset.gpuCount);
      expect(launchProfileSchema.safeParse(preset.profile).success).toBe(true);
    }
  });

  it("carry the model guide's flags for zai-org/GLM-4.7-Flash", () => {
    for (const preset of GLM47_FLASH_PRESETS) {
      expect(preset.profile.modelPath).toBe("zai-org/GLM-4.7-Flash");
      expect(preset.profile.flags).toMatchObject({
        "--tool-call-parser": "glm47",
        "--reasoning-parser": "glm45",
        "--speculative-algorithm": "EAGLE",
        "--speculative-num-steps": 3,
        "--speculative-eagle-topk": 1,
        "--speculative-num-draft-tokens": 4,
        "--mem-fraction-static": 0.8,
        "--served-model-name": "glm-4.7-flash",
        "--enable-metrics": true,
        "--host": "127.0.0.1",
        "--port": 30000,
      });
    }
  });

  it("use tp 8 with ep 8 on 8 GPUs (not the guide's repeated --tp-size 4), and no --ep-size below 8", () => {
    const eight = GLM47_FLASH_PRESETS.find((p) => p.gpuCount === 8);
    expect(eight?.profile.flags["--tp-size"]).toBe(8);
    expect(eight?.profile.flags["--ep-size"]).toBe(8);
    for (const preset of GLM47_FLASH_PRESETS.filter((p) => p.gpuCount < 8)) expect(preset.profile.flags["--ep-size"]).toBeUndefined();
  });

  it("pass validation without errors on a machine with exactly their GPU count", () => {
    for (const preset of GLM47_FLASH_PRESETS) {
      const issues = validateProfile(preset.profile, { gpuCount: preset.gpuCount, modelInfo: { exists: true, hasConfig: true, architecture: "Glm4MoeLiteForCausalLM" } });
      expect(issues, preset.id).toEqual([]);
    }
  });
});

describe("presetForGpuCount", () => {
  it("picks the largest preset that fits", () => {
    expect(presetForGpuCount(1).preset?.gpuCount).toBe(1);
    expect(presetForGpuCount(3).preset?.gpuCount).toBe(2);
    expect(presetForGpuCount(6).preset?.gpuCount).toBe(4);
    expect(presetForGpuCount(8).preset?.gpuCount).toBe(8);
    expect(presetForGpuCount(16).preset?.gpuCount).toBe(8);
  });

  it("returns null with a sentence for 0 GPUs or a bad count", () => {
    const none = presetForGpuCount(0);
    expect(none.preset).toBeNull();
    expect(none.reason).toMatch(/^No GPU .*\.$/);
    expect(presetForGpuCount(-1).preset).toBeNull();
    expect(presetForGpuCount(1.5).reason).toContain("whole number");
  });

  it("hands out copies that callers may edit freely", () => {
    const a = presetForGpuCount(4).preset;
    if (!a) throw new Error("missing preset");
    a.profile.flags["--tp-size"] = 99;
    expect(presetForGpuCount(4).preset?.profile.flags["--tp-size"]).toBe(4);
    expect(GLM47_FLASH_PRESETS[2]?.profile.flags["--tp-size"]).toBe(4);
  });
});

describe("autoPreset", () => {
  it("returns the largest fitting preset's profile, the 1-GPU one when the count is unknown, and null with no GPU", () => {
    expect(autoPreset(4)?.flags["--tp-size"]).toBe(4);
    expect(autoPreset(5)?.flags["--tp-size"]).toBe(4);
    expect(autoPreset(null)?.flags["--tp-size"]).toBe(1);
    expect(autoPreset(0)).toBeNull();
  });
});
