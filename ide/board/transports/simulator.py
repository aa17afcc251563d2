"""The built-in virtual board as a transport: open() starts it, close() stops it.

No pty and no serial port: the bytes go through an in-process endpoint of the simulator's
bridge (node's stdin/stdout pipes), so this works on every OS. Opening = a client connected;
what the board printed before that is gone, as on USB. The node process ending (crash, kill)
makes read() raise TransportLost at once (after the bytes already received) and ``alive``
turn False; the process is reaped by the simulator.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ide.board.errors import Disconnected
from ide.board.transports.base import ResetLines, TransportLost

if TYPE_CHECKING:
    from ide.simulator import Client, VirtualBoard


class SimulatorTransport:
    """A Transport (see base.py) to a virtual board that it starts and stops itself."""

    name = "simulator"
    flow_control = True  # the bridge holds the board back while nobody reads
    serial_number: str | None = None

    def __init__(
        self,
        baud: int | None = None,
        *,
        flash: str | os.PathLike[str] | None = None,
        board: str | None = None,
        progress: Callable[[str], None] | None = None,
    ):
        self._baud = baud
        # (base.py) unthrottled, the board's answer comes through a local pipe at once; at a
        # baud rate it trickles as over a UART
        self.quiet_seconds = 0.1 if baud else 0.02
        self._flash = flash
        self._kind = board  # "pico", "esp32" (see ide.simulator.start) or None: the generic one
        self._progress = progress  # npm's lines when a first start installs MicroPython
        self._lock = threading.Lock()
        self._board: VirtualBoard | None = None
        self._link: Client | None = None

    def open(self) -> None:
        from ide.simulator import SimulatorUnavailable, early, start

        with self._lock:
            if self._link is not None:
                return
            try:
                # the board `hotaru --port simulator` began as the process started, if any
                board = early.take(self._baud, self._flash, self._kind) or start(
                    self._baud,
                    pty=False,
                    board=self._kind,
                    flash=self._flash,
                    progress=self._progress,
                )
            except SimulatorUnavailable as e:
                raise Disconnected(e.message) from e
            self._board = board
            self._link = board.connect()

    def read(self, n: int, timeout: float) -> bytes:
        link = self._link
        if link is None:
            raise TransportLost("the virtual board is not open")
        try:
            return link.read(n, timeout)
        except ConnectionError as e:  # the simulator's BoardGone: say it in the seam's words
            raise TransportLost(str(e), message=getattr(e, "message", None)) from e

    def write(self, data: bytes) -> None:
        link = self._link
        if link is None:
            raise TransportLost("the virtual board is not open")
        try:
            link.write(data)
        except ConnectionError as e:
            raise TransportLost(str(e), message=getattr(e, "message", None)) from e

    def close(self) -> None:
        with self._lock:
            link, self._link = self._link, None
            board, self._board = self._board, None
        if link is not None:
            link.close()  # a read() in another thread returns at once
        if board is not None:
            board.close()

    @property
    def alive(self) -> bool:
        link, board = self._link, self._board
        return link is not None and board is not None and link.alive and board.alive

    @property
    def reset_lines(self) -> ResetLines | None:
        return None

    @property
    def board(self) -> VirtualBoard | None:
        """The running virtual board (pin events, set_pin), or None when closed."""
        return self._board

    def __repr__(self) -> str:
        return f"<SimulatorTransport {'open' if self._link else 'closed'}>"

