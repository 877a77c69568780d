import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listGpus } from "../../server/gpus/list-gpus";
import { PROJECT_ROOT } from "../support/console-process";

const ORIGINAL_PATH = process.env.PATH;

afterEach(() => {
  process.env.PATH = ORIGINAL_PATH;
});

describe("listGpus", () => {
  it("reads index, name and memory of every GPU from nvidia-smi's CSV", async () => {
    process.env.PATH = `${path.join(PROJECT_ROOT, "tests/fixtures/bin")}:${ORIGINAL_PATH}`;
    const listing = await listGpus();
    expect(listing.ok).toBe(true);
    expect(listing.gpus).toHaveLength(4);
    expect(listing.gpus[3]).toEqual({ index: 3, name: "NVIDIA H100 80GB HBM3", memoryTotalMiB: 81559, memoryUsedMiB: 0 });
  });

  it("says no NVIDIA GPU was found when nvidia-smi is not on PATH", async () => {
    process.env.PATH = "/nonexistent";
    expect(await listGpus()).toEqual({
      ok: false,
      gpus: [],
      reason: "No NVIDIA GPU found: nvidia-smi not found (not installed or not on PATH).",
      failure: { code: "not_found", command: "nvidia-smi" },
    });
  });
});
