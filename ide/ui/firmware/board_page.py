"""Page 1: where is the board (a serial port, or a Pico's BOOTSEL drive)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWizardPage,
)

from ide.board.ports import usb_driver_hint
from ide.firmware import uf2
from ide.ui import translate_message
from ide.ui.board.connection import scan_ports
from ide.ui.board.session_controller import SIMULATOR
from ide.ui.firmware.backup_box import BackupBox, board_to_back_up
from ide.ui.firmware.common import set_unbroken_text, wrap

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard

# USB-serial chips whose drivers Windows and macOS may lack (Linux has them built in)
NEEDS_USB_DRIVERS = sys.platform in ("win32", "darwin")


class BoardPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.drives: dict[str, uf2.Uf2Drive] = {}  # the BOOTSEL drives listed, by path
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
        esp_help = wrap(
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
        self.uf2_help = set_unbroken_text(
            wrap(QLabel()),
            self.tr(
                "Unplug the Pico. Hold down the white BOOTSEL button and plug it back in, "
                "then let go. It appears as a drive named RPI-RP2 (Pico) or RP2350 "
                "(Pico 2). The drive is found here by itself."
            ),
        )

        # what was found (or what to try when nothing was): updated by every refresh
        self.notice = wrap(QLabel())
        self.notice.setObjectName("boardNotice")
        # the session is on a real board: its files can be copied before the port is released
        self.backup: BackupBox | None = None
        if board_to_back_up(self.wiz.controller) is not None:
            self.backup = BackupBox(self.wiz.controller, self)
            self.backup.busy_changed.connect(lambda _b: self.completeChanged.emit())

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
        grid.addWidget(self.notice, 6, 0, 1, 3)
        if self.backup is not None:
            grid.addWidget(self.backup, 7, 0, 1, 3)
        grid.setRowStretch(8, 1)
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
        if self.backup is not None:  # back here after the port was released: no session now
            self.backup.setVisible(
                not self.wiz.released and board_to_back_up(self.wiz.controller) is not None
            )
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
        self._update_notice()
        self.completeChanged.emit()

    def _update_notice(self) -> None:
        """Nothing found: say so, and what to try; something found: say nothing."""
        if self.esp_radio.isChecked():
            if self.port_combo.count():
                self.notice.clear()
                self.notice.hide()  # no empty row where the notice would be
                return
            text = self.tr(
                "No board was found on a serial port. Plug the board in with a USB cable, "
                "then press Refresh. If nothing appears, try another cable: many USB cables "
                "only charge and carry no data."
            )
            driver = usb_driver_hint(NEEDS_USB_DRIVERS)
            if driver is not None:
                text += " " + translate_message(driver)
        else:
            if self.drive_combo.count():
                self.notice.clear()
                self.notice.hide()
                return
            text = self.tr(
                "No Pico in BOOTSEL mode was found yet. Hold the BOOTSEL button while you "
                "plug the Pico in. If no drive appears, try another cable: many USB cables "
                "only charge and carry no data."
            )
        self.notice.setText(text)
        self.notice.show()

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
        self._update_notice()

    def refresh_drives(self) -> None:
        paths = [self.drive_combo.itemData(i) for i in range(self.drive_combo.count())]
        drives = uf2.find_drives()
        if [str(d.path) for d in drives] == paths:
            self._update_notice()
            return
        chosen = self.drive_combo.currentData()
        self.drive_combo.clear()
        self.drives = {str(d.path): d for d in drives}
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
        if self.backup is not None and self.backup.busy:
            return False  # leaving would release the port under the copy
        if self.esp_radio.isChecked():
            return bool(self.selected_port())
        return self.drive_combo.currentData() is not None

    def validatePage(self) -> bool:  # noqa: N802
        self._drive_timer.stop()
        if self.esp_radio.isChecked():
            self.wiz.state.kind = "esp"
            self.wiz.state.port = self.selected_port()
            self.wiz.state.drive = None
            self.wiz.release_port()  # the wizard talks to the port from now on
        else:
            self.wiz.state.kind = "uf2"
            self.wiz.state.drive = self.drives.get(self.drive_combo.currentData())
            self.wiz.state.port = None
        return True
