"""The transport seam: how bytes reach a board, whatever the medium.

Everything above a transport (the link's reader thread, the raw-REPL protocol, the session)
talks to this interface only and never learns whether it has a USB serial port, the built-in
simulator or (later) a WebREPL socket. A transport moves bytes; it knows nothing of MicroPython.

Contract (every implementation keeps it; tests/board check it for each):

- ``open()`` connects; it raises a BoardError (PermissionDenied, PortBusy, Disconnected with a
  plain-words reason) when it cannot. Opening never resets an ESP board (see ``serial.py``).
- ``read(n, timeout)`` returns up to ``n`` bytes as soon as any are there, or ``b""`` after
  ``timeout`` seconds with none. It raises ``TransportLost`` (or any OSError) the moment the
  medium is gone: EOF, hang-up, the simulator's process ended. It never blocks past ``timeout``.
- ``write(data)`` sends all of ``data`` or raises ``TransportLost``/OSError.
- ``close()`` is idempotent and may be called from any thread, also while another thread is in
  ``read()`` (which then returns or raises promptly).
- ``alive`` is False once the medium is known to be gone (after a failed read/write, or when the
  process behind it has ended); a cheap check, no I/O.
- ``reset_lines`` is None where the medium has no DTR/RTS (simulator, network); otherwise an
  object that can pulse the board's EN/BOOT lines (hard reset of ESP boards).
- ``flow_control`` is True when the medium paces itself (native USB CDC, the simulator), so
  larger chunks are safe; ``serial_number`` identifies the same USB device after a replug.
- Optional: ``quiet_seconds``, how long the board's answer to a key may pause before it is
  complete (the raw-REPL handshake waits that long for silence after Ctrl-C); 0.1 s when a
  transport does not say (USB, networks). The unthrottled simulator says 0.02.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ide.text import Message


class TransportLost(ConnectionError):
    """The medium is gone (cable pulled, process ended, socket closed). ``message``: why, in
    words the UI translates (the link says "lost ({reason})" with it), or None: the text."""

    def __init__(self, *args: object, message: Message | None = None) -> None:
        super().__init__(*args)
        self.message = message


@runtime_checkable
class ResetLines(Protocol):
    """DTR/RTS of a USB-serial bridge, as esptool and mpremote drive them."""

    def set_lines(self, *, dtr: bool | None = None, rts: bool | None = None) -> None: ...


@runtime_checkable
class Transport(Protocol):
    """A byte pipe to one board."""

    name: str  # what the user chose: "/dev/ttyACM0", "COM5", "simulator", "ws://..."
    flow_control: bool
    serial_number: str | None

    def open(self) -> None: ...

    def read(self, n: int, timeout: float) -> bytes: ...

    def write(self, data: bytes) -> None: ...

    def close(self) -> None: ...

    @property
    def alive(self) -> bool: ...

    @property
    def reset_lines(self) -> ResetLines | None: ...
