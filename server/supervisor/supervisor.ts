import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import path from "node:path";
import { AppError } from "../../lib/errors";
import { isActivePhase, type InstancePhase } from "../../lib/instance-phase";
import type { InstanceView, RunView } from "../../lib/instance-view";
import {
  buildLaunchArgv,
  buildLaunchEnv,
  formatShellCommand,
  launchProfileSchema,
  resolveHostPort,
  validateProfile,
  type LaunchProfile,
  type ModelInfo,
} from "../../lib/launch";
import type { GpuHolder, GpuListing } from "../../lib/launch-context";
import { causeTitle } from "../../lib/run-cause";
import type { OutputChunk } from "../logs/output-buffer";
import type { Db } from "../db/client";
import { createInstance, listInstances, type InstanceRecord } from "../db/instances";
import { createRun, findLatestRun, findRun, updateRun, type RunRecord } from "../db/runs";
import { collectTree, stopProcessTree } from "./process-tree";
import { SupervisedRun, type RunChange } from "./run";
import type { SglangRuntime } from "./sglang-runtime";
import { isPortFree } from "./port";

export interface SupervisorOptions {
  db: Db;
  runtime: SglangRuntime;
  dataDir: string;
  projectRoot: string;
  readyTimeoutMs: number;
  readyPollMs: number;
  stopGraceMs: number;
  replayBytes: number;
  log: (message: string) => void;
  /** The box's GPUs, for launch validation; unknown (no check) when absent or when none is found. */
  listGpus?: () => Promise<GpuListing>;
  /** What a local model path holds, for launch validation. */
  inspectModelPath?: (modelPath: string) => Promise<ModelInfo>;
}

interface ManagedInstance {
  record: InstanceRecord;
  profile: LaunchProfile;
  servedModelName: string | null;
  live: SupervisedRun | null;
  /** The latest run as stored, for instances with no live process. */
  lastRun: RunRecord | null;
}

export interface SupervisorEvents {
  state: [InstanceView];
  output: [{ instanceId: string; runId: string; chunk: OutputChunk }];
}

const BASE_ENV_KEYS = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "HF_HOME", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "TMPDIR"];

