"""The serial transport: a USB-serial port or any pyserial URL (socket://, rfc2217://, loop://).

Opening never resets an ESP board. Espressif dev boards with a USB-serial bridge (CP210x, CH340)
wire DTR and RTS to GPIO0 and EN through two transistors: EN is pulled low (the chip resets) only
while RTS is asserted and DTR is not; GPIO0 is pulled low only while DTR is asserted and RTS is not;
with both lines in the same state neither pin moves. So the lines are both set to "not asserted"
on the pyserial object *before* it opens (it applies them as it opens), and after opening they are
written again, RTS first: whatever a driver did while opening (the Windows CP210x driver raises
them at different moments on the first open after power-on), lowering RTS first never passes
through "RTS asserted, DTR not". ESP32-S2/S3/C3 native USB (VID 0x303A) has no such circuit: there
line changes are reset/bootloader requests to the chip itself, so Hotaru leaves them alone.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from ide.board.transports.base import ResetLines, TransportLost
from ide.text import QT_TRANSLATE_NOOP, Message

# Why a serial link went, in words the UI translates (pyserial's own are English)
_GONE = QT_TRANSLATE_NOOP(
    "SerialPort",
    "the USB port stopped answering: the cable may have been unplugged, the board restarted, "
    "or another program opened the port",
)
_CLOSED = QT_TRANSLATE_NOOP("SerialPort", "the port is closed")


def _lost(error: BaseException | None = None) -> TransportLost:
    if error is None:
        return TransportLost("the port is closed", message=Message("SerialPort", _CLOSED))
    text = str(error) or type(error).__name__
    return TransportLost(text, message=Message("SerialPort", _GONE))


ESPRESSIF_NATIVE_USB_VID = 0x303A  # ESP32-S2/S3/C3/C6 USB: DTR/RTS changes are reset requests
WRITE_TIMEOUT = 10.0
POLL = 0.05  # seconds one pyserial read() blocks; a read(n, timeout) loops over it


class PySerialLike(Protocol):
    """The part of pyserial's Serial that Hotaru uses (fakes in tests implement it too)."""

    timeout: float | None

    @property
    def in_waiting(self) -> int: ...

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...

    def close(self) -> None: ...


class ModemLines(Protocol):
    """DTR and RTS of a pyserial object."""

    dtr: bool
    rts: bool


class _SerialLines:
    """DTR/RTS of an open pyserial object."""

    def __init__(self, ser: ModemLines) -> None:
        self._ser = ser

    def set_lines(self, *, dtr: bool | None = None, rts: bool | None = None) -> None:
        if dtr is not None:
            self._ser.dtr = dtr
        if rts is not None:
            self._ser.rts = rts


def open_without_reset(
    port: str,
    baudrate: int,
    *,
    vid: int | None = None,
    serial_for_url: Callable[..., Any] | None = None,
) -> Any:
    """An open pyserial object for ``port``; the ESP auto-reset circuit sees no pulse (see the
    module docstring). Raises pyserial's/the OS's own errors (the caller explains them)."""
    if serial_for_url is None:
        import serial

        serial_for_url = serial.serial_for_url
    kwargs: dict[str, Any] = {"baudrate": baudrate, "timeout": POLL, "write_timeout": WRITE_TIMEOUT}
    if "://" not in port and os.name == "posix":
        kwargs["exclusive"] = True  # a second program on the port would steal bytes
    ser = serial_for_url(port, do_not_open=True, **kwargs)
    native = vid == ESPRESSIF_NATIVE_USB_VID
    if not native:
        # pyserial applies these as it opens: the port comes up with both lines released.
        ser.dtr = False
        ser.rts = False
    ser.open()
    if not native:
        # Again, now that the port is open (a driver may have raised them while opening).
        # RTS first: EN goes low only for "RTS asserted, DTR released", and with RTS released
        # first that state cannot occur on the way to both released.
        try:
            ser.rts = False
            ser.dtr = False
        except OSError as e:
            # A pty or a driver without modem lines (pyserial ignores the same errors when it
            # applies the lines while opening): nothing to protect there.
            if e.errno not in (errno.EINVAL, errno.ENOTTY):
                ser.close()
                raise
    return ser


