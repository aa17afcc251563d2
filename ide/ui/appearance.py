"""Light/dark appearance: follows the OS unless the user picked one in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from ide.ui.editor.themes import DARK, LIGHT, Theme


def os_prefers_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> Theme:
    """The editor theme for a Settings choice: "auto", "light" or "dark"."""
    if choice == "dark":
        return DARK
    if choice == "light":
        return LIGHT
    return DARK if os_prefers_dark() else LIGHT


def apply_to_application(choice: str) -> None:
    """Ask Qt to draw widgets light or dark ("auto": whatever the OS says)."""
    if QGuiApplication.instance() is None:
        return
    hints = QGuiApplication.styleHints()
    scheme = {
        "dark": Qt.ColorScheme.Dark,
        "light": Qt.ColorScheme.Light,
    }.get(choice, Qt.ColorScheme.Unknown)
    hints.setColorScheme(scheme)
