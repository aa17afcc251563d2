"""Qt-free facts about the link to the board that the UI's session controller needs: what the
connected board is called, whether a port is there again, whether an error means the link is
gone. ide.board is imported on first use, not with this module (start-up stays light)."""

from __future__ import annotations

import os
from typing import Any


def is_disconnect(exc: BaseException) -> bool:
    """True when ``exc`` means the link to the board is gone (not a failed operation)."""
    from ide.board import Disconnected

    return isinstance(exc, Disconnected | OSError)


def disconnected_error() -> BaseException:
    """The error a job sees when its session went away before it ran."""
    from ide.board import Disconnected

    return Disconnected()


def port_present(port: str) -> bool:
    """True when ``port`` can be opened again: a URL (always tried), an existing device path,
    or a name the OS lists."""
    if "://" in port:
        return True
    if os.path.exists(port):
        return True
    try:
        from ide.board import list_ports

        return any(p.device == port for p in list_ports())
    except Exception:  # noqa: BLE001 - no port listing (a sandbox, a driver fault): not there
        return False


def describe(session: Any) -> tuple[str, str, str]:
    """(description, board name, MicroPython version) from the session's BoardInfo, e.g.
    ("Raspberry Pi Pico · MicroPython 1.24", "Raspberry Pi Pico", "1.24")."""
    info = session.info
    name, version = info.machine or info.name, info.version
    description = " · ".join(part for part in (name, version and f"MicroPython {version}") if part)
    return description, name, version
