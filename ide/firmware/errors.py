"""Errors raised by ide.firmware; each carries a translatable Message for the UI."""

from __future__ import annotations

from typing import Any

from ide.text import Message, message


class FirmwareError(Exception):
    """Something stopped an install; ``message`` says what, in words for a beginner."""

    def __init__(self, message: Message, detail: str = "") -> None:
        super().__init__(str(message) + (f" ({detail})" if detail else ""))
        self.message = message
        self.detail = detail  # the underlying tool's own text, for the log


class ImageRejected(FirmwareError):
    """The firmware file does not fit this board; nothing on the board was touched."""


class Cancelled(FirmwareError):
    """The user pressed Cancel."""


class CatalogError(FirmwareError):
    """The firmware catalogue or a download failed."""


def fw_message(source: str, **args: Any) -> Message:
    """A Message in the "Firmware" context; ``source`` is QT_TRANSLATE_NOOP("Firmware", ...)
    at the call site, where lupdate sees it."""
    return message("Firmware", source, **args)


def rejected(source: str, **args: Any) -> ImageRejected:
    """ImageRejected saying ``source`` (QT_TRANSLATE_NOOP("Firmware", ...) at the call site)."""
    return ImageRejected(fw_message(source, **args))
