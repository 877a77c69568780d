"""SGLANG_SIM_FLOOD=N: N realistic serving log lines as fast as possible (or at SGLANG_SIM_FLOOD_RATE
lines per second), then one marker line."""

import time

from sglang.srt import sim_env
from sglang.srt.logging_utils import graph_bar, timestamp, write_err


def _line(args, i, tag):
    kind = i % 4
    ts = timestamp()
    if kind == 0:
        return (f"[{ts}{tag}] Prefill batch, #new-seq: 1, #new-token: {64 + i % 512}, #cached-token: {i % 97}, "
                f"token usage: 0.{i % 100:02d}, #running-req: {i % 32}, #queue-req: {i % 5}, ")
    if kind == 1:
        return (f"[{ts}{tag}] Decode batch, #running-req: {1 + i % 32}, #token: {1000 + i % 9000}, token usage: "
                f"0.{i % 100:02d}, cuda graph: True, gen throughput (token/s): {900 + (i * 37) % 4000}.{i % 100:02d}, #queue-req: 0, ")
    if kind == 2:
        return f'INFO:     127.0.0.1:{40000 + i % 20000} - "POST /v1/chat/completions HTTP/1.1" 200 OK'
    if i % 40 == 3:  # now and then a long line, like a logged request
        return f"[{ts}] Receive: obj=GenerateReqInput(rid='{i:032x}', text='" + "lorem ipsum " * 300 + "')"
    return f'INFO:     127.0.0.1:{40000 + i % 20000} - "GET /health HTTP/1.1" 200 OK'


def flood(args, count):
    tag = " TP0" if args.tp_size > 1 else ""
    rate = sim_env.flood_rate()
    start = time.monotonic()
    batch = []
    for i in range(count):
        if i and i % 1000 == 0:
            bar = "\r".join(graph_bar("Capturing batches (bs=1 avail_mem=14.14 GB)", k, 4, 3.05) for k in range(5))
            batch.append(bar)
        else:
            batch.append(_line(args, i, tag))
        if len(batch) >= 500:
            write_err("\n".join(batch) + "\n")
            batch = []
            if rate:
                ahead = start + (i + 1) / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
    if batch:
        write_err("\n".join(batch) + "\n")
    write_err(f"[{timestamp()}] flood complete lines={count}\n")
