"""Start-up benchmark: process start to Hotaru's main window on screen, beside a bare window.

Each run starts a fresh Python process and times it from just before the process is spawned
until the process reports the first paint of its main window. "bare" is a QApplication with an
empty QMainWindow (the floor any PySide6 app pays); "hotaru" is the real entry point
(`ide.__main__.main`, the code `python main.py` runs). The two alternate, so both see the same
machine load; figures are medians of --runs runs.

    xvfb-run -a python bench/bench_startup.py            # 7 runs each
    xvfb-run -a python bench/bench_startup.py --breakdown   # and CPU time per start-up step
    python bench/bench_startup.py --runs 15 --platform offscreen

Reference: Thonny 5 opens its window in 0.29 s (median, same machine, Xvfb).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THONNY_SECONDS = 0.29

# The child reports the first paint of a QMainWindow on stdout, then leaves at once.
_PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            sys.stdout.write("shown\\n")
            sys.stdout.flush()
            os._exit(0)
        return False

app = QApplication([sys.argv[0]])
probe = FirstPaint()
app.installEventFilter(probe)
"""

_BARE = (
    _PROBE
    + """
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)
window.show()
app.exec()
"""
)

_HOTARU = (
    _PROBE
    + """
sys.path.insert(0, {root!r})
from ide.__main__ import main
main([])
"""
)


_BREAKDOWN = """
import sys, time
sys.path.insert(0, {root!r})
clock = time.process_time
marks = [("start", clock())]
def mark(name):
    marks.append((name, clock()))
from PySide6.QtWidgets import QApplication
mark("import Qt widgets")
app = QApplication([sys.argv[0]])
mark("QApplication")
from ide.ui.language import install_translators
install_translators(app)
mark("translators")
import ide.ui.editor
mark("import editor (Scintilla)")
import ide.ui.files
mark("import Files pane")
import ide.ui.console_panel
mark("import console")
from ide.ui.main_window import MainWindow
mark("import main window")
window = MainWindow()
mark("build the window")
window.show()
app.processEvents()
mark("show and paint")
for (name, t), (_, before) in zip(marks[1:], marks[:-1]):
    print(f"{{name}}\t{{1000 * (t - before):.0f}}")
"""


def breakdown(env: dict[str, str], runs: int) -> None:
    """CPU time per start-up step in one process (min of ``runs``: load adds, never removes)."""
    code = _BREAKDOWN.format(root=str(ROOT))
    best: dict[str, float] = {}
    order: list[str] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
            timeout=60, check=True,
        )  # fmt: skip
        for line in out.stdout.splitlines():
            name, ms = line.split("\t")
            if name not in best:
                order.append(name)
            best[name] = min(best.get(name, float("inf")), float(ms))
    print(f"CPU time per step, min of {runs} runs (ms):")
    for name in order:
        print(f"  {name:<28} {best[name]:6.0f}")


def time_once(code: str, env: dict[str, str], timeout: float = 60.0) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        elapsed = time.perf_counter() - start
        if line.strip() != "shown":
            raise RuntimeError("the window never showed (is there a display? try xvfb-run -a)")
        return elapsed
    finally:
        proc.kill()
        proc.wait(timeout=timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", help="QT_QPA_PLATFORM for the children (e.g. offscreen)")
    parser.add_argument("--breakdown", action="store_true", help="also time each start-up step")
    args = parser.parse_args()

    env = dict(os.environ)
    if args.platform:
        env["QT_QPA_PLATFORM"] = args.platform
    env["HOTARU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hotaru-bench-")  # a first start
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as for an installed app
    bare_code = _BARE
    hotaru_code = _HOTARU.format(root=str(ROOT))

    # one untimed run each: .pyc files written, disk cache warm (as for every start but the first)
    time_once(bare_code, env)
    time_once(hotaru_code, env)
    bare, hotaru = [], []
    for _ in range(args.runs):
        bare.append(time_once(bare_code, env))
        hotaru.append(time_once(hotaru_code, env))

    bare_median = statistics.median(bare)
    hotaru_median = statistics.median(hotaru)
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "default")
    print(f"start-up to first paint, median of {args.runs} runs (platform {platform})")
    print(f"  bare PySide6 window : {bare_median:.3f} s  (min {min(bare):.3f})")
    print(f"  Hotaru main window  : {hotaru_median:.3f} s  (min {min(hotaru):.3f})")
    print(f"  Hotaru / bare       : {hotaru_median / bare_median:.2f}x")
    print(f"  Hotaru / Thonny 5   : {hotaru_median / THONNY_SECONDS:.2f}x  (Thonny: 0.29 s)")
    if args.breakdown:
        breakdown(env, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
