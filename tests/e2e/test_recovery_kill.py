"""End to end: the real IDE is killed with SIGKILL after typing; the next start offers it back.

Both runs are the real `hotaru` command line (ide.__main__.main) under the offscreen platform
(or xcb: `QT_QPA_PLATFORM=xcb xvfb-run -a ...`),
connected to the simulator (never a real board). A small driver wrapped around it plays the
user: it types with QTest key clicks and answers the recovery dialog. Nothing in the IDE
knows it is being tested: the copies are made by the real autosave path.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_DRIVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
MODE, SCRIPT = sys.argv[1], sys.argv[2]

def say(*words):
    print(json.dumps(words, ensure_ascii=False), flush=True)

def window():
    from ide.ui.window.main_window import MainWindow
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

def type_text():  # first run: what a user does after File > Open and File > New
    w = window()
    if w is None or not w.isVisible():
        return QTimer.singleShot(20, type_text)
    tabs = w.editor_tabs
    editor = tabs.open_local(SCRIPT)
    QTest.keyClicks(editor, "# typed before the crash ")
    QTest.keyClicks(tabs.new_file(), "print('never saved')")
    say("typed")

def answer():  # second run: the recovery dialog, then a clean exit
    from ide.ui.editor.recovery_dialog import RecoveryDialog
    w = window()
    dialog = w.findChild(RecoveryDialog) if w is not None else None
    if dialog is None or not dialog.isVisible():
        return QTimer.singleShot(20, answer)
    for entry in dialog.entries:
        say("offered", entry.info.title, entry.info.local_path, entry.text())
    dialog.restore_button.click()
    tabs = w.editor_tabs
    for e in tabs.editors():
        doc = tabs.document(e)
        say("tab", tabs.tab_title(e), doc.local_path and str(doc.local_path), e.text(), e.modify())
    tabs.ask_save_changes = lambda name: "discard"
    w.close()

QTimer.singleShot(0, type_text if MODE == "type" else answer)
from ide.__main__ import main
sys.exit(main(["--port", "simulator"]))
"""


def _start(mode: str, script: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _DRIVER, mode, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its simulator (node) shares its process group: cleaned up
    )


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _copies(data: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in data.glob("recovery/*/*.txt")]


@pytest.mark.timeout(180)
def test_kill_9_then_the_next_start_offers_the_text_back(tmp_path: Path) -> None:
    script = tmp_path / "blink.py"
    script.write_text("led.toggle()\n", encoding="utf-8")
    data = tmp_path / "data"
    env = dict(
        os.environ,
        # offscreen unless the run asks for another (xvfb-run with QT_QPA_PLATFORM=xcb)
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONPATH=str(ROOT),
        HOTARU_CONFIG_DIR=str(tmp_path / "config"),
        HOTARU_DATA_DIR=str(data),
        HOTARU_LANGUAGE="en",
    )
    typed = "# typed before the crash led.toggle()\n"
    first = _start("type", script, env)
    try:
        assert first.stdout is not None
        assert json.loads(first.stdout.readline()) == ["typed"]
        # wait for the copies themselves (the autosave's 2 s debounce); a hang guard only
        deadline = time.monotonic() + 90
        while sorted(_copies(data)) != sorted([typed, "print('never saved')"]):
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, _copies(data)
            time.sleep(0.05)
        while len(list(data.glob("recovery/*/*.json"))) < 2:  # each sidecar follows its text
            time.sleep(0.05)
        os.kill(first.pid, signal.SIGKILL)  # the crash: no clean-up code runs
        assert first.wait() == -signal.SIGKILL
    finally:
        _kill_group(first)  # the simulator it started
    assert script.read_text(encoding="utf-8") == "led.toggle()\n"  # nothing saved

    second = _start("answer", script, env)
    try:
        out, err = second.communicate(timeout=120)
    finally:
        _kill_group(second)
    assert second.returncode == 0, err
    said = [json.loads(line) for line in out.splitlines()]
    offered = sorted(s[1:] for s in said if s[0] == "offered")
    assert offered == sorted(
        [
            ["blink.py", str(script.resolve()), typed],
            ["untitled-2.py", None, "print('never saved')"],
        ]
    )
    tabs = sorted(s[1:] for s in said if s[0] == "tab")
    assert ["blink.py *", str(script.resolve()), typed, True] in tabs  # Save goes to the original
    assert ["untitled-2.py *", None, "print('never saved')", True] in tabs
    # restored, then closed cleanly (Discard): nothing is left to offer, the file untouched
    assert list((data / "recovery").iterdir()) == []
    assert script.read_text(encoding="utf-8") == "led.toggle()\n"
