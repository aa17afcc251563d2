"""A port on which nothing ever answers: a board whose MicroPython switches Ctrl-C off before
its USB is up (on a real Pico the port then never answers anything, which the simulated board,
always answering at boot, cannot show). A scripted fake for that fault only."""

from __future__ import annotations

import time


class SilentPort:
    reset_lines = None  # a Pico's USB serial has no reset wiring
    serial_number = None
    flow_control = True

    def __init__(self, name: str = "/dev/ttyACM0") -> None:
        self.name = name
        self.closed = False
        self.written = bytearray()

    @property
    def alive(self) -> bool:
        return not self.closed

    def open(self) -> None:
        self.closed = False

    def read(self, n: int, timeout: float) -> bytes:
        time.sleep(min(timeout, 0.05))  # nothing comes, as from a board that never answers
        return b""

    def write(self, data: bytes) -> None:
        self.written += data

    def close(self) -> None:
        self.closed = True
