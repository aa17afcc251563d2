"""The rescue dialog: what it will do, each step as it happens, then the report (what was
disabled, why, how to re-enable it), or the last resort (the installer, with erase)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ide.core.rescue import RescueReport, rescue
from ide.core.rescue.under import UnderPlan, go_under, is_question, rescue_folder
from ide.text import QT_TRANSLATE_NOOP, Message
from ide.ui import error_text, translate_message
from ide.ui.fit import fit_wrapped_labels, refit_on_new_width

REPLUG_WAIT_S = 60.0  # the user has this long to plug the board in again


class RescueDialog(QDialog):
    """``run_rescue(progress, ask) -> RescueReport`` does the work on a thread (the default
    talks to the board the window is connected to, or to ``port``)."""

    _step = Signal(object)  # a Message, from the rescue thread
    _asked = Signal(object)  # a Message the user must act on
    _done = Signal(object)  # RescueReport or an exception
    _question = Signal(object)  # a yes/no Message: the rescue thread waits for the answer
    _pick_file = Signal(str)  # no firmware from the catalogue: the user picks one (chip name)

    def __init__(
        self,
        window: Any = None,
        controller: Any = None,
        port: str | None = None,
        *,
        run_rescue: Any = None,
        catalog: Any = None,
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.controller = controller
        self.port = port
        self._run = run_rescue or self._default_run
        self.catalog = catalog  # ide.firmware.catalog.Catalog; None: micropython.org (or mirror)
        self.report: RescueReport | None = None
        self.setWindowTitle(self.tr("Rescue the board"))
        self.setMinimumWidth(600)
        v = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Hotaru stops the program that keeps the board busy, restarts the board if it "
                "must, and renames main.py to main_disabled.py so it does not start again. If "
                "MicroPython never answers, Hotaru asks before it copies your files to this "
                "computer through the chip's bootloader. No file is deleted."
            )
        )
        self.intro.setWordWrap(True)
        v.addWidget(self.intro)
        self.instruction = QLabel()
        self.instruction.setWordWrap(True)
        font = self.instruction.font()
        font.setBold(True)
        self.instruction.setFont(font)
        self.instruction.hide()
        v.addWidget(self.instruction)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)  # a step may be a whole sentence (why a Pico was not found)
        v.addWidget(self.steps, 1)
        self.question_box = QFrame()
        self.question_box.setFrameShape(QFrame.Shape.StyledPanel)
        q = QVBoxLayout(self.question_box)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.question.font()
        bold.setBold(True)  # the one thing waiting for the user: it must stand out
        self.question.setFont(bold)
        q.addWidget(self.question)
        answers = QHBoxLayout()
        self.yes_button = QPushButton(self.tr("Yes, go on"))
        self.no_button = QPushButton(self.tr("No, stop here"))
        for button in (self.yes_button, self.no_button):
            # Enter must not answer a question that may erase the board: a click does
            button.setAutoDefault(False)
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        answers.addStretch(1)
        answers.addWidget(self.no_button)
        answers.addWidget(self.yes_button)
        q.addLayout(answers)
        self.question_box.hide()
        v.addWidget(self.question_box)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.hide()
        v.addWidget(self.result)
        self.traceback = QPlainTextEdit()
        self.traceback.setReadOnly(True)
        self.traceback.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.traceback.setMaximumHeight(110)
        self.traceback.hide()
        v.addWidget(self.traceback)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start the rescue"))
        self.start_button.clicked.connect(self.start)
        self.install_button = QPushButton(self.tr("Install MicroPython (erase all flash)…"))
        self.install_button.clicked.connect(self._install)
        self.install_button.hide()
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.setToolTip(self.tr("Show the board's files saved on this computer"))
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.start_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.install_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        v.addLayout(row)
        self._step.connect(self._show_step)
        self._asked.connect(self._show_instruction)
        self._done.connect(self._finished)
        self._question.connect(self._show_question)
        self._pick_file.connect(self._choose_file)
        self._answered = threading.Event()
        self._answers: list[bool] = []
        self._picked: Path | None = None
        self.folder: Path | None = None  # where this rescue saves files (made when needed)
        # set by Escape while a rescue waits for the user (a Pico's BOOTSEL wait) or reads
        self._cancel = threading.Event()
        self._last_step_source = ""  # the English source of the last step shown
        self._running = False  # the rescue thread is at work (it may write at any moment)
        self.refusal: QMessageBox | None = None  # "wait until it finishes", when shown
        refit_on_new_width(self, self._fit_texts)

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)  # the board is half-way: let the rescue end
        self._cancel.clear()
        self._running = True
        if self.window_ is not None:
            # the thread is a daemon: quitting would kill it, perhaps half-way through a
            # write (a rename, a write-back, a reinstall); the main window refuses to close
            self.window_.installEventFilter(self)

        def work() -> None:
            try:
                result: Any = self._run(self._step.emit, self._ask)
            except Exception as e:  # noqa: BLE001 - shown in the dialog
                result = e
            self._done.emit(result)

        threading.Thread(target=work, daemon=True, name="rescue").start()

    def _ask(self, msg: Message) -> bool:
        """Rescue thread: a question waits for Yes/No; an instruction (unplug and plug in
        again) is shown and the rescue itself waits for the board."""
        if is_question(msg):
            self._answered.clear()
            self._question.emit(msg)
            self._answered.wait()
            return self._answers.pop()
        self._asked.emit(msg)
        return True

    def _show_step(self, msg: Message) -> None:
        text = translate_message(msg)
        # an action in progress that reports how far it is ("Reading the Pico's flash: 640 of
        # 1408 KB…": arguments, ending in "…") updates its line; results each get their own
        source = msg.source if isinstance(msg, Message) and msg.args else ""
        ongoing = source.endswith("…")
        if ongoing and source == self._last_step_source and self.steps.count():
            self.steps.item(self.steps.count() - 1).setText(text)
        else:
            self.steps.addItem(text)
        self._last_step_source = source if ongoing else ""
        self.steps.scrollToBottom()

    def _show_instruction(self, msg: Message) -> None:
        self.instruction.setText(translate_message(msg))
        self.instruction.show()
        self._fit_texts()

    def _fit_texts(self) -> None:
        """The instruction, the question and the report are filled in while the rescue runs:
        each gets the height its wrapped text needs (a long question was cut off above Yes/No).
        The steps list gives way first."""
        fit_wrapped_labels(self, (self.instruction, self.question, self.result))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """While the rescue runs, closing the main window (and so quitting) is refused: the
        rescue may be writing to the board, and a write cut short can cost the files."""
        if watched is self.window_ and event.type() == QEvent.Type.Close and self._running:
            event.ignore()
            self._refuse_close()
            return True
        return super().eventFilter(watched, event)

    def _refuse_close(self) -> None:
        if self.refusal is None:
            self.refusal = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Rescue the board"),
                self.tr(
                    "A rescue is working on the board and may be writing to it. Wait until "
                    "it finishes."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
        self.refusal.open()  # not exec(): the rescue's signals must still arrive

    def _finished(self, result: Any) -> None:
        self._running = False
        if self.window_ is not None:
            self.window_.removeEventFilter(self)
        if self.refusal is not None:
            self.refusal.hide()
        self.close_button.setEnabled(True)
        self.instruction.hide()
        if isinstance(result, BaseException):
            self.result.setText(error_text(result))
            self.result.show()
            self._fit_texts()
            return
        self.show_report(result)

    def show_report(self, report: RescueReport) -> None:
        self.report = report
        self.result.setText("\n\n".join(translate_message(m) for m in report.summary()))
        self.result.show()
        self.traceback.setPlainText(report.traceback)
        self.traceback.setVisible(bool(report.traceback))
        self._fit_texts()
        self.install_button.setVisible(not report.fixed)
        folder = self._folder()
        self.folder_button.setVisible(folder is not None and folder.exists())
        self.start_button.setVisible(not report.fixed)
        self.start_button.setText(self.tr("Try again"))
        self.start_button.setEnabled(True)
        if report.fixed and self.controller is not None:
            self.controller.files_changed.emit()

    def reject(self) -> None:
        """Escape or the window's close button: while the rescue runs, a pending question is
        answered No, and a wait for the user (plugging a Pico in with BOOTSEL held) or a read
        is given up (the rescue then ends safely; a write is never cut short); the dialog
        stays until it has."""
        if self.close_button.isEnabled():
            super().reject()
        elif self.question_box.isVisible():
            self._answer(False)
        else:
            self._cancel.set()

    def _show_question(self, msg: Message) -> None:
        self.question.setText(translate_message(msg))
        self.question_box.show()
        self._fit_texts()
        self.yes_button.setFocus()

    def _answer(self, yes: bool) -> None:
        self.question_box.hide()
        self._fit_texts()
        self._answers.append(yes)
        self._answered.set()

    def open_folder(self) -> None:
        folder = self._folder()
        if folder is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _folder(self) -> Path | None:
        under = self.report.under if self.report is not None else None
        return under.folder if under is not None and under.folder is not None else None

    # -- firmware for a reinstall (rescue thread) -------------------------------------------
    def find_firmware(self, chip: Any) -> Path | None:
        """The catalogue's MicroPython for ``chip`` (as the install wizard suggests it); offline
        or without one, a file the user picks. ide.core.rescue checks it before anything."""
        from ide.firmware import catalog as fw_catalog
        from ide.firmware.errors import FirmwareError

        try:
            from ide.ui.firmware.common import CATALOG_URL_ENV  # the wizard's mirror setting

            url = os.environ.get(CATALOG_URL_ENV) or fw_catalog.DEFAULT_BASE
            cat = self.catalog or fw_catalog.Catalog(url)
            board, variant = fw_catalog.suggest_board(chip.name, chip.has_psram, chip.flash_size)
            best = fw_catalog.latest_stable(cat.firmware(board).items, variant)
            if best is not None:
                self._step.emit(
                    Message("Rescue", QT_TRANSLATE_NOOP("Rescue", "Downloading {name}…"),
                            {"name": best.filename})
                )  # fmt: skip
                return cat.download(best)
        except (FirmwareError, OSError, ValueError):
            pass  # offline or no such board: the user's own file
        self._answered.clear()
        self._pick_file.emit(chip.name)
        self._answered.wait()
        return self._picked

    def _choose_file(self, chip_name: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("MicroPython firmware for {chip}").format(chip=chip_name),
            "",
            self.tr("ESP firmware (*.bin)"),
        )
        self._picked = Path(path) if path else None
        self._answered.set()

    def _install(self) -> None:
        from ide.ui.firmware import open_install_wizard

        self.accept()
        open_install_wizard(self.window_, self.controller)

    # -- the board ---------------------------------------------------------------------------
    def under_plan(self, port: str | None) -> Any:
        """When no prompt can be reached: go under MicroPython on ``port`` (a real port),
        saving files to a new folder in Documents/Hotaru rescue."""
        if not port or port == "simulator" or "://" in port:
            return None
        if self.folder is None:
            self.folder = rescue_folder()
        plan = UnderPlan(port, self.folder, get_firmware=self.find_firmware, cancel=self._cancel)
        return lambda step, ask: go_under(plan, step, ask)

    def _default_run(self, progress: Any, ask: Any) -> RescueReport:
        """The connected session's transport (lent by stopping its reader, then taken back),
        or the chosen port opened here."""
        session = self.controller.session if self.controller is not None else None
        if session is not None:
            transport = session.lend_transport()  # the rescue reads the port now; it stays open
            board = getattr(self.controller, "virtual_board", None)  # the built-in simulator
            power = board.power_cycle if board is not None else None
            fresh: list[Any] = []  # the port opened anew after a replug

            def reopen() -> Any:
                fresh.append(_reopen(transport))
                return fresh[-1]

            under = self.under_plan(getattr(self.controller, "port", None))
            went_under = False
            try:
                report = rescue(transport, progress, ask, power=power, reopen=reopen, under=under)
                went_under = report.under is not None
                return report
            finally:
                if went_under:  # the port was closed for the bootloader: open it anew
                    try:
                        session.reacquire()
                    except Exception:  # noqa: BLE001, S110 - the status bar says it is gone
                        pass
                else:
                    session.take_back(fresh[-1] if fresh else None)
        if not self.port:
            raise RuntimeError(self.tr("Choose the board's port first."))
        from ide.board.transports.serial import SerialTransport

        transport = SerialTransport(self.port)
        transport.open()
        try:
            return rescue(
                transport,
                progress,
                ask,
                reopen=lambda: _reopen(transport),
                under=self.under_plan(self.port),
            )
        finally:
            transport.close()


def _reopen(transport: Any) -> Any:
    """After an unplug: the same board (USB serial number) back, opened; else the same port."""
    from ide.board.opening import find_by_serial_number
    from ide.board.transports.serial import SerialTransport

    deadline = time.monotonic() + REPLUG_WAIT_S
    while time.monotonic() < deadline:
        port = None
        if transport.serial_number:
            port = find_by_serial_number(transport.serial_number)
        try:
            fresh = SerialTransport(port or transport.name)
            fresh.open()
            return fresh
        except Exception:  # noqa: BLE001 - not back yet
            time.sleep(0.2)
    raise OSError("the board did not come back")


def open_rescue(window: Any) -> RescueDialog:
    """Tools > Rescue board…: window-modal; the user presses Start."""
    from ide.ui.board.connection import PortSelector

    controller = getattr(window, "controller", None)
    selector = window.findChild(PortSelector) if window is not None else None
    port = controller.port if controller is not None else None
    if port is None and selector is not None:
        port = selector.current_port()
    dialog = RescueDialog(window, controller, port)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
