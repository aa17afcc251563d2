"""On the board page: copy the files on the connected board to this computer before an install
erases them (ide.firmware.backup through the session controller's worker)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ide.firmware.backup import Backup, copy_board_files
from ide.ui.board.session_controller import SIMULATOR
from ide.ui.firmware.common import error_text, wrap


def board_to_back_up(controller: Any) -> str | None:
    """The port of a real board the session is connected to (whose files can be copied)."""
    if controller is None or not hasattr(controller, "submit"):
        return None
    port = getattr(controller, "port", None)
    connected = getattr(controller, "is_connected", lambda: False)()
    if not connected or not isinstance(port, str) or port in ("", SIMULATOR):
        return None
    return port


class BackupBox(QWidget):
    """ "Copy the board's files to this computer..." with what happened under it."""

    busy_changed = Signal(bool)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.busy = False
        self.text = wrap(
            QLabel(
                self.tr(
                    "Installing with “Erase all flash memory” deletes the files on the board. "
                    "You can copy them to this computer first."
                )
            )
        )
        self.button = QPushButton(self.tr("Copy the board's files to this computer..."))
        self.status = wrap(QLabel())
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text)
        box.addLayout(row)
        box.addWidget(self.status)
        self.button.clicked.connect(self.copy)

    def copy(self) -> None:
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("Where should the board's files go?"), str(Path.home())
        )
        if not parent:
            return
        # a new dated folder: nothing already in the chosen folder is overwritten
        dest = Path(parent) / datetime.now().strftime("board-files-%Y%m%d-%H%M%S")
        self._set_busy(True)
        self.status.setText(self.tr("Copying the board's files..."))
        self.controller.submit(
            lambda session: copy_board_files(session, dest), self._copied, self._failed
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _copied(self, backup: Backup) -> None:
        if not shiboken6.isValid(self):
            return  # the wizard was closed meanwhile: the copy is done all the same
        self._set_busy(False)
        text = self.tr("Files copied: {n}, into {folder}.").format(
            n=len(backup.copied), folder=backup.folder
        )
        if backup.skipped:
            text += " " + self.tr("Not copied (names this computer cannot hold): {names}").format(
                names=", ".join(backup.skipped)
            )
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.status.setText(
            self.tr("The files could not be copied: {error}").format(error=error_text(exc))
        )
