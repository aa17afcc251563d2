"""One exception-to-message helper: ide.text.error_message (Qt-free), ide.ui.error_text."""

from __future__ import annotations

from ide.board import BoardError
from ide.core.files.names import UnsafeName
from ide.text import QT_TRANSLATE_NOOP, Message, error_message, message


class _Carrier(Exception):
    def __init__(self, msg: object) -> None:
        super().__init__("internal detail")
        self.message = msg


def test_error_message_prefers_the_translatable_message() -> None:
    msg = message("FilesNames", QT_TRANSLATE_NOOP("FilesNames", "the name is an absolute path"))
    assert error_message(_Carrier(msg)) is msg
    assert isinstance(error_message(UnsafeName("/etc", msg)), Message)


def test_error_message_falls_back_to_the_text_then_the_class_name() -> None:
    assert error_message(OSError("port busy")) == "port busy"
    assert error_message(_Carrier(None)) == "internal detail"
    assert error_message(_Carrier("")) == "internal detail"
    assert error_message(_Carrier("plain words")) == "plain words"
    assert error_message(TimeoutError()) == "TimeoutError"
    assert isinstance(error_message(BoardError(message("Ctx", "x"))), Message)


def test_error_text_translates_the_message_and_its_message_arguments(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ide.ui import error_text

    class Fake(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            return {"Outer": "<{inner}>", "Inner": "inner, translated"}.get(context, "")

    fake = Fake()
    QCoreApplication.installTranslator(fake)
    try:
        inner = message("Inner", "inner")
        assert error_text(_Carrier(message("Outer", "[{inner}]", inner=inner))) == (
            "<inner, translated>"
        )
        assert error_text(ValueError("bad")) == "bad"
    finally:
        QCoreApplication.removeTranslator(fake)
