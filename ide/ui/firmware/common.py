"""What the wizard's pages share: page ids, label helpers, the error-text helper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ide.ui import error_text, translate_message  # noqa: F401 - the pages import error_text from here

PAGE_BOARD, PAGE_DETECT, PAGE_FIRMWARE, PAGE_OPTIONS, PAGE_INSTALL, PAGE_DONE = range(6)
CATALOG_URL_ENV = "HOTARU_FIRMWARE_URL"  # a mirror of micropython.org's download pages
SPEEDS = (921600, 460800, 230400, 115200)


def wrap(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


# Names the user must read (and find in the file manager) exactly as written: a word-wrapped
# label may break a line at their hyphen ("RPI-" / "RP2"), which reads as two names.
UNBROKEN = ("RPI-RP2",)
WORD_JOINER = "\u2060"  # invisible; forbids a line break where it stands (Unicode line breaking)


def set_unbroken_text(label: QLabel, text: str) -> QLabel:
    """Show ``text`` (already translated) so that no line break falls inside the names in
    UNBROKEN; the rest wraps as usual."""
    for word in UNBROKEN:
        # after each hyphen: Qt's rich-text <nobr> and white-space: nowrap do not stop it
        text = text.replace(word, word.replace("-", "-" + WORD_JOINER))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
