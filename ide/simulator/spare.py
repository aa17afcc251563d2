"""Boards started ahead of need, for callers that start many (the test suite's `sim` fixture).

    spares = SpareBoards()
    board = spares.take()     # ready at once when the spare made in the background is ready
    ...
    spares.close()            # stops the spare that nobody took

Each take() returns a fresh board and starts the next one in a background thread, so Node.js's
start-up (most of the ~0.2 s a board needs) overlaps with the caller's work.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from ide.simulator import VirtualBoard, start
from ide.simulator.host_flash import FlashChoice


class SpareBoards:
    def __init__(
        self, baud: int | None = None, flash: Callable[[], FlashChoice] | None = None
    ) -> None:
        """``flash`` gives each board its flash folder (called once per board)."""
        self._baud = baud
        self._flash = flash or (lambda: None)
        self._lock = threading.Lock()
        self._next: Future[VirtualBoard] | None = None
        self._closed = False

    def _start_next(self) -> None:
        future: Future[VirtualBoard] = Future()

        def run() -> None:
            try:
                future.set_result(start(self._baud, flash=self._flash()))
            except BaseException as e:  # handed to whoever takes it
                future.set_exception(e)

        threading.Thread(target=run, name="hotaru-spare-board", daemon=True).start()
        self._next = future

    def take(self) -> VirtualBoard:
        """A fresh, ready board (the caller closes it)."""
        with self._lock:
            future, self._next = self._next, None
            if not self._closed:
                self._start_next()
        if future is not None:
            try:
                board = future.result(timeout=120)
                if board.alive:
                    return board
                board.close()
            except Exception:
                pass  # start one in the foreground: its error, if any, is the one to show
        return start(self._baud, flash=self._flash())

    def close(self) -> None:
        with self._lock:
            self._closed = True
            future, self._next = self._next, None
        if future is not None:
            try:
                future.result(timeout=120).close()
            except Exception:
                pass
