"""Errors raised by ide.firmware; each carries a translatable Message for the UI."""

from __future__ import annotations

from ide.text import Message


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
