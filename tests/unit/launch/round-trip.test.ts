import { describe, expect, it } from "vitest";
import {
  FLAG_CATALOGUE,
  GLM47_FLASH_PRESETS,
  buildLaunchArgv,
  buildLaunchEnv,
  canonicalizeProfile,
  formatShellCommand,
  parseLaunchCommand,
  type FlagSpec,
  type LaunchFlagValue,
  type LaunchProfile,
} from "../../../lib/launch";

function commandText(profile: LaunchProfile, multiline: boolean, program = "python"): string {
  return formatShellCommand({ env: buildLaunchEnv(profile), program, argv: buildLaunchArgv(profile) }, { multiline });
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ["a'b; rm -rf /", "$(x)", "line\nbreak", "", " spaced ", "--looks-like-flag", "-x", "back\\slash", '"dq"', "#hash", "~", "ü", "a=b", "\\\n"];

function randomText(next: () => number): string {
  if (next() < 0.4) return NASTY[Math.floor(next() * NASTY.length)] ?? "x";
  const chars = "abcXYZ019 -_./'\"$`\\#=,:;&|\n\t";
  let s = "";
  const length = Math.floor(next() * 12);
  for (let i = 0; i < length; i++) s += chars[Math.floor(next() * chars.length)] ?? "";
  return s;
}

function randomValue(spec: FlagSpec, next: () => number): LaunchFlagValue {
  switch (spec.type) {
    case "boolean":
      return next() < 0.7;
    case "int":
      return Math.floor(next() * 2000) - (spec.min !== undefined && spec.min < 0 ? 1 : 0);
    case "float":
      return Math.round(next() * 1000) / 1000 || 0.5;
    case "choice":
      return spec.choices?.[Math.floor(next() * spec.choices.length)] ?? "auto";
    default:
      return randomText(next);
  }
}

function randomProfile(seed: number): LaunchProfile {
  const next = rng(seed);
  const flags: Record<string, LaunchFlagValue> = {};
  for (const spec of FLAG_CATALOGUE) {
    if (spec.name === "--model-path" || next() > 0.3) continue;
    flags[spec.name] = randomValue(spec, next);
  }
  const extraArgs: string[] = [];
  const extras = Math.floor(next() * 3);
  for (let i = 0; i < extras; i++) {
    extraArgs.push(`--zz-unknown-${i}`);
    if (next() < 0.5) extraArgs.push(`value ${randomText(next).replace(/^-+/, "")}`);
  }
  const env: Record<string, string> = {};
  if (next() < 0.5) env.HF_TOKEN = randomText(next);
  if (next() < 0.3) env.SGLANG_ENABLE_SPEC_V2 = "1";
  const gpuIds = next() < 0.3 ? null : Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => i * 2 + (seed % 2));
  const modelPath = next() < 0.5 ? "zai-org/GLM-4.7-Flash" : `/models/${randomText(next).split("\n").join("") || "m"}`;
  return { name: `random ${seed}`, modelPath, flags, extraArgs, gpuIds, env };
}

describe("round trip profile → command → profile", () => {
  for (const preset of GLM47_FLASH_PRESETS) {
    for (const multiline of [false, true]) {
      it(`is the identity for the ${preset.gpuCount}-GPU preset (${multiline ? "multiline" : "one line"})`, () => {
        const parsed = parseLaunchCommand(commandText(preset.profile, multiline), { name: preset.profile.name });
        expect(parsed.errors).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.profile).toEqual(preset.profile);
      });
    }
  }

  it("is the identity (up to canonical form) for 200 random profiles with hostile strings, one line and multiline", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const profile = randomProfile(seed);
      for (const multiline of [false, true]) {
        const text = commandText(profile, multiline, seed % 3 === 0 ? "/opt/my env/bin/python3" : "python");
        const parsed = parseLaunchCommand(text, { name: profile.name });
        expect(parsed.profile, `seed ${seed}\n${text}`).toEqual(canonicalizeProfile(profile));
        expect(parsed.unknownFlags.every((f) => f.startsWith("--zz-unknown-")), `seed ${seed}`).toBe(true);
      }
    }
  });

  it("canonical form drops false switches and turns numeric text into numbers", () => {
    const profile: LaunchProfile = { name: "n", modelPath: "a/b", flags: { "--enable-metrics": false, "--tp": "2", "--port": 30001 }, extraArgs: [], gpuIds: null, env: {} };
    expect(canonicalizeProfile(profile).flags).toEqual({ "--tp-size": 2, "--port": 30001 });
    expect(parseLaunchCommand(commandText(profile, true), { name: "n" }).profile).toEqual(canonicalizeProfile(profile));
  });
});
