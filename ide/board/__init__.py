"""ide.board: the one serial backend. No Qt; usable from a plain Python shell.

    from ide.board import connect, list_ports
    with connect("/dev/ttyACM0") as s:
        print(s.info, s.listdir("/"))
        s.write_file("main.py", b"print('hi')\\n")

See ARCHITECTURE.md ("ide.board") for the threads, the modes and the transfer protocol.
"""

from __future__ import annotations

from collections.abc import Callable

from ide.board.errors import (
    BadPath,
    BoardError,
    Busy,
    Cancelled,
    Disconnected,
    NotResponding,
    PermissionDenied,
    PortBusy,
    RemoteError,
    Timeout,
    VerifyFailed,
)
from ide.board.ports import PortInfo, list_ports
from ide.board.session import Session
from ide.board.transports.base import Transport
from ide.board.transports.serial import PySerialLike
from ide.board.types import BoardInfo, Entry, RunResult

__all__ = [
    "BadPath",
    "BoardError",
    "BoardInfo",
    "Busy",
    "Cancelled",
    "Disconnected",
    "Entry",
    "NotResponding",
    "PermissionDenied",
    "PortBusy",
    "PortInfo",
    "RemoteError",
    "RunResult",
    "Session",
    "Timeout",
    "VerifyFailed",
    "connect",
    "list_ports",
]


def connect(
    port: str,
    baudrate: int = 115200,
    *,
    timeout: float = 10.0,
    interrupt: bool = True,
    auto_reconnect: bool = True,
    serial_factory: Callable[[], PySerialLike] | None = None,
    transport: Transport | None = None,
    password: str | None = None,
) -> Session:
    """Open ``port`` (a device path or a pyserial URL such as socket://host:port), stop what
    runs on the board (unless ``interrupt`` is False), learn what it is, and leave it at its
    friendly prompt, the banner shown to console subscribers.

    ``port`` "simulator" is the built-in virtual board (started by its transport). A
    ``transport`` (ide.board.transports.base.Transport, not yet open) replaces the one built from
    ``port``; ``serial_factory`` (tests) returns an open pyserial-like object instead of opening
    ``port``. Raises PermissionDenied, PortBusy, Disconnected (no such port) or
    NotResponding (with a diagnosis).

    ``port`` "ws://HOST[:PORT]" is a board's WebREPL over the network; ``password`` is its
    WebREPL password (a keyword, never in the URL: see ide.board.transports.webrepl)."""
    if transport is None and port.startswith("ws://"):
        from ide.board.transports.webrepl import WebReplTransport

        transport = WebReplTransport(port, password)
    return Session(
        port,
        baudrate,
        timeout=timeout,
        interrupt=interrupt,
        auto_reconnect=auto_reconnect,
        serial_factory=serial_factory,
        transport=transport,
    )
