"""Start-up benchmark: process start to Hotaru's main window on screen, beside a bare window.

Each run starts a fresh Python process and times it from just before the process is spawned
until the process reports the first paint of its main window. "bare" is a QApplication with an
empty QMainWindow (the floor any PySide6 app pays); "hotaru" is the real entry point
(`ide.__main__.main`, the code `python main.py` runs), timed twice: its main window shown (menus,
toolbar, editor with the cursor in it, the empty Files and console docks) and its console and
Files pane painted (filled in just after the first paint). With --thonny PYTHON, Thonny (from a
Python that has it installed, e.g. a venv with `pip install thonny`) is timed in the same run,
to its first Expose event. All alternate, so they see the same machine load; figures are medians
of --runs runs.

    xvfb-run -a python bench/bench_startup.py            # 7 runs each
    xvfb-run -a python bench/bench_startup.py --breakdown   # and CPU time per start-up step
    xvfb-run -a python bench/bench_startup.py --runs 15 --thonny /tmp/thonny-venv/bin/python
    python bench/bench_startup.py --runs 15 --platform offscreen
    xvfb-run -a python bench/bench_startup.py --simulator   # and to the simulator's >>>, memory

Reference: Thonny 5 opens its window in 0.29 s (median, same machine, Xvfb: the issue's figure).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THONNY_SECONDS = 0.29

# The child reports on stdout: "mapped" when the window system first shows (exposes) the main
# window, "shown" at the first paint of the QMainWindow; with READY set to class names, it goes
# on until a widget of each has painted too ("ready"), then leaves at once.
_PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow

READY = set({ready!r})

def say(word):
    sys.stdout.write(word + "\\n")
    sys.stdout.flush()

class FirstPaint(QObject):
    mapped = shown = False
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.Expose and not self.mapped and isinstance(obj, QWindow):
            self.mapped = True
            say("mapped")
        if kind != QEvent.Type.Paint:
            return False
        if not self.shown and isinstance(obj, QMainWindow):
            self.shown = True
            say("shown")
        READY.discard(type(obj).__name__)
        if self.shown and not READY:
            say("ready")
            os._exit(0)
        return False

app = QApplication([sys.argv[0]])
probe = FirstPaint()
app.installEventFilter(probe)
"""

# Thonny (Tk): "first" at the first Map event of any of its widgets (its menu bar, mapped while
# the window itself is not on screen yet), "mapped" at the Map event of its main window (on
# screen, not drawn yet), "shown"
# at the first Expose, when Tk can draw it (its menu bar, in a window already titled and
# filled). Run with a Python that has thonny installed.
_THONNY = """
import os, sys, tkinter
_init = tkinter.Tk.__init__
def init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    def mapped(event):  # its own Map, not that of a child (the menu bar maps much earlier)
        if not getattr(self, "_bench_first", False):
            self._bench_first = True
            sys.stdout.write("first\\n")
            sys.stdout.flush()
        if event.widget is self and not getattr(self, "_bench_mapped", False):
            self._bench_mapped = True
            sys.stdout.write("mapped\\n")
            sys.stdout.flush()
    def shown(event):
        sys.stdout.write("mapped\\nshown\\nready\\n")
        sys.stdout.flush()
        os._exit(0)
    self.bind_all("<Map>", mapped, add="+")
    self.bind_all("<Expose>", shown, add="+")
tkinter.Tk.__init__ = init
sys.argv = ["thonny"]
from thonny import launch
launch()
"""

_BARE = (
    _PROBE.format(ready=())
    + """
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)
window.show()
app.exec()
"""
)

# "ready": the console and the Files pane, filled in just after the first paint, have painted
_HOTARU = (
    _PROBE.format(ready=("ConsoleWidget", "FilesPane"))
    + """
sys.path.insert(0, {root!r})
from ide.__main__ import main
main([])
"""
)

# "prompt": the console shows the simulator's ">>>" (Hotaru started with --port simulator: the
# window, the virtual board's Node.js, MicroPython's banner); then, after IDLE seconds at rest,
# "mem <Hotaru RSS> <its child processes' RSS>" in bytes (psutil), and it leaves.
IDLE_SECONDS = 3.0
_HOTARU_SIM = (
    _PROBE.format(ready=("NeverPaints",))
    + """
import psutil
from PySide6.QtCore import QTimer
from ide.ui.console.widget import ConsoleWidget

def poll():
    for w in app.allWidgets():
        if isinstance(w, ConsoleWidget) and ">>>" in w.toPlainText():
            say("prompt")
            timer.stop()
            QTimer.singleShot(int({idle} * 1000), memory)
            return

def memory():
    me = psutil.Process()
    kids = sum(c.memory_info().rss for c in me.children(recursive=True))
    say(f"mem {{me.memory_info().rss}} {{kids}}")
    for c in me.children(recursive=True):
        c.kill()
    os._exit(0)

timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
sys.path.insert(0, {root!r})
from ide.__main__ import main
main(["--port", "simulator"])
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
from ide.ui.settings.language import install_translators
install_translators(app)
mark("translators")
import ide.ui.editor
mark("import editor (Scintilla)")
from ide.ui.window.main_window import MainWindow
mark("import main window")
window = MainWindow()
mark("build the window")
window.show()
app.processEvents()
mark("show and first paint")
window.build_panes()
app.processEvents()
mark("then: console and Files")
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


def time_once(
    code: str, env: dict[str, str], python: str = sys.executable, timeout: float = 60.0
) -> dict[str, float]:
    """Seconds from spawning ``python -c code`` to its first "mapped", "shown" and "ready"."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
        start_new_session=True,  # Thonny starts a back-end process: it goes with the group
    )
    marks: dict[str, float] = {}
    watchdog = threading.Timer(timeout, _kill_group, (proc.pid,))  # a child that never shows
    watchdog.start()
    try:
        for line in proc.stdout or ():
            word = line.strip()
            if word in ("first", "mapped", "shown", "ready", "prompt") and word not in marks:
                marks[word] = time.perf_counter() - start
            if word.startswith("mem "):  # bytes, not seconds: after the prompt, at rest
                own, kids = word.split()[1:]
                marks["mem"], marks["mem children"] = float(own), float(kids)
                break
            if "ready" in marks:
                break
        if "mem" in marks:
            return marks
        if not {"mapped", "shown", "ready"} <= marks.keys():
            raise RuntimeError("the window never showed (is there a display? try xvfb-run -a)")
        return marks
    finally:
        watchdog.cancel()
        _kill_group(proc.pid)
        proc.wait(timeout=timeout)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def thonny_home() -> str:
    """A Thonny settings folder that skips its first-run dialog (English, one instance each)."""
    folder = tempfile.mkdtemp(prefix="thonny-bench-")
    Path(folder, "configuration.ini").write_text(
        "[general]\nlanguage = en_US\nsingle_instance = False\n", encoding="utf-8"
    )
    return folder


