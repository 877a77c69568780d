// Hub tokens an administrator stored for downloads, in the settings table under keys of their own. readSettings
// (settings.ts) parses only the console's settings, so these never travel with them; nothing here returns a token
// to a route: hub-tokens.ts in server/downloads answers views that carry its last 4 characters at most.
import type { DownloadSource } from "../../lib/downloads";
import type { Db } from "./client";

const keyOf = (source: DownloadSource) => `hub_token:${source}`;

export async function findStoredHubToken(db: Db, { source }: { source: DownloadSource }): Promise<{ token: string; updatedAt: Date } | null> {
  const row = await db.setting.findUnique({ where: { key: keyOf(source) } });
  if (!row) return null;
  const token = JSON.parse(row.valueJson) as unknown;
  return typeof token === "string" && token !== "" ? { token, updatedAt: row.updatedAt } : null;
}

export async function storeHubToken(db: Db, { source, token }: { source: DownloadSource; token: string }): Promise<void> {
  const valueJson = JSON.stringify(token);
  await db.setting.upsert({ where: { key: keyOf(source) }, create: { key: keyOf(source), valueJson }, update: { valueJson } });
}

export async function clearHubToken(db: Db, { source }: { source: DownloadSource }): Promise<boolean> {
  const { count } = await db.setting.deleteMany({ where: { key: keyOf(source) } });
  return count > 0;
}
