"""The progress strip under the trees: bar, bytes, KB/s, time left, Cancel; then a summary."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ide.core.files.plan import ProgressMeter

from .fmt import format_eta, format_rate, format_size


class TransferTicket(QObject):
    """One running transfer: progress reports from the worker thread, and its Cancel flag.

    ``report`` is called on the worker thread; the signal reaches the GUI thread queued,
    at most every 50 ms (and always for the last byte) so a fast link can't flood the GUI.
    """

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._last = 0.0

    def report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= 0.05:
            self._last = now
            self.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TransferBar(QWidget):
    """Shows the running transfer; hidden progress parts when idle, the last summary for a
    while (STATUS_SECONDS)."""

    STATUS_SECONDS = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.details = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop the transfer; files on the board stay as they were")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self.details)
        lay.addWidget(self.status)
        self._meter: ProgressMeter | None = None
        self._ticket: TransferTicket | None = None
        # A summary ("Files uploaded: 1.") is news for a while, not a state: it goes away.
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.setInterval(self.STATUS_SECONDS * 1000)
        self._expiry.timeout.connect(self.status.clear)
        self.cancel_button.clicked.connect(self._cancel)
        self._show_progress(False)

    def _show_progress(self, on: bool) -> None:
        for w in (self.title, self.bar, self.details, self.cancel_button):
            w.setVisible(on)

    def begin(self, title: str, total: int, ticket: TransferTicket) -> None:
        self._meter = ProgressMeter(total)
        self._ticket = ticket
        ticket.progressed.connect(self.update_progress)
        self.title.setText(title)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self._expiry.stop()
        self.status.clear()
        self.update_progress(0, total)
        self._show_progress(True)

    def update_progress(self, done: int, total: int) -> None:
        if self._meter is None:
            return
        if total != self._meter.total:
            self._meter.total = total
        self._meter.update(done)
        m = self._meter
        self.bar.setValue(int(m.fraction * 1000))
        self.details.setText(
            self.tr("{done} of {total} · {rate} · {eta}").format(
                done=format_size(m.done),
                total=format_size(m.total),
                rate=format_rate(m.rate),
                eta=format_eta(m.eta),
            )
        )

    def _cancel(self) -> None:
        if self._ticket is not None:
            self._ticket.cancel()
            self.cancel_button.setEnabled(False)
            self.details.setText(self.tr("Cancelling…"))

    def finish(self, summary_text: str) -> None:
        self._meter = None
        self._ticket = None
        self._show_progress(False)
        self.set_status(summary_text)

    def set_status(self, text: str, expires: bool = True) -> None:
        """Show ``text`` under the trees; unless ``expires`` is False (a step still under way,
        "Comparing…"), it goes after STATUS_SECONDS."""
        self.status.setText(text)
        if expires:
            self._expiry.start()
        else:
            self._expiry.stop()

    @property
    def active(self) -> bool:
        return self._ticket is not None
