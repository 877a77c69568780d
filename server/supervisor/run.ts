import { EventEmitter } from "node:events";
import path from "node:path";
import type { InstancePhase } from "../../lib/instance-phase";
import type { RunView } from "../../lib/instance-view";
import { createLogDiagnoser, type LogDiagnosis, type LogDiagnoser } from "../../lib/sglang-log/diagnoser";
import { shownPhase } from "../../lib/sglang-log/phases";
import { readLogBlocks, readLogLayout } from "../logs/log-files";
import { OutputBuffer, type OutputChunk } from "../logs/output-buffer";
import { gpuHoldingPids } from "./gpu-holders";
import { isAlive, stopProcessTree, type TreeStopResult } from "./process-tree";
import { HostedPty } from "./pty-host/client";
import type { PtyExit } from "./pty-process";
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
  stopRequested?: boolean;
  servedModelName?: string | null;
}

const LOADING_STAGES = new Set(["load_weights", "kv_cache", "cuda_graph", "http_up", "ready", "serving"]);
/** On reattach, the classifier re-reads at most this much of the log to recover the stage and facts. */
const REREAD_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * One start of an SGLang server: its pseudo-terminal (held by a detached pty host), its output, its phase,
 * readiness over HTTP, and a stop of its whole process tree. Emits `change` with what to persist and
 * `output` with numbered chunks.
 */
export class SupervisedRun extends EventEmitter<{ change: [RunChange]; output: [OutputChunk] }> {
  phase: InstancePhase = "starting";
  stage: string | null = null;
  progress: RunView["progress"] = null;
  startedAt = new Date();
  readyAt: Date | null = null;
  endedAt: Date | null = null;
  exit: PtyExit | null = null;
  diagnosis: LogDiagnosis | null = null;
  survivors: number[] = [];
  failure: { cause: string; detail: string } | null = null;
  /** When each startup stage began, as SGLang's output showed it. */
  readonly stageTimes: Record<string, string> = {};
  readonly buffer: OutputBuffer;
  private readonly diagnoser: LogDiagnoser;
  private readonly abort = new AbortController();
  private pty: HostedPty | null = null;
  private pgid: number | null = null;
  /** Bytes of the log already taken in; output the host sends twice is trimmed by offset. */
  private logOffset = 0;
  private stopRequested = false;
  private stopping: Promise<TreeStopResult> | null = null;
  private readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(readonly spec: RunSpec) {
    super();
    this.buffer = new OutputBuffer(spec.replayBytes);
    this.diagnoser = createLogDiagnoser();
    this.finished = new Promise((resolve) => (this.finish = resolve));
  }

  get pid(): number | null {
    return this.pty?.pid ?? null;
  }

  get runDir(): string {
    return path.dirname(this.spec.logPath);
  }

  /** Resolves once the run has ended and its tree is gone. */
  whenFinished(): Promise<void> {
    return this.finished;
  }

  async start(): Promise<void> {
    const pty = await HostedPty.launch(this.runDir, this.spec.id, {
      program: this.spec.program,
      argv: this.spec.argv,
      env: this.spec.env,
      cwd: this.spec.cwd,
      logPath: this.spec.logPath,
      logMaxBytes: this.spec.logMaxBytes,
      cols: 160,
      rows: 40,
    });
    // node-pty starts the server in a new session, so its pid is its process group too.
    this.wire(pty, pty.pid);
    this.emit("change", { pid: pty.pid, pgid: pty.pid, phase: "starting" });
    void this.watchReadiness();
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
    this.stage = stored.stage;
    this.rereadLog(size);
    this.wire(pty, stored.pgid ?? pty.pid);
    if (stored.stopRequested) void this.stop("user");
    else void this.watchReadiness();
    return true;
  }

  private rereadLog(size: number): void {
    const decoder = new TextDecoder("utf-8");
    for (const block of readLogBlocks(this.spec.logPath, { from: Math.max(0, size - REREAD_LIMIT_BYTES), to: size })) {
      if (block.type === "dropped") continue;
      const text = decoder.decode(block.bytes, { stream: true });
      this.diagnoser.push(text);
      if (block.offset + block.bytes.length > size - this.spec.replayBytes) this.buffer.append(text, block.offset);
    }
    this.logOffset = size;
  }

