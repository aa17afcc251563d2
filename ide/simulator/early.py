"""A head start for the virtual board: ``hotaru --port simulator`` starts it in a background
thread as the process starts, so Node.js and MicroPython get ready while Qt is imported and the
window is built; the simulator transport takes that board instead of starting its own.

    early.begin()                 # ide.__main__, before Qt is imported
    board = early.take(baud, flash)   # the transport: the early board, or None
"""

from __future__ import annotations

import atexit
import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ide.simulator import VirtualBoard

_lock = threading.Lock()
_pending: Future[VirtualBoard] | None = None
_kind: str | None = None  # the simulated board begun ("pico", "esp32" or None)


def begin(board: str | None = "pico") -> None:
    """Start the default virtual board (unthrottled, default flash, a pty where the OS has one:
    what the UI's controller starts; ``board`` the kind it pretends to be) in the background."""
    global _pending, _kind
    with _lock:
        if _pending is not None:
            return
        _pending = Future()
        _kind = board
    threading.Thread(
        target=_run, args=(_pending, board), name="hotaru-early-sim", daemon=True
    ).start()
    atexit.register(_discard)


def _run(fut: Future[VirtualBoard], board: str | None) -> None:
    try:
        from ide.simulator import start
        from ide.simulator.node_env import module_ready

        if not module_ready():
            # the first start installs MicroPython with npm: leave it to the UI, which shows
            # npm's progress in the console
            raise RuntimeError("not installed yet")

        fut.set_result(start(None, board=board))
    except BaseException as e:  # noqa: BLE001 - take() then starts a board the usual way
        fut.set_exception(e)


def take(baud: int | None, flash: object, board: str | None = "pico") -> VirtualBoard | None:
    """The early board if one was begun for these settings (waiting for it to be ready), else
    None. A failed early start returns None too: the caller's own start reports the error.
    An early board of another kind is closed here: it holds the flash folder the caller's own
    board needs."""
    global _pending
    if baud is not None or flash is not None:
        return None
    with _lock:
        fut, _pending = _pending, None
        kind = _kind
    if fut is None:
        return None
    if kind != board:
        try:
            fut.result(timeout=120).close()
        except BaseException:  # noqa: BLE001 - it failed to start: nothing to close
            pass
        return None
    try:
        started = fut.result(timeout=120)  # the board's own start has its timeout (60 s)
    except BaseException:  # noqa: BLE001
        return None
    return started if started.alive else None


def _discard() -> None:
    """At exit: stop an early board that nobody took."""
    global _pending
    with _lock:
        fut, _pending = _pending, None
    if fut is not None and fut.done() and fut.exception() is None:
        fut.result().close()
