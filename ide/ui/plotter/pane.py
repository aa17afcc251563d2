"""View > Plotter: numbers the running program prints, drawn live beside the console.

The pane listens to the console's ``lines_finished`` (the console's one reader of the
board's bytes: no second parser) and feeds ide.core.plotter.PlotData, even while hidden, so
opening it mid-run shows the run so far. pyqtgraph (ide.ui.plotter.view) is imported when the
pane is first shown.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ide.core.plotter import MAX_SERIES, PlotData
from ide.ui import error_text

#: one parse-and-redraw per this many milliseconds at most (about 30 frames a second)
FRAME_MS = 33
#: GUI-thread seconds of parsing per frame; lines beyond it wait for the next frame
PARSE_BUDGET = 0.006
PARSE_SLICE = 32  # lines parsed between two looks at the clock (~0.5 ms)
#: lines waiting at most (a flood far beyond what can be drawn loses its oldest)
MAX_PENDING = 200_000

if TYPE_CHECKING:
    from ide.ui.plotter.view import PlotView


class PlotterPane(QWidget):
    """Buttons (pause, clear, export), the window width, and the plot once shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plotterPane")
        self.setWindowTitle(self.tr("Plotter"))
        self.data = PlotData()
        self.view: PlotView | None = None
        self._pending: list[str] = []  # finished lines not parsed yet
        # one parse-and-redraw per frame, however many batches of lines came in between
        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._on_frame)

        self.pause_button = self._button(self.tr("Pause"), self.tr(
            "Stop following the new values; drag the plot to scroll back, the wheel zooms"
        ))  # fmt: skip
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.set_paused)
        self.clear_button = self._button(self.tr("Clear"), self.tr("Forget every value so far"))
        self.clear_button.clicked.connect(self.clear)
        self.csv_button = self._button(self.tr("Save CSV…"), self.tr(
            "Save the values as a table (CSV) for a spreadsheet"
        ))  # fmt: skip
        self.csv_button.clicked.connect(self._ask_csv)
        self.png_button = self._button(self.tr("Save picture…"), self.tr(
            "Save the plot as a PNG picture"
        ))  # fmt: skip
        self.png_button.clicked.connect(self._ask_png)
        self.width_box = QSpinBox(self)
        self.width_box.setRange(20, 5000)
        self.width_box.setSingleStep(50)
        self.width_box.setValue(200)
        self.width_box.setToolTip(self.tr("How many of the latest values the plot shows"))
        self.width_box.valueChanged.connect(self._width_changed)
        width_label = QLabel(self.tr("Show:"), self)
        width_label.setBuddy(self.width_box)

        self.note = QLabel(self)
        self.note.setObjectName("plotterNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setText(self.tr(
            "Print numbers in your program and they are drawn here, for example "
            "print(temperature) or print(\"temp:\", t, \"hum:\", h)."
        ))  # fmt: skip

        self.limit_label = QLabel(
            self.tr("Only {count} series are drawn.").format(count=MAX_SERIES)
        )
        self.limit_label.setToolTip(
            self.tr(
                "Values with further names are left out; print at most {count} per line."
            ).format(count=MAX_SERIES)
        )
        self.limit_label.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for button in (self.pause_button, self.clear_button, self.csv_button, self.png_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.limit_label)
        bar.addWidget(width_label)
        bar.addWidget(self.width_box)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.note, 1)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- data in ---------------------------------------------------------------------------

    def take_lines(self, texts: list[str], from_program: bool) -> None:
        """The console finished ``texts``; only the running program's lines are data (the
        REPL's echo and answers are not). They are parsed with the next frame."""
        if not from_program or not texts:
            return
        self._pending.extend(texts)
        if len(self._pending) > MAX_PENDING:
            # far more than the window can parse: the oldest go, as the console drops output
            del self._pending[: len(self._pending) - MAX_PENDING]
        if not self._frame.isActive():
            self._frame.start()

    def flush(self) -> None:
        """Parse every line waiting (tests, export)."""
        self._on_frame(budget=None)

    def _on_frame(self, budget: float | None = PARSE_BUDGET) -> None:
        """Parse the lines waiting, for at most ``budget`` seconds of this frame (the rest
        next frame), then redraw once: a flood never holds the window for long."""
        pending = self._pending
        started = time.perf_counter()
        taken = 0
        while taken < len(pending):
            self.data.feed_lines(pending[taken : taken + PARSE_SLICE])
            taken += PARSE_SLICE
            if budget is not None and time.perf_counter() - started > budget:
                break
        del pending[:taken]
        if pending:
            self._frame.start()
        if self.view is not None:
            self._update_note()
            self.view.redraw()

    # -- commands --------------------------------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)  # (calls back here)
            return
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if self.view is not None:
            self.view.following = not paused
            self.view.redraw(force=True)

    @property
    def paused(self) -> bool:
        return self.pause_button.isChecked()

    def clear(self) -> None:
        self._pending.clear()
        self.data.clear()
        self._update_note()
        if self.view is not None:
            self.view.redraw(force=True)

    def export_csv(self, path: str | Path) -> None:
        self.flush()
        Path(path).write_text(self.data.to_csv(), encoding="utf-8", newline="")

    def export_png(self, path: str | Path) -> bool:
        self.ensure_view()
        self.flush()
        assert self.view is not None
        self.view.redraw(force=True)
        return self.view.plot.grab().save(str(path), "PNG")

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the values"), "plot.csv", self.tr("CSV tables (*.csv)")
        )
        if path:
            self._save(lambda: self.export_csv(path))

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the picture"), "plot.png", self.tr("PNG pictures (*.png)")
        )
        if path:
            self._save(lambda: self.export_png(path) or _raise(OSError(path)))

    def _save(self, save: Any) -> None:
        try:
            save()
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Plotter"), error_text(exc))

    def _width_changed(self, width: int) -> None:
        if self.view is not None:
            self.view.window_width = width
            self.view.redraw(force=True)

    # -- the plot, built when first shown ----------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.ensure_view()

    def ensure_view(self) -> None:
        if self.view is not None:
            return
        from ide.ui.plotter.view import PlotView  # pyqtgraph loads now, not at start-up

        self.view = PlotView(self.data, self)
        self.view.window_width = self.width_box.value()
        self.view.following = not self.paused
        self.view.user_moved.connect(lambda: self.set_paused(True))
        self._layout.insertWidget(1, self.view, 1)
        self._update_note()
        self.view.redraw(force=True)

    def _update_note(self) -> None:
        has_data = bool(self.data.samples)
        self.note.setVisible(not has_data)
        if self.view is not None:
            self.view.setVisible(has_data)
        self.limit_label.setVisible(bool(self.data.ignored))


def _raise(exc: BaseException) -> None:
    raise exc


def build_plotter(window: Any) -> PlotterPane:
    """The pane in its dock (under the editor, beside the console; hidden until View >
    Plotter), listening to the console's finished lines."""
    pane = PlotterPane(window)
    window.add_dock(pane, pane.windowTitle(), Qt.DockWidgetArea.BottomDockWidgetArea, "PlotterDock")
    window.console.lines_finished.connect(pane.take_lines)
    return pane
