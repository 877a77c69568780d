"""Running one request: radix-cache match, pacing at the token rate, batch log lines, metrics.

Text is produced here, in the HTTP process; the batch log lines go to scheduler 0,
which prints them with its rank tag, as SGLang's scheduler does.
"""

import threading
import time

from sglang.srt import gpu_state, sim_env
from sglang.srt.entrypoints import stream_abort
from sglang.srt.entrypoints.decode_loop import DecodeStream, decode_loop


class ClientGone(Exception):
    """The client closed the connection: the request is aborted."""


class PrefixCache:
    """Longest common prefix with recent prompts (what the radix cache would reuse)."""

    def __init__(self, enabled):
        self.enabled, self.recent, self.lock = enabled, [], threading.Lock()

    def match_and_insert(self, tokens):
        if not self.enabled:
            return 0
        tokens = tuple(tokens)
        with self.lock:
            best = 0
            for old in self.recent:
                n = 0
                for a, b in zip(old, tokens):
                    if a != b:
                        break
                    n += 1
                best = max(best, n)
            self.recent = ([tokens] + self.recent)[:32]
        return min(best, max(0, len(tokens) - 1))


def run(state, prompt_pieces, completion, on_token, io=None, abortable=False):
    """Generate `completion` at the simulated rate, calling on_token(i, token) for each in the decode loop.

    With `io` (the request's handler), what on_token writes to it goes out through the loop, without blocking;
    the handler's own writes before and after are its own. Raises ClientGone if the client went away, and
    RequestAborted when an `abortable` request meets the failure mode's abort part-way.
    """
    metrics, args = state.metrics, state.args
    prompt_tokens = len(prompt_pieces)
    cached = state.prefix_cache.match_and_insert(prompt_pieces)
    start = time.monotonic()
    running = metrics.started(prompt_tokens, cached)
    abort = stream_abort.plan(state.fail, running, len(completion.tokens)) if abortable else None
    gpu_state.publish_load(running)
    state.batch_log(
        f"Prefill batch, #new-seq: 1, #new-token: {prompt_tokens - cached}, #cached-token: {cached}, "
        f"token usage: {metrics.token_usage():.2f}, #running-req: {running - 1}, #queue-req: 0, "
    )
    rate = sim_env.tokens_per_second()
    ttft_target = start + (prompt_tokens - cached) / (rate * 50.0) + 1.0 / rate
    interval = max(1, args.decode_log_interval)
    spec = " accept len: 2.94, accept rate: 0.49," if args.speculative_algorithm else ""
    tokens = completion.tokens
    first_at = []

    def emit(i):
        if not first_at:
            first_at.append(time.monotonic())
        on_token(i, tokens[i])
        produced = i + 1
        if produced % interval == 0 and state.decode_log_due(interval / rate):
            elapsed = max(1e-6, time.monotonic() - first_at[0])
            running = metrics.running
            state.batch_log(
                f"Decode batch, #running-req: {running}, #token: {prompt_tokens + produced}, "
                f"token usage: {metrics.token_usage():.2f},{spec} cuda graph: {not args.disable_cuda_graph}, "
                f"gen throughput (token/s): {running * produced / elapsed / sim_env.speed():.2f}, #queue-req: 0, "
            )

    stream = DecodeStream(abort.produced if abort else len(tokens), ttft_target, 1.0 / rate, emit, io.connection if io is not None else None)
    if io is not None:
        io.sink = stream.out.extend
    try:
        decode_loop().submit(stream)
        stream.done.wait()
    finally:
        if io is not None:
            io.sink = None
        ttft = first_at[0] - start if first_at else None
        metrics.finished(prompt_tokens, stream.produced, ttft, time.monotonic() - start, stream.gone or abort is not None,
                         streaming=io is not None)
        gpu_state.publish_load(metrics.running)
    if stream.error is not None:
        raise stream.error
    if stream.gone:
        raise ClientGone()
    if abort is not None:
        raise abort
    return cached
