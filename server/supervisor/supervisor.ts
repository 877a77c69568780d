import { randomUUID } from "node:crypto";
import { maskArgvSecrets, maskEnv } from "../../lib/secrets";
import { EventEmitter } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../lib/errors";
import { isActivePhase, type InstancePhase } from "../../lib/instance-phase";
import type { InstanceView, RunSummary } from "../../lib/instance-view";
import {
  buildLaunchArgv,
  buildLaunchEnv,
  formatShellCommand,
  launchProfileSchema,
  resolveHostPort,
  type LaunchRequest,
  type LaunchProfile,
  type ModelInfo,
  type GpuHolder,
  type GpuListing,
  type PortHolder,
  type ServerEnvBase,
} from "../../lib/launch";
import { decideRestart, supervisionSchema, type EndedRun, type Supervision } from "../../lib/supervision";
import { buildServerEnv, envRecord, inheritableEnv } from "../../lib/server-env";
import type { Db } from "../db/client";
import { createInstance, deleteInstance, listInstances, type InstanceRecord } from "../db/instances";
import { createRun, findLatestRun, findRun, listRuns, updateRun, type RunRecord } from "../db/runs";
import { CONSOLE_ENV_NAMES } from "../env";
import type { OutputChunk } from "../logs/output-buffer";
import { endDeadRun } from "./end-dead-run";
import { portHolders } from "./conflicts";
import { checkLaunchable, gpuHolders, type ActiveInstance } from "./launch-admission";
import { SupervisedRun, type RunChange } from "./run";
import { liveRunView, storedRunView, summarizeRun } from "./run-views";
import type { SglangRuntime } from "./sglang-runtime";

export interface SupervisorOptions {
  db: Db;
  runtime: SglangRuntime;
  dataDir: string;
  projectRoot: string;
  readyPollMs: number;
  stopGraceMs: number;
  replayBytes: number;
  /** Cap of each run's log (LOG_FILE_MAX_MB); null: no cap. */
  logMaxBytes: number | null;
  /** Log files kept per instance; older runs keep their history row, not their log. */
  runLogRetention: number;
  defaultSupervision: Supervision;
  log: (message: string) => void;
  /** The box's GPUs, for launch validation; unknown (no check) when absent or when none is found. */
  listGpus?: () => Promise<GpuListing>;
  /** What a local model path holds, for launch validation. */
  inspectModelPath?: (modelPath: string) => Promise<ModelInfo>;
  /** A user's display name, for owners in views and messages. */
  nameOf?: (userId: string) => string;
}

interface ManagedInstance {
  record: InstanceRecord;
  profile: LaunchProfile;
  supervision: Supervision;
  servedModelName: string | null;
  live: SupervisedRun | null;
  /** The latest run as stored, for instances with no live process. */
  lastRun: RunRecord | null;
  restart: { attempt: number; timer: NodeJS.Timeout | null; nextAt: Date | null; gaveUp: string | null };
}

export interface SupervisorEvents {
  state: [InstanceView];
  output: [{ instanceId: string; runId: string; chunk: OutputChunk }];
}

/** What the gateway routes a request by. */
export interface InstanceRoute {
  id: string;
  name: string;
  owner: string;
  phase: InstancePhase;
  servedModelName: string | null;
  modelPath: string;
}

