// One nvidia-smi query for the launch page and launch validation; the telemetry sampler is separate.
import { execFile } from "node:child_process";
import type { GpuInfo, GpuListing } from "../../lib/launch";
import { describeNvidiaSmiFailure, firstLine, type NvidiaSmiFailure } from "../../lib/telemetry/nvidia-smi";

const QUERY = ["--query-gpu=index,name,memory.total,memory.used", "--format=csv,noheader,nounits"];
const TIMEOUT_MS = 5_000;

/** No GPUs, and why: the English sentence for the API, the structure for the page. */
const noGpus = (failure: NvidiaSmiFailure): GpuListing => ({ ok: false, gpus: [], reason: `No NVIDIA GPU found: ${describeNvidiaSmiFailure(failure)}.`, failure });

/** The box's GPUs; `ok: false` with the reason when nvidia-smi is missing, fails or prints nothing. */
export function listGpus(): Promise<GpuListing> {
  return new Promise((resolve) => {
    execFile("nvidia-smi", QUERY, { timeout: TIMEOUT_MS, encoding: "utf8" }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const failure: NvidiaSmiFailure =
          code === "ENOENT"
            ? { code: "not_found", command: "nvidia-smi" }
            : error.killed
              ? { code: "timed_out", seconds: TIMEOUT_MS / 1000 }
              : { code: "exited", exitCode: typeof code === "number" ? code : null, signal: error.signal ?? null, output: firstLine(stdout || error.message) };
        return resolve(noGpus(failure));
      }
      const gpus: GpuInfo[] = [];
      for (const line of stdout.split("\n")) {
        const [index, name, total, used] = line.split(",").map((field) => field.trim());
        if (index === undefined || !/^\d+$/.test(index) || name === undefined) continue;
        // Any field may read [N/A] or [Not Supported]: such memory counts as unknown (0).
        gpus.push({ index: Number(index), name, memoryTotalMiB: toMiB(total), memoryUsedMiB: toMiB(used) });
      }
      if (gpus.length === 0) return resolve(noGpus({ code: "no_gpu_listed" }));
      resolve({ ok: true, gpus: gpus.sort((a, b) => a.index - b.index) });
    });
  });
}

function toMiB(field: string | undefined): number {
  const n = Number(field);
  return field !== undefined && Number.isFinite(n) && n >= 0 ? n : 0;
}
