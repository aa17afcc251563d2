"""Page 6: done (for a Pico: waits for its new serial port)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWizardPage,
)

from ide.ui.board.connection import scan_ports
from ide.ui.firmware.common import (
    wrap,
)

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard


class DonePage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("MicroPython is installed"))
        self.setSubTitle(self.tr("Your board is ready."))
        self.text = wrap(QLabel())
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addStretch(1)
        self._known_ports: set[str] = set()
        self._tries = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._look_for_pico)

    def initializePage(self) -> None:
        if self.wiz.state.kind == "esp":
            self.text.setText(
                self.tr(
                    "The board restarted with MicroPython. Press Finish: Hotaru connects to "
                    "{port} and the console shows MicroPython's welcome line."
                ).format(port=self.wiz.state.port)
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
            self.wiz.state.port = new[0]
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
