"""Boards over Wi-Fi in the Board box: "Network (WebREPL)…", recent addresses, the password.

Addresses used before are kept in the settings file (``webrepl/recent``, newest first). The
password is kept only in the OS keyring (the ``keyring`` package), and only when the user ticks
"Remember the password"; where no keyring works (a headless Linux without a secret service)
the box is disabled and the password lives for this run of Hotaru only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ide.board.errors import BoardError
from ide.board.transports.webrepl import normalise_url
from ide.ui import translate_message

RECENT_KEY = "webrepl/recent"
MAX_RECENT = 8
KEYRING_SERVICE = "Hotaru WebREPL"


def recent_addresses(store: QSettings) -> list[str]:
    value = store.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or [] if str(v).startswith("ws://")][:MAX_RECENT]


def remember_address(store: QSettings, url: str) -> None:
    urls = [url] + [u for u in recent_addresses(store) if u != url]
    store.setValue(RECENT_KEY, urls[:MAX_RECENT])


def _keyring() -> Any | None:
    """The keyring module when a real backend is there, else None (never raises)."""
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring
    except Exception:  # noqa: BLE001 - no package, a broken backend: no keyring
        return None


def keyring_available() -> bool:
    return _keyring() is not None


def stored_password(url: str) -> str | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(KEYRING_SERVICE, url)
    except Exception:  # noqa: BLE001 - a locked or failing keyring: as if nothing was stored
        return None
    return str(value) if value else None


def store_password(url: str, password: str | None) -> bool:
    """Keep (or, for None, forget) the password of ``url`` in the keyring; False if it failed."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        if password is None:
            kr.delete_password(KEYRING_SERVICE, url)
        else:
            kr.set_password(KEYRING_SERVICE, url, password)
    except Exception:  # noqa: BLE001
        return False
    return True


class NetworkDialog(QDialog):
    """Address (recent ones offered) and password of a board's WebREPL."""

    def __init__(
        self,
        recent: list[str],
        parent: QWidget | None = None,
        *,
        address: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("webreplDialog")
        self.setWindowTitle(self.tr("Connect over the network (WebREPL)"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Connect to a board on the same Wi-Fi network. WebREPL must be set up on it "
                "first (Tools > Set up Wi-Fi and WebREPL…, over USB)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QComboBox(self)
        self.address.setEditable(True)
        self.address.addItems([u.removeprefix("ws://") for u in recent])
        self.address.setEditText(address.removeprefix("ws://") if address else "")
        self.address.lineEdit().setPlaceholderText(self.tr("192.168.1.40 or esp32.local"))
        self.address.setMinimumContentsLength(24)
        form.addRow(self.tr("Address:"), self.address)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember the password (in the system keyring)"), self)
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("No system keyring is available: the password is kept until Hotaru quits.")
            )
        layout.addWidget(self.remember)
        self.problem = QLabel("", self)
        self.problem.setObjectName("webreplProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #dc2626")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.address.currentTextChanged.connect(self._fill_password)
        self._fill_password(self.address.currentText())
        self.url = ""

    def _fill_password(self, text: str) -> None:
        try:
            url = normalise_url(text) if text.strip() else ""
        except BoardError:
            return
        saved = stored_password(url) if url else None
        if saved:
            self.password.setText(saved)
            self.remember.setChecked(True)

    def accept(self) -> None:
        try:
            self.url = normalise_url(self.address.currentText())
        except BoardError as e:
            self.problem.setText(translate_message(e.message))
            return
        if not self.password.text():
            self.problem.setText(self.tr("Type the board's WebREPL password."))
            return
        super().accept()


def ask_network_board(
    parent: QWidget | None, store: QSettings, address: str = ""
) -> tuple[str, str] | None:
    """Ask for a WebREPL address and password; (ws:// URL, password) or None when cancelled.
    Remembers the address, and the password in the keyring when the user asked for it."""
    dialog = NetworkDialog(recent_addresses(store), parent, address=address)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    url, password = dialog.url, dialog.password.text()
    remember_address(store, url)
    store_password(url, password if dialog.remember.isChecked() else None)
    return url, password
