"""Faults on a real interpreter: a link cut at random points of an upload, through a wrapper
around the virtual board's port (a real board cannot be unplugged on demand in a test)."""

from __future__ import annotations

import dataclasses
import os
import random
import threading
import time

import pytest
import serial

from ide.board import Disconnected, VerifyFailed, connect
from tests.helpers.board_fakes import CutSerial


def wait_for(predicate, timeout=15.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def connect_through(sim, wrap=CutSerial):
    """A session on the virtual board through ``wrap`` around every serial port it opens (a new
    one at each reconnect): the session, the wrappers so far, and an Event set on reconnect."""
    wrappers: list = []

    def factory():
        w = wrap(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
        wrappers.append(w)
        return w

    got_back = threading.Event()
    s = connect(sim.port, serial_factory=factory)
    s.add_listener(lambda event, _msg: event == "reconnected" and got_back.set())
    return s, wrappers, got_back


@pytest.mark.timeout(180)
def test_link_cut_during_upload_leaves_old_file_and_no_litter(sim):
    s, wrappers, got_back = connect_through(sim)
    events: list[str] = []
    s.add_listener(lambda event, _msg: events.append(event))
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


def test_firmware_without_raw_paste_uses_the_plain_raw_repl(sim):
    from tests.helpers.board_fakes import OldFirmwareSerial

    fake = OldFirmwareSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: fake, auto_reconnect=False)
    try:
        assert s.eval("1 + 1") == 2
        assert s.repl.raw_paste is False and fake.paste_requests == 1
        data = os.urandom(3000)
        s.write_file("/old.bin", data)
        assert s.read_file("/old.bin") == data
        assert [e.name for e in s.listdir("/")] == ["old.bin"]
        assert fake.paste_requests == 1  # asked once, then never again
    finally:
        s.close()


def test_short_code_sent_with_the_request_runs_once_when_raw_paste_is_gone(sim):
    # Raw-paste was granted, then the port leads to firmware without it (another board on the
    # same port, an old firmware flashed): the short code that rode with the request is typed
    # into its plain raw REPL and runs there; the call goes on from that, once.
    from tests.helpers.board_fakes import OldFirmwareSerial

    fake = OldFirmwareSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    fake.old = False
    s = connect(sim.port, serial_factory=lambda: fake, auto_reconnect=False)
    try:
        s.exec("n = 0")
        assert s.repl.raw_paste is True
        fake.old = True
        s.exec("n += 1")
        assert s.repl.raw_paste is False
        assert s.eval("n") == 1
        assert s.eval("6 * 7") == 42
    finally:
        s.close()


def test_after_a_reconnect_the_board_is_asked_again_what_it_supports(sim):
    # The reconnected link may lead to another board (a CH340 has no serial number): its
    # raw-paste window and its deflate are asked anew, not taken from the board before.
    from ide.board import helpers_stream

    class Recording(CutSerial):
        def __init__(self, real: serial.Serial) -> None:
            super().__init__(real)
            self.writes: list[bytes] = []

        def write(self, data: bytes) -> int:
            self.writes.append(bytes(data))
            return super().write(data)

    s, wrappers, got_back = connect_through(sim, Recording)
    try:
        s.write_file("/a.py", "print(1)\n" * 50)
        wrappers[-1].arm(3)
        with pytest.raises(Disconnected):
            s.write_file("/a.py", "print(2)\n" * 50)
        assert got_back.wait(20)
        s.write_file("/a.py", "print(3)\n" * 50)
        new = wrappers[-1].writes
        requests = [w for w in new if w.startswith(b"\x05A\x01")]
        assert requests and requests[0] == b"\x05A\x01", requests[:1]  # the window learnt first
        probe = helpers_stream.HAS_DEFLATE.encode()[:20]
        assert any(probe in w for w in new), "deflate not asked on the new link"
        assert s.read_file("/a.py") == b"print(3)\n" * 50
    finally:
        s.close()


def test_line_noise_while_idle_is_shown_and_the_next_operation_works(sim, monkeypatch):
    from ide.board import keys as keys_module
    from tests.helpers.board_fakes import NoisySerial

    monkeypatch.setattr(keys_module, "LAZY_EXIT", 30.0)  # stay in the raw REPL meanwhile

    fake = NoisySerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = connect(sim.port, serial_factory=lambda: fake, auto_reconnect=False)
    shown = bytearray()
    s.subscribe(shown.extend, replay=False)
    try:
        s.listdir("/")  # the board now waits in the raw REPL for a moment
        fake.noise = b"\xff\xfe\x00garbage\x80"
        wait_for(lambda: s.link._buf.endswith(b"garbage\x80"), what="noise read by the reader")
        assert s.eval("3 * 3") == 9
        assert b"garbage" in shown  # not swallowed, not mistaken for an answer
        monkeypatch.setattr(keys_module, "LAZY_EXIT", 0.0)
        wait_for(lambda: s.repl.mode == "friendly", what="back at the friendly prompt")
        fake.noise = bytes(random.Random(1).randrange(256) for _ in range(200))
        wait_for(lambda: not fake.noise, what="noise delivered")  # to the console
        assert s.eval("4 * 4") == 16
    finally:
        s.close()


def test_hard_reset_through_the_reset_lines_also_ends_a_running_program(sim):
    from ide.board import Session
    from tests.helpers.board_fakes import ResetLineSerial

    fake = ResetLineSerial(serial.serial_for_url(sim.port, baudrate=115200, timeout=0.05))
    s = Session(sim.port, serial_factory=lambda: fake, auto_reconnect=False, hard_reset_lines=True)
    shown = bytearray()
    s.subscribe(shown.extend, replay=False)
    try:
        results = []
        t = threading.Thread(target=lambda: results.append(s.run("while True:\n    pass\n")))
        t.start()
        wait_for(lambda: s.running, what="program start")
        s.hard_reset()
        t.join(10)
        assert results and results[0].interrupted
        assert fake.lines[-3:] == [("dtr", False), ("rts", True), ("rts", False)]
        wait_for(lambda: bytes(shown).endswith(b">>> "), what="prompt after the reset")
        assert b"soft reboot" in shown
        assert s.eval("6 * 7") == 42
        shown.clear()
        s.hard_reset()  # and when nothing runs
        wait_for(lambda: b"soft reboot" in shown and bytes(shown).endswith(b">>> "), what="reboot")
        assert s.eval("7 * 7") == 49
    finally:
        s.close()


def test_a_main_py_that_switches_ctrl_c_off_is_diagnosed(sim):
    from ide.board import NotResponding

    s = connect(sim.port, auto_reconnect=False)
    s.write_file(
        "/main.py", b"import micropython\nmicropython.kbd_intr(-1)\nwhile True:\n    pass\n"
    )
    s.soft_reset(timeout=0.3)  # main.py starts and keeps the board to itself
    s.close()
    with pytest.raises(NotResponding) as info:
        connect(sim.port, auto_reconnect=False)
    assert info.value.diagnosis == NotResponding.SILENT
    assert "switched off Ctrl-C" in str(info.value.message)


def test_a_file_that_shrinks_during_a_download_fails_verification(sim):
    # The board's os.stat() promises more bytes than the file holds, exactly what a file that
    # shrinks between the helper's stat() and its reads looks like. The helper pads the
    # missing bytes with zeros; that padding must never be accepted as the board's file.
    s = connect(sim.port)
    try:
        s.write_file("/shrink.bin", b"abc" * 1000)
        s.exec(
            "import sys,os as _os\n"
            "class _FakeOs:\n"
            " def __getattr__(self, n): return getattr(_os, n)\n"
            " def stat(self, p):\n"
            "  s = _os.stat(p)\n"
            "  return s[:6] + (s[6] + 500,) + s[7:] if p == '/shrink.bin' else s\n"
            "sys.modules['os'] = _FakeOs()\n"
        )
        with pytest.raises(VerifyFailed):
            s.read_file("/shrink.bin")
        s.exec("sys.modules['os'] = _os")
        assert s.read_file("/shrink.bin") == b"abc" * 1000  # and the session is still in step
    finally:
        s.close()


@pytest.mark.timeout(120)
def test_link_cut_during_a_portable_upload_leaves_no_open_file_behind(sim):
    s, wrappers, got_back = connect_through(sim)
    try:
        s.write_file("/p.bin", b"old")
        before = s.eval("sorted(globals())")
        s.info = dataclasses.replace(s.info, fast_transfer=False)
        wrappers[-1].arm(3000)  # after the temporary file was opened, inside the first chunk
        with pytest.raises(Disconnected):
            s.write_file("/p.bin", os.urandom(9000))
        assert got_back.wait(20), "no reconnection after the cut"
        assert s.eval("sorted(globals())") == before  # no _hf left in the user's globals
        assert s.read_file("/p.bin") == b"old"
        assert [e.name for e in s.listdir("/") if "hotaru" in e.name] == []
    finally:
        s.close()


def test_a_cut_usb_link_is_said_in_the_users_language(sim):
    """pyserial's English ("device reports readiness to read but returned no data…") stood
    inside "The connection to the board was lost (…)" in a Japanese or Chinese sentence."""
    from ide.text import Message

    s, wrappers, _got_back = connect_through(sim)
    try:
        wrappers[-1].arm(5)
        with pytest.raises(Disconnected) as info:
            s.write_file("/x.py", b"x" * 5000)
        msg = info.value.message
        assert isinstance(msg, Message) and msg.args, msg
        assert all(isinstance(v, Message) for v in msg.args.values()), msg
    finally:
        s.close()
