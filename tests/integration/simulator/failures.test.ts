import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GLM_MODEL, freePort, killAll, markedPids, startSim, waitForHealth, waitUntil } from "./helpers";

afterEach(killAll);

const SIGQUIT_LINE = "Received sigquit from a child process. It usually means the child failed.";

function failedExit(exit: { code: number | null; signal: NodeJS.Signals | null }) {
  // SGLang's kill_process_tree SIGKILLs the launcher itself: a shell reports 137.
  expect(exit.signal === "SIGKILL" || (exit.code !== null && exit.code !== 0)).toBe(true);
}

describe("simulator failure modes", () => {
  it("oom_kv_cache: the scheduler raises SGLang's Not enough memory error and the tree exits non-zero", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--mem-fraction-static", "0.8"], { SGLANG_SIM_FAIL: "oom_kv_cache" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toContain("Scheduler hit an exception: Traceback (most recent call last):");
    expect(sim.output()).toContain(
      "RuntimeError: Not enough memory. Please try to increase --mem-fraction-static. Current value: self.server_args.mem_fraction_static=0.8",
    );
    expect(sim.output()).toContain(SIGQUIT_LINE);
    expect(sim.output()).toMatch(/Subprocess scheduler_0 \(pid=\d+\) crashed with exit code -6\./);
    await waitUntil(() => markedPids(sim.marker).length === 0);
  });

  it("a --mem-fraction-static too small for the weights runs out of KV cache memory without any injection", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--mem-fraction-static", "0.2"]);
    failedExit(await sim.waitForExit());
    expect(sim.output()).toContain("Load weight end.");
    expect(sim.output()).toContain("RuntimeError: Not enough memory. Please try to increase --mem-fraction-static. Current value: self.server_args.mem_fraction_static=0.2");
  });

  it("oom_weights: torch.OutOfMemoryError while loading weights", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"], { SGLANG_SIM_FAIL: "oom_weights" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toMatch(/torch\.OutOfMemoryError: CUDA out of memory\. Tried to allocate 1\.02 GiB\. GPU 0 has a total capacity of 79\.19 GiB/);
    expect(sim.output()).toContain(SIGQUIT_LINE);
  });

  it("cuda_graph_oom: Capture cuda graph failed with SGLang's list of possible solutions", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "cuda_graph_oom" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toContain("Exception: Capture cuda graph failed: CUDA out of memory.");
    expect(sim.output()).toContain("Possible solutions:\n1. set --mem-fraction-static to a smaller value (e.g., 0.8 or 0.7)");
    expect(sim.output()).toContain("4. disable CUDA graph by --disable-cuda-graph. (Not recommended. Huge performance loss)");
  });

  it("nccl: the last rank fails torch distributed init with DistBackendError at tp 2", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"], { SGLANG_SIM_FAIL: "nccl" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toMatch(/\[[\d\- :]+ TP1\] Scheduler hit an exception/);
    expect(sim.output()).toContain("torch.distributed.DistBackendError: NCCL error in: /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:3356, unhandled system error");
    expect(sim.output()).toMatch(/Subprocess scheduler_1 \(pid=\d+\) crashed with exit code -6\./);
  });

  it("more ranks than visible GPUs fail with torch's invalid device ordinal", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "4"], { CUDA_VISIBLE_DEVICES: "0,1" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toContain("torch.AcceleratorError: CUDA error: invalid device ordinal");
    expect(sim.output()).toMatch(/ TP[23]\] Scheduler hit an exception/);
  });

  it("crash_after_ready: a scheduler dies after ready and the launcher tears the tree down", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "crash_after_ready", SGLANG_SIM_CRASH_AFTER_S: "200" });
    await sim.waitFor(/fired up and ready to roll/);
    failedExit(await sim.waitForExit());
    const out = sim.output();
    expect(out.indexOf("fired up")).toBeLessThan(out.indexOf("Scheduler hit an exception"));
    expect(out).toContain("RuntimeError: CUDA error: an illegal memory access was encountered");
    expect(out).toMatch(/Subprocess scheduler_0 \(pid=\d+\) crashed with exit code -6\./);
    await waitUntil(() => markedPids(sim.marker).length === 0);
  });

  it("exit0_after_child_crash: an older launcher exits 0 after a child crash", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "exit0_after_child_crash" });
    const exit = await sim.waitForExit();
    expect(exit.code).toBe(0);
    expect(sim.output()).toContain("fired up and ready to roll");
    expect(sim.output()).toMatch(/Child process unexpectedly failed with an exit code \d+\. pid=\d+/);
    await waitUntil(() => markedPids(sim.marker).length === 0);
  });

  it("warmup_failed: Uvicorn is up, the warm-up gets a 502 and no ready line is printed", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "warmup_failed" });
    failedExit(await sim.waitForExit());
    expect(sim.output()).toContain("Uvicorn running on");
    expect(sim.output()).toContain("Initialization failed. warmup error: Traceback (most recent call last):");
    expect(sim.output()).toContain("AssertionError: res=<Response [502]>, res.text=''");
    expect(sim.output()).not.toContain("fired up");
  });

  it("hang_before_ready: capture stops progressing, processes stay alive and HTTP never comes up", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "hang_before_ready" });
    await sim.waitFor(/Capturing batches \(bs=\d+ avail_mem=[\d.]+ GB\): {2}47%/);
    await new Promise((r) => setTimeout(r, 500));
    expect(sim.proc.exitCode).toBeNull();
    expect(sim.output()).not.toContain("Capture cuda graph end");
    await expect(fetch(`${sim.base}/health`)).rejects.toThrow();
  });

  it("hang_in_warmup: Uvicorn is up but /health answers 503 forever", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "hang_in_warmup" });
    await sim.waitFor(/Uvicorn running on/);
    await sim.waitFor(/GET \/model_info HTTP\/1\.1" 200 OK/);
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${sim.base}/health`)).status).toBe(503);
    expect(sim.output()).not.toContain("fired up");
  });

  it("zombie: the ready line is printed but the server accepts connections and never answers", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL], { SGLANG_SIM_FAIL: "zombie" });
    await sim.waitFor(/fired up and ready to roll/);
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 700);
    await expect(fetch(`${sim.base}/health`, { signal: ac.signal })).rejects.toThrow();
    clearTimeout(timer);
    expect(sim.proc.exitCode).toBeNull();
  });

  it("fails to bind a port that is already in use with uvicorn's Errno 98 line and exits non-zero", async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      const sim = await startSim(["--model-path", GLM_MODEL, "--port", String(port)]);
      const exit = await sim.waitForExit();
      expect(exit.code).toBe(1);
      expect(sim.output()).toContain(
        `ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', ${port}): address already in use`,
      );
      expect(sim.output()).toContain("INFO:     Application shutdown complete.");
      await waitUntil(() => markedPids(sim.marker).length === 0);
    } finally {
      blocker.close();
    }
  });

  it("SGLANG_SIM_FLOOD prints N serving lines after ready, then a flood complete line", async () => {
    const sim = await startSim(["--model-path", GLM_MODEL, "--tp", "2"], { SGLANG_SIM_FLOOD: "3000" });
    await sim.waitFor(/flood complete lines=3000/);
    const out = sim.output();
    expect(out.indexOf("fired up")).toBeLessThan(out.indexOf("flood complete"));
    expect(out).toMatch(/\[[\d\- :]+ TP0\] Decode batch, #running-req: \d+/);
    expect(out).toMatch(/\rCapturing batches/);
    await waitForHealth(sim);
  });
});
