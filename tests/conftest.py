"""Shared test set-up: Qt offscreen, a per-run cache folder for npm packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- virtual board (owner: sim) -------------------------------------------------------------
import itertools  # noqa: E402

import pytest  # noqa: E402

# Virtual boards started by tests (the GUI's "Simulator", ide.simulator.start()) keep their
# files in memory, never in the user's own simulator folder; tests of the kept files pass
# start(flash=tmp_path / "flash").
os.environ.setdefault("HOTARU_SIM_FLASH", ":memory:")


@pytest.fixture(scope="session")
def _sim_spares(tmp_path_factory):
    from ide.simulator.spare import SpareBoards

    base = tmp_path_factory.mktemp("sim-flash")
    numbers = itertools.count()
    # each board gets a fresh, empty flash folder of its own (the files really go to disk)
    spares = SpareBoards(flash=lambda: base / str(next(numbers)) / "flash")
    yield spares
    spares.close()


@pytest.fixture
def sim(_sim_spares):
    """A fresh, ready virtual MicroPython board (ide.simulator) for one test; closed after.

    ``sim.port`` is its /dev/pts/N path, ``sim.connect()`` an in-process serial line,
    ``sim.flash_folder`` where its files are kept (a fresh temporary folder);
    ``sim.pin_events("LED")`` what the program did to a pin,
    ``sim.set_pin(14, 0)`` drives an input. (The next test's board starts in the background.)
    """
    board = _sim_spares.take()
    try:
        yield board
    finally:
        board.close()
