"""Checks the simulator's SGLANG_SIM_GPU=1 mode on a real GPU box (PyTorch and nvidia-smi, no Node needed):
memory held in proportion to --mem-fraction-static and attributed to the scheduler processes, utilisation while
serving, memory freed after a process-group stop, and children that keep GPU memory when only the launcher is
SIGKILLed (why the console signals the whole group). Prints one JSON report.

    PYTHONPATH=simulator python3 simulator/tools/gpu_check.py
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

PORT = 31234


def smi(*args):
    return subprocess.run(["nvidia-smi", *args], capture_output=True, text=True, timeout=30).stdout.strip()


def gpu_used_mib():
    return int(smi("--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", "0").splitlines()[0])


def compute_apps():
    rows = smi("--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits")
    return [{"pid": int(p), "mib": int(m)} for p, m in (r.split(", ") for r in rows.splitlines() if r.strip())]


def get(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=5) as r:
            return r.status
    except Exception:
        return None


def start(fraction):
    env = dict(os.environ, SGLANG_SIM_GPU="1", SGLANG_SIM_SPEED="50", CUDA_VISIBLE_DEVICES="0", PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "sglang.launch_server", "--model-path", "zai-org/GLM-4.7-Flash", "--port", str(PORT),
           "--mem-fraction-static", str(fraction), "--served-model-name", "glm-4.7-flash"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 240
    while time.time() < deadline and get("/health") != 200:
        if proc.poll() is not None:
            raise SystemExit(f"simulator exited {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.5)
    return proc


def group_pids(pgid):
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                fields = open(f"/proc/{name}/stat").read().rsplit(")", 1)[1].split()
                if int(fields[2]) == pgid and fields[0] != "Z":
                    pids.append(int(name))
            except OSError:
                pass
    return pids


def serve_some(n=40):
    body = json.dumps({"model": "glm-4.7-flash", "prompt": "Tell me about GPUs", "max_tokens": 64}).encode()
    for _ in range(n):
        req = urllib.request.Request(f"http://127.0.0.1:{PORT}/v1/completions", data=body, headers={"content-type": "application/json"})
        urllib.request.urlopen(req, timeout=30).read()


def wait_freed(baseline, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if gpu_used_mib() < baseline + 1024 and not compute_apps():
            return True
        time.sleep(0.5)
    return False


report = {"gpu": smi("--query-gpu=name,memory.total", "--format=csv,noheader"), "idle_used_mib": gpu_used_mib()}
for fraction in (0.8, 0.9):
    proc = start(fraction)
    apps = compute_apps()
    tree = group_pids(proc.pid)
    entry = {"mem_fraction_static": fraction, "used_mib_ready": gpu_used_mib(), "compute_apps": apps,
             "apps_in_launcher_group": all(a["pid"] in tree for a in apps)}
    import threading
    util = []
    sampler = threading.Thread(target=lambda: [util.append(int(smi("--query-gpu=utilization.gpu", "--format=csv,noheader,nounits", "-i", "0"))) or time.sleep(0.2) for _ in range(25)])
    sampler.start()
    serve_some()
    sampler.join()
    entry["max_util_while_serving"] = max(util) if util else None
    t = time.time()
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    entry["freed_after_group_stop"] = wait_freed(report["idle_used_mib"])
    entry["seconds_to_free"] = round(time.time() - t, 2)
    report[f"fraction_{fraction}"] = entry

# Only the launcher SIGKILLed: its schedulers keep the GPU memory until the group is stopped.
proc = start(0.8)
os.kill(proc.pid, signal.SIGKILL)
proc.wait()
time.sleep(2)
orphans = compute_apps()
report["launcher_sigkilled"] = {"orphans_holding_gpu": orphans, "used_mib": gpu_used_mib()}
os.killpg(proc.pid, signal.SIGKILL)
report["launcher_sigkilled"]["freed_after_group_kill"] = wait_freed(report["idle_used_mib"])
print(json.dumps(report, indent=2))
