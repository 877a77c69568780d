// A saved way to start SGLang: the model, its flags and the process environment.
import { z } from "zod";
import { says } from "../schema-text";

export const PROFILE_LIMITS = {
  name: 100,
  modelPath: 1024,
  flagName: 100,
  flags: 200,
  flagValue: 4096,
  extraArgs: 200,
  extraArg: 4096,
  gpuIds: 64,
  maxGpuId: 1023,
  envEntries: 100,
  envKey: 128,
  envValue: 8192,
} as const;

const hasNoNul = (s: string) => !s.includes("\u0000");
const noNul = { message: says("noNul", "must not contain NUL bytes") };

const text = (max: number) => z.string().max(max).refine(hasNoNul, noNul);

export const FLAG_NAME_PATTERN = /^--[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const ENV_KEY_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

const flagValueSchema = z.union([text(PROFILE_LIMITS.flagValue), z.number().finite(), z.boolean()]);

export const launchProfileSchema = z.object({
  name: text(PROFILE_LIMITS.name).refine((s) => s.trim().length > 0, { message: says("nameEmpty", "name must not be empty") }),
  modelPath: text(PROFILE_LIMITS.modelPath).refine((s) => s.trim().length > 0, { message: says("modelPathEmpty", "modelPath must not be empty") }),
  /** Canonical flag name (e.g. "--tp-size") → value; booleans are switches. */
  flags: z
    .record(
      z.string().max(PROFILE_LIMITS.flagName).regex(FLAG_NAME_PATTERN, { message: says("flagName", "flag names look like --tp-size") }),
      flagValueSchema,
    )
    .refine((flags) => Object.keys(flags).length <= PROFILE_LIMITS.flags, { message: says("tooManyFlags", `at most ${PROFILE_LIMITS.flags} flags`, { max: PROFILE_LIMITS.flags }) }),
  /** Passed to SGLang verbatim after the catalogue flags. */
  extraArgs: z.array(text(PROFILE_LIMITS.extraArg)).max(PROFILE_LIMITS.extraArgs),
  /** Physical GPU indexes for CUDA_VISIBLE_DEVICES; null = all GPUs. */
  gpuIds: z
    .array(z.number().int().min(0).max(PROFILE_LIMITS.maxGpuId))
    .max(PROFILE_LIMITS.gpuIds)
    .refine((ids) => new Set(ids).size === ids.length, { message: says("gpuRepeated", "gpuIds must not repeat a GPU") })
    .nullable(),
  env: z
    .record(
      z.string().max(PROFILE_LIMITS.envKey).regex(ENV_KEY_PATTERN, { message: says("envName", "environment variable names look like HF_TOKEN") }),
      text(PROFILE_LIMITS.envValue),
    )
    .refine((env) => Object.keys(env).length <= PROFILE_LIMITS.envEntries, { message: says("tooManyEnv", `at most ${PROFILE_LIMITS.envEntries} environment variables`, { max: PROFILE_LIMITS.envEntries }) })
    .refine((env) => !Object.hasOwn(env, "CUDA_VISIBLE_DEVICES"), { message: says("envGpus", "set the GPUs with gpuIds, not CUDA_VISIBLE_DEVICES") }),
});

export type LaunchProfile = z.infer<typeof launchProfileSchema>;
export type LaunchFlagValue = LaunchProfile["flags"][string];

/** Parses untrusted input into a profile, or returns zod's issues. */
export function parseLaunchProfile(input: unknown): { ok: true; profile: LaunchProfile } | { ok: false; errors: string[] } {
  const result = launchProfileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${issue.path.join(".") || "profile"}: ${issue.message}`) };
}
