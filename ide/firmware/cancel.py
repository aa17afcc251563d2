"""Cancellation and progress helpers shared by the ESP and UF2 installers."""

from __future__ import annotations

import threading
from collections.abc import Callable

from ide.firmware.errors import Cancelled
from ide.text import QT_TRANSLATE_NOOP, message

Progress = Callable[[int, int], None]  # (done_bytes, total_bytes)
CancelCheck = Callable[[], bool] | threading.Event | None


def is_cancelled(cancel: CancelCheck) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def check_cancel(cancel: CancelCheck) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if is_cancelled(cancel):
        raise Cancelled(message("Firmware", QT_TRANSLATE_NOOP("Firmware", "Cancelled.")))