class SerialTransport:
    """A Transport over pyserial.

    ``factory`` (tests, special set-ups) returns an open pyserial-like object instead of opening
    ``port``; such an object's lines are not touched at open. Otherwise the port is opened with
    :func:`open_without_reset` and failures become BoardErrors that explain them (no permission,
    in use, missing, brltty)."""

    def __init__(
        self,
        port: str,
        baudrate: int = 115200,
        *,
        factory: Callable[[], PySerialLike] | None = None,
        serial_for_url: Callable[..., Any] | None = None,
        learn: bool = True,
        reset_wired: bool | None = None,
    ) -> None:
        self.name = port
        self.baudrate = baudrate
        self.flow_control = False
        self.serial_number: str | None = None
        self.reset_wired = False  # DTR/RTS drive EN/GPIO0 (an ESP board behind a bridge)
        self.vid: int | None = None
        self._factory = factory
        self._serial_for_url = serial_for_url
        self._ser: PySerialLike | None = None
        self._lost = False
        self._lock = threading.Lock()
        if learn:
            self._learn()
        if reset_wired is not None:
            self.reset_wired = reset_wired  # the caller knows better (tests, a custom board)

    def _learn(self) -> None:
        """Serial number, flow control and reset lines of the port: one port enumeration."""
        from ide.board import opening

        info = opening.port_info(self.name)
        self.serial_number = info.serial_number if info else None
        self.flow_control = opening.has_flow_control(self.name, info)
        self.reset_wired = bool(info and info.reset_lines)
        self.vid = info.vid if info else None

    # -- Transport ----------------------------------------------------------------------------
    def open(self) -> None:
        from ide.board import opening

        if self._factory is not None:
            ser = self._factory()
        else:
            try:
                ser = open_without_reset(
                    self.name, self.baudrate, vid=self.vid, serial_for_url=self._serial_for_url
                )
            except Exception as e:  # noqa: BLE001 - pyserial, OSError, ValueError: all explained
                raise opening.open_error(self.name, e) from e
        try:
            ser.timeout = POLL
        except Exception:  # noqa: BLE001 - fakes may not have it
            pass
        with self._lock:
            self._ser = ser
            self._lost = False

    def read(self, n: int, timeout: float) -> bytes:
        ser = self._ser
        if ser is None or self._lost:
            raise _lost()
        deadline = time.monotonic() + timeout
        while True:
            try:
                data = ser.read(1)
                if data:
                    waiting = ser.in_waiting
                    if waiting and n > 1:
                        data += ser.read(min(waiting, n - 1))
            except Exception as e:  # noqa: BLE001 - a failing port is a lost port
                self._lost = True
                raise _lost(e) from e
            if data or time.monotonic() >= deadline:
                return bytes(data)

    def write(self, data: bytes) -> None:
        ser = self._ser
        if ser is None or self._lost:
            raise _lost()
        try:
            ser.write(data)
        except Exception as e:
            if type(e).__name__ == "SerialTimeoutException":
                raise  # the board does not take bytes: not a lost link (the caller says so)
            self._lost = True
            raise _lost(e) from e

    def close(self) -> None:
        with self._lock:
            ser, self._ser = self._ser, None
            self._lost = True
        if ser is not None:
            try:
                ser.close()
            except Exception:  # noqa: BLE001 - closing a vanished port may fail; it is gone
                pass

    @property
    def alive(self) -> bool:
        return self._ser is not None and not self._lost

    @property
    def reset_lines(self) -> ResetLines | None:
        """DTR/RTS where they are wired to the chip's EN (known from the USB ids), else None."""
        if self._ser is None or not self.reset_wired:
            return None
        return _SerialLines(self._ser)  # type: ignore[arg-type]  # a real port has the lines

    @property
    def ser(self) -> PySerialLike | None:
        """The pyserial object (tests pull the cable with ``ser.close()``)."""
        return self._ser
