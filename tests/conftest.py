"""Shared test set-up: Qt offscreen, a per-run cache folder for npm packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- virtual board (owner: sim) -------------------------------------------------------------
import pytest  # noqa: E402


@pytest.fixture
def sim():
    """A fresh, ready virtual MicroPython board (ide.simulator) for one test; closed after.

    ``sim.port`` is its /dev/pts/N path; ``sim.pin_events("LED")`` what the program did to a pin.
    """
    from ide.simulator import start

    board = start()
    try:
        yield board
    finally:
        board.close()