def report(name: str, times: list[float], reference: float) -> None:
    median = statistics.median(times)
    print(f"  {name:<34}: {median:.3f} s  (min {min(times):.3f})  {median / reference:.2f}x bare")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", help="QT_QPA_PLATFORM for the children (e.g. offscreen)")
    parser.add_argument("--breakdown", action="store_true", help="also time each start-up step")
    parser.add_argument(
        "--simulator",
        action="store_true",
        help="also time process start to the simulator's >>> in the console, and idle memory",
    )
    parser.add_argument(
        "--thonny", metavar="PYTHON", help="a Python with thonny installed: time Thonny too"
    )
    args = parser.parse_args()

    env = dict(os.environ)
    if args.platform:
        env["QT_QPA_PLATFORM"] = args.platform
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as for an installed app
    homes = [tempfile.mkdtemp(prefix="hotaru-bench-")]
    env["HOTARU_CONFIG_DIR"] = homes[0]  # a first start
    thonny_env = env
    try:
        if args.thonny:
            homes.append(thonny_home())
            thonny_env = dict(env, THONNY_USER_DIR=homes[-1])
        return measure(args, env, thonny_env)
    finally:
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)


def measure(args: argparse.Namespace, env: dict[str, str], thonny_env: dict[str, str]) -> int:
    """Time the start-ups as ``args`` ask and print the figures."""
    bare_code = _BARE
    hotaru_code = _HOTARU.format(root=str(ROOT))

    # one untimed run each: .pyc files written, disk cache warm (as for every start but the first)
    time_once(bare_code, env)
    time_once(hotaru_code, env)
    if args.thonny:
        time_once(_THONNY, thonny_env, python=args.thonny)
    runs: dict[str, list[float]] = {}

    def add(name: str, marks: dict[str, float], *words: str) -> None:
        for word in words:
            runs.setdefault(f"{name} {word}", []).append(marks[word])

    sim_code = _HOTARU_SIM.format(root=str(ROOT), idle=IDLE_SECONDS)
    if args.simulator:
        time_once(sim_code, env)
    for _ in range(args.runs):  # alternating, so all see the same machine load
        add("bare", time_once(bare_code, env), "shown")
        add("hotaru", time_once(hotaru_code, env), "mapped", "shown", "ready")
        if args.simulator:
            add("sim", time_once(sim_code, env), "prompt", "mem", "mem children")
        if args.thonny:
            marks = time_once(_THONNY, thonny_env, python=args.thonny)
            add("thonny", marks, "first", "mapped", "shown")

    reference = statistics.median(runs["bare shown"])
    platform = env.get("QT_QPA_PLATFORM") or ("xcb" if env.get("DISPLAY") else "default")
    print(f"process start to window on screen, median of {args.runs} runs (platform {platform})")
    labels = {
        "bare shown": "bare PySide6 window painted",
        "hotaru mapped": "Hotaru window mapped",
        "hotaru shown": "Hotaru window painted",
        "hotaru ready": "Hotaru console and Files painted",
        "thonny first": "Thonny's menu bar mapped",
        "thonny mapped": "Thonny window mapped",
        "thonny shown": "Thonny window drawn (Expose)",
    }
    for key, label in labels.items():
        if key in runs:
            report(label, runs[key], reference)
    if args.simulator:
        report("Hotaru console shows the sim's >>>", runs["sim prompt"], reference)
        own = statistics.median(runs["sim mem"]) / 2**20
        kids = statistics.median(runs["sim mem children"]) / 2**20
        print(
            f"  idle memory {IDLE_SECONDS:.0f} s after the prompt (RSS, median): Hotaru "
            f"{own:.0f} MB + simulator {kids:.0f} MB = {own + kids:.0f} MB"
        )
    shown = statistics.median(runs["hotaru shown"])
    if args.thonny:
        for key in ("thonny first", "thonny mapped", "thonny shown"):
            ratio = shown / statistics.median(runs[key])
            print(f"  Hotaru painted / {labels[key]:<29}: {ratio:.2f}x (same run)")
    else:
        ratio = shown / THONNY_SECONDS
        print(f"  Hotaru painted / Thonny 5's 0.29 s: {ratio:.2f}x (--thonny PYTHON: same run)")
    if args.breakdown:
        breakdown(env, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
