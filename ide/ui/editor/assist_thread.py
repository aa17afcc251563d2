"""The thread that answers the editor's questions (completion, signature, docs, definition,
checks) with ide.core.completion, off the GUI thread.

Not ide.ui.worker: that one thread serialises the board's jobs, so a completion would wait
behind a file transfer or a running upload. This thread only ever does editor work, and it
keeps one pending request per kind: a newer request of the same kind replaces an older one
not started yet (typing "machine.Pi" quickly asks once or twice, not four times). Answers
arrive on the GUI thread through a queued signal; the caller drops an answer whose text is
older than the editor's (see EditorAssist).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

#: the order pending requests are served in: what the user waits for first
KINDS = ("complete", "signature", "definition", "docs", "check", "warm")


@dataclass
class Request:
    kind: str
    job: Callable[[], Any]  # runs on the assist thread
    deliver: Callable[[Any], None]  # runs on the GUI thread with job()'s result


class _Poster(QObject):
    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # queued: the slot runs in the thread this object lives in (the GUI thread)
        self.deliver.connect(self._call, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _call(self, fn: Callable[[], None]) -> None:
        fn()


class AssistThread:
    """One daemon thread; ``submit`` never blocks the caller."""

    def __init__(self) -> None:
        self._poster = _Poster()
        self._cond = threading.Condition()
        self._pending: dict[str, Request] = {}
        self._thread = threading.Thread(target=self._run, name="hotaru-assist", daemon=True)
        self._thread.start()
        #: requests run so far (tests read it)
        self.served = 0

    def submit(self, request: Request) -> None:
        with self._cond:
            self._pending[request.kind] = request  # replaces an older one of its kind
            self._cond.notify()

    def _next(self) -> Request:
        with self._cond:
            while not self._pending:
                self._cond.wait()
            kind = next(k for k in KINDS if k in self._pending)
            return self._pending.pop(kind)

    def _run(self) -> None:
        while True:
            request = self._next()
            try:
                result = request.job()
            except Exception:  # jedi can fail on odd code: no answer, never a dead thread
                log.debug("assist %s failed", request.kind, exc_info=True)
                continue
            finally:
                self.served += 1
            self._poster.deliver.emit(lambda r=request, v=result: r.deliver(v))


_thread: AssistThread | None = None


def assist_thread() -> AssistThread:
    """The one assist thread (started on first use, from the GUI thread)."""
    global _thread
    if _thread is None:
        _thread = AssistThread()
    return _thread
