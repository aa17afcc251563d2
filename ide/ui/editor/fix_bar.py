"""The bar under the editor that offers to replace full-width look-alikes (（ → ( ...).

Shown by EditorTabs.check_syntax when CPython stopped at a full-width character typed with the
Japanese or Chinese input method on; ide.core.editor.fullwidth does the replacing (code only,
never inside strings or comments).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


class LookalikeFixBar(QWidget):
    """The explanation, "Fix this line", "Fix the whole file" and a close button."""

    fix_line = Signal()
    fix_file = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.line_button = QPushButton(self.tr("Fix this line"), self)
        self.line_button.setToolTip(
            self.tr("Replace the full-width characters on this line with half-width ones")
        )
        self.file_button = QPushButton(self.tr("Fix the whole file"), self)
        self.file_button.setToolTip(
            self.tr(
                "Replace full-width characters everywhere in the script "
                "(text in quotes and comments is kept)"
            )
        )
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        # the explanation over the whole width, the buttons under it: beside them, next to the
        # Board view, a Japanese sentence was squeezed into a column of eight short lines
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.line_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.line_button.clicked.connect(self.fix_line)
        self.file_button.clicked.connect(self.fix_file)
        close.clicked.connect(self.hide)
        self.hide()

    def offer(self, text: str) -> None:
        self.label.setText(text)
        self.show()
