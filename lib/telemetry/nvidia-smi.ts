// Parsers for nvidia-smi's CSV output (`--query-gpu`, `--query-compute-apps`, `-lms` streams), with and without
// header and units. Pure: the sampler feeds them text; tests feed them the real captures.

/** The one list of fields the console queries, in order, with where each lands in a `GpuReading`. */
export const GPU_QUERY_FIELDS = [
  ["index", "index"],
  ["uuid", "uuid"],
  ["name", "name"],
  ["pci.bus_id", "pciBusId"],
  ["driver_version", "driverVersion"],
  ["pstate", "pstate"],
  ["utilization.gpu", "utilizationPercent"],
  ["utilization.memory", "memoryUtilizationPercent"],
  ["memory.total", "memoryTotalMiB"],
  ["memory.used", "memoryUsedMiB"],
  ["memory.free", "memoryFreeMiB"],
  ["temperature.gpu", "temperatureC"],
  ["temperature.memory", "memoryTemperatureC"],
  ["power.draw", "powerW"],
  ["power.limit", "powerLimitW"],
  ["clocks.sm", "smClockMHz"],
  ["clocks.mem", "memoryClockMHz"],
  ["clocks.max.sm", "smClockMaxMHz"],
  ["fan.speed", "fanPercent"],
  ["compute_mode", "computeMode"],
] as const;

export const COMPUTE_APPS_FIELDS = ["pid", "process_name", "used_memory", "gpu_uuid"] as const;

type FieldKey = (typeof GPU_QUERY_FIELDS)[number][1];
const TEXT_KEYS = ["uuid", "name", "pciBusId", "driverVersion", "pstate", "computeMode"] as const;
type TextKey = (typeof TEXT_KEYS)[number];
type NumberKey = Exclude<FieldKey, TextKey | "index">;

/** One GPU at one moment. A value nvidia-smi reports as `[N/A]`, `[Not Supported]` or similar is null. */
export type GpuReading = { index: number } & { [K in TextKey]: string | null } & { [K in NumberKey]: number | null };

export interface ComputeApp {
  pid: number;
  processName: string;
  usedMemoryMiB: number | null;
  gpuUuid: string;
}

/** The argv of the long-running sampler: one row per GPU every `intervalMs`, until killed. */
export function gpuQueryArgv(intervalMs?: number): string[] {
  const argv = [`--query-gpu=${GPU_QUERY_FIELDS.map(([field]) => field).join(",")}`, "--format=csv,noheader,nounits"];
  return intervalMs === undefined ? argv : [...argv, "-lms", String(intervalMs)];
}

export function computeAppsArgv(): string[] {
  return [`--query-compute-apps=${COMPUTE_APPS_FIELDS.join(",")}`, "--format=csv,noheader,nounits"];
}

/** `[N/A]`, `[Not Supported]`, `[Unknown Error]`, `N/A`, empty: no value. */
function isMissing(value: string): boolean {
  return value === "" || value === "N/A" || (value.startsWith("[") && value.endsWith("]"));
}

/** A number with or without its unit (`81559 MiB`, `697.68 W`, `100 %`). */
export function parseNumber(raw: string): number | null {
  const value = raw.trim();
  if (isMissing(value)) return null;
  const match = /^-?\d+(?:\.\d+)?/.exec(value);
  return match ? Number(match[0]) : null;
}

function parseText(raw: string): string | null {
  const value = raw.trim();
  return isMissing(value) ? null : value;
}

/** nvidia-smi's header names the fields (`index, uuid, ...`, `pid, process_name, ...`); a data row starts with a number. */
const isHeader = (line: string) => /^\s*[a-z_]/i.test(line);

/** One `--query-gpu` row in the field order of GPU_QUERY_FIELDS, or null when it is not one. */
export function parseGpuRow(line: string): GpuReading | null {
  const cells = line.split(",");
  if (cells.length !== GPU_QUERY_FIELDS.length) return null;
  const index = parseNumber(cells[0]!);
  if (index === null || !Number.isInteger(index)) return null;
  const reading: Record<string, string | number | null> = { index };
  GPU_QUERY_FIELDS.forEach(([, key], i) => {
    if (key === "index") return;
    const cell = cells[i]!;
    reading[key] = (TEXT_KEYS as readonly string[]).includes(key) ? parseText(cell) : parseNumber(cell);
  });
  return reading as GpuReading;
}

