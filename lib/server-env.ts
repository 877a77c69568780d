// The environment a launched SGLang server gets. Like systemd and pm2, the console passes on its own
// environment (real installs need LD_LIBRARY_PATH, CUDA_HOME, NCCL_*, TORCH_*, TRITON_*, HF_*, proxies, the
// virtualenv, ...), minus the console's own settings and secrets; the profile's variables go on top.

export type EnvSource = "console" | "profile" | "added";

export interface ServerEnvEntry {
  name: string;
  value: string;
  /** console: inherited from the console's environment; profile: the launch profile's; added: the console's own addition. */
  source: EnvSource;
}

/**
 * The console's secrets and settings that are no business of a server, beside those `server/env.ts` parses, and the
 * malloc tuning `scripts/start-console.sh` gives the console's own process (a server that wants it sets it in its profile).
 */
export const CONSOLE_PRIVATE_NAMES = [
  "DATABASE_URL",
  "BETTER_AUTH_SECRET",
  "CONSOLE_ADMIN_PASSWORD",
  "CONSOLE_ADMIN_EMAIL",
  "CONSOLE_URL",
  "TRUST_PROXY",
  "MALLOC_ARENA_MAX",
  "MALLOC_TRIM_THRESHOLD_",
] as const;

/** What every server needs from the console: a terminal type for its colours, unbuffered output for live logs. */
const REQUIRED: Record<string, string> = { TERM: "xterm-256color", PYTHONUNBUFFERED: "1" };

const PROXY_NAMES = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"];

/** The console's environment as a server inherits it: without `ownNames`, the private names, and npm's own `npm_*`. */
export function inheritableEnv(consoleEnv: Record<string, string | undefined>, ownNames: readonly string[]): Record<string, string> {
  const dropped = new Set<string>([...ownNames, ...CONSOLE_PRIVATE_NAMES]);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(consoleEnv)) {
    if (value === undefined || dropped.has(name) || name.startsWith("npm_")) continue;
    env[name] = value;
  }
  return env;
}

/**
 * Layers, each over the one before: the inherited environment, the runtime's additions (the simulator's
 * PYTHONPATH), the profile's variables, what every server needs; then, when a proxy is set, NO_PROXY and
 * no_proxy made to cover the bind host, 127.0.0.1 and localhost: SGLang's warm-up request to itself goes
 * through `http_proxy` otherwise and fails with 403/502 (sglang#9814, #9155).
 */
export function buildServerEnv(input: { inherited: Record<string, string>; runtime: Record<string, string>; profile: Record<string, string>; bindHost: string }): ServerEnvEntry[] {
  const entries = new Map<string, ServerEnvEntry>();
  const layer = (vars: Record<string, string>, source: EnvSource) => {
    for (const [name, value] of Object.entries(vars)) entries.set(name, { name, value, source });
  };
  layer(input.inherited, "console");
  layer(input.runtime, "added");
  layer(input.profile, "profile");
  layer(REQUIRED, "added");
  if (PROXY_NAMES.some((name) => entries.get(name)?.value)) {
    const wildcard = input.bindHost === "0.0.0.0" || input.bindHost === "::";
    const hosts = [...new Set([...(wildcard ? [] : [input.bindHost]), "127.0.0.1", "localhost"])];
    for (const name of ["NO_PROXY", "no_proxy"]) {
      const listed = (entries.get("NO_PROXY")?.value ?? "").split(",").concat((entries.get("no_proxy")?.value ?? "").split(","));
      const list = [...new Set(listed.map((host) => host.trim()).filter((host) => host !== ""))];
      const missing = hosts.filter((host) => !list.includes(host));
      const current = entries.get(name);
      if (missing.length > 0 || current?.value !== list.join(",")) entries.set(name, { name, value: [...list, ...missing].join(","), source: "added" });
    }
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function envRecord(entries: ServerEnvEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
}
