import { EventEmitter } from "node:events";
import type { InstancePhase } from "../../lib/instance-phase";
import type { RunView } from "../../lib/instance-view";
import { createLogDiagnoser, type LogDiagnosis, type LogDiagnoser } from "../../lib/sglang-log/diagnoser";
import { OutputBuffer, type OutputChunk } from "../logs/output-buffer";
import { stopProcessTree, readProc, type TreeStopResult } from "./process-tree";
import { PtyProcess, type PtyExit } from "./pty-process";
import { waitForReady } from "./readiness";

export interface RunSpec {
  id: string;
  instanceId: string;
  program: string;
  argv: string[];
  env: Record<string, string>;
  commandLine: string;
  cwd: string;
  logPath: string;
  baseUrl: string;
  apiKey: string | null;
  readyTimeoutMs: number;
  readyPollMs: number;
  stopGraceMs: number;
  replayBytes: number;
}

export interface RunChange {
  phase?: InstancePhase;
  stage?: string | null;
  pid?: number;
  pgid?: number | null;
  readyAt?: Date;
  endedAt?: Date;
  exitCode?: number | null;
  signal?: string | null;
  cause?: string | null;
  causeDetail?: string | null;
  servedModelName?: string | null;
}

const LOADING_STAGES = new Set(["load_weights", "kv_cache", "cuda_graph", "http_up", "ready", "serving"]);

/**
 * One start of an SGLang server: its pseudo-terminal, its output, its phase, readiness over HTTP, and a
 * stop of its whole process tree. Emits `change` with what to persist and `output` with numbered chunks.
 */
export class SupervisedRun extends EventEmitter<{ change: [RunChange]; output: [OutputChunk] }> {
  phase: InstancePhase = "starting";
  stage: string | null = null;
  progress: RunView["progress"] = null;
  readyAt: Date | null = null;
  endedAt: Date | null = null;
  exit: PtyExit | null = null;
  diagnosis: LogDiagnosis | null = null;
  survivors: number[] = [];
  readonly startedAt = new Date();
  readonly buffer: OutputBuffer;
  private readonly diagnoser: LogDiagnoser;
  private readonly abort = new AbortController();
  private proc: PtyProcess | null = null;
  private pgid: number | null = null;
  private stopRequested = false;
  private stopping: Promise<TreeStopResult> | null = null;
  private readonly finished: Promise<void>;
  private finish!: () => void;
  failure: { cause: string; detail: string } | null = null;

  constructor(readonly spec: RunSpec) {
    super();
    this.buffer = new OutputBuffer(spec.replayBytes);
    this.diagnoser = createLogDiagnoser();
    this.finished = new Promise((resolve) => (this.finish = resolve));
  }

  get pid(): number | null {
    return this.proc?.pid ?? null;
  }

  /** Resolves once the run has ended and its tree is gone. */
  whenFinished(): Promise<void> {
    return this.finished;
  }

  start(): void {
    const proc = new PtyProcess({
      program: this.spec.program,
      argv: this.spec.argv,
      env: this.spec.env,
      cwd: this.spec.cwd,
      logPath: this.spec.logPath,
    });
    this.proc = proc;
    // node-pty starts the child in a new session, so it leads its own process group.
    this.pgid = readProc(proc.pid)?.pgid ?? proc.pid;
    proc.on("output", (data) => this.onOutput(data));
    proc.on("exit", (exit) => void this.onExit(exit));
    this.emit("change", { pid: proc.pid, pgid: this.pgid, phase: "starting" });
    void this.watchReadiness();
  }

  private onOutput(data: string): void {
    this.emit("output", this.buffer.append(data));
    this.diagnoser.push(data);
    const snapshot = this.diagnoser.snapshot();
    const progress = snapshot.progress ? { label: snapshot.progress.label, percent: Math.round(snapshot.progress.percent) } : null;
    const stageChanged = snapshot.phase !== this.stage;
    const progressChanged = progress?.percent !== this.progress?.percent || progress?.label !== this.progress?.label;
    this.stage = snapshot.phase;
    this.progress = progress;
    if (this.phase === "starting" && LOADING_STAGES.has(snapshot.phase)) this.setPhase("loading", { stage: snapshot.phase });
    else if (stageChanged) this.emit("change", { stage: snapshot.phase });
    else if (progressChanged) this.emit("change", {});
  }

  private setPhase(phase: InstancePhase, extra: RunChange = {}): void {
    this.phase = phase;
    this.emit("change", { ...extra, phase });
  }

  private async watchReadiness(): Promise<void> {
    const result = await waitForReady({
      baseUrl: this.spec.baseUrl,
      apiKey: this.spec.apiKey,
      intervalMs: this.spec.readyPollMs,
      timeoutMs: this.spec.readyTimeoutMs,
      isAlive: () => this.exit === null,
      signal: this.abort.signal,
    });
    if (result.ready) {
      if (this.stopRequested || this.exit) return;
      this.readyAt = new Date();
      this.setPhase("ready", { readyAt: this.readyAt, servedModelName: result.servedModelName });
    } else if (result.reason === "timeout" && !this.stopRequested) {
      const seconds = Math.round(this.spec.readyTimeoutMs / 1000);
      this.failure = {
        cause: "ready_timeout",
        detail: `The server did not answer /health within ${seconds} s (readiness timeout); it was stopped.`,
      };
      await this.stop("timeout");
    }
  }

  /** Stops the whole process tree: TERM to the group, a grace period, KILL, then a check that nothing is left. */
  stop(reason: "user" | "timeout" | "shutdown" = "user"): Promise<TreeStopResult> {
    if (this.stopping) return this.stopping;
    if (reason === "user" || reason === "shutdown") this.stopRequested = true;
    if (!this.exit) this.setPhase("stopping");
    this.abort.abort();
    const pid = this.proc?.pid;
    this.stopping = pid
      ? stopProcessTree({ rootPid: pid, pgid: this.pgid, graceMs: this.spec.stopGraceMs })
      : Promise.resolve({ targeted: [], escalated: false, survivors: [] });
    return this.stopping;
  }

  private async onExit(exit: PtyExit): Promise<void> {
    this.exit = exit;
    this.abort.abort();
    // The launcher is gone; its children may not be (SIGKILLed launcher, a launcher that exits 0 after a child crash).
    const cleanup = await (this.stopping ?? stopProcessTree({ rootPid: this.proc!.pid, pgid: this.pgid, graceMs: this.spec.stopGraceMs }));
    this.survivors = cleanup.survivors.map((p) => p.pid);
    this.diagnosis = this.diagnoser.end();
    this.endedAt = new Date();
    const phase: InstancePhase = this.stopRequested ? "stopped" : this.readyAt ? "crashed" : "failed_start";
    const failure = this.stopRequested ? null : (this.failure ?? this.causeFromDiagnosis(this.diagnosis, exit));
    this.failure = failure;
    this.setPhase(phase, {
      endedAt: this.endedAt,
      exitCode: exit.exitCode,
      signal: exit.signal,
      cause: failure?.cause ?? null,
      causeDetail: failure?.detail ?? null,
      stage: this.diagnosis.phase,
    });
    this.finish();
  }

  private causeFromDiagnosis(diagnosis: LogDiagnosis, exit: PtyExit): { cause: string; detail: string } {
    if (diagnosis.cause !== "none") {
      return { cause: diagnosis.cause, detail: diagnosis.keyLineText ?? diagnosis.causeTitle };
    }
    const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.exitCode}`;
    return { cause: "other", detail: `The server ${how}; its output names no cause.` };
  }
}
