"""Measures how long the GUI event loop goes without running a 10 ms timer.

A gap is the wall time between two ticks. On a shared, loaded machine the whole process can be
descheduled for a while, which no code of ours can prevent, so each gap also records the GUI
thread's own CPU time: a *stall* is a gap over the limit during which the GUI thread itself was
busy for at least half the limit (our code held the loop), not one where it was simply not
given a CPU.
"""

from __future__ import annotations

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
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())
        self.gaps.append((now[0] - self._last[0], now[1] - self._last[1]))
        self._last = now

    def stalls(self, limit: float = 0.1) -> list[tuple[float, float]]:
        return [(wall, cpu) for wall, cpu in self.gaps if wall > limit and cpu > limit / 2]

    def summary(self) -> str:
        wall = max(w for w, _ in self.gaps)
        cpu = max(c for _, c in self.gaps)
        return (
            f"{len(self.gaps)} ticks, longest gap {wall * 1000:.0f} ms, busiest {cpu * 1000:.0f} ms"
        )
