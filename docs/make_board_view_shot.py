"""Make docs/board-view.png: the Board view beside the editor while the Pico's LED blinks.

    xvfb-run -a python docs/make_board_view_shot.py [--language ja] [--theme dark] [--out FILE]

Connects to the built-in simulator (a Raspberry Pi Pico), runs the blink example, waits until
the Board view has shown itself with the LED lit and grabs the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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
    parser.add_argument("--theme", default="light")
    parser.add_argument("--board", default="pico", choices=("pico", "esp32"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "board-view.png"))
    args = parser.parse_args()
    os.environ["HOTARU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hotaru-shot-")
    os.environ.setdefault("HOTARU_SIM_FLASH", ":memory:")

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from ide.ui.settings.language import install_translators

    install_translators(app, args.language)
    from ide.ui.window.main_window import MainWindow

    window = MainWindow()
    from ide.ui.settings.appearance import apply_to_application

    apply_to_application(args.theme)
    window.resize(1280, 900)
    window.editor_tabs.ask_save_changes = lambda name: "discard"
    window.show()
    name = "blink_pico.py" if args.board == "pico" else "blink_esp32.py"
    code = (ROOT / "resources" / "examples" / name).read_text(encoding="utf-8")
    window.editor_tabs.new_file(code, name=name)
    wait(app, 0.5)
    controller = window.controller
    controller.simulated_board = args.board
    controller.connect_port("simulator")
    if not wait(app, 60, lambda: controller.state == "idle"):
        print("the simulator did not start", file=sys.stderr)
        return 1
    controller.run_program(code)
    pane = window.pane("board_view")
    led = "25" if args.board == "pico" else "2"
    if not wait(app, 20, lambda: pane.isVisible() and pane.state.brightness(led) == 1.0):
        print("the board view did not light the LED", file=sys.stderr)
        return 1
    wait(app, 0.1)
    window.grab().save(args.out)
    controller.stop()
    wait(app, 2, lambda: controller.state == "idle")
    controller.shutdown()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
