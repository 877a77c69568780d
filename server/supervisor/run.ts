import { EventEmitter } from "node:events";
import path from "node:path";
import type { InstancePhase } from "../../lib/instance-phase";
import type { RunView } from "../../lib/instance-view";
import { parseCauseDetail, type CauseDetail } from "../../lib/cause-detail";
import { describeCauseDetail } from "../../lib/run-cause";
import type { LogDiagnosis } from "../../lib/sglang-log/diagnoser";
import { shownPhase } from "../../lib/sglang-log/phases";
import { bearer, fetchWithDeadline } from "../http/fetch-with-deadline";
import { readLogLayout } from "../logs/log-files";
import type { OutputBuffer, OutputChunk } from "../logs/output-buffer";
import { gpuHoldingPids } from "./gpu-holders";
import { watchLiveness, type LivenessCheck } from "./liveness";
import { isAlive, stopProcessTree, type TreeStopResult } from "./process-tree";
import { HostedPty } from "./pty-host/client";
import type { PtyExit } from "./pty-process";
import { servedModelNameOf, waitForReady } from "./readiness";
import { RunOutput } from "./run-output";
import { Wakeup } from "./sleep";

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
  /** After ready: how often liveness is checked, how long one check may take, failures in a row that make it unresponsive. */
  liveness: { intervalMs: number; timeoutMs: number; failures: number };
  stopGraceMs: number;
  replayBytes: number;
  /** Cap of the run's log (LOG_FILE_MAX_MB); null: no cap. */
  logMaxBytes: number | null;
}

/** What a console that restarted knows of a run it did not start. */
export interface StoredRunState {
  pid: number | null;
  pgid: number | null;
  phase: InstancePhase;
  stage: string | null;
  startedAt: Date;
  readyAt: Date | null;
  stopRequested: boolean;
  cause: string | null;
  causeDetail: string | null;
  causeDetailJson: string | null;
}

/** Why a run failed: its cause, the detail in English (the API, logs) and as structure for the page (null: a row from before). */
export interface RunFailure {
  cause: string;
  detail: string;
  data: CauseDetail | null;
}

export const runFailure = (cause: string, data: CauseDetail): RunFailure => ({ cause, detail: describeCauseDetail(data) ?? "", data });

/** The failure's detail as a run change stores it. */
const storedDetail = (failure: RunFailure | null) => ({ causeDetail: failure?.detail ?? null, causeDetailJson: failure?.data ? JSON.stringify(failure.data) : null });

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
  causeDetailJson?: string | null;
  stopRequested?: boolean;
  servedModelName?: string | null;
}

const LOADING_STAGES = new Set(["load_weights", "kv_cache", "cuda_graph", "http_up", "ready", "serving"]);
/** Lines of the log kept in the cause of an unresponsive run. */
const UNRESPONSIVE_TAIL_LINES = 12;

/**
 * One start of an SGLang server: its pseudo-terminal (held by a detached pty host), its output, its phase,
 * readiness over HTTP, and a stop of its whole process tree. Emits `change` with what to persist and
 * `output` with numbered chunks.
 */
export class SupervisedRun extends EventEmitter<{ change: [RunChange]; output: [OutputChunk] }> {
  phase: InstancePhase = "starting";
  startedAt = new Date();
  readyAt: Date | null = null;
  endedAt: Date | null = null;
  exit: PtyExit | null = null;
  diagnosis: LogDiagnosis | null = null;
  survivors: number[] = [];
  failure: RunFailure | null = null;
  readonly output: RunOutput;
  private readonly abort = new AbortController();
  private readonly readinessWakeup = new Wakeup();
  private pty: HostedPty | null = null;
  private pgid: number | null = null;
  private stopRequested = false;
  private stopping: Promise<TreeStopResult> | null = null;
  /** Settles once the pty host is launched (or failed to): a stop never races the spawn. */
  private launched: Promise<unknown> = Promise.resolve();
  private readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(readonly spec: RunSpec) {
    super();
    this.output = new RunOutput(spec.replayBytes);
    this.finished = new Promise((resolve) => (this.finish = resolve));
  }

  get pid(): number | null {
    return this.pty?.pid ?? null;
  }

  get stage(): string | null {
    return this.output.stage;
  }

  get progress(): RunView["progress"] {
    return this.output.progress;
  }

  get stageTimes(): Record<string, string> {
    return this.output.stageTimes;
  }

  get buffer(): OutputBuffer {
    return this.output.buffer;
  }

