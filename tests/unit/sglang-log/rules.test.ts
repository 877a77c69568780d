import { describe, expect, it } from "vitest";
import { classifyLogLine } from "../../../lib/sglang-log";
import { FAILURE_RULES } from "../../../lib/sglang-log/rules";

describe("failure rules as data", () => {
  it("names every rule once", () => {
    const names = FAILURE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ["[rank3]:[E101 00:00:00.0 ProcessGroupNCCL.cpp:1] [PG ID 0 PG GUID 0 Rank 3] Process group watchdog thread terminated with exception: boom", "nccl"],
    ["Scheduler watchdog timeout (self.watchdog_timeout=300, self.soft=False)", "watchdog_timeout"],
    ["ValueError: req_to_token_pool memory leak detected!", "serving_error"],
    ["some-wrapper: launch_server.py: error: unrecognized arguments: --foo", "bad_argument"],
    ["ModuleNotFoundError: No module named 'sgl_kernel'", "kernel_build"],
    ["RuntimeError: HIP error: invalid device function", "unsupported_gpu"],
    ["OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like meta-llama/Llama-3.1-8B is not the path to a directory containing a file named config.json.", "model_not_found"],
    ["ValueError: The quantization method fp8 is not supported for the current GPU. Minimum capability: 89. Current capability: 80.", "unsupported_gpu"],
    ["Rank 0 scheduler is dead. Please check if there are relevant logs.", "child_crashed"],
    ["RuntimeError: Initialization failed. Please see the error messages above.", "child_crashed"],
  ])("%s → %s", (line, cause) => {
    expect(classifyLogLine(line).failure?.cause).toBe(cause);
  });

  it("keeps a soft watchdog, which only dumps stacks, from counting as fatal", () => {
    expect(classifyLogLine("Scheduler watchdog timeout (self.watchdog_timeout=300, self.soft=True)").failure).toMatchObject({ cause: "watchdog_timeout", fatal: false });
  });

  it("stays linear on a 64 KiB line of word characters", () => {
    const started = Date.now();
    classifyLogLine(`${"x".repeat(1 << 16)} pool memory leak detected : error: is not divisible by weight quantization block_n = 128`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("details the rules read", () => {
  it.each([
    ["ValueError: The quantization method fp8 is not supported for the current GPU. Minimum capability: 89. Current capability: 80.", "80"],
    ["UserWarning: NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.", "120"],
    ["RuntimeError: SGLang only supports sm75 and above.", "75"],
  ])("the GPU architecture named in %s", (line, arch) => {
    expect(classifyLogLine(line).failure?.detail.gpuArch).toBe(arch);
  });
});
