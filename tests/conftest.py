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


# --- settings isolation (owner: ui) ----------------------------------------------------------
# Tests never read or write the user's real Hotaru settings (ide.ui.preferences, ide.ui.language).
if "HOTARU_CONFIG_DIR" not in os.environ:
    import tempfile

    os.environ["HOTARU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hotaru-test-config-")
