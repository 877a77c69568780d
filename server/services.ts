import path from "node:path";
import { LOCAL_ADMIN, type Actor } from "../lib/authz";
import { DEFAULT_SUPERVISION } from "../lib/supervision";
import { createDb, type Db } from "./db/client";
import { applyMigrations, sqlitePathFromUrl } from "./db/migrate";
import type { ConsoleEnv } from "./env";
import * as launchProfiles from "./db/launch-profiles";
import { listGpus } from "./gpus/list-gpus";
import { runLogs, type RunLogs } from "./logs/run-logs";
import { inspectModelPath, scanModels } from "./models/scan-models";
import { ParserChecks } from "./parser-check/parser-checks";
import { sendChat } from "./playground/chat";
import { createPlaygroundService, type PlaygroundService } from "./playground/service";
import { detectSglangRuntime, type SglangRuntime } from "./supervisor/sglang-runtime";
import { Supervisor } from "./supervisor/supervisor";
import { createTelemetry } from "./telemetry/create-telemetry";
import type { GpuSampler } from "./telemetry/gpu-sampler";
import type { MetricsScraper } from "./telemetry/metrics-scraper";

/** Each of the parser check's two requests; a reasoning answer of 1,024 tokens fits well within it. */
const PARSER_CHECK_TIMEOUT_MS = 180_000;

/** Everything long-lived the console owns, built once by server/index.ts and shared with Next's route handlers. */
export interface Services {
  env: ConsoleEnv;
  runtime: SglangRuntime;
  db: Db;
  supervisor: Supervisor;
  /** Who is asking. Accounts come later; until then every request is the local administrator. */
  actorFor: (headers: Headers | Record<string, string | string[] | undefined>) => Promise<Actor>;
  sendChat: typeof sendChat;
  /** Saved launch profiles (data access over `db`). */
  launchProfiles: typeof launchProfiles;
  listGpus: typeof listGpus;
  scanModels: () => ReturnType<typeof scanModels>;
  inspectModelPath: typeof inspectModelPath;
  playground: PlaygroundService;
  /** The tool-call / reasoning parser check of each instance's latest ready run. */
  parserChecks: ParserChecks;
  gpuSampler: GpuSampler;
  metricsScraper: MetricsScraper;
  /** Reading, searching and serving runs' log files (capped in parts by LOG_FILE_MAX_MB). */
  runLogs: RunLogs;
}

export async function buildServices(env: ConsoleEnv, projectRoot: string, log: (message: string) => void): Promise<Services> {
  const sqliteFile = sqlitePathFromUrl(env.databaseUrl, projectRoot);
  if (!sqliteFile) throw new Error(`DATABASE_URL must be a SQLite file: URL for now; got ${env.databaseUrl}`);
  const migrations = applyMigrations(sqliteFile, path.join(projectRoot, "prisma", "migrations"));
  if (migrations.applied.length > 0) log(`database ${sqliteFile}: applied ${migrations.applied.join(", ")}`);
  const db = createDb(sqliteFile);
  const runtime = await detectSglangRuntime({ python: env.sglangPython, mode: env.sglangMode, projectRoot });
  log(runtime.reason);
  log(runtime.flagsSource);
  const supervisor = new Supervisor({
    db,
    runtime,
    dataDir: env.dataDir,
    projectRoot,
    readyPollMs: 500,
    stopGraceMs: env.stopGraceMs,
    replayBytes: env.replayBytes,
    logMaxBytes: env.logFileMaxBytes,
    runLogRetention: env.runLogRetention,
    defaultSupervision: { ...DEFAULT_SUPERVISION, readyTimeoutS: env.readyTimeoutMs / 1000 },
    log,
    listGpus,
    inspectModelPath,
  });
  await supervisor.load();
  const parserChecks = new ParserChecks({ endpointOf: (id) => supervisor.endpointOf(id), timeoutMs: PARSER_CHECK_TIMEOUT_MS, log });
  supervisor.on("state", (view) => parserChecks.onState(view));
  for (const view of supervisor.list()) parserChecks.onState(view);
  const { gpuSampler, metricsScraper } = createTelemetry(env, supervisor, log);
  return {
    env,
    runtime,
    db,
    supervisor,
    actorFor: async () => LOCAL_ADMIN,
    sendChat,
    launchProfiles,
    listGpus,
    scanModels: () => scanModels(env.modelsDirs),
    inspectModelPath,
    playground: createPlaygroundService(db),
    parserChecks,
    gpuSampler,
    metricsScraper,
    runLogs,
  };
}
