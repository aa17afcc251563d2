"""The virtual board's power switch, its start-up after power-on, Ctrl-C switched off, and
deep sleep ending in a reset (what the rescue of a stuck board is tested against)."""

from __future__ import annotations

import time

import pytest


def _read_until(client, end: bytes, timeout: float = 10.0, after: bytes = b"") -> bytes:
    """What the board sends until ``end`` appears (after ``after``, when given)."""
    got = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and end not in got[got.find(after) + len(after) :]:
        got += client.read(4096, 0.05)
    return got


def _write_file(client, name: str, text: str) -> None:
    client.write(f"f=open({name!r},'w');f.write({text!r});f.close()\r".encode())
    # the echo of the line, then the next prompt (not a prompt left over from before)
    assert _read_until(client, b">>> ", after=b"f.close()").endswith(b">>> ")


@pytest.fixture
def client(sim):
    c = sim.connect()
    c.write(b"\r")
    _read_until(c, b">>> ")
    yield c
    c.close()


def test_power_cycle_keeps_files_and_runs_boot_then_main(sim, client):
    _write_file(client, "boot.py", "print('boot ran')\n")
    _write_file(client, "main.py", "print('main ran')\n")
    sim.power_cycle()
    out = _read_until(client, b">>> ")
    assert b"boot ran" in out and b"main ran" in out
    assert out.index(b"boot ran") < out.index(b"main ran") < out.index(b"MicroPython v")
    client.write(b"import os; print(sorted(os.listdir()))\r")
    assert b"['boot.py', 'main.py']" in _read_until(client, b"]\r\n>>> ")


def test_kbd_intr_off_ignores_ctrl_c_until_the_power_is_cut(sim, client):
    _write_file(
        client,
        "main.py",
        "import micropython\nmicropython.kbd_intr(-1)\nprint('looping')\nwhile True: pass\n",
    )
    sim.power_cycle()
    assert b"looping" in _read_until(client, b"looping")  # main.py runs, Ctrl-C is off
    client.write(b"\x03\x03")
    assert b">>>" not in _read_until(client, b">>>", 0.5)  # Ctrl-C is data: nothing stops it
    sim.power_cycle()
    out = b""
    deadline = time.monotonic() + 10
    while b">>> " not in out and time.monotonic() < deadline:
        client.write(b"\x03")  # Ctrl-C through the boot catches main.py before its first line
        out += client.read(4096, 0.005)
    assert b'File "main.py", line 1' in out and b"KeyboardInterrupt" in out
    client.write(b"import os; print(os.listdir())\r")
    assert b"['main.py']" in _read_until(client, b"]\r\n>>> ")


def test_deepsleep_resets_the_board_after_the_delay(sim, client):
    _write_file(client, "main.py", "import machine\nprint('awake')\nmachine.deepsleep(200)\n")
    sim.power_cycle()
    out = _read_until(client, b"awake")
    out += _read_until(client, b"awake")  # woke up: main.py ran again from the start
    assert out.count(b"awake") >= 2
    assert b">>>" not in out  # asleep and awake in turn, never at the prompt
