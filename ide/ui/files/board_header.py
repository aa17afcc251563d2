"""The Files pane's board header: "Board" (or "Board (not connected)"), the board's name on a
line of its own, and its free space. Owned by :class:`FilesPane` (``pane.header``), with the
state it shows; its texts keep the pane's translation context, "FilesPane"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from .fmt import format_size


class BoardHeader:
    """The title, name and free-space labels over the board tree."""

    def __init__(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("FilesSectionTitle")
        # The board's name ("Hotaru virtual board with WebAssembly · MicroPython 1.26") on a
        # line of its own under the short title, wrapped rather than cut ("Board: Hotaru
        # virt…" in every language); the whole text is its tool tip too.
        self.name = QLabel()
        self.name.setObjectName("BoardName")
        self.name.setWordWrap(True)
        self.free_label = QLabel()
        self.free_label.setObjectName("BoardFreeSpace")
        self.board_name = ""  # the connected board's description (or port)
        self.free: tuple[int, int, int] | None = None  # (total, used, free) bytes

    def set_free(self, free: Any) -> None:
        """Remember the board's (total, used, free) bytes, or nothing (None)."""
        self.free = tuple(free) if free else None

    def update(self, connected: bool) -> None:
        """Show the board (or that none is connected)."""
        if not connected:
            self.title.setText(QCoreApplication.translate("FilesPane", "Board (not connected)"))
            self.name.clear()
            self.name.setToolTip("")
            self.name.hide()
            self.free_label.clear()
            return
        self.title.setText(QCoreApplication.translate("FilesPane", "Board"))
        self.name.setText(self.board_name)
        self.name.setToolTip(self.board_name)
        self.name.setVisible(bool(self.board_name))
        if self.free:
            total, _used, free = self.free
            self.free_label.setText(
                QCoreApplication.translate("FilesPane", "{free} free of {total}").format(
                    free=format_size(free), total=format_size(total)
                )
            )
        else:
            self.free_label.clear()
