"""Keystrokes for the friendly REPL, and the pump that delivers them and leaves the raw REPL.

Keys typed while an operation holds the board are queued in the console router; the *pump*
thread types them right after the operation (and an operation asked for later types them
first), and takes the board back to the friendly REPL LAZY_EXIT seconds after the last
operation, so a burst of operations (a Files pane refresh) enters the raw REPL once.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from ide.board.connection import Connection
from ide.board.console import ConsoleRouter, Pump
from ide.board.errors import BoardError
from ide.board.repl import RawRepl
from ide.board.runner import Runner

LAZY_EXIT = 0.25  # seconds in raw REPL after the last operation before going back to friendly


class KeysHost(Protocol):
    """What key delivery needs of the session."""

    repl: RawRepl
    console: ConsoleRouter
    runner: Runner
    conn: Connection
    gate: threading.RLock

    @property
    def op_lock(self) -> threading.RLock: ...

    def op_active(self) -> bool: ...


class Keys:
    """write_console's routing, the pump's tick, the lazy exit from the raw REPL."""

    def __init__(self, host: KeysHost) -> None:
        self._host = host
        self._last_op_end = 0.0
        self._gave_up = False  # a delivery failed: the next operation will diagnose
        self._pump: Pump | None = None

    def start(self) -> None:
        self._pump = Pump(self._tick)

    def stop(self) -> None:
        if self._pump is not None:
            self._pump.stop()

    def op_ended(self) -> None:
        self._last_op_end = time.monotonic()
        self._gave_up = False
        if self._pump is not None:
            self._pump.wake()

    def write(self, data: bytes) -> None:
        """To the running program, straight to the friendly REPL, or queued (never blocks)."""
        host = self._host
        with host.gate:
            if host.runner.send_input(data):
                return
            if host.conn.usable and host.repl.mode == "friendly" and not host.op_active():
                if not host.console.has_queued():
                    host.console.track_typed(data)  # before writing: the echo may come at once
                    host.repl.link.write(data)
                    return
            host.console.queue(data)
        if self._pump is not None:
            self._pump.wake()

    def deliver(self) -> None:
        """To the friendly REPL and type the queued keystrokes (operation lock held)."""
        host = self._host
        if host.repl.mode == "unknown":
            host.repl.resync()
        if host.repl.mode == "raw":
            host.repl.to_friendly()
        if host.repl.mode == "friendly":
            with host.gate:
                data = host.console.take_queued()
                if data:
                    host.console.track_typed(data)
                    host.repl.link.write(data)

    def _tick(self) -> None:
        host = self._host
        if not host.conn.usable or host.runner.running:
            return
        lazy_due = (
            host.repl.mode in ("raw", "unknown")
            and not self._gave_up
            and time.monotonic() - self._last_op_end > LAZY_EXIT
        )
        if not (host.console.has_queued() or lazy_due):
            return
        if not host.op_lock.acquire(timeout=0.05):
            return
        try:
            if host.runner.running or not host.conn.usable or self._gave_up:
                return
            self.deliver()
        except BoardError:
            host.repl.invalidate()
            self._gave_up = True  # the next operation will diagnose and say why
        finally:
            host.op_lock.release()
