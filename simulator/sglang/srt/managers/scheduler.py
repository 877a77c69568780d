"""One scheduler process per rank: prints the start-up phases, then the batch log lines.

Ranks wait for each other at a barrier after each phase, as the real ranks do at
collectives, so a rank that fails leaves the others waiting until the launcher
tears the tree down.
"""

import os
import signal
import subprocess
import sys
import time
import traceback
import queue as queue_module

from sglang.srt import gpu_load, gpu_state, sim_env
from sglang.srt.logging_utils import Logger, graph_bar, shard_bar, write_err
from sglang.srt.memory_plan import DIST_INIT_GIB, MemoryPlan
from sglang.srt.model_config import NEXTN_DRAFT, SUPPORTED_ARCHITECTURES, unsupported_message
from sglang.srt.process_utils import set_process_name
from sglang.srt.sim_errors import AcceleratorError, DistBackendError, OutOfMemoryError

SERVER_READY = "\0server-ready"  # sent by the launcher after the ready line

KV_DTYPE_NAMES = {"fp8_e4m3": "torch.float8_e4m3fn", "fp8_e5m2": "torch.float8_e5m2", "fp4_e2m1": "torch.float4_e2m1fn_x2"}

CUDA_ERROR_TAIL = (
    "CUDA kernel errors might be asynchronously reported at some other API call, so the "
    "stacktrace below might be incorrect.\nFor debugging consider passing CUDA_LAUNCH_BLOCKING=1\n"
    "Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n"
)


def rank_tag(args, rank):
    tag = ""
    if rank["dp_rank"] is not None:
        tag += f" DP{rank['dp_rank']}"
    if args.pp_size > 1:
        tag += f" PP{rank['pp_rank']}"
    if args.tp_size > 1:
        tag += f" TP{rank['tp_rank']}"
    if args.ep_size > 1:
        tag += f" EP{rank['ep_rank']}"
    return tag


