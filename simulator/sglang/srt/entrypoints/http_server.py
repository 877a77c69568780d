"""The HTTP server (uvicorn's place in SGLang): routes, API key, JSON and SSE plumbing."""

import hashlib
import itertools
import json
import socket
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sglang.srt import sim_env
from sglang.srt.entrypoints import openai_api
from sglang.srt.entrypoints.openai_api import ApiError
from sglang.srt.entrypoints.serving import ClientGone, PrefixCache
from sglang.srt.logging_utils import Logger, UvicornLog
from sglang.srt.metrics import Metrics
from sglang.version import __version__

PHRASES = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
           502: "Bad Gateway", 503: "Service Unavailable"}


class ServerState:
    """What the HTTP process knows: arguments, readiness, counters, the line to scheduler 0."""

    def __init__(self, args, model, runtime, events):
        self.args, self.model, self.runtime, self.events = args, model, runtime, events
        self.served_name = args.served_model_name or args.model_path
        self.context_len = args.context_length or model.context_length
        self.ready = False
        self.zombie = False
        # Set when no scheduler answers any more (a wedged rank, or a dead scheduler the launcher did not notice):
        # generation hangs and health checks fail after SGLANG_HEALTH_CHECK_TIMEOUT, while the rest of HTTP answers.
        self.scheduler_silent = False
        self.silent_since = time.time()
        self.fail = sim_env.fail_mode()
        self.log = Logger("", args.log_level)
        self.uvicorn = UvicornLog(args.log_level_http or args.log_level)
        self.metrics = Metrics(self.served_name, runtime.get("max_total_num_tokens", 1),
                               args.tp_size if args.enable_metrics_for_all_schedulers else None)
        self.prefix_cache = PrefixCache(not args.disable_radix_cache)
        self._ids = itertools.count()
        self._batch_logs = self.log.level <= 20
        self._decode_log_lock = threading.Lock()
        self._last_decode_log = float("-inf")

    def next_id(self, prefix="", length=32):
        digest = hashlib.sha256(f"{self.args.random_seed}:{next(self._ids)}".encode()).hexdigest()
        return prefix + digest[:length]

    def decode_log_due(self, period):
        """Whether a Decode batch line is due: the scheduler prints one per decode_log_interval steps for
        the whole running batch (`period` seconds here), not one per request."""
        now = time.monotonic()
        with self._decode_log_lock:
            if now - self._last_decode_log < period * 0.9:
                return False
            self._last_decode_log = now
            return True

    def batch_log(self, line):
        if self._batch_logs and self.events is not None:
            self.events.put(line)

    def log_receive(self, rid, body):
        if self.args.log_requests:
            shown = {k: v for k, v in body.items() if k not in ("tools",)}
            self.log.info(f"Receive: obj=GenerateReqInput(rid={rid!r}, {str(shown)[:2000]})")

    def log_finish(self, rid, text, meta):
        if self.args.log_requests:
            self.log.info(f"Finish: obj=GenerateReqInput(rid={rid!r}), out={{'text': {str(text)[:2000]!r}, 'meta_info': {meta}}}")

    def model_info(self):
        return {"model_path": self.args.model_path, "tokenizer_path": self.args.tokenizer_path,
                "is_generation": True, "preferred_sampling_params": None,
                "weight_version": self.args.weight_version, "has_image_understanding": False,
                "has_audio_understanding": False, "model_type": self.model.model_type,
                "architectures": self.model.architectures}

    def server_info(self):
        info = self.args.fields()
        info.update({
            "version": __version__, "status": "ready" if self.ready else "starting",
            "max_total_num_tokens": self.runtime.get("max_total_num_tokens"),
            "context_len": self.context_len,
            "internal_states": [{
                "last_gen_throughput": round(self.metrics.last_gen_throughput, 2),
                "avg_spec_accept_length": 2.94 if self.args.speculative_algorithm else None,
                "num_running_reqs": self.metrics.running,
                "memory_usage": {"kvcache": round(self.runtime.get("kv_gib", 0), 2), "token_capacity":
                                 self.runtime.get("max_total_num_tokens")},
            }],
            "sim_aborted_requests": self.metrics.aborted,
            "sim_requests_total": self.metrics.requests,
        })
        return info


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "uvicorn"
    sys_version = ""
    state = None  # set by make_server
    sink = None  # while the decode loop streams this request: where its chunks go (serving.run)
    # uvicorn runs on asyncio, whose TCP transports set TCP_NODELAY; without it, each small SSE write waits for
    # the client's delayed ACK (about 40 ms) on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):  # uvicorn's access lines are written by _start instead
        pass

    # Like uvicorn (timeout_keep_alive=5 in SGLang), a kept-alive connection idle that long is closed, without
    # a Keep-Alive header announcing it: a client that reuses it then meets a reset. Only the wait for the
    # next request line is timed; a request being answered is not.
    def handle_one_request(self):
        self.connection.settimeout(sim_env.keep_alive_seconds())
        super().handle_one_request()

    def parse_request(self):
        self.connection.settimeout(None)
        return super().parse_request()

    # plumbing -----------------------------------------------------------------------
    def _start(self, status, content_type, length=None):
        self.send_response_only(status, PHRASES.get(status))
        self.send_header("date", self.date_time_string())
        self.send_header("server", "uvicorn")
        self.send_header("content-type", content_type)
        if length is None:
            self.send_header("transfer-encoding", "chunked")
        else:
            self.send_header("content-length", str(length))
        self.end_headers()
        self.state.uvicorn.access(self.client_address, self.command, self.path, status, PHRASES.get(status, ""))

    def json(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode()
        self._start(status, "application/json", len(data))
        self.wfile.write(data)

    def text(self, status, body, content_type="text/plain; charset=utf-8"):
        data = body.encode()
        self._start(status, content_type, len(data))
        self.wfile.write(data)

    def sse_start(self):
        self._start(200, "text/event-stream; charset=utf-8")

    def _chunk(self, data):
        frame = b"%x\r\n%s\r\n" % (len(data), data)
        if self.sink is not None:
            self.sink(frame)
            return
        try:
            self.wfile.write(frame)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            raise ClientGone()

    def sse(self, payload):
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        self._chunk(f"data: {text}\n\n".encode())

    def sse_end(self):
        try:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except OSError:
            pass

    def _discard_body(self):
        # Like uvicorn, a request answered without its body still has the body read: the kept-alive
        # connection then starts cleanly at the next request.
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)

    def _body(self):
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"null")
        except ValueError as e:
            raise ApiError(f"JSON decode error: {e}")
        if not isinstance(body, dict):
            raise ApiError("The request body must be a JSON object.")
        return body

    # routing ------------------------------------------------------------------------
    def _route(self, method):
        state = self.state
        path = self.path.split("?", 1)[0]
        if state.zombie or (state.scheduler_silent and path in GENERATION_PATHS):
            while True:  # accepted, never answered
                time.sleep(3600)
        if state.args.api_key and not path.startswith(("/health", "/metrics")):
            if self.headers.get("Authorization") != "Bearer " + state.args.api_key:
                self._discard_body()
                self.json(401, {"error": "Unauthorized"})
                return
        routes = GET_ROUTES if method == "GET" else POST_ROUTES
        other = POST_ROUTES if method == "GET" else GET_ROUTES
        handler = routes.get(path)
        if handler is None:
            self._discard_body()
            self.json(405 if path in other else 404,
                      {"detail": "Method Not Allowed" if path in other else "Not Found"})
            return
        try:
            handler(self)
        except ApiError as e:
            self.json(e.status, e.body())
        except ClientGone:
            self.close_connection = True

    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    # endpoints ----------------------------------------------------------------------
    # SGLang's health_generate (http_server.py), serving both paths: 503 while starting; else a one-token
    # generation, checked once a second, 200 as soon as the scheduler answered, 503 and an error line after
    # SGLANG_HEALTH_CHECK_TIMEOUT. With SGLANG_ENABLE_HEALTH_ENDPOINT_GENERATION=false (and in older releases)
    # `/health` answers 200 at once, even while generation hangs.
    def health(self):
        if self.state.ready and not sim_env.health_endpoint_generates():
            self._start(200, "application/json", 0)
            sim_env.record_health("/health 200")
        else:
            self.health_generate()

    def health_generate(self):
        if not self.state.ready:
            self._start(503, "application/json", 0)
            return
        tic = time.time()
        timeout = sim_env.health_check_timeout()
        while time.time() < tic + timeout / sim_env.speed():
            sim_env.sim_sleep(1)
            if not self.state.scheduler_silent:
                self._start(200, "application/json", 0)
                sim_env.record_health(f"{self.path} 200")
                return
        clock = lambda t: time.strftime("%H:%M:%S", time.localtime(t))
        self.state.log.error(f"Health check failed. Server couldn't get a response from detokenizer for last {int(timeout)} seconds. "
                             f"tic start time: {clock(tic)}. last_heartbeat time: {clock(self.state.silent_since)}")
        self._start(503, "application/json", 0)

    def models(self):
        s = self.state
        self.json(200, {"object": "list", "data": [{
            "id": s.served_name, "object": "model", "created": int(time.time()), "owned_by": "sglang",
            "root": s.served_name, "parent": None, "max_model_len": s.context_len}]})

    def model_info(self):
        self.json(200, self.state.model_info())

    def server_info(self):
        self.json(200, self.state.server_info())

    def _deprecated(self, old, new, answer):
        self.state.log.warning(f"Endpoint '{old}' is deprecated and will be removed in a future version. Please use '{new}' instead.")
        answer(self)

    def get_model_info(self):
        self._deprecated("/get_model_info", "/model_info", Handler.model_info)

    def get_server_info(self):
        self._deprecated("/get_server_info", "/server_info", Handler.server_info)

    def metrics(self):
        if not self.state.args.enable_metrics:
            self.json(404, {"detail": "Not Found"})
            return
        self.text(200, self.state.metrics.render(), "text/plain; version=0.0.4; charset=utf-8")

    def chat(self):
        openai_api.chat_completions(self.state, self._body(), self)

    def completions(self):
        openai_api.completions(self.state, self._body(), self)

    def generate(self):
        if self.state.fail == "warmup_failed" and not self.state.ready:
            self._start(502, "text/plain", 0)  # what the warm-up request met
            return
        openai_api.generate(self.state, self._body(), self)

    def flush_cache(self):
        self.state.prefix_cache.recent = []
        self.text(200, "Cache flushed.\nPlease check backend logs for more details. (When there are running or waiting requests, the operation will not be performed.)\n")


GENERATION_PATHS = ("/v1/chat/completions", "/v1/completions", "/generate")

GET_ROUTES = {
    "/health": Handler.health, "/health_generate": Handler.health_generate, "/v1/models": Handler.models,
    "/get_model_info": Handler.get_model_info, "/model_info": Handler.model_info,
    "/get_server_info": Handler.get_server_info, "/server_info": Handler.server_info,
    "/metrics": Handler.metrics,
}
POST_ROUTES = {
    "/v1/chat/completions": Handler.chat, "/v1/completions": Handler.completions, "/generate": Handler.generate,
    "/flush_cache": Handler.flush_cache,
}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 2048

    def server_bind(self):  # skip HTTPServer's reverse DNS lookup
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def make_server(state, host, port):
    """Bind (raises OSError like uvicorn's bind would) and return the server."""
    handler = type("BoundHandler", (Handler,), {"state": state})
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    server_class = type("BoundServer", (Server,), {"address_family": family})
    return server_class((host, port), handler)


def serve_in_thread(server):
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    return thread