/** Owns every instance on this box: launches runs, stops their trees, restarts on failure, publishes state and output. */
export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly instances = new Map<string, ManagedInstance>();

  constructor(private readonly options: SupervisorOptions) {
    super();
  }

  /** Reads stored instances. Runs a previous console left running are taken over through their pty hosts. */
  async load(): Promise<void> {
    for (const record of await listInstances(this.options.db)) {
      const instance: ManagedInstance = {
        record,
        profile: launchProfileSchema.parse(JSON.parse(record.profileJson)),
        supervision: supervisionSchema.parse(JSON.parse(record.supervisionJson)),
        servedModelName: null,
        live: null,
        lastRun: await findLatestRun(this.options.db, { instanceId: record.id }),
        restart: { attempt: 0, timer: null, nextAt: null, gaveUp: null },
      };
      this.instances.set(record.id, instance);
      const stored = instance.lastRun;
      if (!stored || !isActivePhase(stored.phase as InstancePhase)) continue;
      const run = this.createRun(instance, stored.id, JSON.parse(stored.argvJson) as string[], {}, stored.logPath, stored.program);
      const taken = await run.reattach({
        pid: stored.pid,
        pgid: stored.pgid,
        phase: stored.phase as InstancePhase,
        stage: stored.stage,
        startedAt: stored.startedAt,
        readyAt: stored.readyAt,
        stopRequested: stored.stopRequested,
        cause: stored.cause,
        causeDetail: stored.causeDetail,
        causeDetailJson: stored.causeDetailJson,
      });
      if (taken) {
        this.options.log(`run ${stored.id} of ${record.name}: taken over (pid ${run.pid}, ${stored.phase})`);
        this.adopt(instance, run);
        if (run.phase === "unresponsive") this.onUnresponsive(instance, run);
      } else {
        instance.lastRun = await endDeadRun(this.options.db, stored, this.options.stopGraceMs);
        this.options.log(`run ${stored.id} of ${record.name}: ended while the console was down (${instance.lastRun.phase})`);
      }
    }
    // A restart the policy had scheduled (or would have) is not lost with the console that scheduled it.
    for (const instance of this.instances.values()) {
      const last = instance.lastRun;
      if (instance.live || !last || last.stopRequested) continue;
      this.applyRestartPolicy(instance, { phase: last.phase as InstancePhase, startedAt: last.startedAt, endedAt: last.endedAt ?? last.startedAt, attempt: last.attempt, stopRequested: false });
    }
  }

  list(): InstanceView[] {
    return [...this.instances.values()].map((instance) => this.view(instance));
  }

  /** Each instance's names, owner and phase: what a request is routed by, without building whole views. */
  listRoutes(): InstanceRoute[] {
    return [...this.instances.values()].map((instance) => ({
      id: instance.record.id,
      name: instance.record.name,
      owner: instance.record.owner,
      phase: this.phaseOf(instance),
      servedModelName: instance.servedModelName,
      modelPath: instance.profile.modelPath,
    }));
  }

  get(instanceId: string): InstanceView | null {
    const instance = this.instances.get(instanceId);
    return instance ? this.view(instance) : null;
  }

  getOrThrow(instanceId: string): InstanceView {
    const view = this.get(instanceId);
    if (!view) throw new AppError("instance_not_found", { id: instanceId });
    return view;
  }

  async runs(instanceId: string): Promise<RunSummary[]> {
    this.getOrThrow(instanceId);
    return (await listRuns(this.options.db, { instanceId })).map((run) => summarizeRun(run, (userId) => this.ownerName(userId)));
  }

  /** Recent output of the instance's current run, after `afterSeq`. */
  replay(instanceId: string, afterSeq: number): { runId: string | null; chunks: OutputChunk[]; gap: boolean } {
    const live = this.instances.get(instanceId)?.live;
    if (!live) return { runId: null, chunks: [], gap: false };
    return { runId: live.spec.id, ...live.buffer.since(afterSeq) };
  }

  /** The log file of one of the instance's runs, or null when the run is not the instance's. */
  async logPathOf(instanceId: string, runId: string): Promise<string | null> {
    const run = await findRun(this.options.db, { id: runId });
    return run && run.instanceId === instanceId ? run.logPath : null;
  }

  /** The address and key the console uses to talk to a ready instance (never sent to browsers). */
  endpointOf(instanceId: string): { baseUrl: string; apiKey: string | null; model: string } {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new AppError("instance_not_found", { id: instanceId });
    const phase = this.phaseOf(instance);
    if (phase !== "ready") throw new AppError("instance_not_ready", { name: instance.record.name, phase });
    return { baseUrl: this.baseUrl(instance.record), apiKey: apiKeyOf(instance.profile), model: instance.servedModelName ?? instance.profile.modelPath };
  }

  async launch(request: LaunchRequest, owner: string): Promise<InstanceView> {
    const { profile } = request;
    const supervision: Supervision = { ...this.options.defaultSupervision, ...request.supervision };
    const { host, port } = resolveHostPort(profile);
    await checkLaunchable(profile, this.activeInstances(), { ...this.options, installedFlags: this.options.runtime.flags });
    const record = await createInstance(this.options.db, {
      id: randomUUID(),
      name: profile.name,
      owner,
      profileJson: JSON.stringify(profile),
      supervisionJson: JSON.stringify(supervision),
      simulated: this.options.runtime.simulated,
      host,
      port,
    });
    const instance: ManagedInstance = {
      record,
      profile,
      supervision,
      servedModelName: null,
      live: null,
      lastRun: null,
      restart: { attempt: 0, timer: null, nextAt: null, gaveUp: null },
    };
    this.instances.set(record.id, instance);
    await this.startRun(instance, owner, 0);
    return this.view(instance);
  }

  private activeInstances(exceptId?: string): ActiveInstance[] {
    return [...this.instances.values()]
      .filter((other) => other.record.id !== exceptId && isActivePhase(this.phaseOf(other)))
      .map((other) => ({ id: other.record.id, name: other.record.name, owner: this.ownerName(other.record.owner), host: other.record.host, port: other.record.port, gpuIds: other.profile.gpuIds }));
  }

  /** What every launch's environment starts from, with secret-looking values masked (for the launch page). */
  serverEnvBase(): ServerEnvBase {
    return { inherited: maskEnv(inheritableEnv(process.env, CONSOLE_ENV_NAMES)), runtime: maskEnv(this.options.runtime.env) };
  }

  /** GPUs held by active instances (for the launch page). */
  gpuHolders(gpuCount: number | null): GpuHolder[] {
    return gpuHolders(this.activeInstances(), gpuCount);
  }

  /** Ports of active instances (for the launch page). */
  portHolders(): PortHolder[] {
    return portHolders(this.activeInstances());
  }

  async stop(instanceId: string): Promise<InstanceView> {
    const instance = this.instanceOrThrow(instanceId);
    const hadPendingRestart = this.cancelRestart(instance);
    const live = instance.live;
    if (!live || !isActivePhase(live.phase)) {
      if (hadPendingRestart) {
        // Recorded on the ended run, so that the next console start does not schedule the restart again.
        if (instance.lastRun) instance.lastRun = await updateRun(this.options.db, { id: instance.lastRun.id, stopRequested: true });
        return this.publish(instance);
      }
      throw new AppError("instance_not_running", { name: instance.record.name, phase: this.phaseOf(instance) });
    }
    await live.stop("user");
    await live.whenFinished();
    return this.view(instance);
  }

  async restart(instanceId: string, actorId: string): Promise<InstanceView> {
    const instance = this.instanceOrThrow(instanceId);
    this.cancelRestart(instance);
    if (instance.live && isActivePhase(instance.live.phase)) {
      await instance.live.stop("user");
      await instance.live.whenFinished();
    }
    await checkLaunchable(instance.profile, this.activeInstances(instance.record.id), { ...this.options, installedFlags: this.options.runtime.flags });
    await this.startRun(instance, actorId, 0);
    return this.view(instance);
  }

  /** Deletes a stopped instance with its run history and logs; a running one must be stopped first. */
  async remove(instanceId: string): Promise<InstanceView> {
    const instance = this.instanceOrThrow(instanceId);
    const phase = this.phaseOf(instance);
    if (isActivePhase(phase)) throw new AppError("instance_busy", { name: instance.record.name, phase: `${phase}: stop it before deleting it` });
    this.cancelRestart(instance);
    const view = this.view(instance);
    const runs = await listRuns(this.options.db, { instanceId });
    await deleteInstance(this.options.db, { id: instanceId });
    this.instances.delete(instanceId);
    for (const run of runs) fs.rmSync(path.dirname(run.logPath), { recursive: true, force: true });
    return view;
  }

  /** The console is going away: servers keep running under their pty hosts and are taken over at the next start. */
  detachAll(): void {
    for (const instance of this.instances.values()) {
      this.cancelRestart(instance);
      instance.live?.removeAllListeners();
      instance.live?.detach();
    }
  }

  private instanceOrThrow(instanceId: string): ManagedInstance {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new AppError("instance_not_found", { id: instanceId });
    return instance;
  }

  private cancelRestart(instance: ManagedInstance): boolean {
    const pending = instance.restart.timer !== null;
    if (instance.restart.timer) clearTimeout(instance.restart.timer);
    instance.restart = { attempt: 0, timer: null, nextAt: null, gaveUp: null };
    return pending;
  }

  private baseUrl(record: InstanceRecord): string {
    const host = record.host === "0.0.0.0" ? "127.0.0.1" : record.host === "::" ? "::1" : record.host;
    return `http://${host.includes(":") ? `[${host}]` : host}:${record.port}`;
  }

  private createRun(instance: ManagedInstance, runId: string, argv: string[], env: Record<string, string>, logPath: string, program: string): SupervisedRun {
    return new SupervisedRun({
      id: runId,
      instanceId: instance.record.id,
      program,
      argv,
      env,
      commandLine: formatShellCommand({ env: maskEnv(buildLaunchEnv(instance.profile)), program, argv: maskArgvSecrets(argv) }, { multiline: false }),
      cwd: this.options.projectRoot,
      logPath,
      baseUrl: this.baseUrl(instance.record),
      apiKey: apiKeyOf(instance.profile),
      readyTimeoutMs: instance.supervision.readyTimeoutS * 1000,
      readyPollMs: this.options.readyPollMs,
      liveness: {
        intervalMs: instance.supervision.livenessIntervalS * 1000,
        timeoutMs: instance.supervision.livenessTimeoutS * 1000,
        failures: instance.supervision.livenessFailures,
      },
      stopGraceMs: this.options.stopGraceMs,
      replayBytes: this.options.replayBytes,
      logMaxBytes: this.options.logMaxBytes,
    });
  }

  private async startRun(instance: ManagedInstance, startedBy: string, attempt: number): Promise<void> {
    const runId = randomUUID();
    const { runtime } = this.options;
    const argv = buildLaunchArgv(instance.profile);
    const profileEnv = buildLaunchEnv(instance.profile);
    const env = envRecord(buildServerEnv({ inherited: inheritableEnv(process.env, CONSOLE_ENV_NAMES), runtime: runtime.env, profile: profileEnv, bindHost: instance.record.host }));
    const logPath = path.join(this.options.dataDir, "runs", runId, "output.log");
    const run = this.createRun(instance, runId, argv, env, logPath, runtime.python);
    instance.lastRun = await createRun(this.options.db, {
      id: runId,
      instanceId: instance.record.id,
      program: runtime.python,
      argvJson: JSON.stringify(argv),
      envJson: JSON.stringify(profileEnv),
      port: instance.record.port,
      phase: "starting",
      logPath,
      startedBy,
      attempt,
      profileJson: JSON.stringify(instance.profile),
    });
    instance.servedModelName = null;
    this.adopt(instance, run);
    try {
      await run.start();
    } catch (error) {
      instance.live = null;
      instance.lastRun = await updateRun(this.options.db, { id: runId, phase: "failed_start", cause: "other", causeDetail: String(error), endedAt: new Date() });
      this.publish(instance);
      throw error;
    }
    void this.pruneOldLogs(instance.record.id);
  }

  private adopt(instance: ManagedInstance, run: SupervisedRun): void {
    instance.live = run;
    run.on("output", (chunk) => this.emit("output", { instanceId: instance.record.id, runId: run.spec.id, chunk }));
    run.on("change", (change) => void this.onRunChange(instance, run, change));
    void run.whenFinished().then(() => this.onRunFinished(instance, run));
  }

  private async onRunChange(instance: ManagedInstance, run: SupervisedRun, change: RunChange): Promise<void> {
    if (change.servedModelName !== undefined) instance.servedModelName = change.servedModelName;
    this.publish(instance);
    if (change.phase === "unresponsive") this.onUnresponsive(instance, run);
    const { servedModelName: _ignored, ...stored } = change;
    if (Object.keys(stored).length === 0) return;
    try {
      const updated = await updateRun(this.options.db, { id: run.spec.id, ...stored });
      if (instance.lastRun?.id === run.spec.id) instance.lastRun = updated;
    } catch (error) {
      this.options.log(`run ${run.spec.id}: could not store ${JSON.stringify(stored)}: ${String(error)}`);
    }
  }

  private onRunFinished(instance: ManagedInstance, run: SupervisedRun): void {
    if (instance.live !== run) return;
    this.applyRestartPolicy(instance, { phase: run.phase, startedAt: run.startedAt, endedAt: run.endedAt ?? new Date(), attempt: instance.restart.attempt, stopRequested: false });
  }

  /** A server that stopped answering is a failure to the policy: its tree is stopped, and the ended run decides. */
  private onUnresponsive(instance: ManagedInstance, run: SupervisedRun): void {
    const now = new Date();
    const decision = decideRestart({ phase: "unresponsive", startedAt: run.startedAt, endedAt: now, attempt: instance.restart.attempt, stopRequested: false }, instance.supervision, now);
    this.options.log(`${instance.record.name}: unresponsive (${run.failure?.detail.split("\n")[0] ?? "liveness checks failed"})${decision.action === "none" ? "" : "; stopping it for the restart policy"}`);
    if (decision.action !== "none") void run.stop("unresponsive");
  }

  /** Applies `decideRestart` to a run that ended (`attempt`: the ended run's, 0 when a person started it). */
  private applyRestartPolicy(instance: ManagedInstance, ended: EndedRun): void {
    const decision = decideRestart(ended, instance.supervision, new Date());
    if (decision.action === "none") return;
    if (decision.action === "give_up") {
      instance.restart = { attempt: decision.attempt, timer: null, nextAt: null, gaveUp: decision.reason };
      this.options.log(`${instance.record.name}: crash loop, not restarting`);
      this.publish(instance);
      return;
    }
    const timer = setTimeout(() => {
      instance.restart.timer = null;
      instance.restart.nextAt = null;
      void this.startRun(instance, "restart-policy", decision.attempt).catch((error) => this.options.log(`${instance.record.name}: restart failed: ${String(error)}`));
    }, decision.at.getTime() - Date.now());
    instance.restart = { attempt: decision.attempt, timer, nextAt: decision.at, gaveUp: null };
    this.publish(instance);
  }

  private async pruneOldLogs(instanceId: string): Promise<void> {
    const runs = await listRuns(this.options.db, { instanceId });
    for (const old of runs.slice(this.options.runLogRetention)) {
      fs.rmSync(path.dirname(old.logPath), { recursive: true, force: true });
    }
  }

  private publish(instance: ManagedInstance): InstanceView {
    const view = this.view(instance);
    this.emit("state", view);
    return view;
  }

  private ownerName(userId: string): string {
    return this.options.nameOf?.(userId) ?? userId;
  }

  /** Rows made before accounts (owner "local") belong to the first administrator once there is one. */
  transferOwnership(from: string, to: string): void {
    for (const instance of this.instances.values()) {
      if (instance.record.owner === from) instance.record = { ...instance.record, owner: to };
    }
  }

  private phaseOf(instance: ManagedInstance): InstancePhase {
    return instance.live?.phase ?? (instance.lastRun?.phase as InstancePhase | undefined) ?? "stopped";
  }

  private view(instance: ManagedInstance): InstanceView {
    const { record, profile, restart } = instance;
    return {
      id: record.id,
      name: record.name,
      owner: record.owner,
      ownerName: this.ownerName(record.owner),
      simulated: record.simulated,
      host: record.host,
      port: record.port,
      modelPath: profile.modelPath,
      servedModelName: instance.servedModelName,
      createdAt: record.createdAt.toISOString(),
      phase: this.phaseOf(instance),
      run: instance.live ? liveRunView(instance.live) : instance.lastRun ? storedRunView(instance.lastRun) : null,
      supervision: instance.supervision,
      restart: { attempt: restart.attempt, nextAt: restart.nextAt?.toISOString() ?? null, gaveUp: restart.gaveUp },
    };
  }
}

function apiKeyOf(profile: LaunchProfile): string | null {
  const key = profile.flags["--api-key"];
  return typeof key === "string" && key ? key : null;
}
