"""The child programs bench_startup.py times: each reports on stdout when it reaches a moment
(its window mapped, painted, the simulator's prompt shown...). Kept apart from the bench's own
timing and reporting."""

from __future__ import annotations

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
# Then, after IDLE_SECONDS at rest, the bench reads its memory (bench_startup.memory_of).

_HOTARU_SIM = """
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

# Thonny to the ">>>" of its shell (its back end, a separate Python process, started and
# answering), then its memory with that back end, as for Hotaru.
_THONNY_SIM = """
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
