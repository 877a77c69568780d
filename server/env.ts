import path from "node:path";
import { z } from "zod";
import { parseConsoleOrigins } from "../lib/request-guard";
import { huggingFaceEndpoint } from "./downloads/huggingface-source";
import { modelScopeEndpoint } from "./downloads/modelscope-source";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string()),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(z.string().startsWith("file:", "only SQLite `file:` URLs are supported so far")),
  SGLANG_PYTHON: optional(z.string()),
  SGLANG_MODE: optional(z.enum(["auto", "real", "simulator"])),
  READY_TIMEOUT_S: optional(z.coerce.number().positive()),
  STOP_GRACE_S: optional(z.coerce.number().positive()),
  LOG_REPLAY_BYTES: optional(z.coerce.number().int().positive()),
  LOG_FILE_MAX_MB: optional(z.coerce.number().min(0)),
  RUN_LOG_RETENTION: optional(z.coerce.number().int().min(1)),
  MODELS_DIR: optional(z.string()),
  DIAGNOSE_MAX_MB: optional(z.coerce.number().positive()),
  NVIDIA_SMI: optional(z.string()),
  GPU_SAMPLE_MS: optional(z.coerce.number().int().min(100).max(60_000)),
  NODE_ENV: optional(z.string()),
  CONSOLE_URL: optional(z.string()),
  TRUST_PROXY: optional(z.enum(["0", "1", "true", "false"])),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  CONSOLE_ADMIN_EMAIL: optional(z.email()),
  CONSOLE_ADMIN_PASSWORD: optional(z.string().min(8, "must be at least 8 characters")),
  SESSION_IDLE_HOURS: optional(z.coerce.number().positive()),
  SESSION_MAX_DAYS: optional(z.coerce.number().positive()),
  HF_ENDPOINT: optional(z.url()),
  HF_TOKEN: optional(z.string()),
  MODELSCOPE_ENDPOINT: optional(z.url()),
  MODELSCOPE_DOMAIN: optional(z.string().regex(/^[\w.-]+(:\d+)?$/, "a host name such as www.modelscope.cn")),
  MODELSCOPE_API_TOKEN: optional(z.string()),
  DOWNLOAD_STALL_S: optional(z.coerce.number().positive()),
});

/** Read by the console for downloads and by SGLang alike (hub endpoints and tokens): servers inherit them. */
const SHARED_WITH_SERVERS = new Set(["HF_ENDPOINT", "HF_TOKEN", "MODELSCOPE_ENDPOINT", "MODELSCOPE_DOMAIN", "MODELSCOPE_API_TOKEN"]);
/** The console's own variables: never passed on to the servers it launches. */
export const CONSOLE_ENV_NAMES: readonly string[] = Object.keys(envSchema.shape).filter((name) => !SHARED_WITH_SERVERS.has(name));

export interface ConsoleEnv {
  port: number;
  host: string;
  dev: boolean;
  dataDir: string;
  databaseUrl: string;
  sglangPython: string;
  sglangMode: "auto" | "real" | "simulator";
  readyTimeoutMs: number;
  stopGraceMs: number;
  replayBytes: number;
  /** Cap of each run's log file (LOG_FILE_MAX_MB; 0 = no cap). */
  logFileMaxBytes: number | null;
  runLogRetention: number;
  /** Folders scanned for models (MODELS_DIR, colon-separated like PATH). */
  modelsDirs: string[];
  /** The largest log POST /api/diagnose accepts. */
  diagnoseMaxBytes: number;
  /** nvidia-smi to run for GPU telemetry (a path, or a name looked up on PATH). */
  nvidiaSmi: string;
  gpuSampleMs: number;
  /** The console's own origins beyond loopback (CONSOLE_URL, comma-separated): Host and Origin are checked against them. */
  consoleOrigins: string[];
  /** Read the client's address from X-Forwarded-For (behind a reverse proxy) rather than the socket. */
  trustProxy: boolean;
  /** Better Auth's secret; when unset, one is made once and kept in DATA_DIR. */
  authSecret: string | null;
  /** Creates the administrator at start when no user exists (scripts, containers, tests). */
  bootstrapAdmin: { email: string; password: string } | null;
  sessionIdleS: number;
  sessionMaxS: number;
  /** Model downloads: hub endpoints (HF_ENDPOINT, MODELSCOPE_ENDPOINT / MODELSCOPE_DOMAIN), tokens, the stall limit. */
  downloads: DownloadEnv;
}

