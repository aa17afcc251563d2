"""Tools > Set up Wi-Fi and WebREPL…: over USB, teach the board to join the Wi-Fi and start
WebREPL at boot, show the user exactly what changes in boot.py first, reset, show the address.

The board work (read boot.py, write both files, reset, ask for the IP) runs on the session
controller's worker; the text of the change comes from ide.core.webrepl_setup.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ide.core import webrepl_setup as ws
from ide.ui import error_text

IP_TRIES = 15  # seconds the board gets to join the Wi-Fi after the reset


def _reset_and_find_ip(session: Any) -> tuple[str, bool, bool]:
    """Soft reset (boot.py runs again), then the station address once the board has one,
    whether boot.py got as far as starting WebREPL, and whether its MicroPython has WebREPL."""
    from ide.board import BoardError

    _restart(session)
    try:
        started = bool(session.eval(ws.WEBREPL_STARTED_EXPR))
        present = started or session.exec(ws.WEBREPL_PRESENT_CODE).strip() == "1"
    except BoardError:
        started, present = False, True  # (not known: boot.py's error is the likelier cause)
    for _ in range(IP_TRIES):
        try:
            ip = session.eval(ws.IP_EXPR)
        except BoardError:
            return "", started, present  # no network module: no address
        if ip:
            return str(ip), started, present
        time.sleep(1.0)
    return "", started, present


def _restart(session: Any) -> None:
    """Soft reset: boot.py runs again (waiting up to 10 s for the Wi-Fi, when it joins one)."""
    from ide.board import BoardError

    try:
        session.soft_reset(timeout=15.0)
    except BoardError:
        pass


def _apply_and_restart(session: Any, plan: ws.SetupPlan) -> None:
    ws.apply(session, plan)
    _restart(session)


def _read_boot_of_wifi_board(session: Any) -> str:
    ws.check_wifi(session)  # before anything is shown or written
    return ws.read_boot(session)


class WifiSetupDialog(QDialog):
    """Three steps: the names and passwords; the change to boot.py; the result."""

    def __init__(self, controller: Any, panel: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wifiSetupDialog")
        self.setWindowTitle(self.tr("Set up Wi-Fi and WebREPL"))
        self.controller = controller
        self.panel = panel
        self.plan: ws.SetupPlan | None = None
        self.ip = ""
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)

        ask = QWidget(self)
        form = QFormLayout(ask)
        intro = QLabel(
            self.tr(
                "Hotaru adds a few lines to boot.py on the board (connected over USB now) so "
                "that it joins your Wi-Fi and starts WebREPL each time it starts. You will see "
                "the change before anything is written."
            ),
            ask,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.ssid = QLineEdit(ask)
        form.addRow(self.tr("Wi-Fi name:"), self.ssid)
        self.wifi_password = QLineEdit(ask)
        self.wifi_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Wi-Fi password:"), self.wifi_password)
        self.webrepl_password = QLineEdit(ask)
        self.webrepl_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("WebREPL password (4–9 characters):"), self.webrepl_password)
        self.pages.addWidget(ask)

        review = QWidget(self)
        rv = QVBoxLayout(review)
        rv.addWidget(
            QLabel(self.tr("boot.py on the board will change like this (+ added, − removed):"))
        )
        self.diff = QPlainTextEdit(review)
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # a diff keeps its lines
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        rv.addWidget(self.diff)
        self.note = QLabel(
            self.tr(
                "webrepl_cfg.py (the WebREPL password) is written too. Then the board restarts."
            ),
            review,
        )
        self.note.setWordWrap(True)
        rv.addWidget(self.note)
        self.pages.addWidget(review)

        done = QWidget(self)
        dv = QVBoxLayout(done)
        self.result = QLabel("", done)
        self.result.setWordWrap(True)
        dv.addWidget(self.result)
        self.connect_button = QPushButton(self.tr("Connect over Wi-Fi"), done)
        self.connect_button.clicked.connect(self._connect_network)
        dv.addWidget(self.connect_button)
        dv.addStretch(1)
        self.pages.addWidget(done)

        self.problem = QLabel("", self)
        self.problem.setObjectName("wifiSetupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #dc2626")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.next_button = self.buttons.addButton(
            self.tr("Next"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button.clicked.connect(self._next)
        # a board whose Wi-Fi lines fail at every start (another network, a lost password)
        self.remove_button = self.buttons.addButton(
            self.tr("Remove Wi-Fi from the board…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.remove_button.clicked.connect(self._review_removal)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    # -- the steps --------------------------------------------------------------------------
    def _next(self) -> None:
        self.problem.clear()
        if self.pages.currentIndex() == 0:
            self._review()
        elif self.pages.currentIndex() == 1:
            self._write()

    def _review(self) -> None:
        if not self.ssid.text().strip():
            self.problem.setText(self.tr("Type the name of your Wi-Fi network."))
            return
        if not ws.password_chars_ok(self.webrepl_password.text()):
            self.problem.setText(
                self.tr(
                    "The WebREPL password can use only English letters, digits and symbols: "
                    "the board keeps at most 9 bytes, and other characters (full-width ones, "
                    "for example) take 3 bytes each."
                )
            )
            return
        if not ws.password_ok(self.webrepl_password.text()):
            self.problem.setText(self.tr("The WebREPL password must be 4 to 9 characters long."))
            return
        if not self.controller.is_connected():
            self.problem.setText(self.tr("Connect the board over USB first."))
            return
        self.next_button.setEnabled(False)
        self.controller.submit(_read_boot_of_wifi_board, self._show_plan, self._failed)

    def _show_plan(self, old_boot: str) -> None:
        self.plan = ws.plan(
            old_boot, self.ssid.text().strip(), self.wifi_password.text(),
            self.webrepl_password.text(),
        )  # fmt: skip
        self.diff.setPlainText(self.plan.diff())
        self.pages.setCurrentIndex(1)
        self.next_button.setText(self.tr("Write and restart"))
        self.next_button.setEnabled(True)

    def _review_removal(self) -> None:
        self.problem.clear()
        if not self.controller.is_connected():
            self.problem.setText(self.tr("Connect the board over USB first."))
            return
        self.remove_button.setEnabled(False)
        self.controller.submit(ws.read_boot, self._show_removal, self._failed)

    def _show_removal(self, old_boot: str) -> None:
        self.remove_button.setEnabled(True)
        self.plan = ws.removal(old_boot)
        if self.plan is None:
            self.problem.setText(
                self.tr("boot.py on the board has no Wi-Fi lines from Hotaru: nothing to remove.")
            )
            return
        self.diff.setPlainText(self.plan.diff())
        self.note.setText(self.tr("Then the board restarts, without joining the Wi-Fi."))
        self.remove_button.hide()
        self.pages.setCurrentIndex(1)
        self.next_button.setText(self.tr("Remove and restart"))

    def _write(self) -> None:
        plan = self.plan
        assert plan is not None
        self.next_button.setEnabled(False)
        self.remove_button.hide()
        if plan.config is None:  # the removal
            removal = functools.partial(_apply_and_restart, plan=plan)
            self.controller.submit(removal, self._removed, self._failed)
            return

        def job(session: Any) -> tuple[str, bool, bool]:
            ws.apply(session, plan)
            return _reset_and_find_ip(session)

        self.controller.submit(job, self._written, self._failed)

    def _to_result_page(self) -> None:
        self.pages.setCurrentIndex(2)
        self.next_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _removed(self, _result: object = None) -> None:
        self._to_result_page()
        self.result.setText(
            self.tr("Done. boot.py no longer joins the Wi-Fi or starts WebREPL.")
        )
        self.connect_button.hide()

    def _written(self, answer: tuple[str, bool, bool]) -> None:
        ip, started, present = answer
        self.ip = ip if started else ""
        self._to_result_page()
        if ip and not present:  # (the virtual ESP32: its pretend Wi-Fi, but no WebREPL)
            self.result.setText(
                self.tr(
                    "The board is on the Wi-Fi at {ip}, but its MicroPython has no WebREPL (no "
                    "webrepl module), so boot.py could not start it. The simulator has none; on "
                    "a real board, install the MicroPython made for it (Tools > Install "
                    "MicroPython…)."
                ).format(ip=ip)
            )
        elif ip and not started:
            self.result.setText(
                self.tr(
                    "The board is on the Wi-Fi at {ip}, but WebREPL did not start. The console "
                    "shows what boot.py printed (an error in boot.py stops it before WebREPL "
                    "starts)."
                ).format(ip=ip)
            )
        elif ip:
            self.result.setText(
                self.tr(
                    "Done. The board is on the Wi-Fi at {ip}. WebREPL listens on port 8266."
                ).format(ip=ip)
            )
        else:
            self.result.setText(
                self.tr(
                    "The files are written, but the board did not report a Wi-Fi address. "
                    "Check the Wi-Fi name and password (the console shows what boot.py printed)."
                )
            )
        self.connect_button.setEnabled(bool(self.ip))

    def _failed(self, exc: BaseException) -> None:
        self.next_button.setEnabled(True)
        self.remove_button.setEnabled(True)
        self.problem.setText(error_text(exc))

    def _connect_network(self) -> None:
        url = f"ws://{self.ip}:8266"
        self.accept()
        if self.panel is not None:
            self.controller.set_password(url, self.webrepl_password.text())
            self.panel.ask_network_board(url)


def show_wifi_setup(window: Any) -> WifiSetupDialog:
    panel = getattr(window, "console_panel", None)
    dialog = WifiSetupDialog(window.controller, panel, window)
    dialog.show()
    return dialog
