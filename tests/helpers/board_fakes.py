"""Scripted serial ports for faults a real board cannot show on demand (ide.board tests)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import serial


class ScriptedSerial:
    """A pyserial-like port whose answers come from ``responder(written) -> bytes``."""

    def __init__(self, responder: Callable[[bytes], bytes]) -> None:
        self.responder = responder
        self.timeout: float | None = 0.05
        self.dtr = True
        self.rts = False
        self.written = bytearray()
        self._in = bytearray()
        self._cond = threading.Condition()
        self._closed = False

    def feed(self, data: bytes) -> None:
        with self._cond:
            self._in += data
            self._cond.notify_all()

    @property
    def in_waiting(self) -> int:
        return len(self._in)

    def read(self, n: int = 1) -> bytes:
        with self._cond:
            if self._closed:
                raise serial.SerialException("closed")
            if not self._in:
                self._cond.wait(self.timeout)
            if self._closed:
                raise serial.SerialException("closed")
            data = bytes(self._in[:n])
            del self._in[:n]
            return data

    def write(self, data: bytes) -> int:
        if self._closed:
            raise serial.SerialException("closed")
        self.written += data
        answer = self.responder(bytes(data))
        if answer:
            self.feed(answer)
        return len(data)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class CutSerial:
    """Wraps a real port; after ``cut_after`` more written bytes the link breaks like a pulled
    cable: the bytes up to that point reach the board, then every call raises."""

    def __init__(self, real: serial.Serial, cut_after: int | None = None) -> None:
        self.real = real
        self.cut_after = cut_after
        self.cut = False

    def arm(self, cut_after: int) -> None:
        self.cut_after = cut_after

    def _broken(self) -> serial.SerialException:
        return serial.SerialException("device reports readiness to read but returned no data")

    @property
    def timeout(self) -> float | None:
        return self.real.timeout

    @timeout.setter
    def timeout(self, value: float | None) -> None:
        self.real.timeout = value

    @property
    def in_waiting(self) -> int:
        if self.cut:
            raise self._broken()
        return self.real.in_waiting

    def read(self, n: int = 1) -> bytes:
        if self.cut:
            raise self._broken()
        return self.real.read(n)

    def write(self, data: bytes) -> int:
        if self.cut:
            raise self._broken()
        if self.cut_after is not None and len(data) >= self.cut_after:
            self.real.write(data[: self.cut_after])
            self.real.flush()
            self.cut = True
            self.real.close()
            raise self._broken()
        if self.cut_after is not None:
            self.cut_after -= len(data)
        return self.real.write(data)

    def close(self) -> None:
        self.cut = True
        self.real.close()


class OldFirmwareSerial(CutSerial):
    """A real port made to look like MicroPython before raw-paste mode (1.13 and older): the
    raw-paste request reaches the board as a bare Ctrl-A, which reprints the raw REPL banner,
    exactly what such firmware answers."""

    def __init__(self, real: serial.Serial) -> None:
        super().__init__(real)
        self.paste_requests = 0
        self.old = True  # False: the real firmware (raw-paste) until a test flips it

    def write(self, data: bytes) -> int:
        if self.old and b"\x05A\x01" in data:
            self.paste_requests += 1
            data = data.replace(b"\x05A\x01", b"\x01")
        return super().write(data)


class NoisySerial(CutSerial):
    """A real port where line noise can be injected into what the host reads."""

    def __init__(self, real: serial.Serial) -> None:
        super().__init__(real)
        self.noise = b""

    @property
    def in_waiting(self) -> int:
        return len(self.noise) + super().in_waiting

    def read(self, n: int = 1) -> bytes:
        if self.noise:
            data, self.noise = self.noise[:n], self.noise[n:]
            return data
        return super().read(n)


class ResetLineSerial(CutSerial):
    """A real port with the auto-reset circuit of ESP boards emulated: RTS pulled high then low
    (EN low, then released) restarts the virtual board. A pty has no modem lines, so the restart
    is done with the REPL's own keys (Ctrl-C, Ctrl-B, Ctrl-D)."""

    def __init__(self, real: serial.Serial) -> None:
        super().__init__(real)
        self.lines: list[tuple[str, bool]] = []
        self._rts = False
        self._dtr = True

    @property
    def dtr(self) -> bool:
        return self._dtr

    @dtr.setter
    def dtr(self, value: bool) -> None:
        self._dtr = value
        self.lines.append(("dtr", value))

    @property
    def rts(self) -> bool:
        return self._rts

    @rts.setter
    def rts(self, value: bool) -> None:
        falling = self._rts and not value
        self._rts = value
        self.lines.append(("rts", value))
        if falling and self._dtr is False:
            self.real.write(b"\x03\x03\x02\x04")


class ProcessTransport:
    """A serial transport to a virtual board's pty whose ``alive`` follows the board's node
    process, as the simulator's own transport does: killing the process is a dead link."""

    def __init__(self, board) -> None:  # board: ide.simulator.VirtualBoard
        from ide.board.transports.serial import SerialTransport

        self.board = board
        self.inner = SerialTransport(board.port, learn=False)
        self.name = board.port
        self.flow_control = True
        self.serial_number = None

    def open(self) -> None:
        from ide.board.transports.base import TransportLost

        if not self.board.alive:
            raise TransportLost("the virtual board's process has ended")
        self.inner.open()

    def read(self, n: int, timeout: float) -> bytes:
        return self.inner.read(n, timeout)

    def write(self, data: bytes) -> None:
        self.inner.write(data)

    def close(self) -> None:
        self.inner.close()

    @property
    def alive(self) -> bool:
        return self.inner.alive and self.board._proc.poll() is None

    @property
    def reset_lines(self):
        return None


class LaggingSerial(CutSerial):
    """A real port read late (a busy host): whatever the board sent meanwhile comes in one
    read, as an acknowledgement and the output after it do on a loaded machine. Records what
    the host writes."""

    def __init__(self, real: serial.Serial, lag: float = 0.02) -> None:
        super().__init__(real)
        self.lag = lag
        self.written: list[bytes] = []

    def read(self, n: int = 1) -> bytes:
        time.sleep(self.lag)
        return super().read(n)

    def write(self, data: bytes) -> int:
        self.written.append(bytes(data))
        return super().write(data)