/** Owns every instance on this box: launches runs, stops their trees, and publishes their state and output. */
export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly instances = new Map<string, ManagedInstance>();

  constructor(private readonly options: SupervisorOptions) {
    super();
  }

  /** Reads stored instances; runs left active by a previous console are ended and their trees stopped. */
  async load(): Promise<void> {
    for (const record of await listInstances(this.options.db)) {
      let lastRun = await findLatestRun(this.options.db, { instanceId: record.id });
      if (lastRun && isActivePhase(lastRun.phase as InstancePhase)) lastRun = await this.endOrphanedRun(lastRun);
      this.instances.set(record.id, {
        record,
        profile: launchProfileSchema.parse(JSON.parse(record.profileJson)),
        servedModelName: null,
        live: null,
        lastRun,
      });
    }
  }

  private async endOrphanedRun(run: RunRecord): Promise<RunRecord> {
    const alive = run.pid ? collectTree(run.pid, run.pgid) : [];
    if (alive.length > 0) {
      this.options.log(`run ${run.id}: ${alive.length} processes left by a previous console; stopping them`);
      await stopProcessTree({ rootPid: run.pid!, pgid: run.pgid, graceMs: this.options.stopGraceMs });
    }
    return updateRun(this.options.db, {
      id: run.id,
      phase: alive.length > 0 ? "stopped" : "crashed",
      cause: "console_restart",
      causeDetail:
        alive.length > 0
          ? "The console restarted while this server ran; its processes were stopped so none is left holding a GPU."
          : "The server ended while the console was down.",
      endedAt: new Date(),
    });
  }

  list(): InstanceView[] {
    return [...this.instances.values()].map((instance) => this.view(instance));
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
    return {
      baseUrl: this.baseUrl(instance),
      apiKey: apiKeyOf(instance.profile),
      model: instance.servedModelName ?? instance.profile.modelPath,
    };
  }

  async launch(input: unknown, owner: string): Promise<InstanceView> {
    const parsed = launchProfileSchema.safeParse(input);
    if (!parsed.success) throw new AppError("bad_request", { detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    const profile = parsed.data;
    const { host, port } = resolveHostPort(profile);
    await this.checkLaunchable(profile, host, port);
    const record = await createInstance(this.options.db, {
      id: randomUUID(),
      name: profile.name,
      owner,
      profileJson: JSON.stringify(profile),
      simulated: this.options.runtime.simulated,
      host,
      port,
    });
    const instance: ManagedInstance = { record, profile, servedModelName: null, live: null, lastRun: null };
    this.instances.set(record.id, instance);
    await this.startRun(instance);
    return this.view(instance);
  }

  private async checkLaunchable(profile: LaunchProfile, host: string, port: number, exceptId?: string): Promise<void> {
    const portsInUse = [...this.instances.values()]
      .filter((other) => other.record.id !== exceptId && isActivePhase(this.phaseOf(other)))
      .map((other) => ({ port: other.record.port, holder: `instance ${other.record.name} (${other.record.owner})` }));
    const listing = this.options.listGpus ? await this.options.listGpus() : null;
    // No nvidia-smi answer means "unknown", not "zero": the simulator runs on boxes without GPUs.
    const gpus = listing?.ok ? listing.gpus : null;
    const busyGpus = this.gpuHolders(gpus?.length ?? null, exceptId);
    const modelInfo = path.isAbsolute(profile.modelPath) && this.options.inspectModelPath ? await this.options.inspectModelPath(profile.modelPath) : undefined;
    const issues = validateProfile(profile, {
      gpuCount: gpus?.length ?? null,
      ...(gpus ? { gpuMemoryMiB: gpus.map((gpu) => gpu.memoryTotalMiB) } : {}),
      busyGpus,
      portsInUse,
      ...(modelInfo ? { modelInfo } : {}),
    }).filter((issue) => issue.severity === "error");
    if (issues.length === 0 && !(await isPortFree(host, port))) {
      issues.push({ field: "--port", severity: "error", code: "port_busy", message: `Port ${port} on ${host} is already taken by another program: choose another --port.` });
    }
    if (issues.length > 0) {
      throw new AppError("validation_failed", { detail: issues.map((issue) => issue.message).join(" ") }, { details: { issues } });
    }
  }

  /** GPUs held by active instances: their profile's gpuIds, or every GPU (when the count is known) for a profile without. */
  gpuHolders(gpuCount: number | null, exceptId?: string): GpuHolder[] {
    const holders: GpuHolder[] = [];
    for (const instance of this.instances.values()) {
      if (instance.record.id === exceptId || !isActivePhase(this.phaseOf(instance))) continue;
      const ids = instance.profile.gpuIds ?? (gpuCount === null ? [] : Array.from({ length: gpuCount }, (_, i) => i));
      for (const gpu of ids) holders.push({ gpu, instanceId: instance.record.id, holder: `instance ${instance.record.name} (${instance.record.owner})` });
    }
    return holders;
  }

  async stop(instanceId: string): Promise<InstanceView> {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new AppError("instance_not_found", { id: instanceId });
    const live = instance.live;
    if (!live || !isActivePhase(live.phase)) throw new AppError("instance_not_running", { name: instance.record.name, phase: this.phaseOf(instance) });
    await live.stop("user");
    await live.whenFinished();
    return this.view(instance);
  }

  async restart(instanceId: string): Promise<InstanceView> {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new AppError("instance_not_found", { id: instanceId });
    if (instance.live && isActivePhase(instance.live.phase)) {
      await instance.live.stop("user");
      await instance.live.whenFinished();
    }
    const { host, port } = resolveHostPort(instance.profile);
    await this.checkLaunchable(instance.profile, host, port, instance.record.id);
    await this.startRun(instance);
    return this.view(instance);
  }

  /** Stops every active run (console shutdown while it still owns the pseudo-terminals). */
  async stopAll(): Promise<void> {
    const live = [...this.instances.values()].map((i) => i.live).filter((run): run is SupervisedRun => !!run && isActivePhase(run.phase));
    await Promise.all(live.map(async (run) => (await run.stop("shutdown"), await run.whenFinished())));
  }

  private baseUrl(instance: ManagedInstance): string {
    const host = instance.record.host === "0.0.0.0" ? "127.0.0.1" : instance.record.host;
    return `http://${host.includes(":") ? `[${host}]` : host}:${instance.record.port}`;
  }

  private async startRun(instance: ManagedInstance): Promise<void> {
    const runId = randomUUID();
    const { runtime } = this.options;
    const argv = buildLaunchArgv(instance.profile);
    const profileEnv = buildLaunchEnv(instance.profile);
    const env: Record<string, string> = {};
    for (const key of BASE_ENV_KEYS) if (process.env[key]) env[key] = process.env[key]!;
    for (const [key, value] of Object.entries(process.env)) if (key.startsWith("SGLANG_") && value) env[key] = value;
    Object.assign(env, runtime.env, profileEnv, { TERM: "xterm-256color", PYTHONUNBUFFERED: "1" });
    const logPath = path.join(this.options.dataDir, "runs", runId, "output.log");
    const run = new SupervisedRun({
      id: runId,
      instanceId: instance.record.id,
      program: runtime.python,
      argv,
      env,
      commandLine: formatShellCommand({ env: profileEnv, program: runtime.python, argv }, { multiline: false }),
      cwd: this.options.projectRoot,
      logPath,
      baseUrl: this.baseUrl(instance),
      apiKey: apiKeyOf(instance.profile),
      readyTimeoutMs: this.options.readyTimeoutMs,
      readyPollMs: this.options.readyPollMs,
      stopGraceMs: this.options.stopGraceMs,
      replayBytes: this.options.replayBytes,
    });
    instance.lastRun = await createRun(this.options.db, {
      id: runId,
      instanceId: instance.record.id,
      program: runtime.python,
      argvJson: JSON.stringify(argv),
      envJson: JSON.stringify(profileEnv),
      port: instance.record.port,
      phase: "starting",
      logPath,
    });
    instance.live = run;
    instance.servedModelName = null;
    run.on("output", (chunk) => this.emit("output", { instanceId: instance.record.id, runId, chunk }));
    run.on("change", (change) => void this.onRunChange(instance, run, change));
    run.start();
  }

  private async onRunChange(instance: ManagedInstance, run: SupervisedRun, change: RunChange): Promise<void> {
    if (change.servedModelName !== undefined) instance.servedModelName = change.servedModelName;
    this.emit("state", this.view(instance));
    const { servedModelName: _ignored, ...stored } = change;
    if (Object.keys(stored).length === 0) return;
    try {
      instance.lastRun = await updateRun(this.options.db, { id: run.spec.id, ...stored });
    } catch (error) {
      this.options.log(`run ${run.spec.id}: could not store ${JSON.stringify(stored)}: ${String(error)}`);
    }
  }

  private phaseOf(instance: ManagedInstance): InstancePhase {
    return instance.live?.phase ?? (instance.lastRun?.phase as InstancePhase | undefined) ?? "stopped";
  }

  private view(instance: ManagedInstance): InstanceView {
    const { record, profile } = instance;
    return {
      id: record.id,
      name: record.name,
      owner: record.owner,
      simulated: record.simulated,
      host: record.host,
      port: record.port,
      modelPath: profile.modelPath,
      servedModelName: instance.servedModelName,
      createdAt: record.createdAt.toISOString(),
      phase: this.phaseOf(instance),
      run: instance.live ? liveRunView(instance.live) : instance.lastRun ? storedRunView(instance.lastRun) : null,
    };
  }
}

function apiKeyOf(profile: LaunchProfile): string | null {
  const key = profile.flags["--api-key"];
  return typeof key === "string" && key ? key : null;
}

function liveRunView(run: SupervisedRun): RunView {
  const failure = run.failure;
  return {
    id: run.spec.id,
    phase: run.phase,
    stage: run.stage,
    progress: run.phase === "loading" || run.phase === "starting" ? run.progress : null,
    pid: run.pid,
    program: run.spec.program,
    argv: run.spec.argv,
    commandLine: run.spec.commandLine,
    cause: failure?.cause ?? null,
    causeTitle: failure ? causeTitle(failure.cause) : null,
    causeDetail: failure?.detail ?? null,
    keyLines: failure && run.diagnosis ? run.diagnosis.keyLines : [],
    advice: failure && run.diagnosis ? run.diagnosis.advice : [],
    exitCode: run.exit?.exitCode ?? null,
    signal: run.exit?.signal ?? null,
    startedAt: run.startedAt.toISOString(),
    readyAt: run.readyAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    survivors: run.survivors,
  };
}

function storedRunView(run: RunRecord): RunView {
  const argv = JSON.parse(run.argvJson) as string[];
  return {
    id: run.id,
    phase: run.phase as InstancePhase,
    stage: run.stage,
    progress: null,
    pid: run.pid,
    program: run.program,
    argv,
    commandLine: formatShellCommand({ env: JSON.parse(run.envJson) as Record<string, string>, program: run.program, argv }, { multiline: false }),
    cause: run.cause,
    causeTitle: run.cause ? causeTitle(run.cause) : null,
    causeDetail: run.causeDetail,
    keyLines: [],
    advice: [],
    exitCode: run.exitCode,
    signal: run.signal,
    startedAt: run.startedAt.toISOString(),
    readyAt: run.readyAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    survivors: [],
  };
}
