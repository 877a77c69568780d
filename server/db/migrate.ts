import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Prisma's migrate engine cannot be downloaded here, so the console applies the SQL migrations
// itself and records them in Prisma's own `_prisma_migrations` format: `prisma migrate deploy`
// agrees with what was applied wherever the engine is available.
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export function listMigrations(migrationsDir: string): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") }));
}

export function applyMigrations(sqliteFile: string, migrationsDir: string): MigrationResult {
  fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
  const db = new Database(sqliteFile);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(MIGRATIONS_TABLE_SQL);
    const done = new Set(
      db
        .prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of listMigrations(migrationsDir)) {
      if (done.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const checksum = createHash("sha256").update(migration.sql).digest("hex");
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), checksum, Date.now(), migration.name, Date.now());
      })();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}

/** `file:./data/x.db` or `file:/abs/x.db` → an absolute path; other URLs are not SQLite. */
export function sqlitePathFromUrl(url: string, baseDir: string): string | null {
  if (!url.startsWith("file:")) return null;
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(baseDir, raw);
}