  private wire(pty: HostedPty, pgid: number): void {
    this.pty = pty;
    this.pgid = pgid;
    pty.on("output", (data, offset) => this.onOutput(data, offset));
    pty.on("exit", (exit) => void this.onExit(exit));
  }

  private onOutput(data: string, offset: number): void {
    const bytes = Buffer.byteLength(data);
    if (offset + bytes <= this.logOffset) return;
    let start = offset;
    if (offset < this.logOffset) {
      data = Buffer.from(data).subarray(this.logOffset - offset).toString("utf8");
      start = this.logOffset;
    }
    this.logOffset = offset + bytes;
    this.emit("output", this.buffer.append(data, start));
    this.diagnoser.push(data);
    const snapshot = this.diagnoser.snapshot();
    const progress = snapshot.progress ? { label: snapshot.progress.label, percent: Math.round(snapshot.progress.percent) } : null;
    const stage = shownPhase(snapshot.phase);
    const stageChanged = stage !== null && stage !== this.stage;
    if (stage !== null && stageChanged && !(stage in this.stageTimes)) this.stageTimes[stage] = new Date().toISOString();
    const progressChanged = progress?.percent !== this.progress?.percent || progress?.label !== this.progress?.label;
    if (stage !== null) this.stage = stage;
    this.progress = progress;
    if (this.phase === "starting" && stage !== null && LOADING_STAGES.has(stage)) this.setPhase("loading", { stage });
    else if (stageChanged) this.emit("change", { stage });
    else if (progressChanged) this.emit("change", {});
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
      timeoutMs: Math.max(0, this.spec.readyTimeoutMs - elapsed),
      isAlive: () => this.exit === null,
      signal: this.abort.signal,
    });
    if (result.ready) {
      if (this.stopRequested || this.exit) return;
      this.readyAt ??= new Date();
      this.setPhase("ready", { readyAt: this.readyAt, servedModelName: result.servedModelName });
    } else if (result.reason === "timeout" && !this.stopRequested && !this.exit) {
      const seconds = Math.round(this.spec.readyTimeoutMs / 1000);
      this.failure = {
        cause: "ready_timeout",
        detail: `The server did not become ready (GET /health) within ${seconds} s, the readiness timeout; it was stopped. Raise the timeout if the model needs longer to load.`,
      };
      await this.stop("timeout");
    }
  }

  /** Stops the whole process tree: TERM to the group, a grace period, KILL, then a check that nothing is left. */
  stop(reason: "user" | "timeout" = "user"): Promise<TreeStopResult> {
    if (this.stopping) return this.stopping;
    if (reason === "user") {
      this.stopRequested = true;
      this.emit("change", { stopRequested: true });
    }
    if (!this.exit) this.setPhase("stopping");
    this.abort.abort();
    const pid = this.pty?.pid;
    this.stopping = pid
      ? stopProcessTree({ rootPid: pid, pgid: this.pgid, graceMs: this.spec.stopGraceMs })
      : Promise.resolve({ targeted: [], escalated: false, survivors: [] });
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
    this.diagnosis = this.diagnoser.end();
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
      causeDetail: this.failure?.detail ?? null,
      stage: shownPhase(this.diagnosis.phase) ?? this.stage,
    });
    this.finish();
  }
}

export function causeFromDiagnosis(diagnosis: LogDiagnosis, exit: PtyExit | null): { cause: string; detail: string } {
  if (diagnosis.cause !== "none") return { cause: diagnosis.cause, detail: diagnosis.keyLineText ?? diagnosis.causeTitle };
  const how = !exit ? "ended" : exit.signal ? `was ended by ${exit.signal}` : exit.exitCode === null ? "ended" : `exited with code ${exit.exitCode}`;
  return { cause: "other", detail: `The server ${how}; its output names no cause.` };
}
