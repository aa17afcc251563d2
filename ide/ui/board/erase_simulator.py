"""Tools ▸ "Erase the simulator's files…": ask, then empty the virtual board's flash folder.

ide.simulator.erase_files() refuses while a virtual board runs on that folder, so the
controller closes the simulator's session first, erases, and connects to it again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ide.ui import error_text


def confirm_box(parent: QWidget) -> QMessageBox:
    """The question (built apart from asking it, so tests and screenshots can look at it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("EraseSimulator", "Erase the simulator's files"))
    box.setText(
        QCoreApplication.translate("EraseSimulator", "Erase every file on the simulated board?")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "EraseSimulator",
            "All files kept on the simulator (main.py, your scripts and folders) will be lost. "
            "Files on this computer and on real boards are not touched.",
        )
    )
    erase = box.addButton(
        QCoreApplication.translate("EraseSimulator", "Erase files"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # losing files takes a deliberate click
    box.setProperty("erase_button", erase)
    return box


def ask_and_erase(window: Any) -> None:
    """Ask; on yes, have the controller erase the files (and reconnect the simulator)."""
    box = confirm_box(window)
    box.exec()
    if box.clickedButton() is not box.property("erase_button"):
        return
    status = window.statusBar()

    def done(_result: object = None) -> None:
        status.showMessage(
            QCoreApplication.translate("EraseSimulator", "The simulator's files were erased."), 5000
        )

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("EraseSimulator", "Erase the simulator's files"),
            error_text(exc),
        )

    window.controller.erase_simulator_files(done, failed)
