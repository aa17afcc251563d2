"""A head start for the virtual board: ``hotaru --port simulator`` starts it in a background
thread as the process starts, so Node.js and MicroPython get ready while Qt is imported and the
window is built; the simulator transport takes that board instead of starting its own.

    early.begin()                 # ide.__main__, before Qt is imported
    board = early.take(baud, flash)   # the transport: the early board, or None

What uses the board can get a head start too: ``begin(then=opener)`` runs ``opener()`` in a
second background thread (the entry point passes one that opens ide.board's session on the
early board: the raw-REPL handshake, the board's name and banner), and the UI takes its result
with ``take_session(board)`` instead of opening its own. This module only holds it (typed
``object``): the simulator layer knows nothing of sessions.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ide.simulator import VirtualBoard

_lock = threading.Lock()
_pending: Future[VirtualBoard] | None = None
_kind: str | None = None  # the simulated board begun ("pico", "esp32" or None)
_session: Future[object] | None = None  # what ``then`` opened on the early board


def begin(board: str | None = "pico", then: Callable[[], object] | None = None) -> None:
    """Start the default virtual board (unthrottled, default flash, no pty: what the UI's
    controller starts; ``board`` the kind it pretends to be) in the background.
    ``then``: run in a thread of its own at once (it may import while node starts, then take
    the board with take()); its result is for take_session()."""
    global _pending, _kind, _session
    with _lock:
        if _pending is not None:
            return
        _pending = Future()
        _kind = board
        session: Future[object] | None = Future() if then is not None else None
        _session = session
    # the simulator's own modules are imported here, on the caller's thread, before the thread
    # starts: imported in the thread, they would share the interpreter with Qt's import that
    # follows on this one and node would start ~40 ms later (bench/bench_startup.py)
    import ide.simulator  # noqa: F401
    from ide.simulator import node_env  # noqa: F401

    threading.Thread(
        target=_run, args=(_pending, board), name="hotaru-early-sim", daemon=True
    ).start()
    if then is not None and session is not None:
        threading.Thread(
            target=_open, args=(session, then), name="hotaru-early-session", daemon=True
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

        # no pty, as the transport's own start (the GUI path has none): one thread and one
        # pseudo-terminal less to set up on the way to the prompt
        fut.set_result(start(None, pty=False, board=board))
    except BaseException as e:  # noqa: BLE001 - take() then starts a board the usual way
        fut.set_exception(e)


def _open(fut: Future[object], then: Callable[[], object]) -> None:
    try:
        fut.set_result(then())
    except BaseException as e:  # noqa: BLE001 - take_session() then says None: the UI opens
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


def take_session(board: str | None = "pico") -> object | None:
    """What ``begin(then=...)`` opened (waiting for it), if it was begun for a board of this
    kind; else None, as when it failed (the caller opens its own and reports the error). One
    of another kind is closed here (``close()``): its board holds the flash folder."""
    global _session
    with _lock:
        fut, _session = _session, None
        kind = _kind
    if fut is None:
        return None
    try:
        opened = fut.result(timeout=180)  # the board's start (120 s) and the session's own
    except BaseException:  # noqa: BLE001
        return None
    if kind != board:
        close_quietly(opened)
        return None
    return opened


def close_quietly(thing: object) -> None:
    close = getattr(thing, "close", None)
    if callable(close):
        try:
            close()
        except Exception:  # noqa: BLE001 - closing what failed or died: it is gone anyway
            pass


def discard() -> None:
    """Nobody will take what was begun (the UI connects to a real board instead): close the
    early board and what was opened on it, now or as soon as they are up."""
    global _pending, _session
    with _lock:
        fut, _pending = _pending, None
        session, _session = _session, None
    if session is not None:
        session.add_done_callback(_close_result)
    if fut is not None:
        fut.add_done_callback(_close_result)


def _close_result(fut: Future[Any]) -> None:
    if fut.exception() is None:
        close_quietly(fut.result())


def _discard() -> None:
    """At exit: stop an early board, or what was opened on it, that nobody took (one still
    starting ends with this process: its control connection closes)."""
    discard()
