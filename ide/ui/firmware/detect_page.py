"""Page 2: what the board is (esptool's ChipInfo, or the drive's INFO_UF2.TXT)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ide.firmware import esp
from ide.ui.firmware.common import (
    error_text,
    wrap,
)
from ide.ui.worker import Task

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard


class DetectPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Checking the board"))
        self.status = wrap(QLabel())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.details = QFormLayout()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.start)
        box = QVBoxLayout(self)
        box.addWidget(self.status)
        box.addWidget(self.busy)
        box.addLayout(self.details)
        box.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        self.done = False
        self.job: Task | None = None

    def _clear_details(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        self.done = False
        self.wiz.state.chip = None
        self._clear_details()
        self.retry_button.hide()
        self.completeChanged.emit()
        if self.wiz.state.kind == "uf2":
            drive = self.wiz.state.drive
            assert drive is not None
            self.setSubTitle(self.tr("The board is waiting in BOOTSEL mode."))
            self.busy.hide()
            self.status.setText(self.tr("Found a {chip} board.").format(chip=drive.chip))
            self.details.addRow(self.tr("Chip:"), QLabel(drive.chip))
            self.details.addRow(self.tr("Board ID:"), QLabel(drive.board_id))
            self.details.addRow(self.tr("Model:"), QLabel(drive.model or "-"))
            self.details.addRow(self.tr("Drive:"), QLabel(str(drive.path)))
            self.done = True
            self.completeChanged.emit()
            return
        port = self.wiz.state.port or ""
        self.setSubTitle(self.tr("Asking the chip on {port} what it is...").format(port=port))
        self.status.setText(self.tr("Connecting..."))
        self.busy.show()
        # answers of an older job (Back, then Next again) are ignored; the callbacks run on the
        # GUI thread later, so ``job`` is bound by then
        job = self.wiz.start_job(
            lambda task: esp.detect_chip(port, on_log=task.log),
            lambda info: self._found(info) if self.job is job else None,
            lambda exc: self._failed(exc) if self.job is job else None,
        )
        self.job = job

    def _found(self, info: esp.ChipInfo) -> None:
        self.wiz.state.chip = info
        self.setSubTitle(self.tr("The chip on {port} answered.").format(port=self.wiz.state.port))
        self.busy.hide()
        self.status.setText(self.tr("Found an {chip}.").format(chip=info.name))
        self.details.addRow(self.tr("Chip:"), QLabel(info.description))
        self.details.addRow(self.tr("Features:"), wrap(QLabel(", ".join(info.features))))
        size = (
            self.tr("{n} MB").format(n=info.flash_size // (1024 * 1024))
            if info.flash_size
            else self.tr("unknown")
        )
        self.details.addRow(self.tr("Flash memory:"), QLabel(size))
        self.details.addRow(self.tr("MAC address:"), QLabel(info.mac))
        self.done = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        # (the subtitle said "Asking the chip ... what it is..." long after it had stopped)
        self.setSubTitle(
            self.tr("The board on {port} could not be checked.").format(port=self.wiz.state.port)
        )
        self.busy.hide()
        self.status.setText(error_text(exc))
        self.retry_button.show()

    def isComplete(self) -> bool:  # noqa: N802
        return self.done
