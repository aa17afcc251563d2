"""What the wizard's pages share: page ids, the worker-thread job, message helpers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ide.text import Message
from ide.ui import error_text, translate_message  # noqa: F401 - the pages import error_text from here

PAGE_BOARD, PAGE_DETECT, PAGE_FIRMWARE, PAGE_OPTIONS, PAGE_INSTALL, PAGE_DONE = range(6)
CATALOG_URL_ENV = "HOTARU_FIRMWARE_URL"  # a mirror of micropython.org's download pages
SPEEDS = (921600, 460800, 230400, 115200)


class Job(QThread):
    """Runs ``fn(job)`` on a worker thread; ``job.progress/log`` and the outcome arrive as
    queued signals on the GUI thread. ``job.cancel`` is the Event the firmware code checks.
    The job counts as busy until its outcome has been handed to the GUI (``settled``), not
    merely until the thread ends: otherwise the wizard could look idle with a result pending."""

    progressed = Signal(int, int)
    logged = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    _outcome = Signal(bool, object)  # worker -> GUI thread; re-emitted there as succeeded/failed

    def __init__(self, fn: Callable[[Job], Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.fn = fn
        self.cancel = threading.Event()
        self.settled = False
        self._outcome.connect(self._settle)

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(int(done), int(total))

    def log(self, msg: Message | str) -> None:
        self.logged.emit(msg)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the GUI
            self._outcome.emit(False, exc)
        else:
            self._outcome.emit(True, result)

    def _settle(self, ok: bool, value: object) -> None:
        (self.succeeded if ok else self.failed).emit(value)
        self.settled = True


def wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


# Names the user must read (and find in the file manager) exactly as written: a word-wrapped
# label may break a line at their hyphen ("RPI-" / "RP2"), which reads as two names.
UNBROKEN = ("RPI-RP2",)
WORD_JOINER = "\u2060"  # invisible; forbids a line break where it stands (Unicode line breaking)


def set_unbroken_text(label: QLabel, text: str) -> QLabel:
    """Show ``text`` (already translated) so that no line break falls inside the names in
    UNBROKEN; the rest wraps as usual."""
    for word in UNBROKEN:
        # after each hyphen: Qt's rich-text <nobr> and white-space: nowrap do not stop it
        text = text.replace(word, word.replace("-", "-" + WORD_JOINER))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
