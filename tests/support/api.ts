import type { InstanceView } from "../../lib/instance-view";
import { GLM47_FLASH_PRESETS, type LaunchProfile } from "../../lib/launch";
import { waitFor } from "./processes";
import { authedFetch } from "./session";

export function glmProfile(port: number, overrides: Partial<LaunchProfile> = {}): LaunchProfile {
  const preset = GLM47_FLASH_PRESETS[0]!.profile;
  return { ...preset, ...overrides, flags: { ...preset.flags, "--port": port, ...overrides.flags } };
}

export async function api<T = unknown>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await authedFetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function getInstance(base: string, id: string): Promise<InstanceView> {
  return (await api<{ instance: InstanceView }>(base, "GET", `/api/instances/${id}`)).body.instance;
}

/** Launches `profile` and waits (a minute at most) until it is ready; a refused launch fails with the console's answer. */
export async function launchReady(base: string, profile: LaunchProfile): Promise<InstanceView> {
  const launched = await api<{ instance: InstanceView }>(base, "POST", "/api/instances", { profile });
  if (launched.status !== 201) throw new Error(`launch of ${profile.name} refused: ${JSON.stringify(launched.body)}`);
  return waitFor(async () => {
    const view = await getInstance(base, launched.body.instance.id);
    return view.phase === "ready" ? view : null;
  }, { timeoutMs: 60_000, what: `${profile.name} to be ready` });
}

/** The instance's own `--api-key`, which the console keeps from everyone: tests read it where the console keeps it. */
export function instanceApiKey(dataDir: string, instanceId: string): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const db = new Database(`${dataDir}/console.db`, { readonly: true });
  try {
    const row = db.prepare(`SELECT "profileJson" FROM "Instance" WHERE "id" = ?`).get(instanceId) as { profileJson: string } | undefined;
    const key = row ? (JSON.parse(row.profileJson) as { flags: Record<string, unknown> }).flags["--api-key"] : undefined;
    return typeof key === "string" ? key : null;
  } finally {
    db.close();
  }
}
