"""Running a user program: run(), its output and input, and stopping it (Ctrl-C tries).

The runner owns the one fact the board's state rests on: a program runs exactly while a run()
that Hotaru started is in flight (``running``). Output the board prints at the idle prompt
afterwards (a Timer callback, log lines) is console output and changes nothing here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from ide.board.console import ConsoleRouter
from ide.board.errors import NotResponding
from ide.board.idflog import sift_logs
from ide.board.repl import RawRepl
from ide.board.types import RunResult
from ide.text import QT_TRANSLATE_NOOP, message

CTX = "BoardSession"
STOP_TRIES = 3


class RunnerHost(Protocol):
    """What the runner needs of the session."""

    repl: RawRepl
    console: ConsoleRouter
    gate: threading.RLock

    def operation(self, *, keys_first: bool = True) -> AbstractContextManager[None]: ...

    def state_changed(self) -> None: ...

    def after_reset(self) -> None: ...


class Runner:
    """run() and its stop tries; ``running`` is True only while run() is in flight."""

    def __init__(self, host: RunnerHost) -> None:
        self._host = host
        self.running = False
        self._stop_at: float | None = None
        self._stop_tries = 0
        self._reset_during_run = False

    # -- input and stopping (any thread) ------------------------------------------------------
    def send_input(self, data: bytes) -> bool:
        """Typed input for the running program; False when none runs (the caller routes it)."""
        with self._host.gate:
            if not self.running:
                return False
            if b"\x03" in data and self._stop_at is None:
                self._stop_at = time.monotonic()
                self._stop_tries = 1
            self._host.repl.link.write(data)
            return True

    def interrupt(self) -> bool:
        """Ctrl-C to the running program; False when none runs."""
        with self._host.gate:
            if not self.running:
                return False
            self._stop_at = time.monotonic()
            self._stop_tries = 1
            self._host.repl.link.write(b"\x03")
            return True

    def stop_by_reset(self) -> None:
        """The board is being reset under the program: run() returns as soon as it reboots."""
        self._reset_during_run = True

    # -- run ------------------------------------------------------------------------------------
    def stop_pending(self) -> bool:
        """A Stop was asked for (from another thread) and the program has not ended yet."""
        return self._stop_at is not None

    def reset_during_run(self) -> bool:
        """The board reset while the program ran (set from the reader's side)."""
        return self._reset_during_run

    def run(
        self,
        code: str,
        on_output: Callable[[bytes], None] | None = None,
        *,
        stop_timeout: float = 2.0,
        fresh: bool = False,
    ) -> RunResult:
        """Run ``code`` in the raw REPL; ``fresh``: soft-reset the board first (from the raw
        REPL, so main.py does not run), so nothing an earlier run left behind stays alive."""
        host = self._host
        console = host.console
        out = on_output or console.emit
        last = b"\n"
        err = bytearray()
        with host.operation(keys_first=False):  # keys typed meanwhile are the program's
            repl = host.repl
            link = repl.link
            if fresh:
                repl.soft_reset_raw()
            repl.send_code(code.encode("utf-8"))
            # The program's own output goes to the console as it is, log-shaped or not.
            link.divert_logs(False)
            with host.gate:
                self.running = True
                self._stop_at = None
                queued = console.take_queued()
            host.state_changed()
            if queued:
                self.send_input(queued)
            phase = 0
            try:
                while phase < 2 and not self._reset_during_run:
                    data = link.read_some(0.1)
                    while data and phase < 2:
                        i = data.find(b"\x04")
                        part, data = (data, b"") if i < 0 else (data[:i], data[i + 1 :])
                        if part:
                            out(part)
                            last = part
                            if phase == 1:
                                err += part
                        if i >= 0:
                            phase += 1
                    if phase >= 2:
                        # The raw prompt ">" (and anything after it) is protocol again: a log
                        # line the board printed there goes to the console, not to the reads.
                        keep, logs = sift_logs(data)
                        for log in logs:
                            console.emit(log)
                        link.unread(keep)
                    elif self.stop_pending():
                        self._retry_stop(stop_timeout)
                if not self.reset_during_run():
                    link.read_exact(1, repl.timeout)  # ">"
            finally:
                link.divert_logs(True)
                with host.gate:
                    self.running = False
                    self._stop_at = None
                host.state_changed()
            if self._reset_during_run:
                self._reset_during_run = False
                host.after_reset()
                return RunResult(traceback=None, interrupted=True)
            if not last.endswith(b"\n"):
                console.emit(b"\r\n")
            console.forget_typed()  # a fresh prompt after a program (the half line is gone)
            repl.to_friendly(prompt=True)
        # A log line the board printed between the output and the error frame is shown (it
        # went to the console with the rest) but is no traceback: a program that ended well
        # would be reported as failed with it (the frame begins at a line start)
        tb = sift_logs(bytes(err))[0].decode("utf-8", "replace")
        lines = tb.strip().splitlines()
        return RunResult(
            traceback=tb if tb.strip() else None,
            interrupted=bool(lines) and lines[-1].startswith("KeyboardInterrupt"),
        )

    def _retry_stop(self, stop_timeout: float) -> None:
        """Another Ctrl-C when the last one did not stop the program in time; NotResponding
        after STOP_TRIES."""
        assert self._stop_at is not None
        if time.monotonic() - self._stop_at <= stop_timeout:
            return
        if self._stop_tries >= STOP_TRIES:
            self._host.repl.invalidate()
            raise NotResponding(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession",
                        "The program ignores Stop (Ctrl-C). A hard reset will stop it.",
                    ),
                ),
                diagnosis=NotResponding.IGNORES_CTRL_C,
            )
        self._stop_tries += 1
        self._stop_at = time.monotonic()
        self._host.repl.link.write(b"\x03")
