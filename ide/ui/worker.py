"""One background worker for the UI: a single thread, jobs queued and run one at a time in
order, every result, error, progress value and log line delivered on the GUI thread.

    worker.submit(fn, on_done, on_error, on_finish)      # fn() on the worker thread
    task = worker.submit_task(fn, on_done=..., on_error=..., on_progress=..., on_log=...)
                                                        # fn(task): task.progress(value),
                                                        # task.log(line), task.cancelled
    worker.post(fn)                                     # fn() on the GUI thread, from anywhere

Delivery is one queued signal (``_deliver``) carrying a callable: Qt runs it in the thread the
worker object lives in (the GUI thread), whichever thread emitted it. The SessionController's
board jobs run here; a long tool (the firmware installer) can run as a task on it too.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

_Job = tuple[
    Callable[[], Any],
    Callable[[Any], None] | None,
    Callable[[BaseException], None] | None,
    Callable[[], None] | None,
]


class Task:
    """The handle of a job submitted with :meth:`Worker.submit_task`, given to the job itself
    (its progress and log callbacks) and to the caller (cancel). Thread-safe."""

    def __init__(
        self,
        worker: Worker,
        on_progress: Callable[[Any], None] | None,
        on_log: Callable[[Any], None] | None,
    ) -> None:
        self._worker = worker
        self._on_progress = on_progress
        self._on_log = on_log
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._progress: Any = None
        self._progress_posted = False

    def progress(self, value: Any) -> None:
        """Worker thread: report progress. Only the latest value reaches the GUI when it falls
        behind (one queued call at a time), so a tight loop reporting bytes costs it nothing."""
        if self._on_progress is None:
            return
        with self._lock:
            self._progress = value
            if self._progress_posted:
                return  # the call already queued will read the newer value
            self._progress_posted = True
        self._worker.post(self._deliver_progress)

    def _deliver_progress(self) -> None:
        with self._lock:
            value, self._progress_posted = self._progress, False
        if self._on_progress is not None:
            self._on_progress(value)

    def log(self, line: Any) -> None:
        """Worker thread: a line for the user's log; every line arrives, in order."""
        if self._on_log is not None:
            on_log = self._on_log
            self._worker.post(lambda: on_log(line))

    def cancel(self) -> None:
        """Any thread: ask the job to stop; it reads ``cancelled`` at its own safe points."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Worker(QObject):
    """A single background thread for the UI's jobs (see the module's docstring)."""

    # a job failed and nobody asked to hear about it (no on_error): the exception
    unhandled = Signal(object)
    _deliver = Signal(object)  # internal: a callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None, name: str = "hotaru-worker") -> None:
        super().__init__(parent)
        self._name = name
        # queued even when emitted on the GUI thread: callbacks never run inside submit()
        self._deliver.connect(self._run_on_gui, Qt.ConnectionType.QueuedConnection)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_finish: Callable[[], None] | None = None,
    ) -> None:
        """Run ``fn()`` on the worker thread after the jobs before it. On the GUI thread then:
        ``on_done(result)`` or ``on_error(exception)``, and ``on_finish()`` after either."""
        with self._start_lock:
            # started on first use (and again after stop()): no idle thread for a window
            # that never touches the board
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
                self._thread.start()
            self._jobs.put((fn, on_done, on_error, on_finish))

    def submit_task(
        self,
        fn: Callable[[Task], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        on_log: Callable[[Any], None] | None = None,
        on_finish: Callable[[], None] | None = None,
    ) -> Task:
        """Like submit(), for a long job that reports: ``fn(task)`` calls ``task.progress(v)``
        and ``task.log(line)`` from the worker thread; they reach ``on_progress`` / ``on_log``
        on the GUI thread before ``on_done`` / ``on_error``. ``task.cancel()`` asks it to stop."""
        task = Task(self, on_progress, on_log)
        self.submit(lambda: fn(task), on_done, on_error, on_finish)
        return task

    def post(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the GUI thread soon (callable from any thread)."""
        self._deliver.emit(fn)

    def stop(self) -> None:
        """End the thread after the jobs already queued. A job submitted while the thread is
        finishing stays queued and runs on the thread the next submit() starts."""
        self._jobs.put(None)

    def is_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _work(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            fn, on_done, on_error, on_finish = item
            try:
                result = fn()
            except BaseException as e:  # noqa: BLE001 - every failure goes back to the GUI
                self.post(lambda e=e, cb=on_error: self._failed(e, cb))
            else:
                if on_done is not None:
                    self.post(lambda r=result, cb=on_done: cb(r))
            finally:
                if on_finish is not None:
                    self.post(on_finish)  # queued after the result: the same order

    def _failed(self, exc: BaseException, on_error: Callable[[BaseException], None] | None) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            log.debug("job failed: %r", exc)
            self.unhandled.emit(exc)

    @Slot(object)
    def _run_on_gui(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - a failing callback must not kill the event loop
            log.exception("callback failed")
