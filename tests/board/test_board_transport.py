"""The transport seam: opening a serial port never resets an ESP board; the link reads through a
Transport; connect("simulator") builds the simulator's transport."""

from __future__ import annotations

import pytest

from ide.board import Disconnected, connect, ports
from ide.board.transports.base import Transport, TransportLost
from ide.board.transports.serial import SerialTransport


class RecordingSerial:
    """A pyserial object that records every DTR/RTS change and open() in order, and models the
    two-transistor auto-reset circuit of ESP dev boards: EN is low while RTS is asserted and DTR
    is not. Like pyserial, line states set before open() are applied as the port opens."""

    def __init__(self, driver_raises_lines: bool = False) -> None:
        self.events: list[tuple[str, bool | None]] = []
        self.dtr_state = True  # pyserial's defaults: both asserted
        self.rts_state = True
        self.is_open = False
        self.timeout: float | None = None
        self.driver_raises_lines = driver_raises_lines
        self.en_low_while_open = False
        self.in_waiting = 0

    def _line(self, name: str, value: bool) -> None:
        setattr(self, name + "_state", value)
        self.events.append((name, value))
        if self.is_open and self.rts_state and not self.dtr_state:
            self.en_low_while_open = True  # the chip would reset

    @property
    def dtr(self) -> bool:
        return self.dtr_state

    @dtr.setter
    def dtr(self, value: bool) -> None:
        self._line("dtr", value)

    @property
    def rts(self) -> bool:
        return self.rts_state

    @rts.setter
    def rts(self, value: bool) -> None:
        self._line("rts", value)

    def open(self) -> None:
        self.events.append(("open", None))
        self.is_open = True
        if self.driver_raises_lines:
            # The Windows CP210x driver on the first open after power-on: DTR up, then RTS.
            self._line("dtr", True)
            self._line("rts", True)
        elif self.rts_state and not self.dtr_state:
            self.en_low_while_open = True

    def read(self, n: int = 1) -> bytes:
        return b""

    def write(self, data: bytes) -> int:
        return len(data)

    def close(self) -> None:
        self.is_open = False


def _open(fake: RecordingSerial, vid: int | None) -> SerialTransport:
    t = SerialTransport(
        "/dev/ttyUSB0", serial_for_url=lambda *a, **k: fake, learn=False, reset_wired=True
    )
    t.vid = vid
    t.open()
    return t


@pytest.mark.parametrize("driver_raises_lines", [False, True])
def test_opening_a_bridge_port_never_pulses_en(driver_raises_lines):
    fake = RecordingSerial(driver_raises_lines)
    t = _open(fake, vid=0x10C4)  # CP210x
    opened = fake.events.index(("open", None))
    # Both lines released before the port opens, so it comes up released...
    assert set(fake.events[:opened]) == {("dtr", False), ("rts", False)}
    # ...and after opening RTS is released before DTR: EN never goes low.
    after = [e for e in fake.events[opened + 1 :] if e[1] is False]
    assert after == [("rts", False), ("dtr", False)]
    assert not fake.en_low_while_open
    assert (fake.dtr_state, fake.rts_state) == (False, False)
    assert t.alive and isinstance(t, Transport)


def test_native_usb_esp_lines_are_left_alone():
    fake = RecordingSerial()
    _open(fake, vid=0x303A)  # ESP32-S3 native USB: line changes are reset requests
    assert fake.events == [("open", None)]


def test_a_failing_read_is_a_lost_transport():
    class Broken(RecordingSerial):
        def read(self, n: int = 1) -> bytes:
            raise OSError(5, "Input/output error")

    t = SerialTransport("x", factory=Broken, learn=False)
    t.open()
    with pytest.raises(TransportLost):
        t.read(10, 0.1)
    assert not t.alive


def test_connect_simulator_builds_the_simulator_transport(monkeypatch):
    import sys
    import types

    built = []

    class FakeSimTransport:
        name = "simulator"
        flow_control = True
        serial_number = None

        def __init__(self) -> None:
            built.append(self)

        def open(self) -> None:
            raise Disconnected(detail="no node here")

    module = types.ModuleType("ide.board.transports.simulator")
    module.SimulatorTransport = FakeSimTransport  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ide.board.transports.simulator", module)
    monkeypatch.setattr(ports._pyserial_ports, "comports", lambda: pytest.fail("enumerated"))
    with pytest.raises(Disconnected):
        connect("simulator")
    assert len(built) == 1
