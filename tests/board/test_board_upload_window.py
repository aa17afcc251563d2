"""The upload window (ide.board.transfer_window): never more in flight than a UART board's input
buffer holds, more than two frames on a fast link with flow control of its own; and the raw-paste
request that carries short code in the same write."""

from __future__ import annotations

import os

import pytest
import serial

from ide.board import connect, opening, transfer_stream, transfer_window
from tests.helpers.board_fakes import CutSerial


class FrameCounter(CutSerial):
    """Counts the bytes written but not yet acknowledged during an upload: the frames sent are
    recorded by the sender (``sent``); each \\x06 read acknowledges the oldest ones up to the
    first the board acknowledges (a 0x16 frame it does not)."""

    def __init__(self, real: serial.Serial) -> None:
        super().__init__(real)
        self.counting = False
        self.frames: list[tuple[int, bool]] = []  # (length, acknowledged by the board)
        self.written = self.acked = 0
        self.most = 0  # the most bytes ever unacknowledged
        self.quiet = 0  # frames sent that the board does not acknowledge
        self.writes: list[bytes] = []

    def sent(self, frame: bytes) -> None:
        self.frames.append((len(frame), frame[0] != transfer_stream.FULL_QUIET))
        self.quiet += frame[0] == transfer_stream.FULL_QUIET

    def write(self, data: bytes) -> int:
        self.writes.append(bytes(data))
        if self.counting:
            self.written += len(data)
            self.most = max(self.most, self.written - self.acked)
        return super().write(data)

    def read(self, n: int = 1) -> bytes:
        got = super().read(n)
        if self.counting:
            for _ in range(got.count(b"\x06")):
                while self.frames:
                    length, acknowledged = self.frames.pop(0)
                    self.acked += length
                    if acknowledged:
                        break
        return got


def _counted_upload(s, port: FrameCounter, data: bytes, deflate: bool, monkeypatch) -> int:
    from ide.board import transfer

    s.repl.deflate = deflate  # the stream helper, or the one-file helper
    real_send = transfer_window.send_frames

    def counted(*args, **kwargs):  # count from the first frame: the helper is running
        port.frames.clear()
        port.written = port.acked = 0
        port.counting = True
        inner = args[5] if len(args) > 5 else kwargs.pop("sending", None)

        def sending(frame: bytes) -> None:
            port.sent(frame)
            if inner is not None:
                inner(frame)

        try:
            return real_send(*args[:5], sending, *args[6:], **kwargs)
        finally:
            port.counting = False

    monkeypatch.setattr(transfer, "send_frames", counted)
    monkeypatch.setattr(transfer_stream, "send_frames", counted)
    s.write_file("/w.bin", data)
    assert s.read_file("/w.bin") == data
    return port.most


@pytest.mark.parametrize("deflate", [False, True])
def test_over_a_uart_no_more_than_the_boards_input_buffer_is_in_flight(sim, monkeypatch, deflate):
    # A port without flow control (a USB-serial bridge): bytes beyond the board's input buffer
    # would be dropped. The simulator acknowledges at once, so a window that grows "while
    # acknowledgements keep up" would grow here.
    monkeypatch.setattr(opening, "has_flow_control", lambda *_a: False)
    monkeypatch.setattr(transfer_window, "HORIZON", 10.0)  # any rate would grow it
    port = FrameCounter(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: port, auto_reconnect=False)
    try:
        assert not s.flow_controlled
        most = _counted_upload(s, port, os.urandom(40000), deflate, monkeypatch)
        # MicroPython's buffer is twice its window, and as a ring it holds one byte less (an
        # ESP8266's 256-byte ring: 255)
        assert s.repl.window < most <= 2 * s.repl.window - 1, most  # (and two frames fly)
        assert port.quiet == 0  # every frame acknowledged: the window is two frames
    finally:
        s.close()


@pytest.mark.parametrize("deflate", [False, True])
def test_a_fast_link_with_flow_control_keeps_more_than_two_frames_in_flight(
    sim, monkeypatch, deflate
):
    # (the window holds what the link moves in HORIZON seconds: made long, so that growing
    # does not depend on how fast this machine is today)
    monkeypatch.setattr(transfer_window, "HORIZON", 10.0)
    port = FrameCounter(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: port, auto_reconnect=False)
    try:
        assert s.flow_controlled  # a pty: the simulator holds the host back, nothing is lost
        most = _counted_upload(s, port, os.urandom(400_000), deflate, monkeypatch)
        assert most > 3 * 8192, most  # the window grew past two frames
        assert most <= transfer_window.CEILING + 8193, most
        # the stream then asks for fewer acknowledgements (the one-file helper has no way)
        assert (port.quiet > 0) == deflate, port.quiet
    finally:
        s.close()


def test_window_on_a_uart_never_grows() -> None:
    class Repl:
        window = 128

    w = transfer_window.Window.for_link(Repl(), False, 127)  # type: ignore[arg-type]
    w.started()
    for _ in range(1000):
        w.acknowledged(127)  # as fast as acknowledgements can come
    assert w.size == 256
    fast = transfer_window.Window.for_link(Repl(), True, 8192)  # type: ignore[arg-type]
    fast.started()
    for _ in range(40):
        fast.acknowledged(8192)
    assert 2 * 8192 < fast.size <= transfer_window.CEILING


def test_short_code_rides_with_the_raw_paste_request(sim) -> None:
    port = FrameCounter(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: port, auto_reconnect=False)
    try:
        s.eval("1 + 1")  # the board granted raw-paste and its window by now
        assert s.repl.raw_paste is True
        port.writes.clear()
        assert s.eval("6 * 7") == 42
        requests = [w for w in port.writes if w.startswith(b"\x05A\x01")]
        assert len(requests) == 1 and b"6 * 7" in requests[0], port.writes
        long_code = "x = 0\n" + "x += 1\n" * 40 + "print(x)\n"  # beyond the window: asked first
        port.writes.clear()
        assert s.exec(long_code).strip() == "40"
        assert port.writes[0] == b"\x05A\x01", port.writes[:2]
    finally:
        s.close()


def test_firmware_that_drops_what_its_stdin_ring_cannot_hold_gets_the_uart_window(sim) -> None:
    # A link with flow control of its own is not enough when the firmware behind it moves its
    # bytes into a 256-byte ring and drops the rest: ESP8266 (WebREPL), ESP32-S2/S3 native USB
    # before MicroPython 1.24. (The simulator is none of those; its answers are replaced.)
    import dataclasses

    from ide.board.opening import board_keeps_pace

    s = connect(sim.port, auto_reconnect=False)
    try:
        assert s.flow_controlled
        s.info = dataclasses.replace(s.info, platform="esp8266")
        assert not s.flow_controlled
        s.info = dataclasses.replace(s.info, platform="esp32", version="1.23.0")
        assert not s.flow_controlled
        s.info = dataclasses.replace(s.info, platform="esp32", version="1.24.1")
        assert s.flow_controlled
    finally:
        s.close()
    assert not board_keeps_pace("esp8266", "1.24.1", network=True)
    assert board_keeps_pace("esp32", "1.22.2", network=True)  # WebREPL read when stdin is
    assert not board_keeps_pace("esp32", "", network=False)  # unknown: the old firmware
    assert board_keeps_pace("esp32", "1.25.0-preview.12.gabc", network=False)
    assert board_keeps_pace("rp2", "1.20.0", network=False)  # leaves bytes in the USB buffer
    assert not board_keeps_pace("nrf", "1.22.0", network=False)
    assert board_keeps_pace("nrf", "1.24.0", network=False)
