"""Word-wrapped labels whose text arrives after a dialog is shown: room for every line.

A dialog's layout does not grow for a label's wrapped lines (Qt's top-level layouts size by
the labels' one-line hints), so a long question, report or verdict filled in later was cut
at its top and bottom. :func:`fit_wrapped_labels` gives each label the height its text needs
at its width and grows the window to the height its layout wants at that width (capped by
the screen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

FRAME_ALLOWANCE = 60  # the window's title bar and frame, which the screen must also hold


def fit_wrapped_labels(window: QWidget, labels: Iterable[QLabel]) -> None:
    """Give each shown label of ``labels`` the height of its wrapped text (hidden ones none)
    and make ``window`` at least as tall as its layout then needs. Call it after the texts
    change and when the window's width does (other line breaks)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()  # the widths of what was just shown
    for label in labels:
        shown = label.isVisibleTo(window) and label.width() > 0
        label.setMinimumHeight(label.heightForWidth(label.width()) if shown else 0)
    # The height the layout wants at this width, wrapped lines and all (its minimum size
    # knows nothing of them), at most the screen's height.
    layout.invalidate()
    width = window.width()
    if layout.hasHeightForWidth():
        need = layout.totalHeightForWidth(width)
    else:
        need = layout.totalMinimumSize().height()
    screen = window.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - FRAME_ALLOWANCE)
    if window.height() < need:
        window.resize(width, need)
    layout.activate()


class _WidthWatcher(QObject):
    def __init__(self, window: QWidget, refit: Callable[[], None]) -> None:
        super().__init__(window)
        self.refit = refit
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            if event.size().width() != event.oldSize().width():
                self.refit()  # another width: other line breaks
        return False


def refit_on_new_width(window: QWidget, refit: Callable[[], None]) -> None:
    """Call ``refit`` (which fits ``window``'s wrapped labels) whenever its width changes."""
    _WidthWatcher(window, refit)
