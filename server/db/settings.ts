import { consoleSettingsSchema, DEFAULT_SETTINGS as DEFAULTS, type ConsoleSettings } from "../../lib/console-settings";
import type { Db } from "./client";

export async function readSettings(db: Db): Promise<ConsoleSettings> {
  const rows = await db.setting.findMany();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.valueJson) as unknown]));
  return consoleSettingsSchema.parse({ ...DEFAULTS, ...stored });
}

export async function updateSettings(db: Db, { changes }: { changes: Partial<ConsoleSettings> }): Promise<ConsoleSettings> {
  for (const [key, value] of Object.entries(changes)) {
    await db.setting.upsert({ where: { key }, create: { key, valueJson: JSON.stringify(value) }, update: { valueJson: JSON.stringify(value) } });
  }
  return readSettings(db);
}
