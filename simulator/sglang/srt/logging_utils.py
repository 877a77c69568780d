"""Log lines in SGLang's and uvicorn's formats.

Everything goes through os.write so lines from several threads, signal handlers
and processes never interleave inside one write and nothing sits in a buffer.
SGLang's logger, tqdm and tracebacks write to stderr; uvicorn's access log to stdout.
"""

import os
import time

LEVELS = {"debug": 10, "info": 20, "warning": 30, "error": 40, "critical": 50}


def _write(fd, text):
    data = text.encode("utf-8", "replace")
    while data:
        try:
            n = os.write(fd, data)
        except InterruptedError:
            continue
        except OSError:
            return  # reader went away: keep running, like a process whose pty closed
        data = data[n:]


def write_err(text):
    _write(2, text)


def write_out(text):
    _write(1, text)


def timestamp():
    return time.strftime("%Y-%m-%d %H:%M:%S")


def level_value(name):
    return LEVELS.get((name or "info").lower(), 20)


class Logger:
    """`[2026-03-11 13:59:42 TP0] message` lines; tag "" gives `[2026-03-11 13:59:42] message`."""

    def __init__(self, tag="", level="info"):
        self.tag = tag
        self.level = level_value(level)

    def _emit(self, level, msg):
        if level >= self.level:
            write_err(f"[{timestamp()}{self.tag}] {msg}\n")

    def info(self, msg):
        self._emit(20, msg)

    def warning(self, msg):
        self._emit(30, msg)

    def error(self, msg):
        self._emit(40, msg)


class UvicornLog:
    def __init__(self, level="info"):
        self.level = level_value(level)

    def info(self, msg):
        if self.level <= 20:
            write_err(f"INFO:     {msg}\n")

    def error(self, msg):
        write_err(f"ERROR:    {msg}\n")

    def access(self, client, method, path, status, phrase):
        if self.level <= 20:
            write_out(f'INFO:     {client[0]}:{client[1]} - "{method} {path} HTTP/1.1" {status} {phrase}\n')


def _clock(seconds):
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def tqdm_timing(n, total, rate):
    elapsed = n / rate if rate else 0
    remaining = (total - n) / rate if rate else 0
    return f"[{_clock(elapsed)}<{_clock(remaining)}, {rate:5.2f}it/s]"


def shard_bar(n, total, rate, label="Loading safetensors checkpoint shards"):
    pct = int(n * 100 / total) if total else 100
    timing = "[00:00<?, ?it/s]" if n == 0 else tqdm_timing(n, total, rate)
    return f"{label}: {pct:3d}% Completed | {n}/{total} {timing}"


def graph_bar(desc, n, total, rate):
    pct = int(n * 100 / total) if total else 100
    filled = int(n * 10 / total) if total else 10
    bar = "\u2588" * filled + " " * (10 - filled)
    return f"{desc}: {pct:3d}%|{bar}| {n}/{total} {tqdm_timing(n, total, rate)}"