class Scheduler:
    def __init__(self, args, model, rank, barrier):
        self.args, self.model, self.rank, self.barrier = args, model, rank, barrier
        self.log = Logger(rank["tag"], args.log_level)
        self.first = rank["index"] == 0
        self.fail = sim_env.fail_mode()
        self.mem = MemoryPlan(args, model)
        gpu_load.bind(rank["gpu_id"])

    def sync(self):
        self.barrier.wait()

    def bar(self, text):
        if self.first:
            write_err(text)

    # Phases, in SGLang's order -------------------------------------------------
    def init_distributed(self):
        self.log.info("Init torch distributed begin.")
        sim_env.sim_sleep(1.0)
        if self.rank["gpu_id"] >= sim_env.visible_gpu_count():
            # torch.cuda.set_device(gpu_id) on a GPU the process cannot see
            raise AcceleratorError("CUDA error: invalid device ordinal\n" + CUDA_ERROR_TAIL.rstrip("\n"))
        if self.fail == "nccl" and self.args.tp_size > 1 and self.rank["tp_rank"] == self.args.tp_size - 1:
            sim_env.sim_sleep(4.0)
            raise DistBackendError(
                "NCCL error in: /pytorch/torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:3356, unhandled "
                "system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.27.3\n"
                "ncclSystemError: System call (e.g. socket, malloc) or external library call failed or "
                "device error. \nLast error:\nCuda failure 217 'peer access is not supported between these two devices'"
            )
        sim_env.sim_sleep(2.0)
        self.log.info(f"Init torch distributed ends. mem usage={DIST_INIT_GIB:.2f} GB")
        self.sync()

    def load_weights(self, arch, weights, avail_before, shards, seconds, check=True):
        self.log.info(f"Load weight begin. avail mem={avail_before:.2f} GB")
        if check and arch not in SUPPORTED_ARCHITECTURES:
            raise ValueError(unsupported_message(self.model.architectures))
        if check and not self.model.is_mla:
            assert self.model.num_heads % self.args.tp_size == 0, (
                f"{self.model.num_heads} is not divisible by {self.args.tp_size}"
            )
        rate = shards / seconds
        step = max(1, shards // 8)
        oom_at = shards // 2 if (self.fail == "oom_weights" and self.first and check) else None
        if weights >= avail_before - 0.4:
            oom_at = max(1, int(shards * (avail_before - 0.4) / weights))
        self.bar(shard_bar(0, shards, rate))
        n = 0
        while n < shards:
            n = min(shards, n + step)
            if oom_at is not None and n >= oom_at:
                self.bar("\n")
                raise OutOfMemoryError(self._oom_text(1.02, 0.40))
            sim_env.sim_sleep(step / rate)
            self.bar("\r" + shard_bar(n, shards, rate))
        self.bar("\n\n")
        after = avail_before - weights
        self.log.info(
            f"Load weight end. elapsed={seconds + 2.5:.2f} s, type={arch}, "
            f"avail mem={after:.2f} GB, mem usage={weights:.2f} GB."
        )
        self.sync()

    def _oom_text(self, tried_gib, free_gib):
        cap = self.mem.capacity
        return (
            f"CUDA out of memory. Tried to allocate {tried_gib:.2f} GiB. GPU {self.rank['gpu_id']} has a total "
            f"capacity of {cap:.2f} GiB of which {free_gib * 1024:.2f} MiB is free. Including non-PyTorch memory, "
            f"this process has {cap - free_gib:.2f} GiB memory in use. Of the allocated memory {cap - free_gib - 0.86:.2f} "
            "GiB is allocated by PyTorch, and 212.45 MiB is reserved by PyTorch but unallocated. If reserved but "
            "unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid "
            "fragmentation.  See documentation for Memory Management  "
            "(https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)"
        )

    def init_memory_pool(self):
        m, a = self.mem, self.args
        if a.max_total_tokens is not None and a.max_total_tokens > m.profiled_tokens:
            self.log.warning(
                f"max_total_tokens={a.max_total_tokens} is larger than the profiled value "
                f"{m.profiled_tokens}. Use the profiled value instead."
            )
        sim_env.sim_sleep(1.0)
        if m.tokens <= 0 or (self.fail == "oom_kv_cache" and self.first):
            raise RuntimeError(
                "Not enough memory. Please try to increase --mem-fraction-static. "
                f"Current value: self.server_args.mem_fraction_static={a.mem_fraction_static}"
            )
        self.log.info(f"Using KV cache dtype: {KV_DTYPE_NAMES.get(a.kv_cache_dtype, 'torch.bfloat16')}")
        self.log.info(f"KV Cache is allocated. #tokens: {m.tokens}, KV size: {m.kv_gib:.2f} GB")
        self.log.info(f"Memory pool end. avail mem={m.after_pool:.2f} GB")
        self.sync()

    def capture_cuda_graphs(self):
        a, m = self.args, self.mem
        if a.disable_cuda_graph:
            return
        bs_list = [b for b in [1, 2, 4, 8] + list(range(16, a.cuda_graph_max_bs + 1, 8)) if b <= a.cuda_graph_max_bs]
        self.log.info(f"Capture cuda graph begin. This can take up to several minutes. avail mem={m.after_pool:.2f} GB")
        if self.first:
            self.log.info(f"Capture cuda graph bs {bs_list}")
        total, seconds = len(bs_list), 7.5
        rate = total / seconds
        fail_at = None
        if self.first and self.fail == "cuda_graph_oom":
            fail_at = max(1, total // 3)
        if not m.graph_fits():
            fail_at = max(1, total // 4)
        hang_at = total // 2 if (self.first and self.fail == "hang_before_ready") else None
        descending = sorted(bs_list, reverse=True)
        per_step = m.graph_usage / total
        for i in range(total + 1):
            bs = descending[min(i, total - 1)]
            avail = m.after_pool - per_step * i
            self.bar(("\r" if i else "") + graph_bar(f"Capturing batches (bs={bs} avail_mem={avail:.2f} GB)", i, total, rate))
            if i == hang_at:
                while True:  # stuck inside a capture: the process stays alive, nothing progresses
                    time.sleep(3600)
            if i == fail_at:
                self.bar("\n")
                raise Exception(
                    "Capture cuda graph failed: " + self._oom_text(0.25, 0.18).split(" Including")[0] + "\n"
                    "Possible solutions:\n"
                    "1. set --mem-fraction-static to a smaller value (e.g., 0.8 or 0.7)\n"
                    "2. set --cuda-graph-max-bs to a smaller value (e.g., 16)\n"
                    "3. disable torch compile by not using --enable-torch-compile\n"
                    "4. disable CUDA graph by --disable-cuda-graph. (Not recommended. Huge performance loss)\n"
                    "Open an issue on GitHub https://github.com/sgl-project/sglang/issues/new/choose "
                )
            if i < total:
                sim_env.sim_sleep(1 / rate)
        self.bar("\n\n")
        self.log.info(
            f"Capture cuda graph end. Time elapsed: {seconds + 0.54:.2f} s. mem usage={m.graph_usage:.2f} GB. "
            f"avail mem={m.after_graph:.2f} GB."
        )
        self.sync()

    def hold(self, avail):
        """Publish the GPU memory this rank holds once `avail` GB are left (for the fake nvidia-smi)."""
        gpu_state.publish_scheduler(self.rank["gpu_id"], 0.5 + self.mem.start_avail - avail)
        gpu_load.hold_gib(0.5 + self.mem.start_avail - avail)

    def start(self):
        a, m = self.args, self.mem
        self.init_distributed()
        self.hold(m.start_avail)
        self.load_weights(self.model.architecture, m.weights, m.start_avail, m.shards, 20.0)
        self.hold(m.after_weights)
        if m.draft:
            draft_arch = NEXTN_DRAFT.get(self.model.architecture, "LlamaForCausalLMEagle3"
                                         if a.speculative_algorithm == "EAGLE3" else "LlamaForCausalLMEagle")
            draft_shards = m.shards if draft_arch.endswith("NextN") else 1
            self.load_weights(draft_arch, m.draft, m.after_weights, draft_shards, 5.3, check=False)
            self.hold(m.after_draft)
        self.init_memory_pool()
        self.hold(m.after_pool)
        self.capture_cuda_graphs()
        self.hold(m.after_graph)
        sim_env.sim_sleep(1.0)
        if self.first:
            self.log.info(
                f"max_total_num_tokens={m.tokens}, chunked_prefill_size={a.chunked_prefill_size}, "
                f"max_prefill_tokens={a.max_prefill_tokens}, max_running_requests={a.max_running_requests or 2048}, "
                f"context_len={a.context_length or self.model.context_length}, available_gpu_mem={m.after_graph:.2f} GB"
            )
        return {"max_total_num_tokens": m.tokens, "available_gpu_mem": round(m.after_graph, 2)}

    # Serving ----------------------------------------------------------------------
    def serve(self, events):
        """Rank 0 prints the batch lines the HTTP process sends; the other ranks only wait."""
        if events is None:
            while True:
                time.sleep(3600)
        crash_at = None
        while True:
            timeout = None if crash_at is None else max(0.0, crash_at - time.monotonic())
            try:
                line = events.get(timeout=timeout)
            except queue_module.Empty:
                break
            if line == SERVER_READY:
                if self.fail in ("crash_after_ready", "exit0_after_child_crash"):
                    crash_at = time.monotonic() + sim_env.crash_after_seconds()
                continue
            self.log.info(line)
            gpu_load.work()
        raise RuntimeError("CUDA error: an illegal memory access was encountered\n" + CUDA_ERROR_TAIL.rstrip("\n"))


def _start_helper(rank):
    cmd = [sys.executable, "-m", "sglang.srt.managers.compile_worker", str(os.getpid())]
    if rank["index"] == 0 and sim_env.escape_pgid():
        cmd.append("--setsid")
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_scheduler_process(args, model, rank, pipe_writer, barrier, events):
    set_process_name("sglang::scheduler" + rank["tag"].replace(" ", "_"))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    _start_helper(rank)
    scheduler = Scheduler(args, model, rank, barrier)
    try:
        pipe_writer.send({"status": "ready", **scheduler.start()})
        scheduler.serve(events if rank["index"] == 0 else None)
    except Exception:
        scheduler.log.error(f"Scheduler hit an exception: {traceback.format_exc()}")
        if os.getppid() == parent:  # the launcher may already be gone (SIGKILLed)
            try:
                os.kill(parent, signal.SIGQUIT)
            except OSError:
                pass
        time.sleep(0.05)
        os.abort()  # exit code -6, as SGLang's schedulers die
