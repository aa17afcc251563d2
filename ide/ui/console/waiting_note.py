"""The console's "waiting for your input" note: shown at its top right, over older output,
while the running program waits for the user's typing. Owned by :class:`ConsoleWidget`
(``widget.waiting``); its text keeps the console's translation context, "ConsoleWidget"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit


class WaitingNote:
    """The note over a console's viewport, made when first shown."""

    def __init__(self, console: QPlainTextEdit) -> None:
        self.console = console
        self.label: QLabel | None = None

    def set_shown(self, waiting: bool) -> None:
        label = self.label
        if not waiting:
            if label is not None:
                label.hide()
            return
        if label is None:
            label = self.label = QLabel(
                QCoreApplication.translate(
                    "ConsoleWidget",
                    "The program is waiting for your input: type it here, then press Enter.",
                ),
                self.console.viewport(),
            )
            label.setObjectName("inputWaiting")
            label.setFont(QApplication.font())  # a note, not console text: the UI's font
            label.setStyleSheet(
                "QLabel#inputWaiting { background: palette(highlight);"
                " color: palette(highlighted-text); border-radius: 3px; padding: 3px 8px; }"
            )
        self.place()
        label.show()

    def shown(self) -> bool:
        return self.label is not None and self.label.isVisible()

    def place(self) -> None:
        """At the viewport's top right (again after a resize)."""
        label = self.label
        if label is not None:
            viewport = self.console.viewport()
            room = max(60, viewport.width() - 8)
            label.setWordWrap(False)
            hint = label.sizeHint()
            if hint.width() > room:  # a narrow console: the note wraps instead of being cut
                label.setWordWrap(True)
                label.resize(room, label.heightForWidth(room))
            else:
                label.resize(hint)
            area = viewport.rect()
            # Top right: the line being typed is at the bottom and must stay visible.
            label.move(area.right() - label.width() - 4, area.top() + 4)
