"""A board opened without interrupting it (connect(..., interrupt=False), the reconnection to a
fresh simulator): its greeting -- the banner and prompt, asked for again by Ctrl-B when they
were missed -- reaches the console whole and once, and never leaks into a later operation."""

from __future__ import annotations

import time

from ide.board import connect
from ide.board.connection import SIMULATOR
from ide.board.transports.simulator import SimulatorTransport


class _Boot(SimulatorTransport):
    """A fresh simulator whose boot greeting arrives as the port opens. The simulator's own
    boot output comes or not depending on timing, so it is taken here and ``GREETING`` handed
    out in its place, the first thing read."""

    GREETING = (
        b"\r\nMicroPython v1.29.0 on 2026-08-25; Hotaru virtual board\r\n"
        b'Type "help()" for more information.\r\n>>> '
    )

    def open(self) -> None:
        super().open()
        boot = b""
        end = time.monotonic() + 3  # (bounded: a boot whose output was lost says nothing)
        while b">>> " not in boot and time.monotonic() < end:
            boot += super().read(4096, 0.1)
        self._greeting = self.GREETING

    def read(self, n: int, timeout: float) -> bytes:
        greeting, self._greeting = self._greeting, b""
        return greeting or super().read(n, timeout)


class _CutBoot(_Boot):
    """The port opened in the middle of the boot banner: only its first line's tail, the
    second line and the prompt arrive (a USB board that booted just before)."""

    GREETING = b'Hotaru virtual board\r\nType "help()" for more information.\r\n>>> '


def _console_when_idle(session, seen: list[bytes]) -> str:
    # Wait (bounded, never asserted on) until the console shows a prompt.
    end = time.monotonic() + 30
    while time.monotonic() < end and not b"".join(seen).endswith(b">>> "):
        time.sleep(0.05)
    return b"".join(seen).decode("utf-8", "replace")


def test_a_cut_boot_banner_is_asked_for_again():
    # Only the tail of the boot banner and the prompt arrive: the console must still show a
    # whole banner line (Ctrl-B asks for it), never a fragment alone.
    seen: list[bytes] = []
    with connect(SIMULATOR, transport=_CutBoot(), interrupt=False) as session:
        session.subscribe(seen.append)
        text = _console_when_idle(session, seen)
        assert session.eval("1 + 1") == 2  # and the board works
    lines = text.replace("\r\n", "\n").split("\n")
    assert [line for line in lines if line.startswith("MicroPython v")], lines
    assert not [line for line in lines if ">>> " in line and "MicroPython" in line], lines
    assert text.endswith(">>> "), lines


def test_a_fresh_boards_boot_banner_is_not_shown_before_the_connect_banner(monkeypatch):
    # A fresh simulator prints its boot banner just as the port opens. The reader must not hand
    # it to the console before the protocol takes over: the banner shown at connect would then
    # follow the boot's ">>> ". (A slow caller thread, as on a loaded machine, widens the gap
    # between starting the reader and switching capture on.)
    from ide.board.link import Link

    real_set_capture = Link.set_capture

    def slow_set_capture(self, on):
        time.sleep(0.3)
        return real_set_capture(self, on)

    monkeypatch.setattr(Link, "set_capture", slow_set_capture)
    seen: list[bytes] = []
    with connect(SIMULATOR, transport=_Boot()) as session:
        session.subscribe(seen.append)
        text = b"".join(seen).decode("utf-8", "replace")
    lines = text.replace("\r\n", "\n").split("\n")
    assert not [line for line in lines if ">>> " in line and "MicroPython" in line], lines
    assert len([line for line in lines if line.startswith("MicroPython v")]) == 1, lines
