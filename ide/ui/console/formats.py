"""How the console draws text: character formats for the terminal's styles (the 16 ANSI colours
in a light and a dark set, xterm's 256, bold/italic/underline/reverse, traceback links, the
beginner explanations), and a writer that inserts runs of one format at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from ide.core.console.screen import Style

LINK_SCHEME = "hotaru-line:"  # a traceback link's href: hotaru-line:<line>:<file>

# The 16 ANSI colours, one set readable on a light background and one on a dark one.
_ANSI_LIGHT = [
    "#000000", "#b21818", "#18862a", "#8a6d00", "#1f4fbf", "#a21caf", "#0e7490", "#6b7280",
    "#4b5563", "#dc2626", "#16a34a", "#b45309", "#2563eb", "#c026d3", "#0891b2", "#111827",
]  # fmt: skip
_ANSI_DARK = [
    "#1f2937", "#f87171", "#4ade80", "#facc15", "#60a5fa", "#e879f9", "#22d3ee", "#d1d5db",
    "#9ca3af", "#fca5a5", "#86efac", "#fde68a", "#93c5fd", "#f0abfc", "#67e8f9", "#ffffff",
]  # fmt: skip


def _xterm_colour(index: int, dark: bool) -> QColor:
    if index < 16:
        return QColor((_ANSI_DARK if dark else _ANSI_LIGHT)[index])
    if index < 232:
        index -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return QColor(levels[index // 36], levels[(index // 6) % 6], levels[index % 6])
    grey = 8 + (index - 232) * 10
    return QColor(grey, grey, grey)


class TextFormats:
    """QTextCharFormats by (style, extra), made once per palette (light or dark)."""

    def __init__(self, widget: QWidget) -> None:
        self._widget = widget
        self._cache: dict[tuple[Style, str | None], QTextCharFormat] = {}
        self.dark = False
        self.update_theme()

    def format(self, style: Style, extra: str | None) -> QTextCharFormat:
        """The format of text in ``style``; ``extra``: "explain" or a traceback link's href."""
        key = (style, extra)
        fmt = self._cache.get(key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        fg, bg = style.fg, style.bg
        if style.reverse:
            fg, bg = bg, fg
            if fg is None:
                fmt.setForeground(self._widget.palette().color(QPalette.ColorRole.Base))
            if bg is None:
                fmt.setBackground(self._widget.palette().color(QPalette.ColorRole.Text))
        if fg is not None:
            fmt.setForeground(self._colour(fg))
        if bg is not None:
            fmt.setBackground(self._colour(bg))
        if style.bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if style.italic:
            fmt.setFontItalic(True)
        if style.underline:
            fmt.setFontUnderline(True)
        if extra == "explain":
            # i18n: no slanted (synthesised italic) Japanese or Chinese: colour alone marks it
            cjk = QLocale().language() in (QLocale.Language.Japanese, QLocale.Language.Chinese)
            fmt.setFontItalic(not cjk)
            fmt.setForeground(QColor("#93c5fd" if self.dark else "#1d4ed8"))
        elif extra is not None:  # a traceback link
            fmt.setAnchor(True)
            fmt.setAnchorHref(extra)
            fmt.setFontUnderline(True)
            fmt.setForeground(QColor("#60a5fa" if self.dark else "#1d4ed8"))
        self._cache[key] = fmt
        return fmt

    def _colour(self, colour: int | str) -> QColor:
        if isinstance(colour, int):
            return _xterm_colour(colour, self.dark)
        return QColor(colour)

    def update_theme(self) -> None:
        """The palette changed: light or dark colours from now on."""
        self.dark = self._widget.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._cache.clear()


class RunWriter:
    """Coalesces consecutive text of one format into a single insertText call."""

    def __init__(
        self, cursor: QTextCursor, format_for: Callable[[Style, str | None], QTextCharFormat]
    ) -> None:
        self._cursor = cursor
        self._format_for = format_for
        self._key: tuple[Style, str | None] | None = None
        self._parts: list[str] = []

    def add(self, text: str, style: Style, extra: str | None = None) -> None:
        if not text:
            return
        key = (style, extra)
        if key != self._key:
            self.flush()
            self._key = key
        self._parts.append(text)

    def flush(self) -> None:
        if self._parts and self._key is not None:
            self._cursor.insertText("".join(self._parts), self._format_for(*self._key))
        self._parts = []
