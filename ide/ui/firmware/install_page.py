"""Page 5: the install itself (ide.firmware.install.run_install as a task on the UI's worker)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ide.firmware.errors import Cancelled, ImageRejected
from ide.firmware.esptool_lines import flash_altered, is_esptool_detail
from ide.firmware.install import InstallPlan, run_install
from ide.text import Message
from ide.ui import translate_message
from ide.ui.firmware.common import (
    error_text,
    wrap,
)
from ide.ui.worker import Task

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard


class InstallPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Installing MicroPython"))
        self.step = wrap(QLabel())
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.log.setFont(mono)
        box = QVBoxLayout(self)
        box.addWidget(self.step)
        box.addWidget(self.bar)
        box.addWidget(self.log, 1)
        self.finished_ok = False
        self.step_kind = ""  # the install's current step: "download", "check" or "write"
        self.board_touched = False  # an ESP's flash was being erased or written

    def initializePage(self) -> None:
        self.setTitle(self.tr("Installing MicroPython"))  # (Back after a failure: again)
        self.setSubTitle(self.tr("Keep the board plugged in. This takes about a minute."))
        self.wiz.stop_closing()  # a new attempt: an earlier Cancel is over
        self.wiz.release_port()  # (a Pico's old port, if the session had one)
        self.finished_ok = False
        self.step_kind = ""
        self.board_touched = False
        self.log.clear()
        self.bar.setValue(0)
        plan = dataclasses.replace(self.wiz.state)  # the worker's own copy: pages may change
        self.wiz.start_job(
            lambda task: self._work(task, plan),
            self._succeeded,
            self._failed,
            on_progress=lambda value: self._progress(*value),
            on_log=self._log,
        )
        self.wiz.installing = True

    def _work(self, task: Task, plan: InstallPlan) -> object:
        return run_install(
            plan,
            catalog=self.wiz.catalog,
            progress=lambda done, total: task.progress((int(done), int(total))),
            on_log=task.log,
            # a step arrives as a tuple, told apart from log lines on the GUI thread
            on_step=lambda step: task.log(("step", step)),
            cancel=lambda: task.cancelled,
        )

    def _progress(self, done: int, total: int) -> None:
        if self.step_kind == "write" and total > 0:
            self.board_touched = True  # blocks are being written (an erase says so in the log)
        if total <= 0:
            self.bar.setRange(0, 0)  # busy: the chip is erasing, nothing to count yet
            return
        self.bar.setRange(0, 100)
        self.bar.setValue(int(done * 100 / total))

    def _log(self, item: object) -> None:
        if isinstance(item, tuple):
            self.step_kind = str(item[1])
            self.bar.setRange(0, 100)
            self.bar.setValue(0)
            if item[1] == "download":
                self.step.setText(self.tr("Downloading the firmware..."))
            elif item[1] == "check":
                self.step.setText(self.tr("Checking the firmware..."))
            elif self.wiz.state.kind == "uf2":
                self.step.setText(self.tr("Copying the firmware to the board..."))
            else:
                self.step.setText(self.tr("Writing the firmware to the board..."))
            return
        text = translate_message(item) if isinstance(item, Message) else str(item)
        self.log.appendPlainText(text)
        if isinstance(item, Message) and flash_altered(item):
            self.board_touched = True  # esptool's own checks passed and the erase began
        if isinstance(item, Message) and not is_esptool_detail(item):
            self.step.setText(text)  # our own step messages head the page

    def _succeeded(self, _result: object) -> None:
        self.wiz.installing = False
        self.finished_ok = True
        self.bar.setRange(0, 100)
        self.bar.setValue(100)
        self.step.setText(self.tr("Done."))
        self.completeChanged.emit()
        if not self.wiz.closing:
            self.wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self.wiz.installing = False
        # ("Installing", "keep it plugged in, about a minute" would still stand over it)
        self.setTitle(self.tr("Install stopped"))
        self.setSubTitle(self.tr("MicroPython was not installed."))
        self.bar.setRange(0, 100)
        if isinstance(exc, Cancelled):
            self.step.setText(
                self.tr(
                    "Cancelled. If the board was being written, it will not start until "
                    "MicroPython is installed again."
                )
            )
        else:
            text = self.tr("The install failed: {error}").format(error=error_text(exc))
            touched = self.board_touched and not isinstance(exc, ImageRejected)
            if touched and self.wiz.state.kind == "esp":
                # a cut cable or a reset half-way: the board now starts nothing at all
                text += "\n\n" + self.tr(
                    "The board's flash memory was being written when the install stopped, so "
                    "the board will not start until MicroPython is installed. Check that it is "
                    "plugged in, then press Back and install again."
                )
            self.step.setText(text)
        self.log.appendPlainText(self.step.text())
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(True)  # another choice
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.wiz.button(QWizard.WizardButton.CancelButton).setText(self.tr("Close"))

    def isComplete(self) -> bool:  # noqa: N802
        return self.finished_ok
