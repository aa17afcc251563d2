"""The operation gate: the operation lock, whether an operation is under way, the cancel request
of a transfer, and the board state those facts (and the connection's) add up to.

One operation at a time holds the board at the raw REPL prompt (files, exec, run); the caller's
thread runs it holding the lock, so operations are serialised in call order. ``gate`` guards
where keystrokes go (mode, op_active, running, queue) and is shared with keys and runner.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from ide.board.connection import Connection
from ide.board.console import ConsoleRouter
from ide.board.errors import Busy, Cancelled, Disconnected, RemoteError, Timeout, VerifyFailed
from ide.board.keys import Keys
from ide.board.link import LinkTimeout
from ide.board.repl import RawRepl
from ide.board.runner import Runner
from ide.board.state import BoardState

LOCK_WAIT = 10.0  # seconds hard_reset/release/reacquire wait for an operation to end
REPL_GRACE = 2.0  # seconds an operation waits for the REPL to answer a line the user entered


class OperationHost(Protocol):
    """What the operation gate needs of the session."""

    timeout: float
    repl: RawRepl
    console: ConsoleRouter
    runner: Runner
    conn: Connection
    keys: Keys

    def state_changed(self) -> None: ...


class OperationGate:
    """The operation lock and what it guards (see the module's docstring)."""

    def __init__(self, host: OperationHost) -> None:
        self._host = host
        self.lock = threading.RLock()
        self.gate = threading.RLock()  # where keystrokes go: mode, op_active, running, queue
        self._active = False
        self._cancel = threading.Event()  # interrupt() asked the operation in progress to stop

    def op_active(self) -> bool:
        return self._active

    def in_operation(self) -> bool:
        return self._active or self._host.runner.running

    def request_cancel(self) -> bool:
        """Ask the operation in progress (a transfer) to stop; False when none is."""
        with self.gate:
            if not self._active:
                return False
            self._cancel.set()
            return True

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def state_from_facts(self) -> BoardState:
        """The state the connection, the runner and the operation in progress add up to."""
        host = self._host
        conn = host.conn
        if conn.closed or conn.released:
            return BoardState.DISCONNECTED
        if not conn.connected:
            return BoardState.RECONNECTING if conn.reconnecting else BoardState.DISCONNECTED
        if host.runner.running:
            return BoardState.RUNNING
        if self._active:
            return BoardState.BUSY
        return BoardState.IDLE

    @contextmanager
    def operation(self, *, busy_ok: bool = False, keys_first: bool = True) -> Iterator[None]:
        """Hold the board at the raw REPL prompt for one operation (files, exec, run).

        Busy at once while a program of run() runs, or (unless ``busy_ok``) while the REPL works
        on a line the user entered; Disconnected at once when the link is gone. Keystrokes
        queued before it are typed first (``keys_first``; run() hands them to the program)."""
        host = self._host
        if host.runner.running:
            raise Busy()
        host.conn.check_usable()
        if not self.lock.acquire(timeout=max(60.0, host.timeout * 6)):
            raise Busy()
        try:
            host.conn.check_usable()
            if keys_first and host.console.has_queued():
                # Keys typed before this operation was asked for go first (in order).
                host.keys.deliver()
            if host.repl.mode == "friendly" and not busy_ok and host.console.repl_working:
                # A line the user typed (maybe while the last operation ran) is being run:
                # a quick one answers with its prompt at once; only a long one makes us refuse.
                host.console.wait_answered(REPL_GRACE)
            with self.gate:
                if host.runner.running:
                    raise Busy()
                if host.repl.mode == "friendly" and not busy_ok and host.console.repl_working:
                    raise Busy()
                self._active = True
                self._cancel.clear()
            host.state_changed()
            try:
                host.repl.ensure_raw()
                yield
            except LinkTimeout as e:
                host.repl.invalidate()
                raise Timeout(detail=str(e.detail)) from e
            except (RemoteError, Cancelled, VerifyFailed, Busy):
                raise  # raised at a clean protocol boundary: the board sits at the raw prompt
            except Disconnected:
                host.repl.invalidate()
                host.conn.lost_in_op = True  # on reconnection: interrupt and resync
                raise
            except BaseException:
                host.repl.invalidate()  # mid-protocol (or a callback's own error): resync next
                raise
        finally:
            with self.gate:
                self._active = False
            # The end time first: a pump tick right after the release must not find the
            # previous one and leave the raw REPL at once.
            host.keys.op_ended()
            self.lock.release()
            host.state_changed()

    def lock_wait(self) -> float:
        return LOCK_WAIT

    @contextmanager
    def lock_or_busy(self) -> Iterator[None]:
        """The operation lock for hard_reset/release/reacquire: Busy if an operation keeps it
        longer than LOCK_WAIT seconds (they must not act on the port under its feet)."""
        if not self.lock.acquire(timeout=LOCK_WAIT):
            raise Busy()
        try:
            yield
        finally:
            self.lock.release()
