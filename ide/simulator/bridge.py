"""The virtual board's serial line: node's stdin/stdout pipes <-> whoever has the port open.

Plain threads and blocking pipe reads, so it works on every OS (no poll(), no pty):
- the *out pump* reads the board's bytes from node's stdout and hands them to every connected
  client; with no client connected they are dropped, as a USB board drops what it sends while
  no host listens. A client that stops reading holds the board back (USB flow control).
- the *writer* feeds node's stdin from a small bounded buffer (clients block when it is full).
- ``baud``: both directions are limited to baud/10 bytes per second, like a UART.
- node's stderr is kept (last 8 KiB) for error messages.

A client is a :class:`Client` (the in-process endpoint: ``VirtualBoard.connect()``, used by the
simulator transport) or, on Linux/macOS, the optional pty (``pty_port.PtyPort``). When node's
stdout ends (the process died or was stopped) the line is *lost*: reads raise BoardGone
once the bytes already received are read, writes raise at once.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Protocol

from ide.text import QT_TRANSLATE_NOOP, Message

CHUNK = 65536
CLIENT_BUFFER = 65536  # unread bytes a client may hold before the board is held back
TO_BOARD_BUFFER = 65536  # bytes waiting for node's stdin before writers block


class BoardGone(ConnectionError):
    """The virtual board's line is gone (its process ended, or the client closed the port).
    A ConnectionError, so ide.board's transport contract (TransportLost or any OSError) holds
    without the simulator importing the board package above it. ``message``: the reason in
    words the UI translates (a link's loss is said as "lost ({reason})")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.message = Message("BoardGone", reason)


STOPPED = QT_TRANSLATE_NOOP("BoardGone", "the virtual board stopped")
CLOSED = QT_TRANSLATE_NOOP("BoardGone", "the port is closed")


class _Bucket:
    """Token bucket for one direction of a throttled line."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate * 0.005)
        self.tokens = self.capacity
        self.stamp = time.monotonic()

    def take_up_to(self, n: int) -> int:
        """Wait until at least one byte may pass; take and return how many (<= n) may."""
        while True:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                granted = min(n, int(self.tokens))
                self.tokens -= granted
                return granted
            time.sleep(max((1 - self.tokens) / self.rate, 0.0005))


class Receiver(Protocol):
    """What the bridge hands board output to."""

    def deliver(self, data: bytes) -> None: ...

    def line_lost(self) -> None: ...


class Bridge:
    def __init__(
        self,
        to_node: int,
        from_node: int,
        node_err: int,
        baud: int | None = None,
        on_lost: Callable[[], None] | None = None,
        before_output: Callable[[], None] | None = None,
    ) -> None:
        self._to_node = to_node
        self._from_node = from_node
        self._node_err = node_err
        self._on_lost = on_lost
        self._before_output = before_output  # lets side-channel events go first (control.py)
        self._down = _Bucket(baud / 10) if baud else None  # board -> host
        self._up = _Bucket(baud / 10) if baud else None  # host -> board
        self._lock = threading.Lock()
        self._clients: list[Receiver] = []
        self._pending = bytearray()  # host -> board, waiting for the writer thread
        self._pending_cond = threading.Condition(self._lock)
        self._lost = False
        self._stopping = False
        self.stderr_tail = b""
        self._threads = [
            threading.Thread(target=self._pump_out, name="hotaru-sim-out", daemon=True),
            threading.Thread(target=self._pump_err, name="hotaru-sim-err", daemon=True),
            threading.Thread(target=self._write_loop, name="hotaru-sim-in", daemon=True),
        ]

    def start(self) -> None:
        for t in self._threads:
            t.start()

    # ------------------------------------------------------------------ clients

    @property
    def lost(self) -> bool:
        return self._lost

    def attach(self, client: Receiver) -> None:
        with self._lock:
            if client not in self._clients:
                self._clients.append(client)

    def detach(self, client: Receiver) -> None:
        with self._lock:
            if client in self._clients:
                self._clients.remove(client)

    def room(self) -> int:
        """How many bytes send() takes right now without blocking."""
        with self._lock:
            return max(TO_BOARD_BUFFER - len(self._pending), 0)

    def send(self, data: bytes) -> None:
        """Queue ``data`` for the board; blocks while the line is full; BoardGone if gone."""
        view = memoryview(data)
        with self._pending_cond:
            while view:
                if self._lost or self._stopping:
                    raise BoardGone(STOPPED)
                room = TO_BOARD_BUFFER - len(self._pending)
                if room <= 0:
                    self._pending_cond.wait(0.1)
                    continue
                self._pending += view[:room]
                view = view[room:]
                self._pending_cond.notify_all()

    def new_client(self) -> Client:
        """An in-process endpoint, connected (opening the port)."""
        client = Client(self)
        self.attach(client)
        return client

    # ------------------------------------------------------------------ threads

    def _pump_out(self) -> None:
        try:
            while True:
                try:
                    data = os.read(self._from_node, CHUNK)
                except OSError:
                    data = b""
                if not data:
                    return
                if self._before_output:
                    self._before_output()
                while data:
                    with self._lock:
                        clients = list(self._clients)
                    if not clients:
                        break  # nobody has the port open: the bytes are gone
                    # a throttled line passes what a UART would have sent by now
                    n = self._down.take_up_to(len(data)) if self._down else len(data)
                    for client in clients:
                        client.deliver(data[:n])
                    data = data[n:]
        finally:
            self._line_lost()

    def _line_lost(self) -> None:
        with self._pending_cond:
            self._lost = True
            clients = list(self._clients)
            self._pending_cond.notify_all()
        for client in clients:
            client.line_lost()
        if self._on_lost and not self._stopping:
            self._on_lost()

    def _pump_err(self) -> None:
        while True:
            try:
                data = os.read(self._node_err, CHUNK)
            except OSError:
                return
            if not data:
                return
            self.stderr_tail = (self.stderr_tail + data)[-8192:]

    def _write_loop(self) -> None:
        while True:
            with self._pending_cond:
                while not self._pending and not (self._lost or self._stopping):
                    self._pending_cond.wait()
                if self._lost or self._stopping:
                    return
                chunk = bytes(self._pending[:CHUNK])
            if self._up:
                chunk = chunk[: self._up.take_up_to(len(chunk))]
            try:
                written = os.write(self._to_node, chunk)
            except OSError:  # node is gone (broken pipe); the out pump sees EOF too
                with self._pending_cond:
                    self._pending.clear()
                    self._pending_cond.notify_all()
                return
            with self._pending_cond:
                del self._pending[:written]
                self._pending_cond.notify_all()

    def stop(self) -> None:
        """Stop feeding the board (node is being ended; its stdout EOF ends the out pump)."""
        with self._pending_cond:
            self._stopping = True
            self._pending_cond.notify_all()

    def join(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(deadline - time.monotonic(), 0))


class Client:
    """One open connection to the board's serial line, in this process.

    ``read(n, timeout)`` / ``write(data)`` / ``close()`` / ``alive``, as the transport contract
    in ide.board.transports.base asks: read returns what is there (or b"" after ``timeout``),
    raises BoardGone once the board is gone and everything it sent has been read.
    """

    def __init__(self, bridge: Bridge) -> None:
        self._bridge = bridge
        self._buf = bytearray()
        self._cond = threading.Condition()
        self._closed = False

    # called by the bridge's out pump
    def deliver(self, data: bytes) -> None:
        with self._cond:
            # a reader that falls behind holds the board back instead of growing this buffer
            while len(self._buf) >= CLIENT_BUFFER and not self._closed:
                self._cond.wait(0.1)
            if self._closed:
                return
            self._buf += data
            self._cond.notify_all()

    def line_lost(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # the endpoint
    @property
    def alive(self) -> bool:
        return not self._closed and not self._bridge.lost

    @property
    def in_waiting(self) -> int:
        return len(self._buf)

    def read(self, n: int, timeout: float) -> bytes:
        deadline = time.monotonic() + max(timeout, 0.0)
        with self._cond:
            while not self._buf:
                if self._closed:
                    return b""
                if self._bridge.lost:
                    raise BoardGone(STOPPED)
                left = deadline - time.monotonic()
                if left <= 0:
                    return b""
                self._cond.wait(left)
            data = bytes(self._buf[:n])
            del self._buf[:n]
            self._cond.notify_all()
            return data

    def write(self, data: bytes) -> None:
        if self._closed:
            raise BoardGone(CLOSED)
        self._bridge.send(bytes(data))

    def close(self) -> None:
        self._bridge.detach(self)
        with self._cond:
            self._closed = True
            self._buf.clear()
            self._cond.notify_all()
