"""Measures how long the GUI event loop goes without running a 10 ms timer.

A gap is the time between two ticks. On a shared, loaded machine the whole process can be
descheduled for a while, which no code of ours can prevent, so wall-clock gaps say little: each
gap records the GUI thread's own CPU time, and a *stall* is a gap in which the GUI thread itself
worked for more than the limit (our code held the loop), however long the wall-clock gap was.
The code under test must be warmed up first (the console's first bytes import pyte: ~40 ms of
one-time start-up, not the flood handling being measured).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QTimer


class EventLoopProbe:
    def __init__(self, interval_ms: int = 10) -> None:
        self.gaps: list[tuple[float, float]] = []  # (wall seconds, GUI-thread CPU seconds)
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = (0.0, 0.0)

    def start(self) -> None:
        # The objects every earlier test of this process left behind are not the code under
        # test: a full garbage collection over them (50-150 ms on the GUI thread, seen late in
        # a whole-suite run) is frozen out; what the code under test allocates is collected as
        # usual.
        gc.collect()
        gc.freeze()
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.gaps.append((now[0] - self._last[0], now[1] - self._last[1]))
        self._last = now

    def stalls(self, limit: float = 0.05) -> list[tuple[float, float]]:
        """(wall, cpu) of the gaps in which the GUI thread worked more than ``limit`` seconds."""
        return [(wall, cpu) for wall, cpu in self.gaps if cpu > limit]

    def summary(self) -> str:
        wall = max(w for w, _ in self.gaps)
        cpu = max(c for _, c in self.gaps)
        return (
            f"{len(self.gaps)} ticks, GUI thread busiest {cpu * 1000:.0f} ms in one gap "
            f"(longest wall-clock gap {wall * 1000:.0f} ms)"
        )
