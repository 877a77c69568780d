// One nvidia-smi query for the launch page and launch validation; the telemetry sampler is separate.
import { execFile } from "node:child_process";
import type { GpuInfo, GpuListing } from "../../lib/launch";

const QUERY = ["--query-gpu=index,name,memory.total,memory.used", "--format=csv,noheader,nounits"];
const TIMEOUT_MS = 5_000;

/** The box's GPUs; `ok: false` with a sentence when nvidia-smi is missing, fails or prints nothing. */
export function listGpus(): Promise<GpuListing> {
  return new Promise((resolve) => {
    execFile("nvidia-smi", QUERY, { timeout: TIMEOUT_MS, encoding: "utf8" }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT"
            ? "No NVIDIA GPU found: nvidia-smi is not installed or not on PATH."
            : error.killed
              ? `No NVIDIA GPU found: nvidia-smi did not answer within ${TIMEOUT_MS / 1000} s.`
              : `No NVIDIA GPU found: nvidia-smi failed (${(stdout || error.message).trim().split("\n")[0]}).`;
        return resolve({ ok: false, gpus: [], reason });
      }
      const gpus: GpuInfo[] = [];
      for (const line of stdout.split("\n")) {
        const [index, name, total, used] = line.split(",").map((field) => field.trim());
        if (index === undefined || !/^\d+$/.test(index) || name === undefined) continue;
        // Any field may read [N/A] or [Not Supported]: such memory counts as unknown (0).
        gpus.push({ index: Number(index), name, memoryTotalMiB: toMiB(total), memoryUsedMiB: toMiB(used) });
      }
      if (gpus.length === 0) return resolve({ ok: false, gpus: [], reason: "No NVIDIA GPU found: nvidia-smi lists no GPU." });
      resolve({ ok: true, gpus: gpus.sort((a, b) => a.index - b.index) });
    });
  });
}

function toMiB(field: string | undefined): number {
  const n = Number(field);
  return field !== undefined && Number.isFinite(n) && n >= 0 ? n : 0;
}
