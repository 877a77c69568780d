// The box as the launch page sees it: GPUs, who holds them, ports in use, models, the SGLang runtime.
import type { ScannedModel } from "../models/scanned-model";
import type { NvidiaSmiFailure } from "../telemetry/nvidia-smi";
import type { Holder } from "./holder";
import type { InstalledFlags } from "./installed-flags";

/** Why the console runs real SGLang or the simulator (server/supervisor/sglang-runtime.ts). */
export type RuntimeReasonCode = "simulator_forced" | "sglang_found" | "simulator_fallback";

export interface GpuInfo {
  /** Physical index, as nvidia-smi prints it (it ignores CUDA_VISIBLE_DEVICES). */
  index: number;
  name: string;
  memoryTotalMiB: number;
  memoryUsedMiB: number;
}

/** No GPUs: `reason` in English (the API), `failure` for the page to word. */
export type GpuListing = { ok: true; gpus: GpuInfo[] } | { ok: false; gpus: []; reason: string; failure: NvidiaSmiFailure };

/** An active instance that holds a GPU (its profile's gpuIds, or every GPU when it has none). */
export interface GpuHolder {
  gpu: number;
  instanceId: string;
  holder: Holder;
}

/** Ports of active instances (a new one must not take them). */
export interface PortHolder {
  port: number;
  holder: Holder;
}

/** What the launch page needs to know about the box, refreshed through GET /api/launch/context. */
export interface LaunchContextView {
  gpus: GpuListing;
  gpuHolders: GpuHolder[];
  portsInUse: PortHolder[];
  models: ScannedModel[];
  modelsDirs: string[];
  runtime: {
    python: string;
    simulated: boolean;
    reason: string;
    reasonCode: RuntimeReasonCode;
    /** Where the flags come from, in words ("Flags as the installed SGLang 0.5.21 reports them ..."). */
    flagsSource: string;
    /** The installed SGLang's (or the simulator's) own flags; null: the catalogue alone. */
    installedFlags: InstalledFlags | null;
  };
  /** What every launch's environment starts from, values masked (lib/server-env.ts layers the profile on top). */
  serverEnv: ServerEnvBase;
}

export interface ServerEnvBase {
  /** The console's environment as servers inherit it. */
  inherited: Record<string, string>;
  /** The runtime's additions (the simulator's PYTHONPATH). */
  runtime: Record<string, string>;
}
