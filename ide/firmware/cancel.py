"""Cancellation and progress helpers shared by the ESP and UF2 installers."""

from __future__ import annotations

import threading
from collections.abc import Callable

from ide.firmware.errors import Cancelled, fw_message
from ide.text import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], None]  # (done_bytes, total_bytes)
CancelCheck = Callable[[], bool] | threading.Event | None


def check_cancel(cancel: CancelCheck) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if cancel is None:
        return
    asked = cancel.is_set() if isinstance(cancel, threading.Event) else cancel()
    if asked:
        raise Cancelled(fw_message(QT_TRANSLATE_NOOP("Firmware", "Cancelled.")))
