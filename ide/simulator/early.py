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


def begin() -> None:
    """Start the default virtual board (unthrottled, default flash, a pty where the OS has one:
    what the UI's controller starts) in the background."""
    global _pending
    with _lock:
        if _pending is not None:
            return
        _pending = Future()
    threading.Thread(target=_run, args=(_pending,), name="hotaru-early-sim", daemon=True).start()
    atexit.register(_discard)


def _run(fut: Future[VirtualBoard]) -> None:
    try:
        from ide.simulator import start
        from ide.simulator.node_env import module_ready

        if not module_ready():
            # the first start installs MicroPython with npm: leave it to the UI, which shows
            # npm's progress in the console
            raise RuntimeError("not installed yet")

        fut.set_result(start(None))
    except BaseException as e:  # noqa: BLE001 - take() then starts a board the usual way
        fut.set_exception(e)


def take(baud: int | None, flash: object) -> VirtualBoard | None:
    """The early board if one was begun for these settings (waiting for it to be ready), else
    None. A failed early start returns None too: the caller's own start reports the error."""
    global _pending
    if baud is not None or flash is not None:
        return None
    with _lock:
        fut, _pending = _pending, None
    if fut is None:
        return None
    try:
        board = fut.result(timeout=120)  # the board's own start has its timeout (60 s)
    except BaseException:  # noqa: BLE001
        return None
    return board if board.alive else None


def _discard() -> None:
    """At exit: stop an early board that nobody took."""
    global _pending
    with _lock:
        fut, _pending = _pending, None
    if fut is not None and fut.done() and fut.exception() is None:
        fut.result().close()
