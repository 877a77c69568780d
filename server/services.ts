import path from "node:path";
import { DEFAULT_SUPERVISION } from "../lib/supervision";
import { loadAuthSecret } from "./auth/auth-secret";
import { ConsoleAuth } from "./auth/console-auth";
import { FirstRun } from "./auth/first-run";
import { appendAuditEvent, listAuditEvents, type AuditEventView, type AuditFilter, type AuditInput } from "./db/audit";
import { readSettings, updateSettings } from "./db/settings";
import type { ConsoleSettings } from "../lib/console-settings";
import { createDb, type Db } from "./db/client";
import { applyMigrations, sqlitePathFromUrl } from "./db/migrate";
import type { ConsoleEnv } from "./env";
import { createKeyService, type KeyService } from "./gateway/key-service";
import { createDemoLinkService, type DemoLinkService } from "./gateway/demo-links";
import { createUsageLedger, listUsage, type UsageEntry } from "./gateway/usage";
import type { UsageRowView } from "../lib/usage";
import { createLauncher } from "./launching/launch-as";
import { createProfileService, type ProfileService } from "./profiles/profile-service";
import { createDownloadService, type DownloadService } from "./downloads/download-service";
import { createHubTokens, type HubTokens } from "./downloads/hub-tokens";
import { listGpus } from "./gpus/list-gpus";
import { runLogs, type RunLogs } from "./logs/run-logs";
import { deleteModel, instancesUsing } from "./models/delete-model";
import type { LocalModel } from "../lib/models/local-model";
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
  /** Who is asking (Better Auth's sessions), and the accounts behind them. */
  auth: ConsoleAuth;
  /** Launch on an actor's behalf: launch policy, validation, audit. */
  launchAs: ReturnType<typeof createLauncher>;
  firstRun: FirstRun;
  /** Appends to the audit trail; a failure to record is logged, never thrown at the action it records. */
  audit: (input: AuditInput) => Promise<void>;
  apiKeys: KeyService;
  demoLinks: DemoLinkService;
  /** Tokens spent through the gateway and demo links: recorded as requests finish, written within a second. */
  usage: {
    list: (filter: { userId?: string; model?: string; from?: string; to?: string }) => Promise<UsageRowView[]>;
    record: (entry: UsageEntry) => void;
    /** Writes what is recorded and not yet written. */
    flush: () => Promise<void>;
  };
  auditTrail: { list: (filter: AuditFilter) => Promise<AuditEventView[]> };
  settings: { read: () => Promise<ConsoleSettings>; update: (changes: Partial<ConsoleSettings>) => Promise<ConsoleSettings> };
  sendChat: typeof sendChat;
  /** Saved launch profiles, as each person may see and change them. */
  launchProfiles: ProfileService;
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
  /** The model folders under MODELS_DIR with the active instances that use each (the Models page). */
  listLocalModels: () => Promise<LocalModel[]>;
  /** Deletes a model folder under MODELS_DIR unless an active instance uses it. */
  deleteModel: (modelPath: string) => Promise<{ path: string; name: string }>;
  /** Model downloads from ModelScope and Hugging Face, resumed after any restart. */
  downloads: DownloadService;
  /** Hub tokens stored by an administrator; views never carry a token. */
  hubTokens: HubTokens;
}

export async function buildServices(env: ConsoleEnv, projectRoot: string, log: (message: string) => void): Promise<Services> {
  const sqliteFile = sqlitePathFromUrl(env.databaseUrl, projectRoot);
  if (!sqliteFile) throw new Error(`DATABASE_URL must be a SQLite file: URL for now; got ${env.databaseUrl}`);
  const migrations = applyMigrations(sqliteFile, path.join(projectRoot, "prisma", "migrations"));
  if (migrations.applied.length > 0) log(`database ${sqliteFile}: applied ${migrations.applied.join(", ")}`);
  const db = createDb(sqliteFile);
  const audit = (input: AuditInput) => appendAuditEvent(db, input).catch((error: unknown) => log(`audit trail: cannot record ${input.action}: ${String(error)}`));
  const auth = await ConsoleAuth.create({
    db,
    secret: loadAuthSecret(env.authSecret, env.dataDir),
    timeouts: { idleS: env.sessionIdleS, absoluteS: env.sessionMaxS },
    consoleOrigins: env.consoleOrigins,
    onSignIn: (event) =>
      void audit({
        actor: { id: event.userId, name: event.email },
        action: event.ok ? "sign_in" : "sign_in_failed",
        detail: event.ok ? {} : { reason: event.reason ?? "refused" },
        ip: event.ip,
      }),
  });
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
    nameOf: (userId) => auth.nameOf(userId),
  });
  await supervisor.load();
  const firstRun = new FirstRun(db, auth, env.host, (admin) => {
    supervisor.transferOwnership("local", admin.id);
    log(`administrator ${admin.email} created`);
  });
  if (env.bootstrapAdmin) await firstRun.setupFromEnvironment(env.bootstrapAdmin);
  if (firstRun.setupToken && (await firstRun.needsSetup())) log(`first run: open the console and create the administrator with the setup token ${firstRun.setupToken}`);
  const parserChecks = new ParserChecks({ endpointOf: (id) => supervisor.endpointOf(id), timeoutMs: PARSER_CHECK_TIMEOUT_MS, log });
  supervisor.on("state", (view) => parserChecks.onState(view));
  for (const view of supervisor.list()) parserChecks.onState(view);
  const { gpuSampler, metricsScraper } = createTelemetry(env, supervisor, log);
  const hubTokens = createHubTokens(db, env.downloads);
  const downloads = createDownloadService({ db, env: env.downloads, hubTokens, modelsDirs: env.modelsDirs, log });
  const resumed = await downloads.resumeUnfinished();
  if (resumed > 0) log(`downloads: resuming ${resumed} from the bytes on disk`);
  const usageLedger = createUsageLedger({ db, log });
  return {
    env,
    runtime,
    db,
    supervisor,
    auth,
    launchAs: createLauncher({ supervisor, modelsDirs: env.modelsDirs, audit }),
    firstRun,
    audit,
    apiKeys: createKeyService(db, (userId) => auth.nameOf(userId)),
    demoLinks: createDemoLinkService(db, (userId) => auth.nameOf(userId)),
    usage: {
      list: async (filter) => {
        await usageLedger.flush();
        return listUsage(db, filter, (userId) => auth.nameOf(userId));
      },
      record: usageLedger.record,
      flush: usageLedger.flush,
    },
    auditTrail: { list: (filter) => listAuditEvents(db, filter) },
    settings: { read: () => readSettings(db), update: (changes) => updateSettings(db, { changes }) },
    sendChat,
    launchProfiles: createProfileService(db, (userId) => auth.nameOf(userId)),
    listGpus,
    scanModels: () => scanModels(env.modelsDirs),
    inspectModelPath,
    listLocalModels: async () => {
      const instances = supervisor.list();
      const models = await scanModels(env.modelsDirs);
      return Promise.all(models.map(async (model) => ({ ...model, usedBy: (await instancesUsing(model.path, instances)).map(({ id, name }) => ({ id, name })) })));
    },
    deleteModel: async (modelPath) => deleteModel({ modelPath, models: await scanModels(env.modelsDirs), instances: supervisor.list() }),
    playground: createPlaygroundService(db),
    parserChecks,
    gpuSampler,
    metricsScraper,
    runLogs,
    downloads,
    hubTokens,
  };
}
