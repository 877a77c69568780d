import { describe, expect, it } from "vitest";
import { ADVICE } from "../../../lib/sglang-log/advice";
import { diagnoseLog, FAILURE_CAUSES, type Advice } from "../../../lib/sglang-log";

const log = (...lines: string[]) => diagnoseLog(`${lines.join("\n")}\n`);
const knob = (advice: Advice[], flag: string) => advice.find((a) => a.flag === flag);
const ARGS = (extra: string) => `[2026-01-01 00:00:00] server_args=ServerArgs(model_path='/m', ${extra})`;

describe("advice, one function per cause", () => {
  it("has an entry for every cause, and none for no failure", () => {
    expect(Object.keys(ADVICE).sort()).toEqual([...FAILURE_CAUSES].sort());
  });

  it("lowers --max-running-requests to the request slots that were free", () => {
    const d = log(
      ARGS("max_running_requests=64, tp_size=1"),
      "[2026-01-01 00:00:05] The server is fired up and ready to roll!",
      "RuntimeError: alloc_req_slots runs out of memory. Please set a smaller number for `--max-running-requests`. req_to_token_pool.available_size()=29, num_reqs=30, ",
      "[2026-01-01 00:00:09] Received sigquit from a child process. It usually means the child failed.",
    );
    expect(d.cause).toBe("serving_error");
    expect(knob(d.advice, "--max-running-requests")).toMatchObject({ action: "decrease", suggestedValue: "24" });
  });

  it("lowers --tp-size until each rank's share is whole quantization blocks (96 × 16 = 1536 = 3 × 128 per rank at tp 4)", () => {
    const d = log(ARGS("tp_size=16"), "[2026-01-01 00:00:01 TP0] Load weight begin. avail mem=78.00 GB", "ValueError: Weight output_partition_size = 96 is not divisible by weight quantization block_n = 128.");
    expect(d.cause).toBe("invalid_parallel");
    expect(knob(d.advice, "--tp-size")).toMatchObject({ action: "decrease", suggestedValue: "4" });
  });

  it("offers a longer --dist-timeout with the seconds an NCCL collective waited", () => {
    const d = log(
      ARGS("tp_size=2"),
      "[2026-01-01 00:00:05] The server is fired up and ready to roll!",
      "[rank1]:[E101 00:10:00.000 ProcessGroupNCCL.cpp:632] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=9, OpType=ALLREDUCE, Timeout(ms)=600000) ran for 600010 milliseconds before timing out.",
    );
    expect(d).toMatchObject({ outcome: "crashed_while_serving", cause: "nccl" });
    expect(knob(d.advice, "--dist-timeout")).toMatchObject({ action: "increase", suggestedValue: "1200" });
  });

  it("sends a kernel library that does not load to a matching reinstall, not to the JIT cache", () => {
    const d = log("Traceback (most recent call last):", "ImportError: /x/sgl_kernel/common_ops.abi3.so: undefined symbol: _ZN3c104cuda9SetDeviceEi", "[2026-01-01 00:00:00] sglang");
    expect(d.cause).toBe("kernel_build");
    expect(d.advice[0]?.text).toContain("sgl_kernel");
    expect(d.advice[0]?.text).toContain("Reinstall");
  });

  it("lowers --context-length to the model's own when the flag asks for more", () => {
    const d = log(ARGS("context_length=200000"), "ValueError: User-specified context_length (200000) is greater than the derived context_length (40960). This may lead to incorrect model outputs or CUDA errors.");
    expect(d).toMatchObject({ phase: "args", cause: "bad_argument" });
    expect(knob(d.advice, "--context-length")).toMatchObject({ action: "decrease", suggestedValue: "40960" });
  });

  it("reads a template error at a request as the request's, the server staying ready", () => {
    const d = log(
      ARGS("tp_size=1"),
      "[2026-01-01 00:00:05] The server is fired up and ready to roll!",
      "ValueError: Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed!",
    );
    expect(d).toMatchObject({ outcome: "ready", phase: "serving", cause: "chat_template" });
    expect(knob(d.advice, "--chat-template")?.action).toBe("set");
  });

  it("asks for a newer build when the GPU is newer than torch", () => {
    const d = log(ARGS("tp_size=1"), "[2026-01-01 00:00:01 TP0] Init torch distributed begin.", "UserWarning: NVIDIA GeForce RTX 5090 with CUDA capability sm_120 is not compatible with the current PyTorch installation.");
    expect(d).toMatchObject({ phase: "dist_init", cause: "unsupported_gpu" });
    expect(d.advice[0]?.text).toContain("sm_120");
  });
});
