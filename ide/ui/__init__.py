"""Qt widgets: windows, dialogs, panes. The only package that imports Qt."""

from __future__ import annotations

from ide.text import Message


def translate_message(msg: Message | str) -> str:
    """The user's-language text of a Message built below ide/ui/ (see ide.text)."""
    if isinstance(msg, str):
        return msg
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(msg.context, msg.source)  # i18n: marked
    if not msg.args:
        return text
    # A Message inside a Message (an OS error's phrase in a sentence) is translated too.
    args = {k: translate_message(v) if isinstance(v, Message) else v for k, v in msg.args.items()}
    return text.format(**args)
