"""File > Open from board…: list the board's files, pick one, open it in a tab."""

from __future__ import annotations

import posixpath
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ide.core.files.board_ops import walk_board
from ide.ui import error_text


def _python_files(session: Any, folder: str = "/", depth: int = 2) -> list[str]:
    """Paths of the files under ``folder`` and ``depth`` levels of folders below it (runs on
    the controller's worker thread)."""
    _folders, files = walk_board(session, folder, depth)
    return sorted(e.path for e in files)


def open_board_file(parent: QWidget, controller: Any, tabs: Any) -> None:
    """Ask the board for its files, let the user pick one, read it, open it in ``tabs``."""
    if controller is None or getattr(controller, "port", None) is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("BoardFileDialog", "No board connected"),
            QCoreApplication.translate(
                "BoardFileDialog", "Connect a board (or the simulator) first."
            ),
        )
        return

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("BoardFileDialog", "Could not read the board"),
            error_text(exc),
        )

    def listed(files: list[str]) -> None:
        if not files:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("BoardFileDialog", "Open from board"),
                QCoreApplication.translate("BoardFileDialog", "There are no files on the board."),
            )
            return
        preferred = next((i for i, f in enumerate(files) if posixpath.basename(f) == "main.py"), 0)
        path, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("BoardFileDialog", "Open from board"),
            QCoreApplication.translate("BoardFileDialog", "File on the board:"),
            files,
            preferred,
            False,
        )
        if ok and path:
            controller.submit(
                lambda s: s.read_file(path), lambda data: tabs.open_board_data(path, data), failed
            )

    controller.submit(_python_files, listed, failed)
