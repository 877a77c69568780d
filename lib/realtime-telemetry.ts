import type { InstancePhase } from "./instance-phase";
import type { NvidiaSmiFailure } from "./telemetry/nvidia-smi";
import type { InstanceMetricsPoint } from "./telemetry/sglang-metrics";

// The typed contract of the `/telemetry` socket.io namespace. Events are named noun:verb.

export const TELEMETRY_NAMESPACE = "/telemetry";

/** Where the sampler stands: `no_gpu` is a calm, lasting state (no nvidia-smi, no driver, no device). */
export type GpuSamplerStatus =
  | { state: "starting" }
  | { state: "ok" }
  | { state: "no_gpu"; reason: string; failure: NvidiaSmiFailure }
  | { state: "restarting"; reason: string; failure: NvidiaSmiFailure; retryInMs: number };

/** One GPU at one moment, compact: the values the console charts. Null: nvidia-smi could not say. */
export interface GpuPoint {
  t: number;
  utilizationPercent: number | null;
  memoryUsedMiB: number | null;
  temperatureC: number | null;
  powerW: number | null;
  smClockMHz: number | null;
}

export const GPU_POINT_KEYS = ["utilizationPercent", "memoryUsedMiB", "temperatureC", "powerW", "smClockMHz"] as const;
export type GpuPointKey = (typeof GPU_POINT_KEYS)[number];

/** A process holding memory on a GPU: one of our instances (found through its process tree) or anything else. */
export type GpuHolder =
  | { kind: "instance"; pid: number; usedMemoryMiB: number | null; instanceId: string; instanceName: string; owner: string; phase: InstancePhase }
  | { kind: "foreign"; pid: number; usedMemoryMiB: number | null; processName: string };

export interface GpuState {
  /** Physical index, as nvidia-smi numbers it (it ignores CUDA_VISIBLE_DEVICES). */
  index: number;
  uuid: string | null;
  name: string | null;
  memoryTotalMiB: number | null;
  powerLimitW: number | null;
  smClockMaxMHz: number | null;
  latest: GpuPoint | null;
  holders: GpuHolder[];
}

/** Columns of recent points, oldest first (compact on the wire). */
export interface GpuSeries {
  index: number;
  t: number[];
  values: Record<GpuPointKey, (number | null)[]>;
}

export interface GpuSnapshot {
  status: GpuSamplerStatus;
  intervalMs: number;
  gpus: GpuState[];
  /** The last few minutes per GPU, for sparklines. */
  recent: GpuSeries[];
}

export interface GpuSampleEvent {
  t: number;
  points: { index: number; point: GpuPoint }[];
}

export interface InstanceMetricsEvent {
  instanceId: string;
  runId: string;
  point: InstanceMetricsPoint;
}

export type Ack<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface InstanceMetricsHistory {
  instanceId: string;
  runId: string | null;
  /** Whether the instance runs with --enable-metrics. */
  enabled: boolean;
  points: InstanceMetricsPoint[];
}

export interface TelemetryServerToClient {
  /** The whole picture: to a newcomer at once, then whenever status or holders change. */
  "gpu:snapshot": (snapshot: GpuSnapshot) => void;
  /** One reading per GPU each interval (volatile: a slow client skips samples). */
  "gpu:sample": (sample: GpuSampleEvent) => void;
  "instance:metrics": (event: InstanceMetricsEvent) => void;
}

export interface TelemetryClientToServer {
  /** The last hour of one GPU at full resolution. */
  "gpu:history": (request: { index: number }, ack: (result: Ack<GpuSeries>) => void) => void;
  /** Join an instance's metrics room; the ack carries what was scraped so far. */
  "instance:watch": (request: { instanceId: string }, ack: (result: Ack<InstanceMetricsHistory>) => void) => void;
  "instance:unwatch": (request: { instanceId: string }) => void;
}

export const instanceMetricsRoom = (instanceId: string) => `metrics:${instanceId}`;
