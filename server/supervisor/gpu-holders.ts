import { execFile } from "node:child_process";

/**
 * Pids that hold GPU memory right now, from `nvidia-smi --query-compute-apps`; null where nvidia-smi is
 * missing or fails (no NVIDIA GPU on this box).
 */
export function gpuHoldingPids(nvidiaSmi = process.env.NVIDIA_SMI || "nvidia-smi"): Promise<Set<number> | null> {
  return new Promise((resolve) => {
    execFile(nvidiaSmi, ["--query-compute-apps=pid", "--format=csv,noheader,nounits"], { timeout: 5000 }, (error, stdout) => {
      if (error) return resolve(null);
      const pids = stdout
        .split("\n")
        .map((line) => Number.parseInt(line.trim(), 10))
        .filter((pid) => Number.isInteger(pid) && pid > 0);
      resolve(new Set(pids));
    });
  });
}
