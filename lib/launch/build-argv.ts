// From a profile to what the console executes: argv and environment.
import { findFlag } from "./flag-catalogue";
import { NEGATIVE_NUMBER_TEXT, valueToText } from "./flag-values";
import { sortFlags } from "./canonical";
import type { LaunchProfile } from "./profile";

export const SGLANG_MODULE = "sglang.launch_server";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 30000;

/**
 * The arguments after the python executable:
 * `-m sglang.launch_server --model-path <path> <flags in catalogue order> <extraArgs>`.
 * Switched-on booleans are bare flags; switched-off ones are left out.
 * A text value that starts with "-" is joined as `--flag=value` so argparse
 * cannot take it for a flag. `--model-path` inside `flags` is ignored
 * (the profile's modelPath wins).
 */
export function buildLaunchArgv(profile: LaunchProfile): string[] {
  const argv = ["-m", SGLANG_MODULE, "--model-path", profile.modelPath];
  for (const [key, value] of Object.entries(sortFlags(profile.flags))) {
    const name = findFlag(key)?.name ?? key;
    if (name === "--model-path") continue;
    if (typeof value === "boolean") {
      if (value) argv.push(name);
      continue;
    }
    const valueText = valueToText(value);
    if (valueText.startsWith("-") && !NEGATIVE_NUMBER_TEXT.test(valueText)) argv.push(`${name}=${valueText}`);
    else argv.push(name, valueText);
  }
  argv.push(...profile.extraArgs);
  return argv;
}

/** CUDA_VISIBLE_DEVICES from gpuIds (absent when null = all GPUs), then the profile's own variables. */
export function buildLaunchEnv(profile: LaunchProfile): Record<string, string> {
  const env: Record<string, string> = {};
  if (profile.gpuIds !== null) env.CUDA_VISIBLE_DEVICES = profile.gpuIds.join(",");
  for (const [key, value] of Object.entries(profile.env)) {
    if (key !== "CUDA_VISIBLE_DEVICES") env[key] = value;
  }
  return env;
}

/**
 * Where the server will listen: --host/--port from the flags (or the same
 * flags in extraArgs, where SGLang's last occurrence wins), else SGLang's
 * defaults 127.0.0.1 and 30000.
 */
export function resolveHostPort(profile: LaunchProfile): { host: string; port: number } {
  let host = DEFAULT_HOST;
  let port = DEFAULT_PORT;
  for (const [key, value] of Object.entries(profile.flags)) {
    const name = findFlag(key)?.name;
    if (name === "--host" && typeof value === "string" && value !== "") host = value;
    if (name === "--port") {
      const n = toPort(value);
      if (n !== null) port = n;
    }
  }
  const extra = profile.extraArgs;
  for (let i = 0; i < extra.length; i++) {
    const token = extra[i] ?? "";
    const eq = token.indexOf("=");
    const flagName = eq >= 0 ? token.slice(0, eq) : token;
    const name = findFlag(flagName)?.name;
    if (name !== "--host" && name !== "--port") continue;
    const value = eq >= 0 ? token.slice(eq + 1) : extra[i + 1];
    if (value === undefined) continue;
    if (name === "--host" && value !== "") host = value;
    if (name === "--port") {
      const n = toPort(value);
      if (n !== null) port = n;
    }
  }
  return { host, port };
}

function toPort(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}
