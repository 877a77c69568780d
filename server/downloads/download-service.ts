// Download jobs: stored in the database, each run in a thread of its own (download-in-thread.ts, run-download.ts), paused, resumed and cancelled here. At start the
// console resumes every job that was running when it stopped, from the bytes on disk. Live progress is kept in
// memory; the database gets it every few seconds (a restart recounts it from the disk anyway).
import { randomUUID } from "node:crypto";
import path from "node:path";
import { defaultRevision, HUB_TOKEN_ENV, layoutFor, type DownloadLayoutKind, type DownloadSource, type DownloadPreview, type DownloadView, type StartDownload } from "../../lib/downloads";
import { AppError } from "../../lib/errors";
import type { Db } from "../db/client";
import { createDownload, downloadRowToView, findDownload, listDownloads, listUnfinishedDownloads, updateDownload, type DownloadRow } from "../db/downloads";
import type { DownloadEnv } from "../env";
import type { ChosenToken, HubTokens } from "./hub-tokens";
import { planLayout } from "./layouts";
import { previewDownload } from "./preview-download";
import { downloadInThread } from "./download-in-thread";
import { DiskFullError, DownloadFailedError, type DownloadProgress } from "./run-download";
import { sourceFromSpec, type SourceSpec } from "./source-spec";
import { SpeedMeter } from "./speed-meter";
import { PushThrottle } from "./push-throttle";
import { DOWNLOAD_PUSH_EVERY_MS } from "../../lib/realtime-downloads";

const PERSIST_EVERY_MS = 2000;
const PARALLEL_FILES = 4;
const MAX_ATTEMPTS = 8;
/** 1 s, doubling, at most 30 s between attempts. */
const BACKOFF = { firstMs: 1000, maxMs: 30_000 };

interface ActiveJob {
  controller: AbortController;
  progress: DownloadProgress;
  meter: SpeedMeter;
  settled: Promise<void>;
}

/** The hub's API for one repository, with the token hub-tokens.ts chooses (stored, else the environment's). */
async function hubSource(env: DownloadEnv, tokens: HubTokens, what: { source: string; repo: string; revision: string }): Promise<{ spec: SourceSpec; token: ChosenToken }> {
  const kind: DownloadSource = what.source === "modelscope" ? "modelscope" : "huggingface";
  const token = await tokens.choose(kind);
  const endpoint = kind === "modelscope" ? env.modelScopeEndpoint : env.huggingFaceEndpoint;
  return { spec: { kind, endpoint, token: token.token, repo: what.repo, revision: what.revision, idleMs: env.stallMs }, token };
}

const TOKEN_WORDS: Record<DownloadSource, string> = { huggingface: "Hugging Face", modelscope: "ModelScope" };
const describeToken = (source: DownloadSource, token: ChosenToken): string =>
  token.from === "stored" ? `the ${TOKEN_WORDS[source]} token stored by an administrator` : token.from === "environment" ? `${HUB_TOKEN_ENV[source]} from the environment` : "no token";

export type DownloadService = ReturnType<typeof createDownloadService>;

