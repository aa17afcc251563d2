"""The console router: where the friendly REPL's bytes go, and what the user has typed.

It owns the subscribers and the backlog replayed to new ones, the console's current line, the
user's half-typed input (replayed after an operation so the console looks as the user left it),
whether the REPL is working on a line the user entered, and the queue of keystrokes typed while
an operation held the board. It never decides anything about the board's protocol.

Bytes the board prints on its own (a Timer callback, an ESP32's log lines) are plain console
output here: shown and kept, and they never make the board look busy. Only the user's own Enter
(or Ctrl-C/D/E) at the friendly REPL does, until the REPL has answered it with its prompt.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

ConsoleCallback = Callable[[bytes], None]

LINE_PROMPT_RE = re.compile(rb">>> |\.\.\. |=== ")  # at the start of the console's line
BACKLOG = 64 * 1024
MAX_TYPED = 4096  # more typed than this is not replayed (tracking gives up)


def _is_prompt(line: bytes) -> bool:
    return bool(LINE_PROMPT_RE.match(line.lstrip(b"\r")))


class ConsoleRouter:
    """Subscribers, backlog, the current line, the typed line and the keystroke queue."""

    def __init__(self) -> None:
        self.cond = threading.Condition()  # guards everything below; notified on new bytes
        self._subscribers: list[ConsoleCallback] = []
        self._backlog = bytearray()
        self._tail = b""
        self._line = b""  # the console's current line (after the last newline)
        self._pending = 0  # prompts still due for what the user entered (or a reset)
        self._typed: bytearray | None = bytearray()  # typed since the last ">>> "; None: lost
        self._queue = bytearray()
        # The last line the user entered calls input(): a ">>> " after it may be input()'s own
        # prompt (input(">>> ")), not the REPL's. Nothing in the bytes tells them apart, and
        # an operation's Ctrl-A would make that input() return "" (see repl_working).
        self._input_maybe = False

    # -- subscribers --------------------------------------------------------------------------
    def subscribe(self, callback: ConsoleCallback, replay: bool = True) -> None:
        with self.cond:
            if replay and self._backlog:
                callback(bytes(self._backlog))
            self._subscribers.append(callback)

    def unsubscribe(self, callback: ConsoleCallback) -> None:
        with self.cond:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def emit(self, data: bytes) -> None:
        """Show ``data`` to the subscribers (from the reader or an operation's thread)."""
        if not data:
            return
        with self.cond:
            self._tail = (self._tail + data)[-16:]
            if self._pending:
                self._count_prompts(data)
            nl = data.rfind(b"\n")
            self._line = data[nl + 1 :] if nl >= 0 else (self._line + data)[-256:]
            if self._tail.endswith(b">>> "):
                self._typed = bytearray()
            self._backlog += data
            if len(self._backlog) > BACKLOG:
                del self._backlog[: len(self._backlog) - BACKLOG]
            for cb in list(self._subscribers):
                try:
                    cb(data)
                except Exception:  # noqa: BLE001 - a subscriber's bug must not break the port
                    pass
            self.cond.notify_all()

    def _count_prompts(self, data: bytes) -> None:
        """One prompt less is due for every line of ``data`` that becomes a REPL prompt (a
        line continued from before counts only if it was no prompt yet)."""
        pieces = data.split(b"\n")
        first = self._line + pieces[0]
        if not _is_prompt(self._line) and _is_prompt(first):
            self._pending -= 1
        for piece in pieces[1:]:
            if _is_prompt(piece):
                self._pending -= 1
        self._pending = max(self._pending, 0)

    # -- what the user typed ------------------------------------------------------------------
    def track_typed(self, data: bytes) -> None:
        """Note keystrokes about to be written to the friendly REPL (before writing: the echo
        may come back at once). Every Enter is answered by one prompt; Ctrl-C/Ctrl-D end what
        ran and are answered by one prompt, whatever was due before."""
        with self.cond:
            cut = max(data.rfind(b"\x03"), data.rfind(b"\x04"))
            if cut >= 0:
                self._pending = 1
                self._input_maybe = False  # Ctrl-C/Ctrl-D end an input() too
            enter = max(data.rfind(b"\r"), data.rfind(b"\n"))
            if enter > cut:
                # The line just entered (typed since the prompt, this chunk up to its Enter).
                line = bytes(self._typed or b"") + data[: enter + 1]
                last = line.rstrip(b"\r\n").split(b"\r")[-1].split(b"\n")[-1]
                self._input_maybe = b"input(" in last
            rest = data[cut + 1 :]
            self._pending += (
                rest.count(b"\r") + rest.count(b"\n") - rest.count(b"\r\n") + rest.count(b"\x05")
            )
            if self._typed is not None:
                self._typed += data
                if len(self._typed) > MAX_TYPED:
                    self._typed = None  # too much to replay faithfully: give up tracking

    @property
    def repl_working(self) -> bool:
        """True while the REPL works on a line the user entered (or the board boots after a
        reset) and has shown no prompt since: something the user started runs there."""
        return self._pending > 0 or self._input_maybe

    def at_prompt(self) -> bool:
        """The friendly REPL waits for input (maybe with half a line typed)."""
        return not self._pending and _is_prompt(self._line)

    def clean_prompt(self) -> bool:
        """At a fresh ``>>> `` with nothing typed: Ctrl-A alone enters the raw REPL."""
        return (
            not self._pending
            and self._tail.endswith(b">>> ")
            and self._typed is not None
            and not self._typed
        )

    def typed(self) -> bytes:
        """What to type again after an operation (the half-typed line or block)."""
        return bytes(self._typed or b"")

    def forget_typed(self) -> None:
        """A fresh prompt after a program: the half-typed line is gone (as in Thonny)."""
        with self.cond:
            self._typed = bytearray()

    def fresh_prompt(self) -> None:
        """The board sits at an empty ``>>> `` (Hotaru just brought it there)."""
        with self.cond:
            self._tail = self._line = b">>> "
            self._pending = 0
            self.cond.notify_all()

    def board_restarting(self) -> None:
        """A reset or Ctrl-D: the board boots (maybe main.py runs) until its prompt shows."""
        with self.cond:
            self._tail = self._line = b""
            self._pending = 1
            self._typed = bytearray()
            self._input_maybe = False

    def interrupting(self) -> None:
        """Ctrl-C sent at the friendly REPL: wait for the prompt it brings."""
        with self.cond:
            self._pending = 1
            self._input_maybe = False

    def wait_prompt(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` s) until the friendly REPL shows its prompt."""
        end = time.monotonic() + timeout
        with self.cond:
            while not self.at_prompt():
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.05))
            return True

    def wait_answered(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` s) until the REPL has answered every line entered."""
        end = time.monotonic() + timeout
        with self.cond:
            while self._pending:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.05))
            return True

    # -- keystrokes typed during an operation -------------------------------------------------
    def queue(self, data: bytes) -> None:
        with self.cond:
            self._queue += data

    def has_queued(self) -> bool:
        return bool(self._queue)

    def take_queued(self) -> bytes:
        with self.cond:
            data = bytes(self._queue)
            self._queue.clear()
            return data


class Pump:
    """The thread that calls ``tick`` when woken (and every 0.1 s): the session delivers queued
    keystrokes and takes the board back to the friendly REPL after a burst of operations."""

    def __init__(self, tick: Callable[[], None]) -> None:
        self._tick = tick
        self._cond = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._loop, name="hotaru-board-pump", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def stop(self) -> None:
        self._stopped = True
        self.wake()

    def stopping(self) -> bool:
        return self._stopped

    def _loop(self) -> None:
        while not self._stopped:
            with self._cond:
                self._cond.wait(0.1)
            if self.stopping():  # (stop() may have run on another thread while we waited)
                return
            try:
                self._tick()
            except Exception:  # noqa: BLE001 - the pump must outlive one failed delivery
                pass
