"""Light/dark appearance: follows the OS unless the user picked one in Settings.

Qt's own switch (QStyleHints.setColorScheme) is honoured only by some platforms; where the
widgets stay the other colour, Hotaru sets a palette of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from ide.core.editor.themes import DARK, LIGHT, Theme

_system_palette: QPalette | None = None


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def os_prefers_dark() -> bool:
    if QGuiApplication.instance() is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    palette = _system_palette if _system_palette is not None else QGuiApplication.palette()
    return _is_dark(palette)


def resolve(choice: str) -> Theme:
    """The editor theme for a Settings choice: "auto", "light" or "dark"."""
    if choice == "dark":
        return DARK
    if choice == "light":
        return LIGHT
    return DARK if os_prefers_dark() else LIGHT


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d31",
        role.WindowText: "#e3e5e8",
        role.Base: "#1e1f22",
        role.AlternateBase: "#26282c",
        role.ToolTipBase: "#2b2d31",
        role.ToolTipText: "#e3e5e8",
        role.PlaceholderText: "#8b9099",
        role.Text: "#e3e5e8",
        role.Button: "#34373c",
        role.ButtonText: "#e3e5e8",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4d53",
        role.Midlight: "#3d4045",
        role.Mid: "#2f3236",
        role.Dark: "#1a1b1e",
        role.Shadow: "#000000",
        role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8fe",
        role.LinkVisited: "#b38cf5",
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, r, QColor("#7a7f87"))
    return palette


def light_palette() -> QPalette:
    app = QGuiApplication.instance()
    style = getattr(app, "style", None)
    if style is not None:
        return style().standardPalette()
    return QPalette()


def apply_to_application(choice: str) -> None:
    """Draw the widgets light or dark: "auto" (whatever the OS says), "light" or "dark"."""
    global _system_palette
    app = QGuiApplication.instance()
    if app is None:
        return
    if _system_palette is None:
        _system_palette = QPalette(QGuiApplication.palette())
    hints = QGuiApplication.styleHints()
    scheme = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}
    hints.setColorScheme(scheme.get(choice, Qt.ColorScheme.Unknown))
    if choice == "auto":
        QGuiApplication.setPalette(_system_palette)
        return
    wants_dark = choice == "dark"
    if _is_dark(_system_palette) == wants_dark:
        QGuiApplication.setPalette(_system_palette)
    else:
        QGuiApplication.setPalette(dark_palette() if wants_dark else light_palette())
