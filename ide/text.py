"""Translatable text for code below ide/ui/, which must not import Qt.

Board, firmware and simulator code marks every sentence a user may read with
``QT_TRANSLATE_NOOP("Context", "English text with {placeholders}")`` (pyside6-lupdate
finds these calls) and carries it as a :class:`Message`. The UI translates it with
:func:`ide.ui.translate_message` (QCoreApplication.translate + str.format); headless callers
(tests, benchmarks, scripts) read ``str(message)``, the English text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``source`` for translation in ``context``; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Message:
    """A sentence for the user: lupdate context, English source, and its arguments."""

    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.source.format(**self.args) if self.args else self.source


def message(context: str, source: str, **args: Any) -> Message:
    """Build a :class:`Message`; ``source`` must come from QT_TRANSLATE_NOOP(context, ...)."""
    return Message(context, source, dict(args))


def error_message(exc: BaseException) -> Message | str:
    """What to tell the user about ``exc``: its translatable ``.message`` when it carries one
    (ide.board, ide.firmware, ide.simulator and ide.core errors do), else its own text, else
    its class name (an exception raised without arguments has an empty str())."""
    msg = getattr(exc, "message", None)
    if isinstance(msg, Message) or (isinstance(msg, str) and msg):
        return msg
    return str(exc) or type(exc).__name__
