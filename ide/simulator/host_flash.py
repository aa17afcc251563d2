"""Where the virtual board keeps its files on this computer, and erasing them.

The flash is a folder: by default ``ide.paths.data_dir()/simulator/flash`` (per user, kept
across restarts); ``start(flash=...)`` or the HOTARU_SIM_FLASH environment variable choose
another, and ":memory:" means a fresh, empty board whose files die with it (the test suite).
A running board holds ``<folder>.lock``, so two boards never share one flash.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import IO

from ide import paths
from ide.simulator import filelock
from ide.simulator.node_env import SimulatorUnavailable
from ide.text import QT_TRANSLATE_NOOP, message

MEMORY = ":memory:"
ENV = "HOTARU_SIM_FLASH"

FlashChoice = str | os.PathLike[str] | None


class FlashInUse(SimulatorUnavailable):
    """Another running virtual board uses this flash folder."""


def default_folder() -> Path:
    return paths.data_dir() / "simulator" / "flash"


def resolve(flash: FlashChoice = None) -> Path | None:
    """The flash folder to use, or None for a board that keeps nothing."""
    if flash is None:
        flash = os.environ.get(ENV) or default_folder()
    if os.fspath(flash) == MEMORY:
        return None
    return Path(flash).expanduser().absolute()


def _staging(folder: Path) -> Path:
    return folder.with_name(folder.name + ".staging")  # board.js writes files here first


def claim(folder: Path) -> IO[str]:
    """Lock ``folder`` for one board; keep the returned file open as long as it runs."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = open(folder.with_name(folder.name + ".lock"), "a")  # noqa: SIM115 - held open
    try:
        filelock.lock(lock, wait=False)
    except filelock.Locked as e:
        lock.close()
        raise FlashInUse(
            message(
                "Simulator",
                QT_TRANSLATE_NOOP(
                    "Simulator",
                    "Another virtual board is using the simulator's files ({path}). Close it "
                    "(or the other Hotaru window) and try again.",
                ),
                path=str(folder),
            )
        ) from e
    return lock


def erase_files(flash: FlashChoice = None) -> None:
    """Delete every file the virtual board keeps (an empty flash, as after erasing a board).

    Raises FlashInUse while a virtual board runs on that folder: stop it first (the UI
    disconnects the simulator, erases, and connects again)."""
    folder = resolve(flash)
    if folder is None:
        return
    with claim(folder):
        for child in folder.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        shutil.rmtree(_staging(folder), ignore_errors=True)