const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== "");

/** The whole output of one `--query-gpu` call, with or without header and units; rows that are not readings are skipped. */
export function parseGpuQuery(text: string): GpuReading[] {
  return lines(text)
    .filter((line) => !isHeader(line))
    .map(parseGpuRow)
    .filter((row): row is GpuReading => row !== null);
}

/**
 * `--query-compute-apps=pid,process_name,used_memory,gpu_uuid`, with or without header and units.
 * The name sits between fields that never hold a comma, so a name with commas survives.
 */
export function parseComputeApps(text: string): ComputeApp[] {
  const apps: ComputeApp[] = [];
  for (const line of lines(text)) {
    if (isHeader(line)) continue;
    const cells = line.split(",");
    if (cells.length < 4) continue;
    const pid = parseNumber(cells[0]!);
    const gpuUuid = parseText(cells[cells.length - 1]!);
    if (pid === null || !gpuUuid) continue;
    apps.push({
      pid,
      processName: cells.slice(1, -2).join(",").trim(),
      usedMemoryMiB: parseNumber(cells[cells.length - 2]!),
      gpuUuid,
    });
  }
  return apps;
}

/**
 * Reads an `-lms` stream chunk by chunk: rows may be split across chunks. Every complete row is returned once;
 * a partial last line waits for the next chunk.
 */
export class GpuStreamParser {
  private pending = "";

  push(chunk: string): GpuReading[] {
    const text = this.pending + chunk;
    const end = text.lastIndexOf("\n");
    if (end < 0) {
      this.pending = text;
      return [];
    }
    this.pending = text.slice(end + 1);
    return parseGpuQuery(text.slice(0, end));
  }
}

/** What nvidia-smi prints when the machine has no usable NVIDIA GPU (as opposed to a failure worth retrying soon). */
export function saysNoGpu(output: string): boolean {
  return /No devices were found|couldn't communicate with the NVIDIA driver|NVIDIA-SMI has failed/i.test(output);
}

/**
 * Why nvidia-smi gave no GPU reading, as structure: pages word it in the reader's language (gpus.nvidiaSmi.*),
 * logs and the API in English (describeNvidiaSmiFailure). `output` is nvidia-smi's own first line, never translated.
 */
export type NvidiaSmiFailure =
  | { code: "not_found"; command: string }
  | { code: "cannot_run"; command: string; error: string }
  | { code: "timed_out"; seconds: number }
  | { code: "exited"; exitCode: number | null; signal: string | null; output: string }
  | { code: "no_gpu_listed" };

/** The first line nvidia-smi printed, as it printed it. */
export const firstLine = (output: string) => output.trim().split("\n")[0] ?? "";

export function describeNvidiaSmiFailure(failure: NvidiaSmiFailure): string {
  switch (failure.code) {
    case "not_found":
      return `${failure.command} not found (not installed or not on PATH)`;
    case "cannot_run":
      return `cannot run ${failure.command}: ${failure.error}`;
    case "timed_out":
      return `nvidia-smi did not answer within ${failure.seconds} s`;
    case "exited": {
      const how = failure.signal ? `was killed by ${failure.signal}` : `exited with code ${failure.exitCode}`;
      return `nvidia-smi ${how}${failure.output ? `: ${failure.output}` : ""}`;
    }
    case "no_gpu_listed":
      return "nvidia-smi lists no GPU";
  }
}

/** The values of gpus.nvidiaSmi.<code>, which says the same as describeNvidiaSmiFailure in any language. */
export function nvidiaSmiFailureValues(failure: NvidiaSmiFailure): Record<string, string | number> {
  switch (failure.code) {
    case "not_found":
      return { command: failure.command };
    case "cannot_run":
      return { command: failure.command, error: failure.error };
    case "timed_out":
      return { seconds: failure.seconds };
    case "exited":
      return { how: failure.signal ? "signal" : "code", signal: failure.signal ?? "", exitCode: String(failure.exitCode), output: failure.output, hasOutput: failure.output ? "yes" : "no" };
    case "no_gpu_listed":
      return {};
  }
}
