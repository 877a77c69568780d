"""What the simulated GPUs hold, for the fake `nvidia-smi` in simulator/bin (it reads what this module writes).

Each scheduler publishes one small JSON file, `sched-<pid>.json`, with its physical GPU (nvidia-smi ignores
CUDA_VISIBLE_DEVICES, so the visible index is mapped back here) and the memory it holds after each start-up
phase; the HTTP process publishes `load-<launcher pid>.json` with its running requests. Files of processes that
are gone are ignored (and removed) by the reader, so a crash never leaves phantom memory behind.

The folder is SGLANG_SIM_STATE_DIR, else `<tmp>/sglang-sim-<uid>`: every simulator of this user on the machine
shares it, as every process on a real box shares its GPUs.
"""

import json
import os
import tempfile
import threading
import time

from sglang.srt import sim_env


def state_dir():
    base = os.environ.get("SGLANG_SIM_STATE_DIR") or os.path.join(tempfile.gettempdir(), f"sglang-sim-{os.getuid()}")
    return os.path.join(base, "gpus")


def start_time(pid):
    """Clock ticks since boot at which `pid` started (tells a pid apart from a later reuse), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    return int(stat[stat.rfind(")") + 2:].split()[19])


def physical_gpu(visible_index):
    """The physical index of a visible GPU, through CUDA_VISIBLE_DEVICES (indexes only; anything else: as is)."""
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is None:
        return visible_index
    ids = [d.strip() for d in visible.split(",") if d.strip()]
    if visible_index < len(ids) and ids[visible_index].isdigit():
        return int(ids[visible_index])
    return visible_index


def _write(name, data):
    folder = state_dir()
    try:
        os.makedirs(folder, exist_ok=True)
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        with open(tmp, "w") as f:
            json.dump(data, f)
        os.replace(tmp, os.path.join(folder, name))
    except OSError:
        pass  # telemetry of a simulation must never break the simulation


def publish_scheduler(gpu_id, used_gib):
    """This scheduler holds `used_gib` on its visible GPU `gpu_id`."""
    pid = os.getpid()
    _write(f"sched-{pid}.json", {
        "pid": pid,
        "start_time": start_time(pid),
        "launcher": os.getppid(),
        "gpu": physical_gpu(gpu_id),
        "used_mib": int(max(0.0, used_gib) * 1024),
        "capacity_gib": sim_env.gpu_capacity_gib(),
    })


# At most this often the running-request count is written: nvidia-smi is sampled about once a second, and a
# file written at every request's start and end took most of a request's start-up at 32 concurrent streams.
LOAD_PERIOD_S = 0.05
_load = {"running": 0, "thread": None}
_load_changed = threading.Event()
_load_lock = threading.Lock()


def publish_load(running):
    """The HTTP (launcher) process serves `running` requests now (written within LOAD_PERIOD_S)."""
    with _load_lock:
        _load["running"] = running
        if _load["thread"] is None:
            _load["thread"] = threading.Thread(target=_write_load, name="gpu-load", daemon=True)
            _load["thread"].start()
    _load_changed.set()


def _write_load():
    pid = os.getpid()
    started = start_time(pid)
    written = None
    while True:
        _load_changed.wait()
        _load_changed.clear()
        running = _load["running"]
        if running != written:
            _write(f"load-{pid}.json", {"pid": pid, "start_time": started, "running": running})
            written = running
        time.sleep(LOAD_PERIOD_S)


def _alive(entry):
    pid = entry.get("pid")
    return isinstance(pid, int) and entry.get("start_time") is not None and start_time(pid) == entry["start_time"]


def read_state():
    """(schedulers, running requests by launcher pid), live processes only; stale files are removed."""
    folder = state_dir()
    schedulers, load = [], {}
    try:
        names = os.listdir(folder)
    except OSError:
        return schedulers, load
    for name in names:
        if not name.endswith(".json"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path) as f:
                entry = json.load(f)
        except (OSError, ValueError):
            continue
        if not _alive(entry):
            try:
                os.unlink(path)
            except OSError:
                pass
            continue
        if name.startswith("sched-"):
            schedulers.append(entry)
        elif name.startswith("load-"):
            load[entry["pid"]] = entry.get("running", 0)
    return schedulers, load