export function createDownloadService(options: { db: Db; env: DownloadEnv; hubTokens: HubTokens; modelsDirs: string[]; log: (message: string) => void }) {
  const { db, env, hubTokens, log } = options;
  const active = new Map<string, ActiveJob>();
  const listeners = new Set<(download: DownloadView) => void>();
  // Each download's latest view reaches listeners (the /downloads namespace) at most four times a second.
  const pushes = new PushThrottle(DOWNLOAD_PUSH_EVERY_MS, async (id) => {
    if (listeners.size === 0) return;
    const row = await findDownload(db, { id }).catch((error: unknown) => log(`download ${id}: cannot push progress: ${String(error)}`));
    if (!row) return;
    const pushed = view(row);
    for (const listener of listeners) listener(pushed);
  });
  /** Records a change of state and tells listeners. */
  const record = async (id: string, changes: Parameters<typeof updateDownload>[1]["changes"], options: { pushNow?: boolean } = {}): Promise<DownloadRow> => {
    const row = await updateDownload(db, { id, changes });
    pushes.changed(id, { now: options.pushNow });
    return row;
  };

  const view = (row: DownloadRow): DownloadView => {
    const base = downloadRowToView(row);
    const job = active.get(row.id);
    if (!job) return base;
    const { progress } = job;
    return { ...base, state: progress.state, bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal, filesDone: progress.filesDone, filesTotal: progress.filesTotal, speed: job.meter.speed(), inFlight: [...progress.inFlight.values()] };
  };

  const rowOrThrow = async (id: string) => {
    const row = await findDownload(db, { id });
    if (!row) throw new AppError("download_not_found", { id });
    return row;
  };

  const launch = (row: DownloadRow) => {
    const controller = new AbortController();
    const progress: DownloadProgress = { state: "downloading", bytesTotal: null, filesTotal: null, bytesDone: 0, filesDone: 0, inFlight: new Map() };
    const meter = new SpeedMeter();
    let persistedAt = 0;
    const persist = () => {
      persistedAt = Date.now();
      const { bytesDone, bytesTotal, filesDone, filesTotal } = progress;
      return updateDownload(db, { id: row.id, changes: { state: progress.state, bytesDone, bytesTotal, filesDone, filesTotal } }).catch((error: unknown) => log(`download ${row.repo}: cannot record progress: ${String(error)}`));
    };
    const report = () => {
      meter.note(progress.bytesDone);
      pushes.changed(row.id);
      if (Date.now() - persistedAt >= PERSIST_EVERY_MS) void persist();
    };
    const run = async () => {
      await record(row.id, { state: "downloading", error: null });
      try {
        const { spec, token } = await hubSource(env, hubTokens, row);
        log(`download ${row.repo}: sends ${describeToken(row.source as DownloadSource, token)} to ${new URL(spec.endpoint).host}`);
        const job = { source: spec, layout: row.layout as DownloadLayoutKind, repo: row.repo, revision: row.revision, targetDir: row.targetDir, include: JSON.parse(row.includeJson) as string[], parallel: PARALLEL_FILES, maxAttempts: MAX_ATTEMPTS, backoff: BACKOFF };
        const modelPath = await downloadInThread(job, { progress, report, log, signal: controller.signal });
        await persist();
        await record(row.id, { state: "done", modelPath });
        log(`download ${row.repo}: done, ${progress.filesDone} files in ${modelPath}`);
      } catch (error) {
        await persist();
        if (controller.signal.aborted) return; // pause and cancel record their own state
        const paused = error instanceof DiskFullError;
        const message = error instanceof DownloadFailedError || paused ? error.message : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
        log(`download ${row.repo}: ${paused ? "paused" : "failed"}: ${message}`);
        await record(row.id, { state: paused ? "paused" : "failed", error: message });
      } finally {
        active.delete(row.id);
        // The stored state, now that no live progress stands in front of it: at once when the job ended by itself
        // (done, failed, disk full). A pause or cancel pushes its own state right after this.
        pushes.changed(row.id, { now: !controller.signal.aborted });
      }
    };
    active.set(row.id, { controller, progress, meter, settled: run() });
  };

  const halt = async (id: string) => {
    const job = active.get(id);
    if (!job) return;
    job.controller.abort(new Error("stopped by request"));
    await job.settled;
  };

  const checkTarget = (targetDir: string | undefined): string => {
    const first = options.modelsDirs[0];
    if (!first) throw new AppError("download_target_refused", { detail: "this console has no MODELS_DIR; set it to the folder models go in" });
    const resolved = path.resolve(targetDir ?? first);
    if (!options.modelsDirs.some((dir) => resolved === dir || resolved.startsWith(dir + path.sep))) {
      throw new AppError("download_target_refused", { detail: `${resolved} is not under MODELS_DIR (${options.modelsDirs.join(", ")})` });
    }
    return resolved;
  };

  return {
    list: async (): Promise<DownloadView[]> => (await listDownloads(db)).map(view),
    /** Hears each download's latest view, at most four times a second per download; answers the unsubscribe. */
    subscribe: (listener: (download: DownloadView) => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Pushes a download's latest view again (within the same limit), e.g. after a snapshot that may predate it. */
    nudge: (id: string): void => pushes.changed(id),
    getOrThrow: async (id: string): Promise<DownloadView> => view(await rowOrThrow(id)),
    start: async (input: StartDownload, owner: string): Promise<DownloadView> => {
      const targetDir = checkTarget(input.targetDir);
      const row = await createDownload(db, { id: randomUUID(), owner, source: input.source, repo: input.repo, revision: input.revision ?? defaultRevision(input.source), targetDir, include: input.include ?? [], layout: layoutFor(input) });
      launch(row);
      pushes.changed(row.id);
      return view(row);
    },
    pause: async (id: string): Promise<DownloadView> => {
      const row = await rowOrThrow(id);
      if (!["queued", "downloading", "verifying"].includes(row.state)) throw new AppError("download_state", { repo: row.repo, state: row.state, action: "paused" });
      await halt(id);
      return view(await record(id, { state: "paused" }, { pushNow: true }));
    },
    resume: async (id: string): Promise<DownloadView> => {
      const row = await rowOrThrow(id);
      if (row.state !== "paused" && row.state !== "failed") throw new AppError("download_state", { repo: row.repo, state: row.state, action: "resumed" });
      launch(row);
      pushes.changed(id);
      return view(row);
    },
    cancel: async (id: string, deleteFiles: boolean): Promise<DownloadView> => {
      const row = await rowOrThrow(id);
      if (row.state === "done" || row.state === "cancelled") throw new AppError("download_state", { repo: row.repo, state: row.state, action: "cancelled" });
      await halt(id);
      if (deleteFiles) await planLayout(row.layout as DownloadLayoutKind, row.targetDir, row.repo).remove();
      return view(await record(id, { state: "cancelled" }, { pushNow: true }));
    },
    /** What a download would fetch, and whether it fits, before anything is fetched. */
    preview: async (input: StartDownload): Promise<DownloadPreview> => {
      const targetDir = checkTarget(input.targetDir);
      const { spec } = await hubSource(env, hubTokens, { source: input.source, repo: input.repo, revision: input.revision ?? defaultRevision(input.source) });
      return previewDownload({ source: sourceFromSpec(spec), targetDir, include: input.include ?? [] });
    },
    /** At start: every job that was running goes on from the bytes on disk. */
    resumeUnfinished: async (): Promise<number> => {
      const rows = await listUnfinishedDownloads(db);
      for (const row of rows) launch(row);
      return rows.length;
    },
  };
}
