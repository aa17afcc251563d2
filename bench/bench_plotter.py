"""Plotter benchmark: how much GUI-thread time the live plot costs per frame.

The real path, without a board: bytes as a program prints them go into the ConsoleWidget,
whose finished lines reach the PlotterPane (parse, then one pyqtgraph redraw per frame),
with the pane shown. A 10 ms timer feeds ``--rate`` lines a second, each with ``--series``
named values ("t: 21.5 h: 40.1 ..."), for ``--seconds``; a 10 ms probe records the GUI
thread's own CPU time between its ticks (what a user would feel as a stall).

    QT_QPA_PLATFORM=offscreen python bench/bench_plotter.py
    python bench/bench_plotter.py --rate 5000 --series 5

Prints points per second taken, redraws per second, the GUI-thread time of one redraw
(median and worst), of one plotter frame (parse the lines waiting, then redraw) and the
worst gap between probe ticks (that one includes the console's own drawing). Goal: at
least 1,000 points/s with no gap above ~20 ms of GUI-thread work.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QSplitter  # noqa: E402

from ide.ui.console.widget import ConsoleWidget  # noqa: E402
from ide.ui.plotter.pane import PlotterPane  # noqa: E402


def run(rate: int, series: int, seconds: float, plotter: bool) -> None:
    """Feed the console for ``seconds`` (with the plotter shown, or the console alone) and
    print the figures."""
    app = QApplication.instance() or QApplication([])
    host = QSplitter()
    console = ConsoleWidget(host)
    pane = PlotterPane(host)
    pane.setVisible(plotter)
    host.resize(1200, 400)
    host.show()
    app.processEvents()
    console.feed(b"warm-up 1\r\n")  # pyte's import (the console's first bytes): not measured
    console.flush_now()
    console.repl_mode = False  # a program runs

    frame_costs: list[float] = []  # parse + redraw, one per frame

    def timed_frame() -> None:
        started = time.thread_time()
        pane._on_frame()
        frame_costs.append(time.thread_time() - started)

    if plotter:
        assert pane.view is not None
        console.lines_finished.connect(pane.take_lines)
        pane._frame.timeout.disconnect()
        pane._frame.timeout.connect(timed_frame)

    names = ["t", "h", "light", "x", "y", "z", "a", "b", "c", "d"][:series]
    sent = [0]
    start = time.perf_counter()

    def feed() -> None:
        due = int((time.perf_counter() - start) * rate) - sent[0]
        out = []
        for i in range(sent[0], sent[0] + due):
            out.append(" ".join(f"{n}: {math.sin(i / 50 + k):.3f}" for k, n in enumerate(names)))
        sent[0] += due
        if out:
            console.feed(("\r\n".join(out) + "\r\n").encode())

    feeder = QTimer()
    feeder.setInterval(10)
    feeder.timeout.connect(feed)
    gaps: list[float] = []
    last = [time.thread_time()]

    def probe() -> None:
        now = time.thread_time()
        gaps.append(now - last[0])
        last[0] = now

    prober = QTimer()
    prober.setInterval(10)
    prober.timeout.connect(probe)
    feeder.start()
    prober.start()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    feeder.stop()
    prober.stop()
    elapsed = time.perf_counter() - start
    ms = 1000.0
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99)]
    if not plotter:
        print(
            f"console alone: {sent[0] / elapsed:,.0f} lines/s, worst probe gap "
            f"{gaps[-1] * ms:.1f} ms of GUI-thread work (99th percentile {p99 * ms:.1f} ms)"
        )
        host.close()
        return
    console.flush_now()
    pane.flush()
    points = sum(len(s.ys) for s in pane.data.series)
    assert pane.view is not None
    frames = pane.view.frame_costs
    print(f"lines fed            {sent[0]} in {elapsed:.1f} s ({series} values a line)")
    print(f"points taken         {points}  ({points / elapsed:,.0f} points/s)")
    print(f"redraws              {len(frames)}  ({len(frames) / elapsed:.0f}/s)")
    print(
        f"redraw (GUI thread)  median {statistics.median(frames) * ms:.2f} ms, "
        f"worst {max(frames) * ms:.2f} ms"
    )
    print(
        f"frame parse+redraw   median {statistics.median(frame_costs) * ms:.2f} ms, "
        f"worst {max(frame_costs) * ms:.2f} ms ({len(frame_costs)} frames)"
    )
    print(f"worst probe gap      {gaps[-1] * ms:.1f} ms of GUI-thread work, 99th percentile "
          f"{p99 * ms:.1f} ms (console drawing included; goal <= ~20 ms)")  # fmt: skip
    host.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=int, default=2000, help="lines per second")
    parser.add_argument("--series", type=int, default=3, help="values per line")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    run(args.rate, args.series, args.seconds, plotter=False)
    run(args.rate, args.series, args.seconds, plotter=True)


if __name__ == "__main__":
    main()
