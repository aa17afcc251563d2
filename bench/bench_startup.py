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
    xvfb-run -a python bench/bench_startup.py --simulator --thonny PYTHON  # beside Thonny's >>>

With --simulator: `hotaru --port simulator` is timed to its ready prompt (the console shows the
simulator's ">>>" and the status bar names the board), and IDLE_SECONDS later its memory and
its child processes' are read with psutil: RSS, USS and PSS (see memory_of; PSS summed is the
honest "memory in all" and the figure the 120 MB goal is judged by). A plain `hotaru` is timed to
the same ready prompt (it picks the simulator when no board is plugged in; run the bench with
none). The floor is measured in the same run: a bare PySide6 window beside a bare Node.js that
loaded MicroPython's WebAssembly package in a worker thread (_FLOOR), what any app built this
way holds before its own code does anything; Hotaru's share is what it holds above that. With
--thonny too, Thonny is timed to the ">>>" of its shell (its back end started and answering)
and measured the same.

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
from typing import Any

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

# With --simulator: Hotaru started as `hotaru --port simulator` (the window, the virtual
# board's Node.js and MicroPython, the session opened on it). The probe wraps ide.app.run, so
# everything before it (the entry point's argument parsing, the simulator's early start) runs
# in the order `python main.py --port simulator` runs it, before Qt is imported. It reports
# "prompt" when the console's text shows the simulator's ">>>", "connected" when the status bar
# names the board (set when the session is open), "ready" once both hold (the ready prompt).
# Then, after IDLE seconds at rest, the bench reads its memory (memory_of).
IDLE_SECONDS = 3.0

_HOTARU_SIM = (
    """
import os, sys
sys.path.insert(0, {root!r})

def say(word):
    sys.stdout.write(word + "\\n")
    sys.stdout.flush()

import ide.app

_run = ide.app.run

def run(argv=None, port=None):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(argv)
    seen = set()

    found = {{}}  # the console and the status bar's board label, once they exist

    def poll():
        if len(found) < 2:  # (walking every widget each time would slow what is measured)
            from ide.ui.board.connection import SessionStatus
            from ide.ui.console.widget import ConsoleWidget

            for w in app.allWidgets():
                if isinstance(w, ConsoleWidget):
                    found["console"] = w
                if isinstance(w, SessionStatus):
                    found["status"] = w
        if "console" in found and ">>>" in found["console"].toPlainText():
            seen.add("prompt")
        if "status" in found and found["status"].board_label.text():
            seen.add("connected")  # set by the connected signal, with the board's name
        for word in ("prompt", "connected"):
            if word in seen and word not in said:
                said.add(word)
                say(word)
        if {{"prompt", "connected"}} <= seen:
            say("ready")
            timer.stop()

    said = set()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    return _run(argv, port)

ide.app.run = run
from ide.__main__ import main
main({args!r})
"""
)

# Thonny to the ">>>" of its shell (its back end, a separate Python process, started and
# answering), then its memory with that back end, as for Hotaru.
_THONNY_SIM = (
    """
import os, sys, tkinter
_init = tkinter.Tk.__init__
def init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    def poll():
        try:
            from thonny import get_workbench
            text = get_workbench().get_view("ShellView", create=False).text.get("1.0", "end")
        except Exception:
            text = ""
        if ">>>" in text:
            sys.stdout.write("prompt\\nconnected\\nready\\n")
            sys.stdout.flush()
        else:
            self.after(2, poll)
    self.after(2, poll)
tkinter.Tk.__init__ = init
sys.argv = ["thonny"]
from thonny import launch
launch()
"""
)

# With --simulator: the floor under the memory goal, what any app built this way holds before
# its own code does anything: a bare PySide6 window (as "bare") beside a bare Node.js that has
# loaded MicroPython's WebAssembly package in a worker thread (the simulator's interpreter runs
# in one, so that the host thread can raise KeyboardInterrupt in a busy loop), with the
# simulator's heap size and allocator settings, read at the same idle point. "ready" once both
# are up and the window has painted.
_FLOOR_JS = """
const { Worker } = require("node:worker_threads");
const w = new Worker(`(async () => {
  const { loadMicroPython } = await import(MODULE_URL);
  const mp = await loadMicroPython({ heapsize: HEAP, stdout: () => {} });
  mp.runPython("import sys");
  require("node:worker_threads").parentPort.postMessage("up");
  // then block, as the simulator's worker does between inputs (else the worker ends here)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
})()`, { eval: true });
w.on("message", () => console.log("up"));
w.on("exit", () => process.exit(3)); // a floor without its interpreter would be too low
setInterval(() => {}, 1 << 30);
"""

