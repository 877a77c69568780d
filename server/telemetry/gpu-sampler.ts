import { execFile, spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import {
  GPU_POINT_KEYS,
  type GpuHolder,
  type GpuPoint,
  type GpuPointKey,
  type GpuSampleEvent,
  type GpuSamplerStatus,
  type GpuSeries,
  type GpuSnapshot,
  type GpuState,
} from "../../lib/realtime-telemetry";
import {
  GpuStreamParser,
  computeAppsArgv,
  describeNvidiaSmiFailure,
  firstLine,
  gpuQueryArgv,
  parseComputeApps,
  saysNoGpu,
  type GpuReading,
  type NvidiaSmiFailure,
} from "../../lib/telemetry/nvidia-smi";
import { SampleRing } from "../../lib/telemetry/sample-ring";
import { attributeHolders, type RunningInstance } from "./attribute-holders";

export interface GpuSamplerOptions {
  /** Path or name of nvidia-smi (NVIDIA_SMI). */
  nvidiaSmi: string;
  intervalMs: number;
  /**
   * The longest time between two listings of compute processes (a separate, short nvidia-smi call). They are
   * listed sooner whenever a GPU's memory moves or the set of instances changes: that is when holders change.
   */
  appsIntervalMs: number;
  historyMs: number;
  /** Instances with a live process tree, for attribution. */
  instances: () => RunningInstance[];
  log: (message: string) => void;
  /** Backoff after an unexpected exit: first delay, doubled each time up to the maximum. */
  restartMinMs?: number;
  restartMaxMs?: number;
  /** How often a machine with no GPU is looked at again. */
  noGpuRetryMs?: number;
}

export interface GpuSamplerEvents {
  sample: [GpuSampleEvent];
  snapshot: [GpuSnapshot];
}

interface GpuRecord {
  reading: GpuReading;
  point: GpuPoint;
  ring: SampleRing<GpuPointKey>;
  holders: GpuHolder[];
}

const SPARKLINE_POINTS = 120;
/** A change of a GPU's used memory larger than this triggers a new listing of compute processes. */
const MEMORY_MOVE_MIB = 64;

const instanceKey = (instances: RunningInstance[]) => instances.map((i) => `${i.id}:${i.pid}:${i.phase}`).sort().join(",");

/**
 * One long-running `nvidia-smi --query-gpu=... -lms N` feeds every GPU's history (spawning nvidia-smi each
 * second would cost far more); compute processes come from a short call at a slower rate. The process is
 * restarted with backoff when it dies; a machine without nvidia-smi or GPU is one calm `no_gpu` state.
 * Never throws into the console: every failure becomes a status.
 */
export class GpuSampler extends EventEmitter<GpuSamplerEvents> {
  private readonly gpus = new Map<number, GpuRecord>();
  private status: GpuSamplerStatus = { state: "starting" };
  private child: ChildProcess | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private appsTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private batch = new Map<number, GpuReading>();
  private gpuCount = 0;
  private failures = 0;
  private startedAt = 0;
  private stopped = true;
  private appsRunning = false;
  /** Memory per GPU and instance pids at the last listing of compute processes. */
  private listedMemory = new Map<number, number | null>();
  private listedInstances = "";

  constructor(private readonly options: GpuSamplerOptions) {
    super();
  }

  /** The sampler's own child, for tests that kill it. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.spawnStream();
    this.appsTimer = setInterval(() => void this.refreshHolders(), this.options.appsIntervalMs);
    this.appsTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    for (const timer of [this.restartTimer, this.flushTimer]) if (timer) clearTimeout(timer);
    if (this.appsTimer) clearInterval(this.appsTimer);
    this.child?.kill("SIGTERM");
    this.child = null;
  }

  snapshot(): GpuSnapshot {
    const gpus: GpuState[] = [...this.gpus.values()].map(({ reading, point, holders }) => ({
      index: reading.index,
      uuid: reading.uuid,
      name: reading.name,
      memoryTotalMiB: reading.memoryTotalMiB,
      powerLimitW: reading.powerLimitW,
      smClockMaxMHz: reading.smClockMaxMHz,
      latest: point,
      holders,
    }));
    const recent = [...this.gpus.keys()].map((index) => this.history(index, SPARKLINE_POINTS)!);
    return { status: this.status, intervalMs: this.options.intervalMs, gpus, recent };
  }

  /** Up to the last hour of one GPU, or null for an index nvidia-smi never reported. */
  history(index: number, limit?: number): GpuSeries | null {
    const gpu = this.gpus.get(index);
    return gpu ? { index, ...gpu.ring.columnsOf(limit) } : null;
  }

  private setStatus(status: GpuSamplerStatus): void {
    const changed = JSON.stringify(status) !== JSON.stringify(this.status);
    if (!changed) return;
    const calmBefore = this.status.state === "no_gpu";
    this.status = status;
    if (status.state === "no_gpu" && !calmBefore) this.options.log(`GPU telemetry: no NVIDIA GPU found (${status.reason}); the rest of the console works as usual`);
    if (status.state === "restarting") this.options.log(`GPU telemetry: ${status.reason}; restarting nvidia-smi in ${Math.round(status.retryInMs / 1000)} s`);
    if (status.state === "ok") this.options.log(`GPU telemetry: sampling ${this.gpuCount} GPU(s) every ${this.options.intervalMs} ms`);
    this.emit("snapshot", this.snapshot());
  }

  private spawnStream(): void {
    if (this.stopped) return;
    const parser = new GpuStreamParser();
    let output = "";
    let rows = 0;
    let child: ChildProcess;
    try {
      child = spawn(this.options.nvidiaSmi, gpuQueryArgv(this.options.intervalMs), { stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      this.afterExit({ code: "cannot_run", command: this.options.nvidiaSmi, error: String(error) }, 0, true);
      return;
    }
    this.child = child;
    this.startedAt = Date.now();
    let spawnError: NodeJS.ErrnoException | null = null;
    child.on("error", (error: NodeJS.ErrnoException) => (spawnError = error));
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const readings = parser.push(chunk);
      if (readings.length === 0 && rows === 0) output = (output + chunk).slice(-2000);
      rows += readings.length;
      for (const reading of readings) this.accept(reading);
    });
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => (output = (output + chunk).slice(-2000)));
    child.on("close", (code, signal) => {
      if (this.child === child) this.child = null;
      if (this.stopped) return;
      const error = spawnError as NodeJS.ErrnoException | null;
      if (error) {
        const missing = error.code === "ENOENT" || error.code === "EACCES";
        const command = this.options.nvidiaSmi;
        this.afterExit(missing ? { code: "not_found", command } : { code: "cannot_run", command, error: error.message }, rows, missing);
        return;
      }
      this.afterExit({ code: "exited", exitCode: code, signal, output: firstLine(output) }, rows, rows === 0 && saysNoGpu(output));
    });
  }

  private afterExit(failure: NvidiaSmiFailure, rows: number, noGpu: boolean): void {
    if (this.stopped) return;
    const reason = describeNvidiaSmiFailure(failure);
    if (noGpu) {
      this.setStatus({ state: "no_gpu", reason, failure });
      this.restartTimer = setTimeout(() => this.spawnStream(), this.options.noGpuRetryMs ?? 60_000);
      this.restartTimer.unref();
      return;
    }
    // A process that ran a good while before it died starts the backoff afresh.
    if (rows > 0 && Date.now() - this.startedAt > 60_000) this.failures = 0;
    const min = this.options.restartMinMs ?? 1000;
    const delay = Math.min(this.options.restartMaxMs ?? 30_000, min * 2 ** this.failures);
    this.failures++;
    this.setStatus({ state: "restarting", reason, failure, retryInMs: delay });
    this.restartTimer = setTimeout(() => this.spawnStream(), delay);
    this.restartTimer.unref();
  }

  private accept(reading: GpuReading): void {
    // Rows of one tick come together, one per GPU; a repeated index means a new tick began.
    if (this.batch.has(reading.index)) this.flush();
    this.batch.set(reading.index, reading);
    if (this.gpuCount > 0 && this.batch.size >= this.gpuCount) return this.flush();
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), Math.min(100, this.options.intervalMs / 2));
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.batch.size === 0) return;
    const t = Date.now();
    const points: GpuSampleEvent["points"] = [];
    let newGpu = false;
    for (const reading of this.batch.values()) {
      let gpu = this.gpus.get(reading.index);
      const point: GpuPoint = { t, ...pick(reading) };
      if (!gpu) {
        const capacity = Math.max(1, Math.ceil(this.options.historyMs / this.options.intervalMs));
        gpu = { reading, point, ring: new SampleRing(capacity, GPU_POINT_KEYS), holders: [] };
        this.gpus.set(reading.index, gpu);
        newGpu = true;
      }
      gpu.reading = reading;
      gpu.point = point;
      gpu.ring.push(t, point);
      points.push({ index: reading.index, point });
    }
    this.gpuCount = Math.max(this.gpuCount, this.batch.size);
    this.batch = new Map();
    if (this.status.state !== "ok") {
      this.setStatus({ state: "ok" });
      void this.refreshHolders();
    } else if (newGpu) this.emit("snapshot", this.snapshot());
    else if (this.holdersMayHaveChanged()) void this.refreshHolders();
    this.emit("sample", { t, points });
  }

  /** A process that starts or ends moves its GPU's memory; an instance that starts or ends changes the pids. */
  private holdersMayHaveChanged(): boolean {
    for (const [index, gpu] of this.gpus) {
      const before = this.listedMemory.get(index);
      const now = gpu.point.memoryUsedMiB;
      if (before === undefined || (before === null) !== (now === null) || Math.abs((now ?? 0) - (before ?? 0)) > MEMORY_MOVE_MIB) return true;
    }
    return instanceKey(this.options.instances()) !== this.listedInstances;
  }

  /** Lists compute processes and who they belong to; a change goes out as a new snapshot. */
  private async refreshHolders(): Promise<void> {
    if (this.status.state !== "ok" || this.appsRunning || this.stopped) return;
    this.appsRunning = true;
    try {
      const text = await new Promise<string>((resolve, reject) =>
        execFile(this.options.nvidiaSmi, computeAppsArgv(), { timeout: 10_000, maxBuffer: 1 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
      const apps = parseComputeApps(text);
      const instances = this.options.instances();
      this.listedInstances = instanceKey(instances);
      for (const [index, gpu] of this.gpus) this.listedMemory.set(index, gpu.point.memoryUsedMiB);
      const byPid = attributeHolders(apps, instances);
      const byUuid = new Map<string, GpuHolder[]>();
      for (const app of apps) {
        const list = byUuid.get(app.gpuUuid) ?? [];
        list.push(byPid.get(app.pid)!);
        byUuid.set(app.gpuUuid, list);
      }
      let changed = false;
      for (const gpu of this.gpus.values()) {
        const holders = (gpu.reading.uuid ? byUuid.get(gpu.reading.uuid) : undefined) ?? [];
        holders.sort((a, b) => a.pid - b.pid);
        if (JSON.stringify(holders) !== JSON.stringify(gpu.holders)) {
          gpu.holders = holders;
          changed = true;
        }
      }
      if (changed && !this.stopped) this.emit("snapshot", this.snapshot());
    } catch {
      // The stream's own exit reports a broken nvidia-smi; a failed listing just keeps the last holders.
    } finally {
      this.appsRunning = false;
    }
  }
}

function pick(reading: GpuReading): Omit<GpuPoint, "t"> {
  return {
    utilizationPercent: reading.utilizationPercent,
    memoryUsedMiB: reading.memoryUsedMiB,
    temperatureC: reading.temperatureC,
    powerW: reading.powerW,
    smClockMHz: reading.smClockMHz,
  };
}
