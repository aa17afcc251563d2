"""Tools > Install MicroPython...: a wizard over ide.firmware (ESP through esptool, Pico by UF2).

Pages, one module each: where is the board (board_page: serial port or BOOTSEL drive) ->
detect (detect_page) -> firmware (firmware_page: catalogue or a local file) -> options
(options_page, ESP only: erase, speed, offset) -> install (install_page: percentage, log,
Cancel) -> done (done_page). What the user chose lives in ONE dataclass, ``wizard.state``
(ide.firmware.install.InstallPlan); the install itself is ide.firmware.install.run_install.
Every slow step runs in a QThread (:class:`~ide.ui.firmware.common.Job`); results come back
as queued signals, so the window never freezes. The session's port is released with
``controller.release_port()`` before the wizard touches it and given back with
``controller.reacquire_port(port)`` when the wizard closes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget, QWizard

from ide.firmware import catalog as fw_catalog
from ide.firmware.install import InstallPlan
from ide.ui.board.connection import scan_ports
from ide.ui.board.session_controller import SIMULATOR
from ide.ui.firmware.board_page import BoardPage
from ide.ui.firmware.common import (
    CATALOG_URL_ENV,
    PAGE_BOARD,
    PAGE_DETECT,
    PAGE_DONE,
    PAGE_FIRMWARE,
    PAGE_INSTALL,
    PAGE_OPTIONS,
    Job,
)
from ide.ui.firmware.detect_page import DetectPage
from ide.ui.firmware.done_page import DonePage
from ide.ui.firmware.firmware_page import FirmwarePage
from ide.ui.firmware.install_page import InstallPage
from ide.ui.firmware.options_page import OptionsPage

__all__ = [
    "PAGE_BOARD",
    "PAGE_DETECT",
    "PAGE_DONE",
    "PAGE_FIRMWARE",
    "PAGE_INSTALL",
    "PAGE_OPTIONS",
    "InstallWizard",
    "open_install_wizard",
]


class InstallWizard(QWizard):
    """Install MicroPython. ``controller``: the SessionController (or None when headless)."""

    def __init__(
        self,
        controller: Any = None,
        parent: QWidget | None = None,
        *,
        catalog: fw_catalog.Catalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        if catalog is None:
            url = os.environ.get(CATALOG_URL_ENV) or fw_catalog.DEFAULT_BASE
            catalog = fw_catalog.Catalog(url)
        self.catalog = catalog
        current = getattr(controller, "port", None)
        # the board the session talks to (e.g. not yet MicroPython), never the simulator
        self.initial_port = current if isinstance(current, str) and current != SIMULATOR else None
        self.state = InstallPlan()  # what the user chose, page by page
        self.installing = False
        self.closing = False
        self.released = False
        self._jobs: list[Job] = []
        self._stopping: list[Job] = []  # the jobs Cancel is waiting for
        self._close_timer = QTimer(self)
        self._close_timer.setInterval(50)
        self._close_timer.timeout.connect(self._close_if_idle)
        self.ports_before = self._current_ports()

        self.setWindowTitle(self.tr("Install MicroPython"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(640, 500)
        self.pages = {
            PAGE_BOARD: BoardPage(self),
            PAGE_DETECT: DetectPage(self),
            PAGE_FIRMWARE: FirmwarePage(self),
            PAGE_OPTIONS: OptionsPage(self),
            PAGE_INSTALL: InstallPage(self),
            PAGE_DONE: DonePage(self),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PAGE_BOARD)
        self.currentIdChanged.connect(self._page_changed)
        self.finished.connect(self._give_port_back)

    @staticmethod
    def _current_ports() -> set[str]:
        return {p.device for p in scan_ports()}

    def start_job(self, fn: Callable[[Job], Any]) -> Job:
        job = Job(fn, self)
        self._jobs.append(job)
        job.start()
        return job

    def busy(self) -> bool:
        """Is a job still running or its outcome not yet shown? (settled ones are forgotten)"""
        self._jobs = [job for job in self._jobs if not job.settled]
        return bool(self._jobs)

    def _page_changed(self, page_id: int) -> None:
        if page_id == PAGE_INSTALL:
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def release_port(self) -> None:
        if self.released or self.controller is None:
            return
        self.controller.release_port()  # waits until the session has closed the port
        self.released = True

    def _give_port_back(self, _result: int) -> None:
        if self.controller is None:
            return
        if self.released:
            self.controller.reacquire_port(self.state.port)
            self.released = False

    def reject(self) -> None:
        """Cancel: stops a running job first (the board is never left mid-command)."""
        if self.busy():
            self.closing = True
            self._stopping = list(self._jobs)
            for job in self._stopping:
                job.cancel.set()
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            if self.installing:
                self.pages[PAGE_INSTALL].step.setText(self.tr("Stopping..."))
            self._close_timer.start()
            return
        self.stop_closing()
        super().reject()

    def stop_closing(self) -> None:
        """Forget a pending close (a new job starts on the user's request)."""
        self._close_timer.stop()
        self.closing = False
        self._stopping = []

    def _close_if_idle(self) -> None:
        if any(not job.settled for job in self._stopping):
            return
        self.stop_closing()
        if self.currentId() == PAGE_INSTALL and not self.pages[PAGE_INSTALL].finished_ok:
            return  # stay open: the user reads what happened, then presses Close
        super().reject()


def open_install_wizard(parent: QWidget | None, controller: Any = None) -> InstallWizard:
    """Show the wizard (window-modal) and return it."""
    wizard = InstallWizard(controller, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    wizard.open()
    return wizard
