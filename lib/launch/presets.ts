// GLM-4.7-Flash launch presets from SGLang's model guide (cookbook GLM-4.7-Flash).
import type { LaunchFlagValue, LaunchProfile } from "./profile";

export const GLM47_FLASH_MODEL = "zai-org/GLM-4.7-Flash";

export interface LaunchPreset {
  id: string;
  label: string;
  /** GPUs the preset uses (= --tp-size). */
  gpuCount: number;
  description: string;
  profile: LaunchProfile;
}

/** Flags the guide gives for every GPU count. */
const COMMON_FLAGS: Record<string, LaunchFlagValue> = {
  "--tool-call-parser": "glm47",
  "--reasoning-parser": "glm45",
  "--speculative-algorithm": "EAGLE",
  "--speculative-num-steps": 3,
  "--speculative-eagle-topk": 1,
  "--speculative-num-draft-tokens": 4,
  "--mem-fraction-static": 0.8,
  "--host": "127.0.0.1",
  "--port": 30000,
  "--served-model-name": "glm-4.7-flash",
  "--enable-metrics": true,
};

function glm47FlashPreset(gpuCount: number): LaunchPreset {
  const flags: Record<string, LaunchFlagValue> = { "--tp-size": gpuCount };
  // The guide's 8-GPU line repeats "--tp-size 4"; its text means tp 8 with ep 8.
  if (gpuCount === 8) flags["--ep-size"] = 8;
  Object.assign(flags, COMMON_FLAGS);
  const plural = gpuCount === 1 ? "GPU" : "GPUs";
  return {
    id: `glm-4.7-flash-${gpuCount}gpu`,
    label: `GLM-4.7-Flash on ${gpuCount} ${plural}`,
    gpuCount,
    description:
      `Tensor parallel over ${gpuCount} ${plural}${gpuCount === 8 ? " with expert parallel 8" : ""}, ` +
      "GLM-4.7 tool calls (glm47) and reasoning (glm45), EAGLE multi-token prediction (3 steps, top-1, 4 draft tokens), metrics on.",
    profile: {
      name: `GLM-4.7-Flash (${gpuCount} ${plural})`,
      modelPath: GLM47_FLASH_MODEL,
      flags,
      extraArgs: [],
      gpuIds: Array.from({ length: gpuCount }, (_, i) => i),
      env: {},
    },
  };
}

/** Presets for 1, 2, 4 and 8 GPUs, smallest first. */
export const GLM47_FLASH_PRESETS: readonly LaunchPreset[] = [1, 2, 4, 8].map(glm47FlashPreset);

/** A deep copy, so callers may edit what they get. */
function clonePreset(preset: LaunchPreset): LaunchPreset {
  const p = preset.profile;
  return { ...preset, profile: { ...p, flags: { ...p.flags }, extraArgs: [...p.extraArgs], gpuIds: p.gpuIds ? [...p.gpuIds] : null, env: { ...p.env } } };
}

/** The largest preset that fits on `gpuCount` GPUs; otherwise null and a sentence saying why. */
export function presetForGpuCount(gpuCount: number): { preset: LaunchPreset | null; reason: string | null } {
  if (!Number.isInteger(gpuCount) || gpuCount < 0) {
    return { preset: null, reason: `The GPU count must be a whole number of 0 or more, not ${gpuCount}.` };
  }
  if (gpuCount === 0) {
    return { preset: null, reason: "No GPU was found on this machine; GLM-4.7-Flash needs at least 1 GPU." };
  }
  let best: LaunchPreset | null = null;
  for (const preset of GLM47_FLASH_PRESETS) if (preset.gpuCount <= gpuCount) best = preset;
  if (!best) {
    const sizes = GLM47_FLASH_PRESETS.map((p) => p.gpuCount).join(", ");
    return { preset: null, reason: `No GLM-4.7-Flash preset fits ${gpuCount} GPUs (presets exist for ${sizes}).` };
  }
  return { preset: clonePreset(best), reason: null };
}

/**
 * The profile to prefill a new launch form with: the largest preset for the
 * machine's GPU count; the 1-GPU preset when the count is unknown (null);
 * null when no preset fits (no GPU).
 */
export function autoPreset(gpuCount: number | null): LaunchProfile | null {
  if (gpuCount === null) {
    const first = GLM47_FLASH_PRESETS[0];
    return first ? clonePreset(first).profile : null;
  }
  return presetForGpuCount(gpuCount).preset?.profile ?? null;
}
