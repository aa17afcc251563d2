"""Make docs/screenshot.png: the main window running a script on the simulator.

    xvfb-run -a python docs/make_screenshot.py [--language ja] [--out docs/screenshot.png]

It opens a short LED script in the editor, with a folder of the example scripts under "This
computer" and a board that already holds a main.py and a lib/ folder, connects to the built-in
simulator, presses Run and grabs the window once the program's output is in the console.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCRIPT = """\
# Blink the Pico's LED five times and count out loud.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)

for i in range(1, 6):
    led.toggle()
    print("blink", i)
    time.sleep(0.2)

print("done! press Stop (Ctrl+F2) for endless programs")
"""


def wait(app: object, seconds: float, until: object = None) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if until is not None and until():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return until is None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    args = parser.parse_args()
    os.environ["HOTARU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hotaru-shot-")

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from ide.ui.settings.language import install_translators

    install_translators(app, args.language)
    from ide.ui.window.main_window import MainWindow

    projects = Path(tempfile.mkdtemp(prefix="hotaru-shot-")) / "Documents" / "my_projects"
    shutil.copytree(ROOT / "resources" / "examples", projects)
    (projects / "blink_count.py").write_text(SCRIPT, encoding="utf-8")

    window = MainWindow()
    window.preferences.last_directory = str(projects)  # where "This computer" starts
    window.resize(1180, 760)
    window.editor_tabs.ask_save_changes = lambda name: "discard"
    window.show()
    editor = window.editor_tabs.new_file(SCRIPT, name="blink_count.py")
    editor.set_cursor_position(8, 22)
    wait(app, 0.5)

    controller = window.controller
    if controller is not None:
        controller.connect_port("simulator")
        if not wait(app, 60, lambda: controller.state == "idle"):
            print("the simulator did not connect", file=sys.stderr)
            return 1
        board_files = {"main.py": SCRIPT, "lib/helpers.py": "def hello():\n    print('hi')\n"}

        def put_files(session: object) -> None:
            session.mkdir("/lib")  # type: ignore[attr-defined]
            for name, text in board_files.items():
                session.write_file("/" + name, text)  # type: ignore[attr-defined]

        controller.submit(put_files)
        wait(app, 1.0)
        files = getattr(window, "files_pane", None)
        if files is not None:
            files.refresh()
            wait(app, 1.0)
        window.run_action.trigger()
        console = getattr(window, "console", None)

        def finished() -> bool:
            text = console.toPlainText() if console is not None else ""
            return controller.state == "idle" and "done!" in text

        wait(app, 30, finished)
        wait(app, 0.8)
    window.grab().save(args.out)
    print(args.out)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
