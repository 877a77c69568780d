"""The launcher process: spawns the schedulers and the detokenizer, runs HTTP, supervises the tree.

Like SGLang's launch_server: children are multiprocessing (spawn) processes in the
launcher's process group; a child that fails sends SIGQUIT and the launcher kills
the whole tree, itself included; SIGTERM/SIGINT stop the tree; a SIGKILLed
launcher leaves its children running.
"""

import http.client
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import traceback
import urllib.parse
import urllib.request

from sglang.srt import sim_env
from sglang.srt.entrypoints.http_server import ServerState, make_server, serve_in_thread
from sglang.srt.flood import flood
from sglang.srt.logging_utils import Logger, UvicornLog
from sglang.srt.managers.detokenizer_manager import run_detokenizer_process
from sglang.srt.managers.scheduler import SERVER_READY, rank_tag, run_scheduler_process
from sglang.srt.memory_plan import MemoryPlan
from sglang.srt.process_utils import kill_process_tree


def plan_ranks(args):
    """The scheduler processes this node runs, with their rank tags and GPU ids."""
    replicas = 1 if args.enable_dp_attention else args.dp_size
    per_node = max(1, args.tp_size // args.nnodes)
    local_tp = range(args.node_rank * per_node, (args.node_rank + 1) * per_node) if args.nnodes > 1 else range(args.tp_size)
    ranks = []
    for d in range(replicas):
        for pp in range(args.pp_size):
            for local, tp in enumerate(local_tp):
                if args.enable_dp_attention and args.dp_size > 1:
                    dp_rank = tp // (args.tp_size // args.dp_size)
                else:
                    dp_rank = d if args.dp_size > 1 else None
                slot = (d * args.pp_size + pp) * len(local_tp) + local
                rank = {"index": len(ranks), "tp_rank": tp, "pp_rank": pp, "dp_rank": dp_rank,
                        "ep_rank": tp // max(1, args.tp_size // args.ep_size),
                        "gpu_id": args.base_gpu_id + slot * args.gpu_id_step}
                rank["tag"] = rank_tag(args, rank)
                ranks.append(rank)
    return ranks


class Launcher:
    def __init__(self, args, model):
        self.args, self.model = args, model
        self.log = Logger("", args.log_level)
        self.uvicorn = UvicornLog(args.log_level_http or args.log_level)
        self.fail = sim_env.fail_mode()
        self.schedulers = []
        self.detokenizer = None
        self.http_up = False
        self.stopping = False
        self.pid = os.getpid()

    # teardown -------------------------------------------------------------------------
    def _dead_schedulers(self, wait_s):
        deadline = time.monotonic() + wait_s
        while True:
            dead = [p for p in self.schedulers if p.exitcode is not None]
            if dead or time.monotonic() > deadline:
                return dead
            time.sleep(0.01)

    def child_failed(self, via_sigquit, dead=None):
        if self.stopping:
            return
        self.stopping = True
        if via_sigquit:
            self.log.error("Received sigquit from a child process. It usually means the child failed.")
        dead = dead or self._dead_schedulers(2.0)
        if self.fail == "exit0_after_child_crash":
            for p in dead:  # older versions: report, stop the children, exit 0
                self.log.error(f"Child process unexpectedly failed with an exit code {128 - p.exitcode if p.exitcode < 0 else p.exitcode}. pid={p.pid}")
            kill_process_tree(self.pid, include_parent=False)
            os._exit(0)
        for p in dead:
            self.log.error(f"Subprocess {p.name} (pid={p.pid}) crashed with exit code {p.exitcode}.")
        kill_process_tree(self.pid, include_parent=True)

    def on_sigquit(self, signum, frame):
        self.child_failed(True)

    def on_stop(self, signum, frame):
        if self.stopping:
            return
        self.stopping = True
        if self.http_up:
            self.uvicorn.info("Shutting down")
            self.uvicorn.info("Waiting for application shutdown.")
            self.uvicorn.info("Application shutdown complete.")
            self.uvicorn.info(f"Finished server process [{self.pid}]")
        kill_process_tree(self.pid, include_parent=False)
        if self.http_up:
            os._exit(0)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(self.pid, signum)

    # start-up --------------------------------------------------------------------------
    def spawn(self):
        ctx = multiprocessing.get_context("spawn")
        ranks = plan_ranks(self.args)
        self.barrier = barrier = ctx.Barrier(len(ranks))  # kept: its semaphores must outlive the spawn
        self.events = ctx.Queue()
        readers = []
        for rank in ranks:
            reader, writer = ctx.Pipe(duplex=False)
            p = ctx.Process(target=run_scheduler_process, name=f"scheduler_{rank['index']}",
                            args=(self.args, self.model, rank, writer, barrier, self.events))
            p.start()
            writer.close()
            self.schedulers.append(p)
            readers.append(reader)
        self.detokenizer = ctx.Process(target=run_detokenizer_process, name="detokenizer", args=(self.args,))
        self.detokenizer.start()
        return readers

    def wait_ready(self, readers):
        pending = dict(zip(readers, self.schedulers))
        runtime = {}
        while pending:
            sentinels = {p.sentinel: p for p in pending.values()}
            for ready in multiprocessing.connection.wait(list(pending) + list(sentinels)):
                if ready in sentinels:
                    proc = sentinels[ready]
                    if proc in pending.values():
                        self.child_failed(False, [proc] if proc.exitcode is not None else None)
                    continue
                try:
                    message = ready.recv()
                except EOFError:
                    continue
                if not runtime:
                    runtime = message
                pending.pop(ready, None)
        runtime["kv_gib"] = MemoryPlan(self.args, self.model).kv_gib
        return runtime

    def watch_children(self):
        """After start-up: a scheduler that dies without SIGQUIT is reported and the tree torn down."""
        def loop():
            sentinels = {p.sentinel: p for p in self.schedulers}
            ready = multiprocessing.connection.wait(list(sentinels))
            time.sleep(0.05)  # let a SIGQUIT from the same child be handled first
            self.child_failed(False, [sentinels[s] for s in ready])
        threading.Thread(target=loop, daemon=True).start()

    def start_http(self, state):
        a = self.args
        self.uvicorn.info(f"Started server process [{self.pid}]")
        self.uvicorn.info("Waiting for application startup.")
        self.uvicorn.info("Application startup complete.")
        try:
            server = make_server(state, a.host, a.port)
        except OSError as e:
            reason = (e.strerror or str(e)).lower()
            self.uvicorn.error(f"[Errno {e.errno}] error while attempting to bind on address {(a.host, a.port)!r}: {reason}")
            self.uvicorn.info("Waiting for application shutdown.")
            self.uvicorn.info("Application shutdown complete.")
            self.stopping = True
            kill_process_tree(self.pid, include_parent=False)
            os._exit(1)
        self.http_up = True
        shown = f"[{a.host}]" if ":" in a.host else a.host
        self.uvicorn.info(f"Uvicorn running on http://{shown}:{a.port} (Press CTRL+C to quit)")
        return server

    def _request(self, method, path, body=None):
        """The warm-up's request to itself. Like SGLang's (python `requests`), it goes through `http_proxy` unless
        NO_PROXY / no_proxy cover the host: a proxy then answers instead (403/502, sglang#9814, #9155)."""
        a = self.args
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(a.host, a.host)
        target = f"[{host}]:{a.port}" if ":" in host else f"{host}:{a.port}"
        proxy = urllib.request.getproxies().get("http")
        if proxy and not urllib.request.proxy_bypass(host):
            parsed = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
            conn = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=600)
            path = f"http://{target}{path}"
        else:
            conn = http.client.HTTPConnection(host, a.port, timeout=600)
        headers = {"Content-Type": "application/json"}
        if a.api_key:
            headers["Authorization"] = f"Bearer {a.api_key}"
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        res = conn.getresponse()
        status, text = res.status, res.read().decode(errors="replace")
        conn.close()
        return status, text

    def _wait_and_warmup(self, state):
        sim_env.sim_sleep(0.5)
        status, text = self._request("GET", "/model_info")
        assert status == 200, f"res=<Response [{status}]>, res.text={text!r}"
        if self.fail == "hang_in_warmup":
            while True:
                time.sleep(3600)
        if not self.args.skip_server_warmup:
            sim_env.sim_sleep(1.0)
            status, text = self._request("POST", "/generate", {
                "text": "The capital city of France is",
                "sampling_params": {"temperature": 0, "max_new_tokens": 8}})
            assert status == 200, f"res=<Response [{status}]>, res.text={text!r}"

    def warmup(self, state):
        try:
            self._wait_and_warmup(state)
        except Exception:
            self.log.error(f"Initialization failed. warmup error: {traceback.format_exc()}")
            self.stopping = True
            kill_process_tree(self.pid, include_parent=True)
        # A zombie stops answering before its ready line can be seen, so no request slips through in between.
        if self.fail == "zombie":
            state.zombie = True
        state.ready = True
        sim_env.record_health("ready")
        self.log.info("The server is fired up and ready to roll!")
        self.events.put(SERVER_READY)
        if self.fail in ("hang_after_ready", "scheduler_dead_after_ready"):
            threading.Thread(target=self.silence_scheduler, args=(state,), daemon=True).start()
        if sim_env.flood_lines():
            flood(self.args, sim_env.flood_lines())

    def silence_scheduler(self, state):
        """`hang_after_ready`: rank 0 wedges (stuck in a collective), every process alive. `scheduler_dead_after_ready`:
        scheduler 0 is SIGKILLed (the OOM killer) and, as in releases whose launcher has no watchdog, nobody notices.
        Either way HTTP keeps answering, generation hangs and health checks fail."""
        time.sleep(sim_env.crash_after_seconds())
        if self.fail == "scheduler_dead_after_ready":
            os.kill(self.schedulers[0].pid, signal.SIGKILL)
            self.schedulers[0].join()
        state.silent_since = time.time()
        state.scheduler_silent = True

    def run(self):
        signal.signal(signal.SIGQUIT, self.on_sigquit)
        signal.signal(signal.SIGTERM, self.on_stop)
        signal.signal(signal.SIGINT, self.on_stop)
        readers = self.spawn()
        runtime = self.wait_ready(readers)
        if self.fail != "scheduler_dead_after_ready":
            self.watch_children()
        if self.args.node_rank > 0:  # other nodes run schedulers only
            while True:
                time.sleep(3600)
        state = ServerState(self.args, self.model, runtime, self.events)
        server = self.start_http(state)
        threading.Thread(target=self.warmup, args=(state,), daemon=True).start()
        serve_in_thread(server)
        while True:
            time.sleep(3600)


def launch_server(args, model):
    Logger("", args.log_level).info(f"server_args={args!r}")
    Launcher(args, model).run()
    sys.exit(0)
