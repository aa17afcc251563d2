"""The board's state as the session knows it, and the subscribers told when it changes.

    idle          connected; nothing of Hotaru's runs (the board may print on its own)
    running       a program that Hotaru started with run() is in flight (and only then)
    busy          an IDE operation (a listing, a transfer, exec) holds the board
    disconnected  the link is gone (or closed/lent to another tool); every call fails at once
    reconnecting  the link is gone and the session is looking for the board

Callbacks run on one notifier thread of their own, in the order of the changes, never with a
lock of the session held (a callback may call the session).
"""

from __future__ import annotations

import enum
import queue
import threading
from collections.abc import Callable


class BoardState(enum.StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    BUSY = "busy"
    DISCONNECTED = "disconnected"
    RECONNECTING = "reconnecting"


StateCallback = Callable[[BoardState], None]


class StateCell:
    """Holds the current state; tells subscribers about every change, in order."""

    def __init__(self, initial: BoardState = BoardState.IDLE) -> None:
        self._lock = threading.Lock()
        self._state = initial
        self._subscribers: list[StateCallback] = []
        self._queue: queue.SimpleQueue[BoardState | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def value(self) -> BoardState:
        return self._state

    def subscribe(self, callback: StateCallback) -> None:
        with self._lock:
            self._subscribers.append(callback)
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(
                    target=self._notify_loop, name="hotaru-board-state", daemon=True
                )
                self._thread.start()

    def unsubscribe(self, callback: StateCallback) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def set(self, new: BoardState) -> None:
        with self._lock:
            if new == self._state:
                return
            self._state = new
            if self._thread is not None:
                self._queue.put(new)

    def close(self) -> None:
        """Stop the notifier once it has delivered what is queued (the last state included)."""
        with self._lock:
            self._closed = True
            if self._thread is not None:
                self._queue.put(None)

    def _notify_loop(self) -> None:
        while True:
            state = self._queue.get()
            if state is None:
                return
            with self._lock:
                subscribers = list(self._subscribers)
            for cb in subscribers:
                try:
                    cb(state)
                except Exception:  # noqa: BLE001 - a subscriber's bug must not stop the others
                    pass
