"""Page 4 (ESP only): erase, speed, offset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWizardPage,
)

from ide.firmware import esp
from ide.ui.firmware.common import (
    SPEEDS,
    wrap,
)

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard


class OptionsPage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Options"))
        self.setSubTitle(self.tr("The usual choices are already made; change them only if needed."))
        self.erase_box = QCheckBox(self.tr("Erase all flash memory first (recommended)"))
        self.erase_box.setChecked(True)
        self.erase_warning = wrap(
            QLabel(
                self.tr(
                    "Erasing deletes every file on the board: main.py, your programs and "
                    "their data are lost. To keep them, press Cancel and copy them to this "
                    "computer in the Files pane first."
                )
            )
        )
        self.erase_warning.setObjectName("eraseWarning")
        self.erase_box.toggled.connect(self.erase_warning.setVisible)  # warn only when erasing
        self.speed_combo = QComboBox()
        for baud in SPEEDS:
            self.speed_combo.addItem(self.tr("{baud} baud").format(baud=baud), baud)
        self.speed_combo.setCurrentIndex(SPEEDS.index(esp.DEFAULT_BAUD))
        speed_help = wrap(
            QLabel(self.tr("If the board cannot keep up, the install continues at 115200 baud."))
        )
        self.offset_edit = QLineEdit()
        self.offset_help = wrap(QLabel())
        self.problem = wrap(QLabel())
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.erase_box)
        form.addRow(self.erase_warning)
        form.addRow(self.tr("Speed:"), self.speed_combo)
        form.addRow("", speed_help)
        form.addRow(self.tr("Flash offset:"), self.offset_edit)
        form.addRow("", self.offset_help)
        form.addRow(self.problem)
        self.offset_edit.textChanged.connect(lambda _t: self.problem.clear())

    def initializePage(self) -> None:
        chip = self.wiz.state.chip
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
        self.wiz.state.offset = offset
        self.wiz.state.erase = self.erase_box.isChecked()
        self.wiz.state.baud = int(self.speed_combo.currentData())
        return True
