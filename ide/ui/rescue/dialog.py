"""The rescue dialog: what it will do, each step as it happens, then the report (what was
disabled, why, how to re-enable it), or the last resort (the installer, with erase)."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ide.core.rescue import RescueReport, rescue
from ide.text import Message
from ide.ui import error_text, translate_message

REPLUG_WAIT_S = 60.0  # the user has this long to plug the board in again


class RescueDialog(QDialog):
    """``run_rescue(progress, ask) -> RescueReport`` does the work on a thread (the default
    talks to the board the window is connected to, or to ``port``)."""

    _step = Signal(object)  # a Message, from the rescue thread
    _asked = Signal(object)  # a Message the user must act on
    _done = Signal(object)  # RescueReport or an exception
    _rom_done = Signal(object)  # (folder, RomRescue or an exception)

    def __init__(
        self,
        window: Any = None,
        controller: Any = None,
        port: str | None = None,
        *,
        run_rescue: Any = None,
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.controller = controller
        self.port = port
        self._run = run_rescue or self._default_run
        self.report: RescueReport | None = None
        self.setWindowTitle(self.tr("Rescue the board"))
        self.setMinimumWidth(600)
        v = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Hotaru stops the program that keeps the board busy, restarts the board if it "
                "must, and renames main.py to main_disabled.py so it does not start again. No "
                "file is deleted."
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
        v.addWidget(self.steps, 1)
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
        self.rom_button = QPushButton(self.tr("Copy the files off the board first…"))
        self.rom_button.setToolTip(
            self.tr(
                "ESP boards: through the chip's bootloader, copy every file to a folder on this "
                "computer and disable main.py, even when MicroPython never answers."
            )
        )
        self.rom_button.clicked.connect(self._copy_through_rom)
        self.rom_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.start_button)
        row.addWidget(self.rom_button)
        row.addWidget(self.install_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        v.addLayout(row)
        self._step.connect(self._show_step)
        self._asked.connect(self._show_instruction)
        self._done.connect(self._finished)
        self._rom_done.connect(self._rom_finished)
        self.rom_result: Any = None

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)  # the board is half-way: let the rescue end

        def work() -> None:
            try:
                result: Any = self._run(self._step.emit, self._ask)
            except Exception as e:  # noqa: BLE001 - shown in the dialog
                result = e
            self._done.emit(result)

        threading.Thread(target=work, daemon=True, name="rescue").start()

    def _ask(self, msg: Message) -> bool:
        """Rescue thread: show what the user must do; the rescue itself waits for the board."""
        self._asked.emit(msg)
        return True

    def _show_step(self, msg: Message) -> None:
        self.steps.addItem(translate_message(msg))
        self.steps.scrollToBottom()

    def _show_instruction(self, msg: Message) -> None:
        self.instruction.setText(translate_message(msg))
        self.instruction.show()

    def _finished(self, result: Any) -> None:
        self.close_button.setEnabled(True)
        self.instruction.hide()
        if isinstance(result, BaseException):
            self.result.setText(error_text(result))
            self.result.show()
            return
        self.show_report(result)

    def show_report(self, report: RescueReport) -> None:
        self.report = report
        self.result.setText("\n\n".join(translate_message(m) for m in report.summary()))
        self.result.show()
        self.traceback.setPlainText(report.traceback)
        self.traceback.setVisible(bool(report.traceback))
        self.install_button.setVisible(not report.ok)
        self.rom_button.setVisible(not report.ok and bool(self.port))
        self.start_button.setVisible(not report.ok)
        self.start_button.setText(self.tr("Try again"))
        self.start_button.setEnabled(True)
        if report.ok and self.controller is not None:
            self.controller.files_changed.emit()

    def choose_folder(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the board's files"))

    def _copy_through_rom(self) -> None:
        """Files through the ESP ROM loader (ide.firmware.esp_files), on a thread."""
        folder = self.choose_folder()
        if not folder or not self.port:
            return
        from pathlib import Path

        port = self.port
        if self.controller is not None and self.controller.is_connected():
            self.controller.disconnect_port()  # esptool needs the port to itself
        self.rom_button.setEnabled(False)
        self._show_step_text(self.tr("Reading the board's files through its bootloader…"))

        def work() -> None:
            from ide.firmware.esp_files import rescue_files

            try:
                result: Any = rescue_files(port, Path(folder))
            except Exception as e:  # noqa: BLE001 - shown in the dialog
                result = e
            self._rom_done.emit((folder, result))

        threading.Thread(target=work, daemon=True, name="rescue-rom").start()

    def _rom_finished(self, answer: Any) -> None:
        folder, result = answer
        self.rom_button.setEnabled(True)
        if isinstance(result, BaseException):
            self.result.setText(error_text(result))
            return
        self.rom_result = result
        lines = [
            self.tr("{count} files copied to {folder}.").format(
                count=len(result.copied), folder=folder
            )
        ]
        lines += [
            self.tr("{was} was renamed to {now}, so it does not run at start-up.").format(
                was=was, now=now
            )
            for was, now in result.renamed
        ]
        lines.append(self.tr("No file was deleted."))
        self.result.setText("\n\n".join(lines))
        self.result.show()
        self.rom_button.hide()

    def _show_step_text(self, text: str) -> None:
        self.steps.addItem(text)
        self.steps.scrollToBottom()

    def _install(self) -> None:
        from ide.ui.firmware import open_install_wizard

        self.accept()
        open_install_wizard(self.window_, self.controller)

    # -- the board ---------------------------------------------------------------------------
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

            try:
                return rescue(transport, progress, ask, power=power, reopen=reopen)
            finally:
                session.take_back(fresh[-1] if fresh else None)
        if not self.port:
            raise RuntimeError(self.tr("Choose the board's port first."))
        from ide.board.transports.serial import SerialTransport

        transport = SerialTransport(self.port)
        transport.open()
        try:
            return rescue(transport, progress, ask, reopen=lambda: _reopen(transport))
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
