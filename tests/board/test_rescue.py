"""Rescue a stuck board (ide.core.rescue) on the virtual board: each kind of stuck program is
rescued with every file intact and a report that names the cause."""

from __future__ import annotations

import threading
import time

import pytest

from ide.board.transports.serial import SerialTransport
from ide.core.rescue import Cause, rescue


def _read_until(client, end: bytes, timeout: float = 10.0, after: bytes = b"") -> bytes:
    """What the board sends until ``end`` appears (after ``after``, when given)."""
    got = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and end not in got[got.find(after) + len(after) :]:
        got += client.read(4096, 0.05)
    return got


def _install(sim, files: dict[str, str], started: bytes | None) -> None:
    """Write the files at the prompt, then power the board on with them (as a user's board
    that was switched on with this program)."""
    c = sim.connect()
    try:
        c.write(b"\r")
        _read_until(c, b">>> ")
        for name, text in files.items():
            c.write(f"f=open({name!r},'w');f.write({text!r});f.close()\r".encode())
            assert _read_until(c, b">>> ", after=b"f.close()").endswith(b">>> ")
        sim.power_cycle()
        if started is not None:
            assert started in _read_until(c, started)  # the program runs
    finally:
        c.close()


@pytest.fixture
def port(sim):
    t = SerialTransport(sim.port)
    t.open()
    yield t
    t.close()


def _never(_msg) -> bool:
    raise AssertionError("the rescue should not need the user here")


def _sizes(files):
    return {name: size for name, size in files}


DATA = "21.5,22.0,22.4\n" * 10


def test_main_with_ctrl_c_switched_off_is_caught_through_a_power_cycle(sim, port):
    main = "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n"
    _install(sim, {"main.py": main, "data.csv": DATA}, b"looping")
    steps = []
    report = rescue(port, steps.append, _never, power=sim.power_cycle)
    assert report.ok and report.how == "power", [str(s) for s in steps]
    assert report.renamed == [("main.py", "main_disabled.py")]
    assert report.cause == Cause.KBD_INTR
    assert "kbd_intr(-1)" in str(report.explanation)
    before, after = _sizes(report.files_before), _sizes(report.files_after)
    assert after == {"data.csv": len(DATA), "main_disabled.py": len(main)}
    assert before == {"data.csv": len(DATA), "main.py": len(main)}
    assert any("No file was deleted" in str(m) for m in report.summary())


def test_the_user_unplugging_and_plugging_in_is_caught_too(sim, port):
    main = "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n"
    _install(sim, {"main.py": main}, b"looping")
    asked = []

    def user(msg) -> bool:
        asked.append(str(msg))
        if "Unplug" in str(msg):
            threading.Timer(0.3, sim.power_cycle).start()  # the user pulls and plugs the cable
        return True

    report = rescue(port, lambda m: None, user)
    assert asked and "Unplug" in asked[0]
    # then the instruction on screen is what holds now, not "unplug" any more
    assert len(asked) == 2 and "Keep the board plugged in" in asked[1], asked
    assert (
        report.ok and report.how == "replug" and report.renamed == [("main.py", "main_disabled.py")]
    )


def test_main_that_deep_sleeps_at_once(sim, port):
    main = "import machine\nprint('sleeping')\nmachine.deepsleep(300)\n"
    _install(sim, {"main.py": main, "notes.txt": "keep me"}, b"sleeping")
    report = rescue(port, lambda m: None, _never, power=sim.power_cycle)
    assert report.ok and report.cause == Cause.DEEPSLEEP
    assert _sizes(report.files_after) == {"main_disabled.py": len(main), "notes.txt": 7}


def test_boot_py_that_raises_is_disabled_with_its_traceback(sim, port):
    boot = "import machine\nx = 1 / 0\n"
    main = "print('hello')\n"
    _install(sim, {"boot.py": boot, "main.py": main}, b"ZeroDivisionError")
    report = rescue(port, lambda m: None, _never, power=sim.power_cycle)
    assert report.ok and report.cause == Cause.BOOT_ERROR
    assert "ZeroDivisionError" in report.traceback and "boot.py" in report.traceback
    assert set(report.renamed) == {("main.py", "main_disabled.py"), ("boot.py", "boot_disabled.py")}
    assert _sizes(report.files_after) == {
        "boot_disabled.py": len(boot),
        "main_disabled.py": len(main),
    }


def test_main_that_floods_output(sim, port):
    main = "n = 0\nwhile True:\n    n += 1\n    print('reading', n)\n"
    _install(sim, {"main.py": main, "lib.py": "X = 1\n"}, b"reading")
    report = rescue(port, lambda m: None, _never, power=sim.power_cycle)
    assert report.ok and report.cause == Cause.FLOOD
    assert _sizes(report.files_after) == {"lib.py": 6, "main_disabled.py": len(main)}


def test_an_existing_main_disabled_is_never_overwritten(sim, port):
    main = "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n"
    _install(sim, {"main.py": main, "main_disabled.py": "old\n"}, b"looping")
    report = rescue(port, lambda m: None, _never, power=sim.power_cycle)
    assert report.renamed == [("main.py", "main_disabled_2.py")]
    assert _sizes(report.files_after) == {"main_disabled.py": 4, "main_disabled_2.py": len(main)}


def test_a_board_that_never_answers_says_what_is_left(port, sim):
    sim.close()  # nothing answers on the port any more
    report = rescue(port, lambda m: None, lambda m: False)
    assert not report.ok
    assert "erase all flash" in str(report.summary()[0])


def test_a_main_disabled_the_listing_missed_is_still_never_overwritten(sim, port, monkeypatch):
    # the listing is read before the rename; if it lost an entry (a stat that failed, a line
    # garbled), the board itself must still refuse the taken name
    from ide.core.rescue import sequence

    listing = sequence._listing
    calls = []

    def missing(board):  # the listing before the rename misses it; the one after is true
        calls.append(1)
        return [(n, s) for n, s in listing(board) if len(calls) > 1 or n != "main_disabled.py"]

    monkeypatch.setattr(sequence, "_listing", missing)
    main = "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n"
    _install(sim, {"main.py": main, "main_disabled.py": "old\n"}, b"looping")
    report = rescue(port, lambda m: None, _never, power=sim.power_cycle)
    assert "main_disabled.py" not in _sizes(report.files_before)
    assert report.renamed == [("main.py", "main_disabled_2.py")]
    assert _sizes(report.files_after) == {"main_disabled.py": 4, "main_disabled_2.py": len(main)}
