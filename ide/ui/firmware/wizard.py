"""Tools > Install MicroPython...: a wizard over ide.firmware (ESP through esptool, Pico by UF2).

Pages, one module each: where is the board (board_page: serial port or BOOTSEL drive) ->
detect (detect_page) -> firmware (firmware_page: catalogue or a local file) -> options
(options_page, ESP only: erase, speed, offset) -> install (install_page: percentage, log,
Cancel) -> done (done_page). What the user chose lives in ONE dataclass, ``wizard.state``
(ide.firmware.install.InstallPlan); the install itself is ide.firmware.install.run_install.
Every slow step runs as a task on the UI's one background worker (ide.ui.worker, the
controller's: :meth:`InstallWizard.start_job`); results, progress and log lines come back on the
GUI thread, so the window never freezes. The session's port is released with
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
from ide.firmware.cancel import check_cancel
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
)
from ide.ui.firmware.detect_page import DetectPage
from ide.ui.firmware.done_page import DonePage
from ide.ui.firmware.firmware_page import FirmwarePage
from ide.ui.firmware.install_page import InstallPage
from ide.ui.firmware.options_page import OptionsPage
from ide.ui.worker import Task, Worker

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
        # The UI's one worker (the controller's). A wizard without a controller (tests, a
        # headless caller) gets one of its own, stopped when the wizard closes.
        shared = getattr(controller, "worker", None)
        own = not isinstance(shared, Worker)
        self.worker: Worker = Worker(self, "hotaru-wizard") if own else shared
        self._own_worker = own
        self._jobs: list[Task] = []  # submitted, outcome not yet handed to the page
        self._stopping: list[Task] = []  # the jobs Cancel is waiting for
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

    def start_job(
        self,
        fn: Callable[[Task], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        on_progress: Callable[[Any], None] | None = None,
        on_log: Callable[[Any], None] | None = None,
    ) -> Task:
        """Run ``fn(task)`` on the worker (``task.progress(v)``, ``task.log(line)``,
        ``task.cancelled``); ``on_done`` / ``on_error`` and the reports arrive on the GUI
        thread. The job counts as busy until its outcome has been handed to the page, not
        merely until ``fn`` returns: otherwise the wizard could look idle with a result
        pending."""
        holder: list[Task] = []

        def job(task: Task) -> Any:
            # Cancel pressed while the job still waited in the worker's queue: never start it.
            check_cancel(lambda: task.cancelled)
            return fn(task)

        def settled() -> None:
            if holder and holder[0] in self._jobs:
                self._jobs.remove(holder[0])

        task = self.worker.submit_task(
            job,
            on_done=on_done,
            on_error=on_error,
            on_progress=on_progress,
            on_log=on_log,
            on_finish=settled,  # queued after on_done/on_error: the outcome is shown by then
        )
        holder.append(task)
        self._jobs.append(task)
        return task

    def busy(self) -> bool:
        """Is a job still running (or queued), or its outcome not yet shown?"""
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
        if self._own_worker:
            self.worker.stop()  # its thread ends (jobs have stopped: the wizard waited)
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
                job.cancel()
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
        if any(job in self._jobs for job in self._stopping):
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
