"""Environment variables that steer the simulator (documented in README.md)."""

import os
import time

FAIL_MODES = (
    "oom_kv_cache",
    "crash_after_ready",
    "hang_before_ready",
    "hang_in_warmup",
    "oom_weights",
    "cuda_graph_oom",
    "warmup_failed",
    "nccl",
    "zombie",
    "exit0_after_child_crash",
    "abort_mid_stream",
    "oom_under_load",
    "hang_after_ready",
    "scheduler_dead_after_ready",
)


def _float(name, default):
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if value > 0 else default


def speed():
    """SGLANG_SIM_SPEED: 1 = real time, 1000 = a thousand times faster."""
    return _float("SGLANG_SIM_SPEED", 1.0)


def sim_sleep(seconds):
    """Sleep for `seconds` of simulated time."""
    if seconds > 0:
        time.sleep(seconds / speed())


def fail_mode():
    return os.environ.get("SGLANG_SIM_FAIL", "").strip()


def tokens_per_second():
    """SGLANG_SIM_TOKENS_PER_S (default 100), scaled by the speed."""
    return _float("SGLANG_SIM_TOKENS_PER_S", 100.0) * speed()


def oom_running_requests():
    """SGLANG_SIM_OOM_RUNNING_REQS (default 4): under oom_under_load, a stream starting with this many running fails."""
    try:
        return max(1, int(os.environ.get("SGLANG_SIM_OOM_RUNNING_REQS", "4") or 4))
    except ValueError:
        return 4


def keep_alive_seconds():
    """SGLANG_SIM_KEEP_ALIVE_S (default 5, real seconds): SGLang runs uvicorn with timeout_keep_alive=5."""
    return _float("SGLANG_SIM_KEEP_ALIVE_S", 5.0)


def crash_after_seconds():
    """SGLANG_SIM_CRASH_AFTER_S (default 1), simulated seconds after ready."""
    return _float("SGLANG_SIM_CRASH_AFTER_S", 1.0) / speed()


def health_check_timeout():
    """SGLANG_HEALTH_CHECK_TIMEOUT (SGLang's own, default 20 s): how long a health check waits for its token."""
    return _float("SGLANG_HEALTH_CHECK_TIMEOUT", 20.0)


def health_endpoint_generates():
    """SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION (SGLang's own, default true): `/health` generates like `/health_generate`."""
    return os.environ.get("SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION", "true").strip().lower() not in ("0", "false", "no", "off")


def record_health(event):
    """SGLANG_SIM_HEALTH_LOG=<file>: append `<epoch ms> <event>` (the ready flip, each health answer) for benchmarks."""
    target = os.environ.get("SGLANG_SIM_HEALTH_LOG", "")
    if target:
        with open(target, "a") as f:
            f.write(f"{time.time() * 1000:.3f} {event}\n")


def flood_lines():
    try:
        return max(0, int(os.environ.get("SGLANG_SIM_FLOOD", "0") or 0))
    except ValueError:
        return 0


def flood_rate():
    """SGLANG_SIM_FLOOD_RATE: lines per second for the flood; 0 (default) is as fast as possible."""
    return max(0.0, _float("SGLANG_SIM_FLOOD_RATE", 0.0))


def escape_pgid():
    return os.environ.get("SGLANG_SIM_ESCAPE_PGID", "") == "1"


def visible_gpu_count():
    """CUDA_VISIBLE_DEVICES when set (like torch), else SGLANG_SIM_GPU_COUNT (8)."""
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        return len([d for d in visible.split(",") if d.strip() and d.strip() != "-1"])
    try:
        return max(0, int(os.environ.get("SGLANG_SIM_GPU_COUNT", "8") or 8))
    except ValueError:
        return 8


def gpu_capacity_gib():
    """Total capacity torch reports for one GPU: an 80 GB H100 shows 79.19 GiB."""
    return _float("SGLANG_SIM_GPU_MEM_GB", 80.0) * 0.98987
