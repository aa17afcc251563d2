"""Tools > Install MicroPython...: a wizard over ide.firmware (ESP through esptool, Pico by UF2).

Pages: where is the board (serial port or BOOTSEL drive) -> detect -> firmware (catalogue or
a local file) -> options (ESP only: erase, speed, offset) -> install (percentage, log,
Cancel) -> done. Every slow step runs in a QThread (:class:`_Job`); results come back as
queued signals, so the window never freezes. The session's port is released with
``controller.release_port()`` before the wizard touches it and given back with
``controller.reacquire_port(port)`` when the wizard closes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ide.firmware import catalog as fw_catalog
from ide.firmware import esp, esp_image, uf2
from ide.firmware.errors import Cancelled, FirmwareError
from ide.firmware.esptool_lines import is_esptool_detail
from ide.text import Message
from ide.ui import translate_message
from ide.ui.connection import scan_ports
from ide.ui.session_controller import SIMULATOR

PAGE_BOARD, PAGE_DETECT, PAGE_FIRMWARE, PAGE_OPTIONS, PAGE_INSTALL, PAGE_DONE = range(6)
CATALOG_URL_ENV = "HOTARU_FIRMWARE_URL"  # a mirror of micropython.org's download pages
SPEEDS = (921600, 460800, 230400, 115200)


class _Job(QThread):
    """Runs ``fn(job)`` on a worker thread; ``job.progress/log`` and the outcome arrive as
    queued signals on the GUI thread. ``job.cancel`` is the Event the firmware code checks.
    The job counts as busy until its outcome has been handed to the GUI (``settled``), not
    merely until the thread ends: otherwise the wizard could look idle with a result pending."""

    progressed = Signal(int, int)
    logged = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    _outcome = Signal(bool, object)  # worker -> GUI thread; re-emitted there as succeeded/failed

    def __init__(self, fn: Callable[[_Job], Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.fn = fn
        self.cancel = threading.Event()
        self.settled = False
        self._outcome.connect(self._settle)

    def progress(self, done: int, total: int) -> None:
        self.progressed.emit(int(done), int(total))

    def log(self, msg: Message | str) -> None:
        self.logged.emit(msg)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the GUI
            self._outcome.emit(False, exc)
        else:
            self._outcome.emit(True, result)

    def _settle(self, ok: bool, value: object) -> None:
        (self.succeeded if ok else self.failed).emit(value)
        self.settled = True


def _translated(msg: Message) -> str:
    """translate_message, also translating the args that are Messages themselves (UF2 family
    names are; see ide.firmware.uf2.FAMILY_NAMES)."""
    args = {k: _translated(v) if isinstance(v, Message) else v for k, v in msg.args.items()}
    return translate_message(Message(msg.context, msg.source, args))


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, FirmwareError):
        return _translated(exc.message)
    return str(exc) or type(exc).__name__


def _wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


# ----- 1. where is the board ---------------------------------------------------------------
class BoardPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Where is your board?"))
        self.setSubTitle(self.tr("Choose how your board is connected to this computer."))
        self.esp_radio = QRadioButton(self.tr("ESP32 or ESP8266 on a serial port"))
        self.uf2_radio = QRadioButton(self.tr("Raspberry Pi Pico or Pico 2 (BOOTSEL drive)"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.esp_radio)
        self.group.addButton(self.uf2_radio)
        self.esp_radio.setChecked(True)

        self.port_combo = QComboBox()
        self.port_combo.setEditable(True)
        self.port_combo.setMinimumContentsLength(28)
        self.port_combo.lineEdit().setPlaceholderText(self.tr("for example /dev/ttyUSB0 or COM3"))
        self.refresh_ports_button = QPushButton(self.tr("Refresh"))
        esp_help = _wrap(
            QLabel(
                self.tr(
                    "Plug the board in with a USB data cable. If the install cannot connect, "
                    "hold the BOOT button, press and release RESET (EN), then release BOOT."
                )
            )
        )

        self.drive_combo = QComboBox()
        self.drive_combo.setMinimumContentsLength(28)
        self.refresh_drives_button = QPushButton(self.tr("Refresh"))
        self.uf2_help = _wrap(
            QLabel(
                self.tr(
                    "Unplug the Pico. Hold down the white BOOTSEL button and plug it back in, "
                    "then let go. It appears as a drive named RPI-RP2 (Pico) or RP2350 "
                    "(Pico 2). The drive is found here by itself."
                )
            )
        )

        grid = QGridLayout()
        grid.addWidget(self.esp_radio, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Port:")), 1, 0)
        grid.addWidget(self.port_combo, 1, 1)
        grid.addWidget(self.refresh_ports_button, 1, 2)
        grid.addWidget(esp_help, 2, 1, 1, 2)
        grid.addWidget(self.uf2_radio, 3, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Drive:")), 4, 0)
        grid.addWidget(self.drive_combo, 4, 1)
        grid.addWidget(self.refresh_drives_button, 4, 2)
        grid.addWidget(self.uf2_help, 5, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(8)
        self.setLayout(grid)

        self.refresh_ports_button.clicked.connect(self.refresh_ports)
        self.refresh_drives_button.clicked.connect(self.refresh_drives)
        self.group.buttonToggled.connect(self._mode_changed)
        self.port_combo.currentTextChanged.connect(lambda _t: self.completeChanged.emit())
        self.drive_combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self._drive_timer = QTimer(self)
        self._drive_timer.setInterval(1500)
        self._drive_timer.timeout.connect(self.refresh_drives)

    def initializePage(self) -> None:
        self.refresh_ports()
        self.refresh_drives()
        if self.wiz.initial_port:
            self.port_combo.setCurrentText(self.wiz.initial_port)
        self._mode_changed()

    def cleanupPage(self) -> None:
        self._drive_timer.stop()

    def _mode_changed(self, *_args: object) -> None:
        esp_mode = self.esp_radio.isChecked()
        for w in (self.port_combo, self.refresh_ports_button):
            w.setEnabled(esp_mode)
        for w in (self.drive_combo, self.refresh_drives_button):
            w.setEnabled(not esp_mode)
        if esp_mode:
            self._drive_timer.stop()
        else:
            self._drive_timer.start()
        self.completeChanged.emit()

    def refresh_ports(self) -> None:
        current = self.port_combo.currentText()
        self.port_combo.clear()
        for info in scan_ports():  # none listed: the user can still type one
            self.port_combo.addItem(f"{info.device}  ({info.board})", info.device)
        controller_port = getattr(self.wiz.controller, "port", None)
        if isinstance(controller_port, str) and controller_port not in ("", SIMULATOR):
            if self.port_combo.findData(controller_port) < 0:
                self.port_combo.addItem(controller_port, controller_port)
        if current:
            self.port_combo.setCurrentText(current)

    def refresh_drives(self) -> None:
        paths = [self.drive_combo.itemData(i) for i in range(self.drive_combo.count())]
        drives = uf2.find_drives()
        if [str(d.path) for d in drives] == paths:
            return
        chosen = self.drive_combo.currentData()
        self.drive_combo.clear()
        self.wiz.drives = {str(d.path): d for d in drives}
        for d in drives:
            self.drive_combo.addItem(
                self.tr("{board} at {path}").format(board=d.board_id, path=d.path), str(d.path)
            )
        index = self.drive_combo.findData(chosen)
        if index >= 0:
            self.drive_combo.setCurrentIndex(index)
        self.completeChanged.emit()

    def selected_port(self) -> str:
        text = self.port_combo.currentText().strip()
        index = self.port_combo.findText(text)
        data = self.port_combo.itemData(index) if index >= 0 else None
        return str(data) if data else text.split("  (")[0].strip()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        if self.esp_radio.isChecked():
            return bool(self.selected_port())
        return self.drive_combo.currentData() is not None

    def validatePage(self) -> bool:  # noqa: N802
        self._drive_timer.stop()
        if self.esp_radio.isChecked():
            self.wiz.kind = "esp"
            self.wiz.port = self.selected_port()
            self.wiz.drive = None
            self.wiz.release_port()  # the wizard talks to the port from now on
        else:
            self.wiz.kind = "uf2"
            self.wiz.drive = self.wiz.drives.get(self.drive_combo.currentData())
            self.wiz.port = None
        return True


# ----- 2. detect ---------------------------------------------------------------------------
class DetectPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Checking the board"))
        self.status = _wrap(QLabel())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.details = QFormLayout()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.start)
        box = QVBoxLayout(self)
        box.addWidget(self.status)
        box.addWidget(self.busy)
        box.addLayout(self.details)
        box.addWidget(self.retry_button)
        box.addStretch(1)
        self.done = False
        self.job: _Job | None = None

    def _clear_details(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        self.done = False
        self.wiz.chip = None
        self._clear_details()
        self.retry_button.hide()
        self.completeChanged.emit()
        if self.wiz.kind == "uf2":
            drive = self.wiz.drive
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
        port = self.wiz.port or ""
        self.setSubTitle(self.tr("Asking the chip on {port} what it is...").format(port=port))
        self.status.setText(self.tr("Connecting..."))
        self.busy.show()
        job = self.wiz.start_job(lambda job: esp.detect_chip(port, on_log=job.log))
        self.job = job  # answers of an older job (Back, then Next again) are ignored
        job.succeeded.connect(lambda info: self._found(info) if self.job is job else None)
        job.failed.connect(lambda exc: self._failed(exc) if self.job is job else None)

    def _found(self, info: esp.ChipInfo) -> None:
        self.wiz.chip = info
        self.setSubTitle(self.tr("The chip on {port} answered.").format(port=self.wiz.port))
        self.busy.hide()
        self.status.setText(self.tr("Found an {chip}.").format(chip=info.name))
        self.details.addRow(self.tr("Chip:"), QLabel(info.description))
        self.details.addRow(self.tr("Features:"), _wrap(QLabel(", ".join(info.features))))
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
        self.busy.hide()
        self.status.setText(_error_text(exc))
        self.retry_button.show()

    def isComplete(self) -> bool:  # noqa: N802
        return self.done


# ----- 3. firmware -------------------------------------------------------------------------
class FirmwarePage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the firmware"))
        self.setSubTitle(self.tr("The latest MicroPython for your board is already chosen."))
        self.online_radio = QRadioButton(self.tr("Download from micropython.org"))
        self.file_radio = QRadioButton(self.tr("A firmware file on this computer"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.online_radio)
        self.group.addButton(self.file_radio)
        self.online_radio.setChecked(True)
        self.board_combo = QComboBox()
        self.board_combo.setMinimumContentsLength(30)
        self.version_combo = QComboBox()
        self.catalog_status = _wrap(QLabel())
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose a .bin or .uf2 file"))
        self.browse_button = QPushButton(self.tr("Browse..."))
        self.problem = _wrap(QLabel())
        self.problem.setStyleSheet("color: #b00020;")

        grid = QGridLayout(self)
        grid.addWidget(self.online_radio, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Board:")), 1, 0)
        grid.addWidget(self.board_combo, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Version:")), 2, 0)
        grid.addWidget(self.version_combo, 2, 1, 1, 2)
        grid.addWidget(self.catalog_status, 3, 1, 1, 2)
        grid.addWidget(self.file_radio, 4, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("File:")), 5, 0)
        grid.addWidget(self.path_edit, 5, 1)
        grid.addWidget(self.browse_button, 5, 2)
        grid.addWidget(self.problem, 6, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)

        self.group.buttonToggled.connect(self._mode_changed)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._changed)
        self.board_combo.currentIndexChanged.connect(self._board_chosen)
        self.version_combo.currentIndexChanged.connect(self._changed)
        self.boards_loaded = False
        self.firmware_loaded_for: str | None = None

    # catalogue ----------------------------------------------------------------
    def initializePage(self) -> None:
        self.problem.clear()
        self.firmware_loaded_for = None  # the kind of board may have changed: reload
        self._mode_changed()
        if not self.boards_loaded:
            self.catalog_status.setText(self.tr("Loading the list of boards..."))
            job = self.wiz.start_job(lambda job: self.wiz.catalog.boards())
            job.succeeded.connect(self._boards_arrived)
            job.failed.connect(self._catalog_failed)
        else:
            self._select_suggested_board()

    def _suggestion(self) -> tuple[str, str]:
        if self.wiz.kind == "uf2" and self.wiz.drive is not None:
            return fw_catalog.suggest_board(self.wiz.drive.chip)
        chip = self.wiz.chip
        if chip is None:
            return "", ""
        return fw_catalog.suggest_board(chip.name, chip.has_psram, chip.flash_size)

    def _boards_arrived(self, listing: fw_catalog.Listing) -> None:
        self.boards_loaded = True
        self.board_combo.blockSignals(True)
        self.board_combo.clear()
        for board in listing.items:
            label = board.name if board.name == board.id else f"{board.name} ({board.id})"
            self.board_combo.addItem(label, board.id)
        self.board_combo.blockSignals(False)
        self.catalog_status.setText(translate_message(listing.notice) if listing.notice else "")
        self._select_suggested_board()

    def _select_suggested_board(self) -> None:
        board_id, _variant = self._suggestion()
        index = self.board_combo.findData(board_id)
        if index >= 0 and self.board_combo.currentIndex() != index:
            self.board_combo.setCurrentIndex(index)
        else:
            self._board_chosen()

    def _catalog_failed(self, exc: BaseException) -> None:
        self.catalog_status.setText(_error_text(exc))
        self.file_radio.setChecked(True)
        self._changed()

    def _board_chosen(self, *_args: object) -> None:
        board_id = self.board_combo.currentData()
        if not board_id or board_id == self.firmware_loaded_for:
            self._changed()
            return
        self.version_combo.clear()
        self.catalog_status.setText(self.tr("Loading the firmware list..."))
        job = self.wiz.start_job(lambda job: (board_id, self.wiz.catalog.firmware(board_id)))
        job.succeeded.connect(self._firmware_arrived)
        job.failed.connect(self._catalog_failed)

    def _firmware_arrived(self, result: tuple[str, fw_catalog.Listing]) -> None:
        board_id, listing = result
        if board_id != self.board_combo.currentData():
            return  # the user picked another board meanwhile
        self.firmware_loaded_for = board_id
        ext = "uf2" if self.wiz.kind == "uf2" else "bin"
        items = [f for f in listing.items if f.ext == ext]
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for fw in items:
            date = f"{fw.date[:4]}-{fw.date[4:6]}-{fw.date[6:]}"
            if fw.preview:
                text = self.tr("{version} ({date}, preview)")
            else:
                text = self.tr("{version} ({date})")
            text = text.format(version=fw.version, date=date)
            if fw.variant:
                text = self.tr("{text}, variant {variant}").format(text=text, variant=fw.variant)
            self.version_combo.addItem(text, fw)
        _board, variant = self._suggestion()
        best = fw_catalog.latest_stable(items, variant)
        if best is not None:
            self.version_combo.setCurrentIndex(items.index(best))
        self.version_combo.blockSignals(False)
        notes = [translate_message(listing.notice)] if listing.notice else []
        if not items:
            notes.append(self.tr("No firmware for this kind of board here."))
        self.catalog_status.setText(" ".join(notes))
        self._changed()

    # local file ---------------------------------------------------------------
    def _browse(self) -> None:
        pattern = (
            self.tr("UF2 firmware (*.uf2)")
            if self.wiz.kind == "uf2"
            else self.tr("ESP firmware (*.bin)")
        )
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose firmware"), "", pattern)
        if path:
            self.path_edit.setText(path)
            self.file_radio.setChecked(True)

    def _mode_changed(self, *_args: object) -> None:
        online = self.online_radio.isChecked()
        self.board_combo.setEnabled(online)
        self.version_combo.setEnabled(online)
        self.path_edit.setEnabled(not online)
        self.browse_button.setEnabled(not online)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.problem.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        if self.online_radio.isChecked():
            return self.version_combo.currentData() is not None
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        if self.online_radio.isChecked():
            self.wiz.firmware = self.version_combo.currentData()
            self.wiz.firmware_path = None
            return True
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            data = path.read_bytes()
            if self.wiz.kind == "uf2":
                uf2.check_uf2(data, self.wiz.drive)
            elif self.wiz.chip is not None:
                chip = self.wiz.chip
                esp_image.check_image(
                    data, chip.name, offset=chip.flash_offset, flash_size=chip.flash_size
                )
            else:
                esp_image.inspect(data)
        except OSError as exc:
            self.problem.setText(
                self.tr("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
            )
            return False
        except FirmwareError as exc:
            self.problem.setText(_error_text(exc))
            return False
        self.wiz.firmware = None
        self.wiz.firmware_path = path
        return True

    def nextId(self) -> int:  # noqa: N802
        return PAGE_OPTIONS if self.wiz.kind == "esp" else PAGE_INSTALL


# ----- 4. options (ESP) --------------------------------------------------------------------
class OptionsPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Options"))
        self.setSubTitle(self.tr("The usual choices are already made; change them only if needed."))
        self.erase_box = QCheckBox(self.tr("Erase all flash memory first (recommended)"))
        self.erase_box.setChecked(True)
        self.speed_combo = QComboBox()
        for baud in SPEEDS:
            self.speed_combo.addItem(self.tr("{baud} baud").format(baud=baud), baud)
        self.speed_combo.setCurrentIndex(SPEEDS.index(esp.DEFAULT_BAUD))
        speed_help = _wrap(
            QLabel(self.tr("If the board cannot keep up, the install continues at 115200 baud."))
        )
        self.offset_edit = QLineEdit()
        self.offset_help = _wrap(QLabel())
        self.problem = _wrap(QLabel())
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.erase_box)
        form.addRow(self.tr("Speed:"), self.speed_combo)
        form.addRow("", speed_help)
        form.addRow(self.tr("Flash offset:"), self.offset_edit)
        form.addRow("", self.offset_help)
        form.addRow(self.problem)
        self.offset_edit.textChanged.connect(lambda _t: self.problem.clear())

    def initializePage(self) -> None:
        chip = self.wiz.chip
        name = chip.name if chip else "ESP32"
        offset = esp.flash_offset_for(name)
        self.offset_edit.setText(f"0x{offset:X}")
        self.offset_help.setText(
            self.tr("MicroPython for the {chip} starts at {offset}.").format(
                chip=name, offset=f"0x{offset:X}"
            )
        )

    def validatePage(self) -> bool:  # noqa: N802
        try:
            offset = int(self.offset_edit.text().strip(), 0)
            if offset < 0 or offset % 0x1000:
                raise ValueError
        except ValueError:
            self.problem.setText(
                self.tr("The offset must be a multiple of 0x1000, for example 0x1000 or 0x0.")
            )
            return False
        self.wiz.offset = offset
        self.wiz.erase = self.erase_box.isChecked()
        self.wiz.baud = int(self.speed_combo.currentData())
        return True


# ----- 5. install --------------------------------------------------------------------------
class InstallPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Installing MicroPython"))
        self.setSubTitle(self.tr("Keep the board plugged in. This takes about a minute."))
        self.step = _wrap(QLabel())
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

    def initializePage(self) -> None:
        self.wiz.stop_closing()  # a new attempt: an earlier Cancel is over
        self.wiz.release_port()  # (a Pico's old port, if the session had one)
        self.finished_ok = False
        self.log.clear()
        self.bar.setValue(0)
        job = self.wiz.start_job(self._work)
        job.progressed.connect(self._progress)
        job.logged.connect(self._log)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        self.wiz.installing = True

    def _work(self, job: _Job) -> object:
        wiz = self.wiz
        path = wiz.firmware_path
        if wiz.firmware is not None:
            fw = wiz.firmware
            job.log(self.tr("Downloading {name}...").format(name=fw.filename))
            job.logged.emit(("step", "download"))
            path = wiz.catalog.download(fw, progress=job.progress, cancel=job.cancel)
        assert path is not None
        job.logged.emit(("step", "write"))
        if wiz.kind == "uf2":
            assert wiz.drive is not None
            job.log(self.tr("Copying {name} to {drive}...").format(
                name=path.name, drive=wiz.drive.path))  # fmt: skip
            return uf2.install(path, wiz.drive, progress=job.progress, cancel=job.cancel)
        assert wiz.port is not None
        return esp.flash(
            wiz.port,
            path,
            offset=wiz.offset,
            erase=wiz.erase,
            baud=wiz.baud,
            progress=job.progress,
            cancel=job.cancel,
            on_log=job.log,
        )

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)  # busy: the chip is erasing, nothing to count yet
            return
        self.bar.setRange(0, 100)
        self.bar.setValue(int(done * 100 / total))

    def _log(self, item: object) -> None:
        if isinstance(item, tuple):
            self.bar.setRange(0, 100)
            self.bar.setValue(0)
            if item[1] == "download":
                self.step.setText(self.tr("Downloading the firmware..."))
            elif self.wiz.kind == "uf2":
                self.step.setText(self.tr("Copying the firmware to the board..."))
            else:
                self.step.setText(self.tr("Writing the firmware to the board..."))
            return
        text = translate_message(item) if isinstance(item, Message) else str(item)
        self.log.appendPlainText(text)
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
        self.bar.setRange(0, 100)
        if isinstance(exc, Cancelled):
            self.step.setText(
                self.tr(
                    "Cancelled. If the board was being written, it will not start until "
                    "MicroPython is installed again."
                )
            )
        else:
            self.step.setText(self.tr("The install failed: {error}").format(
                error=_error_text(exc)))  # fmt: skip
        self.log.appendPlainText(self.step.text())
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(True)  # another choice
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.wiz.button(QWizard.WizardButton.CancelButton).setText(self.tr("Close"))

    def isComplete(self) -> bool:  # noqa: N802
        return self.finished_ok


# ----- 6. done -----------------------------------------------------------------------------
class DonePage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("MicroPython is installed"))
        self.setSubTitle(self.tr("Your board is ready."))
        self.text = _wrap(QLabel())
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addStretch(1)
        self._known_ports: set[str] = set()
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._look_for_pico)

    def initializePage(self) -> None:
        if self.wiz.kind == "esp":
            self.text.setText(
                self.tr(
                    "The board restarted with MicroPython. Press Finish: Hotaru connects to "
                    "{port} and the console shows MicroPython's welcome line."
                ).format(port=self.wiz.port)
            )
            return
        self.text.setText(
            self.tr(
                "The Pico restarts with MicroPython and appears as a new serial port. "
                "Waiting for it..."
            )
        )
        self._known_ports = set(self.wiz.ports_before)
        self._tries = 0
        self._timer.start()

    def cleanupPage(self) -> None:
        self._timer.stop()

    def _look_for_pico(self) -> None:
        self._tries += 1
        now = {p.device for p in scan_ports()}
        new = sorted(now - self._known_ports)
        if new:
            self._timer.stop()
            self.wiz.port = new[0]
            self.text.setText(
                self.tr(
                    "The Pico restarted with MicroPython on {port}. Press Finish: Hotaru "
                    "connects to it and the console shows MicroPython's welcome line."
                ).format(port=new[0])
            )
        elif self._tries >= 20:
            self._timer.stop()
            self.text.setText(
                self.tr(
                    "MicroPython is on the Pico. If no new port appears, unplug the Pico and "
                    "plug it in again (without holding BOOTSEL), then choose its port."
                )
            )


# ----- the wizard --------------------------------------------------------------------------
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
        self.kind = "esp"
        self.port: str | None = None
        self.drive: uf2.Uf2Drive | None = None
        self.drives: dict[str, uf2.Uf2Drive] = {}
        self.chip: esp.ChipInfo | None = None
        self.firmware: fw_catalog.Firmware | None = None
        self.firmware_path: Path | None = None
        self.offset: int | None = None
        self.erase = True
        self.baud = esp.DEFAULT_BAUD
        self.installing = False
        self.closing = False
        self.released = False
        self._jobs: list[_Job] = []
        self._stopping: list[_Job] = []  # the jobs Cancel is waiting for
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

    def start_job(self, fn: Callable[[_Job], Any]) -> _Job:
        job = _Job(fn, self)
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
            self.controller.reacquire_port(self.port)
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
