"""The virtual board's serial line: relays bytes between a pty and the Node.js process.

One thread polls the pty master, the node process's stdout/stderr and its event pipe.
- No client has the pty open (POLLHUP on the master): board output is dropped, as a USB board
  drops what it sends while no host listens.
- ``baud``: both directions are limited to baud/10 bytes per second, like a UART.
- Events (JSON lines: ready, pin changes) are handed to a callback.
"""

from __future__ import annotations

import errno
import json
import os
import select
import threading
import time
from collections.abc import Callable
from typing import Any

CHUNK = 65536
HUP_RECHECK = 0.01  # seconds between looks at a pty nobody has open


class _Bucket:
    """Token bucket for one direction of a throttled line."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate * 0.005)
        self.tokens = self.capacity
        self.stamp = time.monotonic()

    def available(self) -> int:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return int(self.tokens)

    def take(self, n: int) -> None:
        self.tokens -= n

    def wait_for_one(self) -> float:
        return max(0.0, (1 - self.tokens) / self.rate)


class Bridge(threading.Thread):
    def __init__(
        self,
        master: int,
        to_node: int,
        from_node: int,
        node_err: int,
        events: int,
        on_event: Callable[[dict[str, Any]], None],  # one JSON line from board.js
        baud: int | None = None,
    ) -> None:
        super().__init__(name="hotaru-simulator-bridge", daemon=True)
        self.master = master
        self.to_node = to_node
        self.from_node = from_node
        self.node_err = node_err
        self.events = events
        self.on_event = on_event
        for fd in (master, to_node, from_node, node_err, events):
            os.set_blocking(fd, False)
        self._wake_r, self._wake_w = os.pipe()
        self._stopping = False
        self.stderr_tail = b""
        self._down = _Bucket(baud / 10) if baud else None  # board -> host
        self._up = _Bucket(baud / 10) if baud else None  # host -> board

    def stop(self) -> None:
        self._stopping = True
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass

    def run(self) -> None:
        try:
            self._loop()
        finally:
            for fd in (self._wake_r, self._wake_w):
                os.close(fd)

    def _loop(self) -> None:
        to_host = b""  # board output waiting for the pty
        to_board = b""  # host input waiting for node's stdin
        event_buf = b""
        client = False
        next_look = 0.0
        node_open = True
        err_open = True
        events_open = True
        while not self._stopping:
            now = time.monotonic()
            timeout: float | None = None
            registered: dict[int, int] = {self._wake_r: select.POLLIN}
            if not client and now >= next_look:
                # has a client opened the port? (HUP on the master means nobody has it open)
                if _hung_up(self.master):
                    next_look = now + HUP_RECHECK
                else:
                    client = True
            if client:
                mask = 0
                if to_host:
                    mask |= select.POLLOUT
                if len(to_board) < CHUNK:
                    mask |= select.POLLIN
                registered[self.master] = mask
                if self._down and to_host and self._down.available() < 1:
                    registered[self.master] &= ~select.POLLOUT
                    timeout = self._down.wait_for_one()
                if self._up and self._up.available() < 1:
                    registered[self.master] &= ~select.POLLIN
                    wait = self._up.wait_for_one()
                    timeout = wait if timeout is None else min(timeout, wait)
            else:
                timeout = next_look - now
            if node_open and not to_host:
                registered[self.from_node] = select.POLLIN
            if to_board:
                registered[self.to_node] = select.POLLOUT
            if err_open:
                registered[self.node_err] = select.POLLIN
            if events_open:
                registered[self.events] = select.POLLIN
            poller = select.poll()
            for fd, mask in registered.items():
                poller.register(fd, mask)
            ready = poller.poll(None if timeout is None else max(timeout, 0.0005) * 1000)
            for fd, ev in ready:
                if fd == self._wake_r:
                    os.read(self._wake_r, 64)
                elif fd == self.master:
                    data: bytes | None = b""  # later reads may say None (closed)
                    if ev & select.POLLIN:
                        limit = CHUNK - len(to_board)
                        if self._up:
                            limit = min(limit, self._up.available())
                        data = _read(self.master, max(limit, 1)) or b""
                        if self._up:
                            self._up.take(len(data))
                        to_board += data
                    if not data and ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                        client = False
                        to_host = b""
                        next_look = time.monotonic() + HUP_RECHECK
                        continue
                    client = True
                    if ev & select.POLLOUT and to_host:
                        n = len(to_host)
                        if self._down:
                            n = min(n, self._down.available())
                        written = _write(self.master, to_host[: max(n, 1)])
                        if written is None:
                            client = False
                            to_host = b""
                        else:
                            if self._down:
                                self._down.take(written)
                            to_host = to_host[written:]
                elif fd == self.from_node:
                    data = _read(self.from_node, CHUNK)
                    if data is None or (data == b"" and ev & select.POLLHUP):
                        node_open = False
                    elif client:
                        to_host += data
                elif fd == self.to_node:
                    written = _write(self.to_node, to_board)
                    to_board = b"" if written is None else to_board[written:]
                elif fd == self.node_err:
                    data = _read(self.node_err, CHUNK)
                    if not data:
                        if data is None or ev & select.POLLHUP:
                            err_open = False
                    else:
                        self.stderr_tail = (self.stderr_tail + data)[-8192:]
                elif fd == self.events:
                    data = _read(self.events, CHUNK)
                    if not data:
                        if data is None or ev & select.POLLHUP:
                            events_open = False
                        continue
                    event_buf += data
                    *lines, event_buf = event_buf.split(b"\n")
                    for line in lines:
                        try:
                            self.on_event(json.loads(line))
                        except ValueError:
                            pass
            if not node_open and not events_open and (not client or not to_host):
                # keep the pty for a client that still has it open; nothing more will come
                time.sleep(0.05)


def _hung_up(fd: int) -> bool:
    p = select.poll()
    p.register(fd, select.POLLIN)
    return any(ev & select.POLLHUP for _, ev in p.poll(0))


def _read(fd: int, n: int) -> bytes | None:
    """Bytes read; b"" when nothing is there right now; None at end of file or error."""
    try:
        data = os.read(fd, n)
    except BlockingIOError:
        return b""
    except OSError as e:
        if e.errno == errno.EIO:
            return b""
        return None
    return data if data else None


def _write(fd: int, data: bytes) -> int | None:
    try:
        return os.write(fd, data)
    except BlockingIOError:
        return 0
    except OSError:
        return None