  get runDir(): string {
    return path.dirname(this.spec.logPath);
  }

  /** Resolves once the run has ended and its tree is gone. */
  whenFinished(): Promise<void> {
    return this.finished;
  }

  async start(): Promise<void> {
    const launching = HostedPty.launch(this.runDir, this.spec.id, {
      program: this.spec.program,
      argv: this.spec.argv,
      env: this.spec.env,
      cwd: this.spec.cwd,
      logPath: this.spec.logPath,
      logMaxBytes: this.spec.logMaxBytes,
      cols: 160,
      rows: 40,
    });
    this.launched = launching.catch(() => undefined);
    const pty = await launching;
    // node-pty starts the server in a new session, so its pid is its process group too.
    this.wire(pty, pty.pid);
    this.emit("change", { pid: pty.pid, pgid: pty.pid, phase: this.phase });
    if (!this.stopping) void this.watchReadiness();
  }

  /**
   * Takes over a run a previous console started: the log so far is re-read from its file, then the host
   * streams what follows. Returns false when no host answers (the run ended or its host is gone).
   */
  async reattach(stored: StoredRunState): Promise<boolean> {
    const size = readLogLayout(this.spec.logPath).total;
    const pty = await HostedPty.attach(this.runDir, this.spec.id, size);
    if (!pty) return false;
    this.startedAt = stored.startedAt;
    this.readyAt = stored.readyAt;
    this.stopRequested = stored.stopRequested;
    this.phase = stored.phase;
    this.output.stage = stored.stage;
    if ((stored.phase === "unresponsive" || stored.phase === "stopping") && stored.cause) {
      this.failure = { cause: stored.cause, detail: stored.causeDetail ?? "", data: parseCauseDetail(stored.causeDetailJson) };
    }
    this.output.reread(this.spec.logPath, size);
    this.wire(pty, stored.pgid ?? pty.pid);
    if (stored.stopRequested) void this.stop("user");
    // A stop the console began itself (readiness timeout, unresponsive) is finished, its cause kept.
    else if (stored.phase === "stopping") void this.stop("timeout");
    // A server that was ready is watched for liveness again; its readiness deadline has long passed.
    else if (stored.readyAt) void this.resumeServing();
    else void this.watchReadiness();
    return true;
  }

  private wire(pty: HostedPty, pgid: number): void {
    this.pty = pty;
    this.pgid = pgid;
    pty.on("output", (data, offset) => this.onOutput(data, offset));
    pty.on("exit", (exit) => void this.onExit(exit));
  }

  private onOutput(data: string, offset: number): void {
    const taken = this.output.take(data, offset);
    if (!taken) return;
    this.emit("output", taken.chunk);
    if (taken.mayAnswer && this.readyAt === null) this.readinessWakeup.wake();
    const stage = this.output.stage;
    if (this.phase === "starting" && stage !== null && LOADING_STAGES.has(stage)) this.setPhase("loading", { stage });
    else if (taken.stageChanged) this.emit("change", { stage });
    else if (taken.progressChanged) this.emit("change", {});
  }

  private setPhase(phase: InstancePhase, extra: RunChange = {}): void {
    this.phase = phase;
    this.emit("change", { ...extra, phase });
  }

  private async watchReadiness(): Promise<void> {
    const elapsed = Date.now() - this.startedAt.getTime();
    const result = await waitForReady({
      baseUrl: this.spec.baseUrl,
      apiKey: this.spec.apiKey,
      intervalMs: this.spec.readyPollMs,
      wakeup: this.readinessWakeup,
      timeoutMs: Math.max(0, this.spec.readyTimeoutMs - elapsed),
      isAlive: () => this.exit === null,
      signal: this.abort.signal,
    });
    if (result.ready) {
      if (this.stopRequested || this.exit) return;
      this.readyAt ??= new Date();
      this.setPhase("ready", { readyAt: this.readyAt, servedModelName: result.servedModelName });
      void this.watchLiveness();
    } else if (result.reason === "timeout" && !this.stopRequested && !this.exit) {
      const seconds = Math.round(this.spec.readyTimeoutMs / 1000);
      this.failure = runFailure("ready_timeout", { event: { kind: "ready_timeout", seconds } });
      await this.stop("timeout");
    }
  }

  private async resumeServing(): Promise<void> {
    try {
      const models = await fetchWithDeadline(`${this.spec.baseUrl}/v1/models`, { headers: bearer(this.spec.apiKey), timeoutMs: this.spec.liveness.timeoutMs, signal: this.abort.signal });
      if (models.ok) this.emit("change", { servedModelName: servedModelNameOf(models.text) });
    } catch {
      // Liveness decides; the name is only for display and the playground's default model.
    }
    await this.watchLiveness();
  }

