import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { applyMigrations, listMigrations } from "../../server/db/migrate";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "console-db-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("database migrations", () => {
  it("applies every migration once and records it in Prisma's _prisma_migrations format", () => {
    const file = path.join(dir, "a.db");
    const first = applyMigrations(file, MIGRATIONS);
    expect(first.applied).toEqual(listMigrations(MIGRATIONS).map((m) => m.name));
    const second = applyMigrations(file, MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied });
    const db = new Database(file);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: number;
      applied_steps_count: number;
    }[];
    db.close();
    for (const migration of listMigrations(MIGRATIONS)) {
      const row = rows.find((r) => r.migration_name === migration.name);
      expect(row?.checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
      expect(row?.finished_at).toBeGreaterThan(0);
    }
  });

  it("agrees with schema.prisma: every model is written and read back through the Prisma client", async () => {
    const file = path.join(dir, "b.db");
    applyMigrations(file, MIGRATIONS);
    const db = createDb(file);
    try {
      const profile = await db.launchProfile.create({ data: { id: "p1", name: "GLM", profileJson: "{}" } });
      expect(profile.createdAt).toBeInstanceOf(Date);
      const instance = await db.instance.create({
        data: { id: "i1", name: "GLM", profileJson: "{}", simulated: true, host: "127.0.0.1", port: 30000 },
      });
      expect(instance).toMatchObject({ owner: "local", simulated: true, port: 30000 });
      const startedAt = new Date("2026-11-25T10:00:00.000Z");
      await db.run.create({
        data: { id: "r1", instanceId: "i1", program: "python3", argvJson: "[]", envJson: "{}", port: 30000, phase: "starting", logPath: "/tmp/x.log", startedAt },
      });
      const updated = await db.run.update({
        where: { id: "r1" },
        data: { pid: 42, pgid: 42, phase: "crashed", stage: "kv_cache", cause: "oom_kv_cache", causeDetail: "x", exitCode: 1, signal: "SIGKILL", readyAt: startedAt, endedAt: startedAt },
      });
      expect(updated).toMatchObject({ pid: 42, phase: "crashed", exitCode: 1, signal: "SIGKILL" });
      const withRuns = await db.instance.findUnique({ where: { id: "i1" }, include: { runs: true } });
      expect(withRuns?.runs[0]?.startedAt.toISOString()).toBe(startedAt.toISOString());
      await db.instance.delete({ where: { id: "i1" } });
      expect(await db.run.count()).toBe(0);

      const session = await db.playgroundSession.create({ data: { id: "s1", owner: "local", tab: "chat", title: "Weather", stateJson: "{}" } });
      expect(session).toMatchObject({ instanceId: null, tab: "chat" });
      expect(session.createdAt).toBeInstanceOf(Date);
      const renamed = await db.playgroundSession.update({ where: { id: "s1" }, data: { title: "Renamed", instanceId: "gone" } });
      expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(session.updatedAt.getTime());
      expect(await db.playgroundSession.findMany({ where: { owner: "local" }, orderBy: { updatedAt: "desc" } })).toHaveLength(1);
      await db.playgroundSession.delete({ where: { id: "s1" } });
      expect(await db.playgroundSession.count()).toBe(0);

      const download = await db.download.create({ data: { id: "d1", owner: "u1", source: "modelscope", repo: "ZhipuAI/GLM-4.7-Flash", revision: "master", targetDir: "/models", layout: "modelscope", state: "queued" } });
      expect(download).toMatchObject({ bytesDone: 0, filesDone: 0, includeJson: "[]", bytesTotal: null });
      const big = await db.download.update({ where: { id: "d1" }, data: { bytesTotal: 62_000_000_000, bytesDone: 61_999_999_999, state: "downloading" } });
      expect(big).toMatchObject({ bytesTotal: 62_000_000_000, bytesDone: 61_999_999_999 });
    } finally {
      await db.$disconnect();
    }
  });
});
