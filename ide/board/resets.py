"""Stopping and restarting the board: Ctrl-C at the friendly REPL, soft reset (Ctrl-D), hard
reset (the reset lines where they are wired to EN, else ``machine.reset()``)."""

from __future__ import annotations

import threading
import time
from contextlib import AbstractContextManager
from typing import Protocol

from ide.board.connection import Connection
from ide.board.console import ConsoleRouter
from ide.board.errors import BoardError, NotResponding
from ide.board.repl import RawRepl
from ide.board.runner import Runner
from ide.text import QT_TRANSLATE_NOOP, message

CTX = "BoardSession"
INTERRUPT_TRIES = 3
RESET_PULSE = 0.1  # seconds EN is held low


class ResetsHost(Protocol):
    """What resets need of the session."""

    repl: RawRepl
    console: ConsoleRouter
    runner: Runner
    conn: Connection
    gate: threading.RLock

    @property
    def op_lock(self) -> threading.RLock: ...

    def operation(self, *, busy_ok: bool = False) -> AbstractContextManager[None]: ...

    def lock_or_busy(self) -> AbstractContextManager[None]: ...

    def lock_wait(self) -> float: ...

    def request_cancel(self) -> bool: ...


def ignores_ctrl_c() -> NotResponding:
    return NotResponding(
        message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardSession",
                "The board keeps running and ignores Ctrl-C. A hard reset will stop it.",
            ),
        ),
        diagnosis=NotResponding.IGNORES_CTRL_C,
    )


class Resets:
    """interrupt, soft_reset, hard_reset; the session's face calls them."""

    def __init__(self, host: ResetsHost) -> None:
        self._host = host

    def interrupt(self, timeout: float) -> None:
        host = self._host
        if host.runner.interrupt():
            return
        host.conn.check_usable()
        if host.request_cancel():
            return  # Stop during a transfer: it ends as cancelled, the old file intact
        if not host.op_lock.acquire(timeout=timeout):
            return  # an operation is in progress; it ends by itself
        try:
            if host.repl.mode != "friendly":
                return
            for _ in range(INTERRUPT_TRIES):
                with host.console.cond:
                    host.console.interrupting()
                    host.repl.link.write(b"\x03")
                if host.console.wait_prompt(timeout):
                    return
            raise ignores_ctrl_c()
        finally:
            host.op_lock.release()

    def soft_reset(self, timeout: float) -> None:
        host = self._host
        with host.operation(busy_ok=True):
            host.repl.to_friendly()
            with host.gate:
                host.console.board_restarting()
                host.repl.helpers_installed = False
                host.repl.link.write(b"\x04")
        host.console.wait_prompt(timeout)

    def hard_reset(self) -> None:
        host = self._host
        lines = host.conn.transport.reset_lines is not None
        host.conn.check_usable()
        if host.runner.running:
            if not lines:
                self.interrupt(2.0)  # without reset lines only the program's end frees the REPL
            else:
                host.runner.stop_by_reset()  # run() returns as soon as the board reboots
                self.pulse()
            if not host.op_lock.acquire(timeout=host.lock_wait()):
                raise ignores_ctrl_c()
            host.op_lock.release()
            if lines:
                return
        with host.lock_or_busy():
            host.conn.check_usable()
            if lines:
                self.pulse()
            else:
                try:
                    host.repl.ensure_raw()
                    host.repl.send_code(b"import machine\nmachine.reset()\n")
                except BoardError:
                    pass
            self.after_reset()

    def after_reset(self) -> None:
        """The board restarted: its helpers are gone and the console shows its boot."""
        self._host.repl.board_reset()
        self._host.repl.release_to_console()

    def pulse(self) -> None:
        """EN low for RESET_PULSE s with BOOT/IO0 high: the chip restarts from flash."""
        lines = self._host.conn.transport.reset_lines
        if lines is None:
            return
        lines.set_lines(dtr=False)  # BOOT/IO0 high: boot from flash, not into the ROM loader
        lines.set_lines(rts=True)  # EN low
        time.sleep(RESET_PULSE)
        lines.set_lines(rts=False)