  private watchLiveness(): Promise<void> {
    const { intervalMs, timeoutMs } = this.spec.liveness;
    return watchLiveness({ baseUrl: this.spec.baseUrl, apiKey: this.spec.apiKey, intervalMs, timeoutMs, signal: this.abort.signal, onCheck: (check) => this.onLivenessCheck(check) });
  }

  private onLivenessCheck(check: LivenessCheck): void {
    if (this.exit || this.stopping) return;
    if (check.ok && this.phase === "unresponsive") {
      this.failure = null;
      this.setPhase("ready", { cause: null, ...storedDetail(null) });
    } else if (!check.ok && this.phase === "ready" && check.failuresInRow >= this.spec.liveness.failures) {
      const tail = this.output.tail(UNRESPONSIVE_TAIL_LINES);
      this.failure = runFailure("unresponsive", { event: { kind: "unresponsive", failures: check.failuresInRow, last: check.detail, tail } });
      this.setPhase("unresponsive", { cause: this.failure.cause, ...storedDetail(this.failure) });
    }
  }

  /** Stops the whole process tree: TERM to the group, a grace period, KILL, then a check that nothing is left. */
  stop(reason: "user" | "timeout" | "unresponsive" = "user"): Promise<TreeStopResult> {
    if (this.stopping) return this.stopping;
    if (reason === "user") {
      this.stopRequested = true;
      this.emit("change", { stopRequested: true });
    }
    if (!this.exit) this.setPhase("stopping");
    this.abort.abort();
    // A stop asked for while the pty host is still being launched (a policy restart) waits for its pid.
    this.stopping = this.launched.then(() => {
      const pid = this.pty?.pid;
      return pid ? stopProcessTree({ rootPid: pid, pgid: this.pgid, graceMs: this.spec.stopGraceMs }) : { targeted: [], escalated: false, survivors: [] };
    });
    return this.stopping;
  }

  /** The console is going away: stop listening, leave the server and its host running. */
  detach(): void {
    this.abort.abort();
    this.pty?.removeAllListeners();
    this.pty?.detach();
  }

  private async onExit(exit: PtyExit): Promise<void> {
    this.exit = exit;
    this.abort.abort();
    // The launcher is gone; its children may not be (a SIGKILLed launcher, a launcher that exits 0 after a child crash).
    const cleanup = await (this.stopping ?? stopProcessTree({ rootPid: this.pty!.pid, pgid: this.pgid, graceMs: this.spec.stopGraceMs }));
    this.survivors = cleanup.survivors.map((p) => p.pid);
    // Where nvidia-smi exists, also check that no process of the tree still holds GPU memory.
    const holders = await gpuHoldingPids();
    if (holders) {
      for (const proc of cleanup.targeted) {
        if (holders.has(proc.pid) && isAlive(proc) && !this.survivors.includes(proc.pid)) this.survivors.push(proc.pid);
      }
    }
    this.diagnosis = this.output.end();
    this.endedAt = new Date();
    // A server that crashed after its ready line, before a readiness poll saw it, was still serving.
    const wasServing = this.readyAt !== null || this.diagnosis.outcome === "crashed_while_serving";
    const phase: InstancePhase = this.stopRequested ? "stopped" : wasServing ? "crashed" : "failed_start";
    this.failure = this.stopRequested ? null : (this.failure ?? causeFromDiagnosis(this.diagnosis, exit));
    this.setPhase(phase, {
      endedAt: this.endedAt,
      exitCode: exit.exitCode,
      signal: exit.signal,
      cause: this.failure?.cause ?? null,
      ...storedDetail(this.failure),
      stage: shownPhase(this.diagnosis.phase) ?? this.stage,
    });
    this.finish();
  }
}

export function causeFromDiagnosis(diagnosis: LogDiagnosis, exit: PtyExit | null): RunFailure {
  if (diagnosis.cause !== "none") {
    return runFailure(diagnosis.cause, { event: diagnosis.keyLineText ? { kind: "log_line", line: diagnosis.keyLineText } : { kind: "cause_title", cause: diagnosis.cause } });
  }
  return runFailure("other", { event: { kind: "no_cause", exitCode: exit?.signal ? null : (exit?.exitCode ?? null), signal: exit?.signal ?? null } });
}
