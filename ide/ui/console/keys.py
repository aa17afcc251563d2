"""Keystrokes in the console, as the bytes a VT100 terminal sends to MicroPython's REPL, and
which keys the console keeps from the window's shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_ESC = b"\x1b["

_SPECIAL: dict[Qt.Key, bytes] = {
    Qt.Key.Key_Return: b"\r",
    Qt.Key.Key_Enter: b"\r",
    Qt.Key.Key_Backspace: b"\x7f",
    Qt.Key.Key_Tab: b"\t",
    Qt.Key.Key_Up: _ESC + b"A",
    Qt.Key.Key_Down: _ESC + b"B",
    Qt.Key.Key_Right: _ESC + b"C",
    Qt.Key.Key_Left: _ESC + b"D",
    Qt.Key.Key_Home: _ESC + b"H",
    Qt.Key.Key_End: _ESC + b"F",
    Qt.Key.Key_Delete: _ESC + b"3~",
}

# Control characters the console never sends: Ctrl-A (on an empty line) and Ctrl-B switch
# the REPL between raw and friendly mode behind the IDE's back.
BLOCKED_CONTROL = {0x01, 0x02}


def key_to_bytes(key: int, modifiers: Qt.KeyboardModifier, text: str) -> bytes:
    """The bytes for one key press; b"" when the key means nothing to the board."""
    try:
        qkey = Qt.Key(key)
    except ValueError:
        qkey = None
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    if qkey in _SPECIAL and not ctrl:
        return _SPECIAL[qkey]
    if ctrl and Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        code = key - Qt.Key.Key_A + 1
        return b"" if code in BLOCKED_CONTROL else bytes([code])
    if text and all(ch.isprintable() for ch in text):
        return text.encode("utf-8")
    return b""


def paste_bytes(text: str, repl: bool) -> bytes:
    """Pasted text for the board: several lines at the REPL go through paste mode (Ctrl-E)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if repl and "\n" in text.rstrip("\n"):
        body = text.rstrip("\n").replace("\n", "\r")
        return b"\x05" + body.encode("utf-8") + b"\x04"
    return text.replace("\n", "\r").encode("utf-8")


def console_wants_key(event: QKeyEvent) -> bool:
    """True when the console keeps this key from the window's shortcuts: keys the board needs
    (Ctrl+C, D, E, V, A and what key_to_bytes turns into bytes); never an Alt combination."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier))
    if alt:
        return False
    if ctrl:
        return event.key() in (
            Qt.Key.Key_C,
            Qt.Key.Key_D,
            Qt.Key.Key_E,
            Qt.Key.Key_V,
            Qt.Key.Key_A,
        )
    return bool(key_to_bytes(event.key(), mods, event.text()))


def is_window_shortcut(widget: QWidget, event: QKeyEvent) -> bool:
    """True when the key is a shortcut of a window-wide action (Quit, Save, Find ...);
    actions scoped to another widget (the editor's Undo, Copy ...) do not count."""
    combo = QKeySequence(event.keyCombination())
    for action in widget.window().findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            continue
        for sequence in action.shortcuts():
            if sequence.matches(combo) == QKeySequence.SequenceMatch.ExactMatch:
                return True
    return False
