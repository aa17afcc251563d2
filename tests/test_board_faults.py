"""Faults on a real interpreter: a link cut at random points of an upload, through a wrapper
around the virtual board's port (a real board cannot be unplugged on demand in a test)."""

from __future__ import annotations

import os
import random
import threading
import time

import pytest
import serial

from ide.board import Disconnected, connect
from tests.board_fakes import CutSerial


def wait_for(predicate, timeout=15.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.timeout(180)
def test_link_cut_during_upload_leaves_old_file_and_no_litter(sim):
    wrappers: list[CutSerial] = []

    def factory():
        w = CutSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
        wrappers.append(w)
        return w

    events: list[str] = []
    got_back = threading.Event()

    def listener(event, msg):
        events.append(event)
        if event == "reconnected":
            got_back.set()

    s = connect(sim.port, serial_factory=factory)
    s.add_listener(listener)
    try:
        old = b"print('the old main.py')\n" * 40
        s.write_file("/main.py", old)
        data = os.urandom(12000)
        rng = random.Random(2024)
        # cut points: in the helper's code, in the first chunk, and anywhere in the data
        cuts = [5, 700, 1500, *rng.sample(range(1600, 12500), 4)]
        for cut in cuts:
            got_back.clear()
            wrappers[-1].arm(cut)
            with pytest.raises(Disconnected):
                s.write_file("/main.py", data)
            assert got_back.wait(20), f"no reconnection after a cut at byte {cut}: {events}"
            assert s.read_file("/main.py") == old, f"old file damaged by a cut at byte {cut}"
            names = [e.name for e in s.listdir("/")]
            assert not [n for n in names if "hotaru" in n], (cut, names)
            assert s.eval("1 + 1") == 2
        s.write_file("/main.py", data)  # and a whole upload still works
        assert s.read_file("/main.py") == data
        assert events.count("disconnected") == len(cuts)
    finally:
        s.close()
