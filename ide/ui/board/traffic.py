"""The console's traffic around the session's job queue: keystrokes go to the board on their own
thread, in order (typing never waits behind a file transfer), and the board's bytes reach the
GUI thread batched (a program printing in a tight loop costs one queued call per batch, not
per read). Owned by the SessionController."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class KeySender:
    """One small thread delivering keystrokes: to the running program's input, or to the
    friendly REPL. ``session()`` is read for each key (the session may change under it)."""

    def __init__(self, session: Callable[[], Any]) -> None:
        self._session = session
        self._keys: queue.Queue[tuple[bool, bytes] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def send(self, data: bytes, to_program: bool) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="hotaru-keys", daemon=True)
            self._thread.start()
        self._keys.put((to_program, data))

    def stop(self) -> None:
        self._keys.put(None)

    def _run(self) -> None:
        while True:
            item = self._keys.get()
            if item is None:
                return
            to_program, data = item
            session = self._session()
            if session is None:
                continue
            try:
                if to_program:
                    session.send_input(data)
                else:
                    session.write_console(data)
            except Exception as e:  # noqa: BLE001 - a key lost on a dying link is not an error
                log.debug("keys not delivered: %s", e)


class OutputBatcher:
    """The board's reader thread adds bytes; the GUI thread gets them in one call per batch.

    ``post(fn)`` runs fn on the GUI thread (Worker.post); ``emit(data)`` is called there.
    ``mark(fn)`` puts a call in the stream itself: the GUI thread runs it after every byte
    added before it and before every byte added after it, whatever the batches."""

    def __init__(self, post: Callable[[Callable[[], Any]], None], emit: Callable[[bytes], Any]):
        self._post = post
        self._emit = emit
        self._lock = threading.Lock()
        self._out = bytearray()
        self._marks: list[tuple[int, Callable[[], Any]]] = []  # (at this length of _out, call)
        self._posted = False  # a delivery is queued: later bytes join it

    def add(self, data: bytes) -> None:
        """Reader thread: queue bytes for the console."""
        if not data:
            return
        with self._lock:
            self._out += data
            if self._posted:
                return
            self._posted = True
        self._post(self._deliver)

    def mark(self, fn: Callable[[], Any]) -> None:
        """Any thread: run ``fn`` on the GUI thread exactly between the bytes added so far and
        those added next."""
        with self._lock:
            self._marks.append((len(self._out), fn))
            if self._posted:
                return
            self._posted = True
        self._post(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            data = bytes(self._out)
            marks = self._marks
            self._out.clear()
            self._marks = []
            self._posted = False
        start = 0
        for at, fn in marks:
            if at > start:
                self._emit(data[start:at])
                start = at
            fn()
        if start < len(data):
            self._emit(data[start:])
