"""A broken wire with the adapter still plugged in: writes are accepted and nothing comes
back. The next operation says the board stopped answering after one short probe, instead of
a long resync that ends in a diagnosis advising to install MicroPython."""

from __future__ import annotations

import threading
import time

import pytest

from ide.board import NotResponding, Timeout, connect
from tests.helpers.board_fakes import ProcessTransport


class BreakableWire(ProcessTransport):
    """The simulator behind a wire that can break silently (and be mended)."""

    def __init__(self, board) -> None:
        super().__init__(board)
        self.broken = threading.Event()
        self.lost_writes = bytearray()

    def read(self, n: int, timeout: float) -> bytes:
        if self.broken.is_set():
            self.broken.wait(timeout)  # nothing arrives, as on a cut RX line
            return b""
        return super().read(n, timeout)

    def write(self, data: bytes) -> None:
        if self.broken.is_set():
            self.lost_writes += data  # the adapter accepts them; they reach no board
            return
        super().write(data)


def test_broken_wire_is_reported_as_not_answering_after_one_probe(sim):
    wire = BreakableWire(sim)
    s = connect(sim.port, transport=wire)
    try:
        assert s.eval("1 + 1") == 2
        # An idle session goes back to the friendly prompt by itself (its key pump): wait.
        end = time.monotonic() + 20
        while s.repl.mode != "friendly" and time.monotonic() < end:
            time.sleep(0.02)
        assert s.repl.mode == "friendly"
        wire.broken.set()
        with pytest.raises(Timeout) as caught:
            s.listdir("/")
        assert not isinstance(caught.value, NotResponding)
        assert "stopped answering" in str(caught.value)
        # Ctrl-A, then one Ctrl-C as the probe: no three-round resync, no zeros for a helper.
        assert bytes(wire.lost_writes) == b"\x01\x03"
        wire.broken.clear()
        assert "boot.py" in [e.name for e in s.listdir("/")] or s.eval("2 + 2") == 4
    finally:
        s.close()
