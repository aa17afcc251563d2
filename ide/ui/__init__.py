"""Qt widgets: windows, dialogs, panes. The only package that imports Qt."""

from __future__ import annotations

from ide.text import Message, error_message


def translate_message(msg: Message | str) -> str:
    """The user's-language text of a Message built below ide/ui/ (see ide.text). Arguments
    that are Messages themselves are translated too (a UF2 family name, a reason)."""
    if isinstance(msg, str):
        return msg
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(msg.context, msg.source)  # i18n: marked
    if not msg.args:
        return text
    args = {k: translate_message(v) if isinstance(v, Message) else v for k, v in msg.args.items()}
    return text.format(**args)


def error_text(exc: BaseException) -> str:
    """The one way an exception becomes text for a dialog or the status bar: its translated
    ``.message`` when it carries one, else its own text (see ide.text.error_message)."""
    msg = error_message(exc)
    if isinstance(exc, OSError) and not isinstance(msg, Message):
        # The OS's words are English: a translated phrase, the raw text on a Details line.
        from ide.os_errors import os_reason, with_os_details

        reason = os_reason(exc)
        msg = with_os_details(reason, exc) if isinstance(reason, Message) else reason
    return translate_message(msg)
