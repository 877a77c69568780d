"""Requests aborted with a status code after their stream started (SGLANG_SIM_FAIL abort_mid_stream, oom_under_load).

SGLang's serving_chat.py and serving_completions.py answer such an abort with
`data: {"error": {"object": "error", "message", "type": <HTTPStatus name>, "param": null, "code"}}`,
then the usage chunk when asked for, then `data: [DONE]`: a stream can end with [DONE] and still have failed.
"""

from http import HTTPStatus

from sglang.srt import sim_env

# What SGLang's token allocator raises when a decode step finds no room in the KV cache (mem_cache/allocator).
DECODE_OOM = "Decode out of memory. Try to lower your batch size.\nTry to allocate {running} tokens.\nAvail tokens: 0"


class RequestAborted(Exception):
    """The scheduler aborted the request after `produced` tokens."""

    def __init__(self, status, message, produced):
        super().__init__(message)
        self.status, self.message, self.produced = status, message, produced

    def chunk(self):
        return {"error": {"object": "error", "message": self.message, "type": self.status.name, "param": None,
                          "code": self.status.value}}


def plan(mode, running, token_count):
    """The abort a streamed request meets three quarters through its tokens, or None.

    `running` counts the running requests with this one: under `oom_under_load`, a request that starts while
    SGLANG_SIM_OOM_RUNNING_REQS or more run is the one the KV cache cannot hold.
    """
    produced = max(1, token_count * 3 // 4)
    if mode == "abort_mid_stream":
        return RequestAborted(HTTPStatus.INTERNAL_SERVER_ERROR, "Generation aborted.", produced)
    if mode == "oom_under_load" and running >= sim_env.oom_running_requests():
        return RequestAborted(HTTPStatus.SERVICE_UNAVAILABLE, DECODE_OOM.format(running=running), produced)
    return None