_FLOOR = """
import os, subprocess, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

env = dict(os.environ, MALLOC_ARENA_MAX="1", MALLOC_TRIM_THRESHOLD_="131072")
node = subprocess.Popen([{node!r}, "-e", {js!r}], stdout=subprocess.PIPE, env=env, text=True)
assert node.stdout.readline().strip() == "up"

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            sys.stdout.write("ready\\n")
            sys.stdout.flush()
            app.removeEventFilter(self)
        return False

app = QApplication([sys.argv[0]])
probe = FirstPaint()
app.installEventFilter(probe)
window = QMainWindow()
window.setWindowTitle("floor")
window.resize(1100, 720)
window.show()
app.exec()
"""


def floor_code() -> str:
    """_FLOOR for this machine: the simulator's Node.js, MicroPython package and heap size."""
    from ide.simulator import HEAP_BYTES
    from ide.simulator.node_env import micropython_module, node_executable

    js = _FLOOR_JS.replace("MODULE_URL", repr(micropython_module().as_uri()))
    js = js.replace("heapsize: HEAP", f"heapsize: {HEAP_BYTES}")
    return _FLOOR.format(node=node_executable(), js=js)


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
    code: str,
    env: dict[str, str],
    python: str = sys.executable,
    timeout: float = 60.0,
    memory: bool = False,
) -> dict[str, Any]:
    """Seconds from spawning ``python -c code`` to each word it reports ("mapped", "shown",
    "ready", "prompt", "connected"...). With ``memory``, IDLE_SECONDS after "ready" the
    child's memory and its children's (memory_of) under "mem"."""
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
    marks: dict[str, Any] = {}
    watchdog = threading.Timer(timeout, _kill_group, (proc.pid,))  # a child that never shows
    watchdog.start()
    try:
        for line in proc.stdout or ():
            word = line.strip()
            if word in WORDS and word not in marks:
                marks[word] = time.perf_counter() - start
            if "ready" in marks:
                break
        if "ready" not in marks:
            raise RuntimeError("it never got ready (no display? try xvfb-run -a; no simulator?)")
        if memory:
            time.sleep(IDLE_SECONDS)  # at rest: the start-up's garbage collected, threads idle
            marks["mem"] = memory_of(proc.pid)
            marks["mem"]["neighbours"] = [p for p in neighbours() if p not in marks["mem"]["pids"]]
        return marks
    finally:
        watchdog.cancel()
        _kill_group(proc.pid)
        proc.wait(timeout=timeout)


def memory_of(pid: int) -> dict[str, Any]:
    """Memory of process ``pid`` and of its child processes (Node.js, Thonny's back end), in
    bytes. RSS counts every page a process has mapped in, shared libraries included, once per
    process, so a sum over processes counts what they share twice; USS is what a process alone
    holds (given back when it ends); PSS shares each shared page out among the processes mapping
    it, so PSS summed over processes is the honest "memory in all"."""
    import psutil  # the bench's own Python has it (a dependency of hotaru-ide)

    me = psutil.Process(pid)
    kids = me.children(recursive=True)

    def total(procs: list[psutil.Process]) -> dict[str, int]:
        out = {"rss": 0, "uss": 0, "pss": 0}
        for proc in procs:
            full = proc.memory_full_info()
            for key in out:
                out[key] += getattr(full, key)
        return out

    return {
        "own": total([me]),
        "children": total(kids),
        "count": len(kids),
        "pids": [me.pid, *(kid.pid for kid in kids)],
    }


def neighbours() -> list[int]:
    """Other processes mapping Qt's core library or a Node.js (Linux): PSS shares pages out
    among the processes mapping them, so with such neighbours it reads low (a bench beside a
    test run or another IDE halved it)."""
    found = []
    for maps in Path("/proc").glob("[0-9]*/maps"):
        pid = int(maps.parent.name)
        if pid == os.getpid():
            continue
        try:
            text = maps.read_text(errors="replace")
        except OSError:
            continue
        if "libQt6Core" in text or "/node\n" in text:
            found.append(pid)
    return found