export interface DownloadEnv {
  huggingFaceEndpoint: string;
  modelScopeEndpoint: string;
  huggingFaceToken: string | null;
  modelScopeToken: string | null;
  /** A connection silent this long is dropped and retried (DOWNLOAD_STALL_S, 60 s). */
  stallMs: number;
}

/** Parses the environment once at start; a bad value stops the console with a sentence naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv, projectRoot: string): ConsoleEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`The console's environment is not valid (${problems}). Fix or unset these variables.`);
  }
  const env = result.data;
  const dataDir = path.resolve(projectRoot, env.DATA_DIR ?? "data");
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? "127.0.0.1",
    dev: env.NODE_ENV === "development",
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, "console.db")}`,
    sglangPython: env.SGLANG_PYTHON ?? "python3",
    sglangMode: env.SGLANG_MODE ?? "auto",
    readyTimeoutMs: (env.READY_TIMEOUT_S ?? 1800) * 1000,
    stopGraceMs: (env.STOP_GRACE_S ?? 20) * 1000,
    replayBytes: env.LOG_REPLAY_BYTES ?? 2 * 1024 * 1024,
    logFileMaxBytes: env.LOG_FILE_MAX_MB === 0 ? null : Math.floor((env.LOG_FILE_MAX_MB ?? 512) * 1024 * 1024),
    runLogRetention: env.RUN_LOG_RETENTION ?? 20,
    modelsDirs: parsePathList(env.MODELS_DIR, projectRoot),
    diagnoseMaxBytes: Math.floor((env.DIAGNOSE_MAX_MB ?? 100) * 1024 * 1024),
    nvidiaSmi: env.NVIDIA_SMI ?? "nvidia-smi",
    gpuSampleMs: env.GPU_SAMPLE_MS ?? 1000,
    consoleOrigins: parseOrigins(env.CONSOLE_URL),
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    authSecret: env.BETTER_AUTH_SECRET ?? null,
    bootstrapAdmin: bootstrapAdmin(env.CONSOLE_ADMIN_EMAIL, env.CONSOLE_ADMIN_PASSWORD),
    sessionIdleS: Math.round((env.SESSION_IDLE_HOURS ?? 12) * 3600),
    sessionMaxS: Math.round((env.SESSION_MAX_DAYS ?? 7) * 86400),
    downloads: {
      huggingFaceEndpoint: huggingFaceEndpoint(env),
      modelScopeEndpoint: modelScopeEndpoint(env),
      huggingFaceToken: env.HF_TOKEN ?? null,
      modelScopeToken: env.MODELSCOPE_API_TOKEN ?? null,
      stallMs: (env.DOWNLOAD_STALL_S ?? 60) * 1000,
    },
  };
}

function parseOrigins(value: string | undefined): string[] {
  try {
    return parseConsoleOrigins(value);
  } catch (error) {
    throw new Error(`The console's environment is not valid (CONSOLE_URL: ${error instanceof Error ? error.message : String(error)}). Fix or unset it.`);
  }
}

function bootstrapAdmin(email: string | undefined, password: string | undefined): ConsoleEnv["bootstrapAdmin"] {
  if (!email && !password) return null;
  if (!email || !password) throw new Error("The console's environment is not valid: set both CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD, or neither.");
  return { email, password };
}

/** "a:b::c" → absolute, distinct folders; empty entries are skipped. */
export function parsePathList(value: string | undefined, projectRoot: string): string[] {
  if (!value) return [];
  const dirs = value.split(":").map((entry) => entry.trim()).filter((entry) => entry !== "").map((entry) => path.resolve(projectRoot, entry));
  return [...new Set(dirs)];
}
