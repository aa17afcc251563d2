"""The connection: which transport the session has, its link, losing it and getting it back.

It owns the transport (built from what the user chose: "simulator", a device path or a pyserial
URL), the link over it, the facts connected/closed/released/reconnecting, the listeners of
"disconnected"/"reconnected"/"reconnect-failed", and the *reconnect* thread. What it means for
the board when a link comes back (resync, probe, banner) is the session's (``host.startup``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from ide.board.console import ConsoleRouter
from ide.board.errors import BoardError, Disconnected, NotResponding
from ide.board.link import Link
from ide.board.transports.base import Transport
from ide.board.transports.serial import PySerialLike
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "BoardSession"
SIMULATOR = "simulator"  # the port name that means the built-in virtual board
RECONNECT_WINDOW = 30.0  # seconds to look for a lost board
RECONNECT_PAUSE = 0.3  # seconds between two looks

Listener = Callable[[str, Message], None]


class ConnectionHost(Protocol):
    """What the connection needs of the session."""

    console: ConsoleRouter

    @property
    def op_lock(self) -> threading.RLock: ...

    def on_new_link(self, link: Link) -> None: ...

    def startup(self, interrupt: bool) -> None: ...

    def in_operation(self) -> bool: ...

    def lock_or_busy(self) -> AbstractContextManager[None]: ...

    def leave_raw(self) -> None: ...

    def state_changed(self) -> None: ...


class Connection:
    """The transport and its link; reconnection after a loss."""

    def __init__(
        self,
        host: ConnectionHost,
        port: str,
        baudrate: int,
        *,
        serial_factory: Callable[[], PySerialLike] | None,
        hard_reset_lines: bool | None,
        auto_reconnect: bool,
        transport: Transport | None,
    ) -> None:
        self._host = host
        self.port = port
        self.baudrate = baudrate
        self.auto_reconnect = auto_reconnect
        self._serial_factory = serial_factory
        self._hard_reset_lines = hard_reset_lines
        self.transport: Transport = transport or self.make_transport(port)
        self.serial_number = self.transport.serial_number
        self.link: Link | None = None
        self.connected = False
        self.closed = False
        self.released = False
        self.reconnecting = False
        self.lost_in_op = False  # lost mid-operation: the board may sit in the raw REPL
        self._listeners: list[Listener] = []

    def make_transport(self, port: str) -> Transport:
        """The transport for what the user chose: the built-in simulator, or a serial port /
        pyserial URL (through ``serial_factory`` when one was given)."""
        if port == SIMULATOR:
            try:
                # Imported on use: it pulls in the simulator's process management.
                from ide.board.transports.simulator import SimulatorTransport
            except ImportError as e:
                raise Disconnected(
                    detail=f"the simulator transport is not available here ({e})"
                ) from e
            return SimulatorTransport()
        if port.startswith("ws://"):  # WebREPL; connect(port, password=...) passes the password
            from ide.board.transports.webrepl import WebReplTransport

            return WebReplTransport(port)
        from ide.board.transports.serial import SerialTransport

        return SerialTransport(
            port, self.baudrate, factory=self._serial_factory, reset_wired=self._hard_reset_lines
        )

    def use_port(self, port: str) -> None:
        """From now on, ``port`` (a new transport; the old link must be stopped)."""
        self.port = port
        self.transport = self.make_transport(port)
        self.serial_number = self.transport.serial_number

    def open_link(self, *, open_transport: bool = True) -> Link:
        """Open the transport (unless it is open already: a lent transport handed back) and
        start a link over it (capturing: the protocol takes over)."""
        if open_transport:
            self.transport.open()
        link = Link(self.transport, self._host.console.emit, self._on_lost, capture=True)
        self.link = link
        self._host.on_new_link(link)
        self.connected = True
        return link

    def stop_link(self) -> None:
        """Stop the reader and close the transport (idempotent)."""
        if self.link is not None:
            self.link.stop()

    @property
    def usable(self) -> bool:
        return (
            self.connected
            and not self.closed
            and not self.released
            and self.link is not None
            and not self.link.lost
        )

    def check_usable(self) -> None:
        """Disconnected at once (no wait) when the board cannot be reached."""
        if self.closed:
            raise Disconnected(
                message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The connection is closed."))
            )
        if self.released:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession", "The port is lent to another tool (firmware installer)."
                    ),
                )
            )
        if not self.usable:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession", "The board is disconnected; waiting for it to come back."
                    ),
                )
            )

    def reopen(self, timeout: float) -> None:
        """Open the transport again, retrying for ``timeout`` seconds while the port comes back
        (the operation lock is held by the caller)."""
        self.stop_link()
        self.connected = False
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.open_link()
                return
            except (Disconnected, NotResponding):
                if time.monotonic() > deadline:
                    raise
                time.sleep(RECONNECT_PAUSE)

    # -- lending the port ---------------------------------------------------------------------
    def lend(self) -> None:
        """Close the port for another tool (the board left at its friendly prompt)."""
        with self._host.lock_or_busy():
            if self.released or self.closed:
                return
            self._host.leave_raw()
            self.released = True
            self.connected = False
            self.stop_link()
        self._host.state_changed()

    def lend_transport(self) -> Transport:
        """Stop reading but keep the transport open, and hand it to a caller that talks to the
        board itself (the rescue of a stuck board); :meth:`take_back_transport` ends it."""
        with self._host.lock_or_busy():
            if self.link is not None:
                self.link.stop(close=False)  # closing the simulator's transport ends the board
            self.connected = False
            self.released = True
            transport = self.transport
        self._host.state_changed()
        return transport

    def take_back_transport(self, transport: Transport | None = None) -> None:
        """After :meth:`lend_transport`: read the still open transport again, or ``transport``
        (the same board opened anew after a replug), and bring the board up."""
        with self._host.lock_or_busy():
            if transport is not None:
                self.transport = transport
                self.serial_number = transport.serial_number
            try:
                self.open_link(open_transport=False)
                self.released = False
                self._host.startup(interrupt=True)
                self.lost_in_op = False
            finally:
                self._host.state_changed()

    def take_back(self, port: str | None, timeout: float) -> None:
        """Open the port again (``port`` if given) from any state and bring the board up."""
        with self._host.lock_or_busy():
            self.stop_link()
            if port:
                self.use_port(port)
            try:
                self.reopen(timeout)
                self.released = False
                self._host.startup(interrupt=True)
                self.lost_in_op = False
            except BaseException:
                self.stop_link()
                self.connected = False
                raise
            finally:
                self._host.state_changed()

    # -- losing the link and getting it back --------------------------------------------------
    def _on_lost(self, exc: BaseException) -> None:
        """The reader (or a writer) found the medium gone."""
        if self.closed or self.released or not self.connected:
            return
        self.connected = False
        if self._host.in_operation():
            self.lost_in_op = True  # resync on reconnection
        start = self.auto_reconnect and not self.reconnecting
        self._host.state_changed()  # disconnected, at once
        self.notify(
            "disconnected",
            message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The board was disconnected.")),
        )
        if start:
            self.reconnecting = True
            self._host.state_changed()
            threading.Thread(
                target=self._reconnect_loop, name="hotaru-board-reconnect", daemon=True
            ).start()

    def _reconnect_loop(self) -> None:
        from ide.board import opening

        deadline = time.monotonic() + RECONNECT_WINDOW
        try:
            while time.monotonic() < deadline and not (self.closed or self.released):
                time.sleep(RECONNECT_PAUSE)
                if self.connected:
                    return
                if self.serial_number:  # the same USB device, wherever it comes back
                    found = opening.find_by_serial_number(self.serial_number)
                    if found is None:
                        continue
                    if found != self.port or self.transport.serial_number != self.serial_number:
                        number = self.serial_number
                        self.use_port(found)
                        self.serial_number = number
                if self._try_reopen():
                    self.notify(
                        "reconnected",
                        message(
                            CTX,
                            QT_TRANSLATE_NOOP("BoardSession", "The board is back on {port}."),
                            port=self.port,
                        ),
                    )
                    return
            if not self.connected and not (self.closed or self.released):
                self.notify("reconnect-failed", self._not_back())
        finally:
            self.reconnecting = False
            self._host.state_changed()

    def _not_back(self) -> Message:
        if self.port == "simulator":  # nothing to plug in: it did not start again
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardSession",
                    "The virtual board did not start again. Choose the simulator in the Board "
                    "box to start a new one.",
                ),
            )
        if self.port.startswith("ws://"):  # WebREPL: there is no cable to plug in
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardSession",
                    "The board did not come back on {port}. Check that it is powered and on "
                    "the same Wi-Fi as this computer, then connect again.",
                ),
                port=self.port,
            )
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardSession", "The board did not come back. Plug it in again and reconnect."
            ),
        )

    def _try_reopen(self) -> bool:
        """One attempt: the transport opened again (the same port, or a fresh simulator)."""
        with self._host.op_lock:
            if self.closed or self.released:
                return False
            if self.connected:
                return True
            self.stop_link()  # closes the transport; opening it again starts afresh
            try:
                self.open_link()
            except Exception:  # noqa: BLE001 - not back yet (any transport's error)
                return False
            try:
                self._host.startup(interrupt=self.lost_in_op)
                self.lost_in_op = False
            except BoardError:
                self.stop_link()
                self.connected = False
                return False
        self._host.state_changed()
        return True

    # -- listeners ----------------------------------------------------------------------------
    def add_listener(self, callback: Listener) -> None:
        self._listeners.append(callback)

    def notify(self, event: str, msg: Message) -> None:
        for cb in list(self._listeners):
            try:
                cb(event, msg)
            except Exception:  # noqa: BLE001 - a listener's bug must not stop the others
                pass