WORDS = ("first", "mapped", "shown", "ready", "prompt", "connected")


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
    sim_code = _HOTARU_SIM.format(root=str(ROOT), args=["--port", "simulator"])
    # a plain `hotaru` with no board plugged in (it picks the simulator: the same prompt)
    plain_code = _HOTARU_SIM.format(root=str(ROOT), args=[])
    thonny_sim_code = _THONNY_SIM
    floor = floor_code() if args.simulator else ""
    with_thonny_prompt = bool(args.simulator and args.thonny)

    # one untimed run each: .pyc files written, disk cache warm (as for every start but the first)
    time_once(bare_code, env)
    time_once(hotaru_code, env)
    if args.thonny:
        time_once(_THONNY, thonny_env, python=args.thonny)
    if args.simulator:
        time_once(sim_code, env)
        time_once(plain_code, env)
        time_once(floor, env)
    if with_thonny_prompt:
        time_once(thonny_sim_code, thonny_env, python=args.thonny)
    runs: dict[str, list[float]] = {}
    memory: dict[str, list[dict[str, Any]]] = {}

    def add(name: str, marks: dict[str, Any], *words: str) -> None:
        for word in words:
            runs.setdefault(f"{name} {word}", []).append(marks[word])
        if "mem" in marks:
            memory.setdefault(name, []).append(marks["mem"])

    for _ in range(args.runs):  # alternating, so all see the same machine load
        add("bare", time_once(bare_code, env), "shown")
        add("hotaru", time_once(hotaru_code, env), "mapped", "shown", "ready")
        if args.simulator:
            add("sim", time_once(sim_code, env, memory=True), "prompt", "connected", "ready")
            add("plain", time_once(plain_code, env), "ready")
            marks = time_once(floor, env, memory=True)
            assert marks["mem"]["count"] == 1, "the floor's Node.js ended before it was measured"
            add("floor", marks)
        if args.thonny:
            marks = time_once(_THONNY, thonny_env, python=args.thonny)
            add("thonny", marks, "first", "mapped", "shown")
        if with_thonny_prompt:
            marks = time_once(thonny_sim_code, thonny_env, python=args.thonny, memory=True)
            add("thonny-sim", marks, "ready")

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
        "sim prompt": "Hotaru console shows the sim's >>>",
        "sim connected": "Hotaru status bar names the board",
        "sim ready": "Hotaru ready prompt (both)",
        "plain ready": "plain `hotaru`, no board: ready",
        "thonny-sim ready": "Thonny shell shows its >>>",
    }
    for key, label in labels.items():
        if key in runs:
            report(label, runs[key], reference)
    shown = statistics.median(runs["hotaru shown"])
    if args.thonny:
        for key in ("thonny first", "thonny mapped", "thonny shown"):
            ratio = shown / statistics.median(runs[key])
            print(f"  Hotaru painted / {labels[key]:<29}: {ratio:.2f}x (same run)")
    else:
        ratio = shown / THONNY_SECONDS
        print(f"  Hotaru painted / Thonny 5's 0.29 s: {ratio:.2f}x (--thonny PYTHON: same run)")
    if args.simulator:
        ready = statistics.median(runs["sim ready"])
        print(f"  Hotaru ready prompt / goal 0.6 s: {ready / 0.6:.2f}x")
        if with_thonny_prompt:
            ratio = ready / statistics.median(runs["thonny-sim ready"])
            print(f"  Hotaru ready prompt / Thonny shell's >>>: {ratio:.2f}x (same run)")
        print(f"idle memory {IDLE_SECONDS:.0f} s after the ready prompt (MB, median):")
        others = sorted({p for m in memory.values() for s in m for p in s["neighbours"]})
        if others:
            print(
                f"  WARNING: {len(others)} other processes mapped Qt or Node.js meanwhile (pids "
                f"{', '.join(map(str, others[:8]))}): PSS was shared with them and reads low"
            )
        for name, label in (
            ("sim", "Hotaru + simulator"),
            ("floor", "floor (see below)"),
            ("thonny-sim", "Thonny + back end"),
        ):
            if name in memory:
                report_memory(label, memory[name])
        ours = statistics.median(m["own"]["pss"] + m["children"]["pss"] for m in memory["sim"])
        base = statistics.median(m["own"]["pss"] + m["children"]["pss"] for m in memory["floor"])
        print(
            "  floor: a bare PySide6 window + a bare Node.js running MicroPython in a worker;\n"
            f"  Hotaru's own share above it {(ours - base) / 2**20:.1f} MB PSS; the 120 MB goal "
            f"leaves it {(120 * 2**20 - base) / 2**20:.1f} MB"
        )
        if with_thonny_prompt:
            theirs = statistics.median(
                m["own"]["pss"] + m["children"]["pss"] for m in memory["thonny-sim"]
            )
            print(f"  Hotaru / Thonny, PSS in all: {ours / theirs:.2f}x (same run)")
    if args.breakdown:
        breakdown(env, args.runs)
    return 0


def report_memory(label: str, samples: list[dict[str, Any]]) -> None:
    """One line per kind (RSS, USS, PSS): the app, its child processes, the sum."""
    for kind in ("rss", "uss", "pss"):
        own = statistics.median(m["own"][kind] for m in samples) / 2**20
        kids = statistics.median(m["children"][kind] for m in samples) / 2**20
        both = statistics.median(m["own"][kind] + m["children"][kind] for m in samples) / 2**20
        note = "  <- the goal's measure (120 MB)" if kind == "pss" and "Hotaru" in label else ""
        print(
            f"  {label:<19} {kind.upper()}: {own:5.1f} + children {kids:5.1f} = {both:5.1f}{note}"
        )


if __name__ == "__main__":
    sys.exit(main())
