"""The questions the Files pane asks. A small class so tests can answer them instead of a user."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ide.core.files.names import display_name
from ide.core.files.plan import Choice, FileItem
from ide.ui.questions import ask_yes_no


class Asker(QObject):
    """Modal questions parented to the pane. Replace methods on an instance in tests."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def clash(self, item: FileItem, left: int, upload: bool) -> Choice:
        """``item``'s target exists and differs: overwrite, skip, all of them, or cancel."""
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("File already exists"))
        name = item.clash_with or str(item.target)  # compiled x.mpy: the question is about x.py
        if upload:
            text = self.tr("“{name}” already exists on the board and is different. Replace it?")
        else:
            text = self.tr("“{name}” already exists on this computer and is different. Replace it?")
        box.setText(text.format(name=display_name(name)))
        buttons = {
            box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole): Choice.OVERWRITE,
            box.addButton(self.tr("Skip"), QMessageBox.ButtonRole.RejectRole): Choice.SKIP,
        }
        if left:
            box.setInformativeText(
                self.tr("Other existing files still to decide: {n}").format(n=left)
            )
            buttons[box.addButton(self.tr("Replace all"), QMessageBox.ButtonRole.YesRole)] = (
                Choice.OVERWRITE_ALL
            )
            buttons[box.addButton(self.tr("Skip all"), QMessageBox.ButtonRole.NoRole)] = (
                Choice.SKIP_ALL
            )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        buttons[cancel] = Choice.CANCEL
        box.setEscapeButton(cancel)
        box.exec()
        return buttons.get(box.clickedButton(), Choice.CANCEL)

    def yes_no(self, title: str, text: str) -> bool:
        return ask_yes_no(self._parent, title, text)

    def text(self, title: str, label: str, default: str = "") -> str | None:
        value, ok = QInputDialog.getText(
            self._parent, title, label, QLineEdit.EchoMode.Normal, default
        )
        return value if ok else None

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)
