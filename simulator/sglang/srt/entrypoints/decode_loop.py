"""One thread that produces every running request's tokens, as SGLang's scheduler runs one decode step for its
whole batch instead of a loop per request.

A thread per request sleeping between its tokens cost a wake-up per token and stream: at 32 streams of 2,000
tokens/s that was a core of Python on its own. Here one wake-up serves every stream whose next token is due,
and sockets are written without blocking, so a slow reader holds up no other stream: its bytes wait in its
buffer until its socket takes them (up to HIGH_WATER, after which its tokens wait too, like uvicorn's flow
control pausing a response).
"""

import selectors
import socket
import threading
import time

HIGH_WATER = 256 * 1024


class DecodeStream:
    """One request's tokens: `emit(i)` produces token i at first_due + i * period (its writes go to `out`)."""

    def __init__(self, count, first_due, period, emit, sock=None):
        self.count, self.first_due, self.period, self.emit, self.sock = count, first_due, period, emit, sock
        self.out = bytearray()
        self.produced = 0
        self.gone = False
        self.error = None
        self.watched = False
        self.done = threading.Event()

    def next_due(self):
        return self.first_due + self.produced * self.period

    def producing(self):
        return self.produced < self.count and len(self.out) < HIGH_WATER


class DecodeLoop:
    def __init__(self):
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        for end in (self._wake_r, self._wake_w):
            end.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._lock = threading.Lock()
        self._arrived = []
        self._streams = []
        threading.Thread(target=self._run, name="decode-loop", daemon=True).start()

    def submit(self, stream):
        """Adds a stream; its `done` is set once all of it is written, or its client is gone."""
        if stream.sock is not None:
            stream.sock.setblocking(False)
        with self._lock:
            self._arrived.append(stream)
        try:
            self._wake_w.send(b"\0")
        except BlockingIOError:
            pass  # a wake-up is already pending

    def _run(self):
        while True:
            for key, _ in self._selector.select(self._timeout()):
                if key.fileobj is self._wake_r:
                    try:
                        while self._wake_r.recv(4096):
                            pass
                    except BlockingIOError:
                        pass
            with self._lock:
                self._streams.extend(self._arrived)
                self._arrived.clear()
            now = time.monotonic()
            running = []
            for stream in self._streams:
                try:
                    self._step(stream, now)
                except Exception as e:  # a bug in one request's tokens: it fails, the others go on
                    stream.error, stream.gone = e, True
                if stream.gone or (stream.produced >= stream.count and not stream.out):
                    self._finish(stream)
                else:
                    running.append(stream)
            self._streams = running

    def _timeout(self):
        """Until the next token is due; None when every stream waits for its socket (or there is none)."""
        due = [s.next_due() for s in self._streams if s.producing()]
        return max(0.0, min(due) - time.monotonic()) if due else None

    def _step(self, stream, now):
        # Tokens due within half a period go out now: one wake-up per period serves streams of any phase.
        horizon = now + stream.period / 2
        while stream.producing() and stream.next_due() <= horizon:
            stream.emit(stream.produced)
            stream.produced += 1
        if stream.out and stream.sock is not None:
            try:
                sent = stream.sock.send(stream.out)
                del stream.out[:sent]
            except BlockingIOError:
                pass
            except OSError:
                stream.gone = True
        self._watch(stream, bool(stream.out) and not stream.gone)

    def _watch(self, stream, writable):
        if writable != stream.watched:
            if writable:
                self._selector.register(stream.sock, selectors.EVENT_WRITE)
            else:
                self._selector.unregister(stream.sock)
            stream.watched = writable

    def _finish(self, stream):
        if stream.watched:
            self._selector.unregister(stream.sock)
            stream.watched = False
        if stream.sock is not None and not stream.gone:
            stream.sock.setblocking(True)
        stream.done.set()


_loop = None
_loop_lock = threading.Lock()


def decode_loop():
    global _loop
    with _loop_lock:
        if _loop is None:
            _loop = DecodeLoop()
        return _loop
