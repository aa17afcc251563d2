"""Shared test set-up: Qt offscreen, a per-run cache folder for npm packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- virtual board (owner: sim) -------------------------------------------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def _sim_spares():
    from ide.simulator.spare import SpareBoards

    spares = SpareBoards()
    yield spares
    spares.close()


@pytest.fixture
def sim(_sim_spares):
    """A fresh, ready virtual MicroPython board (ide.simulator) for one test; closed after.

    ``sim.port`` is its /dev/pts/N path; ``sim.pin_events("LED")`` what the program did to a pin,
    ``sim.set_pin(14, 0)`` drives an input. (The next test's board starts in the background.)
    """
    board = _sim_spares.take()
    try:
        yield board
    finally:
        board.close()
