import path from "node:path";
import { LOCAL_ADMIN, type Actor } from "../lib/authz";
import { createDb, type Db } from "./db/client";
import { applyMigrations, sqlitePathFromUrl } from "./db/migrate";
import type { ConsoleEnv } from "./env";
import { sendChat } from "./playground/chat";
import { detectSglangRuntime, type SglangRuntime } from "./supervisor/sglang-runtime";
import { Supervisor } from "./supervisor/supervisor";
import { createTelemetry } from "./telemetry/create-telemetry";
import type { GpuSampler } from "./telemetry/gpu-sampler";
import type { MetricsScraper } from "./telemetry/metrics-scraper";

/** Everything long-lived the console owns, built once by server/index.ts and shared with Next's route handlers. */
export interface Services {
  env: ConsoleEnv;
  runtime: SglangRuntime;
  db: Db;
  supervisor: Supervisor;
  /** Who is asking. Accounts come later; until then every request is the local administrator. */
  actorFor: (headers: Headers | Record<string, string | string[] | undefined>) => Promise<Actor>;
  sendChat: typeof sendChat;
  gpuSampler: GpuSampler;
  metricsScraper: MetricsScraper;
}

// Next bundles route handlers in a module graph of its own, so a module-level singleton would exist twice;
// a global symbol is the one place both graphs can see (vercel/next.js#79401).
const SERVICES_KEY = Symbol.for("sglang-console.services");

type GlobalWithServices = typeof globalThis & { [SERVICES_KEY]?: Services };

export function publishServices(services: Services): void {
  (globalThis as GlobalWithServices)[SERVICES_KEY] = services;
}

export function readPublishedServices(): Services | undefined {
  return (globalThis as GlobalWithServices)[SERVICES_KEY];
}

export async function buildServices(env: ConsoleEnv, projectRoot: string, log: (message: string) => void): Promise<Services> {
  const sqliteFile = sqlitePathFromUrl(env.databaseUrl, projectRoot);
  if (!sqliteFile) throw new Error(`DATABASE_URL must be a SQLite file: URL for now; got ${env.databaseUrl}`);
  const migrations = applyMigrations(sqliteFile, path.join(projectRoot, "prisma", "migrations"));
  if (migrations.applied.length > 0) log(`database ${sqliteFile}: applied ${migrations.applied.join(", ")}`);
  const db = createDb(sqliteFile);
  const runtime = await detectSglangRuntime({ python: env.sglangPython, mode: env.sglangMode, projectRoot });
  log(runtime.reason);
  const supervisor = new Supervisor({
    db,
    runtime,
    dataDir: env.dataDir,
    projectRoot,
    readyTimeoutMs: env.readyTimeoutMs,
    readyPollMs: 500,
    stopGraceMs: env.stopGraceMs,
    replayBytes: env.replayBytes,
    log,
  });
  await supervisor.load();
  const { gpuSampler, metricsScraper } = createTelemetry(env, supervisor, log);
  return { env, runtime, db, supervisor, actorFor: async () => LOCAL_ADMIN, sendChat, gpuSampler, metricsScraper };
}
