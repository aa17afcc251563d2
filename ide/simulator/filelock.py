"""Portable advisory file locks: flock on Linux/macOS, msvcrt.locking on Windows.

The OS modules are imported inside the functions, so this module imports everywhere.
A lock lives as long as the open file (closing it, or the process ending, releases it).
"""

from __future__ import annotations

import os
import time
from typing import IO


class Locked(OSError):
    """Another process holds the lock (``wait=False``)."""


def lock(f: IO[bytes] | IO[str], *, wait: bool) -> None:
    """Lock the open file ``f`` exclusively; with ``wait=False`` raise Locked at once if taken."""
    if os.name == "nt":
        import msvcrt

        f.seek(0)
        while True:
            try:
                # one byte at offset 0 stands for the whole file
                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                return
            except OSError as e:
                if not wait:
                    raise Locked(str(e)) from e
                time.sleep(0.1)  # LK_LOCK gives up after 10 s; this waits as flock does
    else:
        import fcntl

        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as e:
            raise Locked(str(e)) from e
