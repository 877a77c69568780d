"""SGLANG_SIM_GPU=1: load a real GPU, so telemetry, attribution and "stop frees GPU memory" can be checked on a GPU
box that has PyTorch but no SGLang.

Each scheduler holds real memory on its visible GPU as the memory plan says (weights, KV cache, CUDA graphs, which
follow --mem-fraction-static), and rank 0 does real bf16 matrix work for each batch it serves. Without PyTorch or a
CUDA device the simulator says so once and simulates memory only.
"""
import os
import sys

_state = {"torch": None, "device": None, "held": [], "held_gib": 0.0, "matrix": None, "warned": False}


def enabled():
    return os.environ.get("SGLANG_SIM_GPU") == "1"


def _warn(message):
    if not _state["warned"]:
        _state["warned"] = True
        sys.stderr.write(f"[sglang-sim] SGLANG_SIM_GPU=1: {message}; simulating GPU memory only.\n")


def bind(visible_index):
    """Use visible GPU `visible_index` (an index into CUDA_VISIBLE_DEVICES, as torch counts them)."""
    if not enabled():
        return
    try:
        import torch
    except ImportError:
        return _warn("PyTorch is not importable")
    if not torch.cuda.is_available() or visible_index >= torch.cuda.device_count():
        return _warn(f"no CUDA device {visible_index} is visible")
    _state["torch"] = torch
    _state["device"] = torch.device("cuda", visible_index)
    torch.cuda.set_device(_state["device"])


def hold_gib(target_gib):
    """Grow the memory held to `target_gib` (never shrinks; leaves 1 GiB of the real GPU free)."""
    torch, device = _state["torch"], _state["device"]
    if torch is None:
        return
    free, _total = torch.cuda.mem_get_info(device)
    grow = min(target_gib - _state["held_gib"], free / 2**30 - 1.0)
    if grow <= 0.01:
        return
    chunk = torch.empty(int(grow * 2**30), dtype=torch.uint8, device=device)
    _state["held"].append(chunk)
    _state["held_gib"] += grow


def work(steps=8):
    """Real matrix work for one served batch."""
    torch, device = _state["torch"], _state["device"]
    if torch is None:
        return
    if _state["matrix"] is None:
        _state["matrix"] = torch.randn(4096, 4096, dtype=torch.bfloat16, device=device)
    a = _state["matrix"]
    for _ in range(steps):
        a = (a @ _state["matrix"]) * 1e-3
    torch.cuda.synchronize(device)
