"""Screenshots of Hotaru's screens in Japanese and Simplified Chinese, for checking by eye that
nothing is clipped or drawn as tofu.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/make_screenshots.py [lang ...]

Writes docs/screenshots/<lang>-<screen>.png. Needs Debian's fonts-noto-cjk (tests/system-deps.sh).
Screens whose module is not there yet are listed and skipped.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("HOTARU_CONFIG_DIR", str(HERE / ".config-tmp"))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from ide.text import QT_TRANSLATE_NOOP, message  # noqa: E402
from ide.ui import translate_message  # noqa: E402
from ide.ui.settings import language as lang_ui  # noqa: E402


def settle(app: QApplication, ms: int = 300) -> None:
    done = []
    QTimer.singleShot(ms, lambda: done.append(1))
    while not done:
        app.processEvents()


def save(app: QApplication, widget: QWidget, name: str) -> Path:
    widget.show()
    widget.raise_()
    settle(app)
    path = HERE / name
    widget.grab().save(str(path))
    print("wrote", path.relative_to(HERE.parent.parent))
    return path


SAMPLE = {
    "ja": "# LED を 1 秒ごとに点滅させる\nfrom machine import Pin\nimport time\n\n"
    'led = Pin("LED", Pin.OUT)  # 内蔵 LED\nwhile True:\n    led.toggle()\n'
    '    print("点滅中…")\n    time.sleep(1)\n',
    "zh_CN": "# 让 LED 每秒闪烁一次\nfrom machine import Pin\nimport time\n\n"
    'led = Pin("LED", Pin.OUT)  # 板载 LED\nwhile True:\n    led.toggle()\n'
    '    print("闪烁中……")\n    time.sleep(1)\n',
}


def main_window(app: QApplication, lang: str) -> None:
    from ide.ui.window.main_window import MainWindow

    window = MainWindow()
    window.resize(1200, 800)
    window.editor_tabs.new_file(SAMPLE[lang], "blink.py")
    save(app, window, f"{lang}-main-window.png")
    bar = window.menuBar()
    for index, action in enumerate(bar.actions()):
        menu = action.menu()
        if menu is None:
            continue
        menu.popup(window.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
        save(app, menu, f"{lang}-menu-{index + 1}.png")
        menu.close()
    window.close()


BROKEN = {
    "ja": '# 名前のまちがい\nfrom machine import Pin\n\nled = Pin("LED", Pin.OUT)\n'
    'print("こんにちは、ボード！")\nled.value(1)\nleed.value(0)\n',
    "zh_CN": '# 名称拼错了\nfrom machine import Pin\n\nled = Pin("LED", Pin.OUT)\n'
    'print("你好，开发板！")\nled.value(1)\nleed.value(0)\n',
}


def main_window_live(app: QApplication, lang: str) -> None:
    """The window on the simulator board after a run that fails: console, traceback and its
    explanation, the Files pane with the board's files."""
    from ide.ui.board.session_controller import SessionController
    from ide.ui.window.main_window import MainWindow

    controller = SessionController()
    window = MainWindow(controller)
    window.build_panes()  # the console and Files pane (normally just after the first paint)
    window.resize(1280, 860)
    window.show()
    controller.connect_port("simulator")
    wait_for(app, lambda: controller.state == "idle", 60)
    settle(app, 1500)
    code = BROKEN[lang]
    window.editor_tabs.new_file(code, "main.py")
    controller.run_program(code, "main.py")
    wait_for(app, lambda: controller.state == "running", 20)
    wait_for(app, lambda: controller.state == "idle", 30)
    settle(app, 1500)
    save(app, window, f"{lang}-main-window-board.png")
    window.close()
    controller.shutdown()
    settle(app, 500)


def error_dialog(app: QApplication, lang: str) -> None:
    from ide.core.explain import explain

    busy = message(
        "BoardError",
        QT_TRANSLATE_NOOP(
            "BoardError",
            "The port is in use by another program (another IDE, a serial monitor, "
            "mpremote?). Close it and try again.",
        ),
    )
    box = QMessageBox(QMessageBox.Icon.Critical, "Hotaru", translate_message(busy))
    hint = explain("Traceback (most recent call last):\nImportError: no module named 'machine'\n")
    assert hint is not None
    box.setInformativeText(translate_message(hint))
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Help)
    save(app, box, f"{lang}-error-dialog.png")
    box.close()


def restart_prompt(app: QApplication, lang: str) -> None:
    other = "zh_CN" if lang == "ja" else "ja"
    box, _restart = lang_ui.restart_box(None, other)  # the real dialog, not a look-alike
    save(app, box, f"{lang}-language-prompt.png")
    box.close()


def hard_reset_prompt(app: QApplication, lang: str) -> None:
    """The console's "the program does not stop" question, as the console panel builds it."""
    from ide.ui.board.session_controller import SessionController
    from ide.ui.window.main_window import MainWindow

    controller = SessionController()
    window = MainWindow(controller)
    window.build_panes()
    panel = window.console_panel
    panel._offer_hard_reset()  # the dialog a program that ignores Ctrl-C brings up
    box = panel._reset_box
    save(app, box, f"{lang}-hard-reset.png")
    box.close()
    window.close()
    controller.shutdown()


FULL_WIDTH = {
    "ja": '# 全角のかっこ（日本語入力のまま）\nprint（"こんにちは。"）\n',
    "zh_CN": '# 全角的括号（中文输入法）\nprint（"你好。"）\n',
}


def syntax_fix(app: QApplication, lang: str) -> None:
    """Check syntax on a line typed with the input method in full-width mode: the explanation
    and the "Fix this line" bar."""
    from ide.ui.window.main_window import MainWindow

    window = MainWindow()
    window.resize(1000, 520)
    window.editor_tabs.new_file(FULL_WIDTH[lang], "hello.py")
    window.show()
    settle(app)
    window.check_syntax_action.trigger()
    save(app, window, f"{lang}-syntax-full-width.png")
    window.close()


def wait_for(app: QApplication, condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def install_wizard(app: QApplication, lang: str) -> None:
    """The whole ESP32-S3 flow against the tests' simulated ROM loader and catalogue."""
    import tempfile

    from ide.firmware import catalog
    from ide.ui.firmware import InstallWizard
    from tests.helpers.esp_rom_sim import EspRomSim
    from tests.helpers.firmware_server import FirmwareServer

    server = FirmwareServer().start()
    chip = EspRomSim("esp32s3").start()
    try:
        with tempfile.TemporaryDirectory() as cache:
            cat = catalog.Catalog(server.base_url, cache=Path(cache), timeout=5)
            wizard = InstallWizard(None, catalog=cat)
            wizard.resize(760, 560)
            wizard.show()
            wizard.currentPage().port_combo.setCurrentText(chip.port)
            save(app, wizard, f"{lang}-wizard-1-board.png")
            names = ["2-detect", "3-firmware", "4-options"]
            for name in names:
                wizard.next()
                page = wizard.currentPage()
                wait_for(app, page.isComplete)
                if name == "3-firmware":
                    wait_for(app, lambda p=page: p.version_combo.count() > 0)
                save(app, wizard, f"{lang}-wizard-{name}.png")
            original_next = wizard.next

            def next_after_a_look() -> None:  # the install page moves on by itself when done
                wizard.grab().save(str(HERE / f"{lang}-wizard-5-install.png"))
                print("wrote", f"docs/screenshots/{lang}-wizard-5-install.png")
                original_next()

            wizard.next()
            install = wizard.currentPage()
            wizard.next = next_after_a_look  # type: ignore[method-assign]
            wait_for(app, lambda: wizard.currentPage() is not install, 60)
            save(app, wizard, f"{lang}-wizard-6-done.png")
            wizard.close()
    finally:
        chip.close()
        server.close()


def settings_dialog(app: QApplication, lang: str) -> None:
    from ide.ui.settings.dialog import SettingsDialog
    from ide.ui.settings.preferences import Preferences

    dialog = SettingsDialog(Preferences())
    save(app, dialog, f"{lang}-settings.png")
    dialog.close()


SCREENS: list[Callable[[QApplication, str], None]] = [
    main_window,
    main_window_live,
    error_dialog,
    restart_prompt,
    hard_reset_prompt,
    syntax_fix,
    install_wizard,
    settings_dialog,
]


def run(languages: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Hotaru")
    failed = 0
    for lang in languages:
        lang_ui.install_translators(app, lang)
        for screen in SCREENS:
            try:
                screen(app, lang)
            except ImportError as exc:
                print(f"skipped {screen.__name__} ({lang}): {exc}")
            except Exception:
                failed += 1
                print(f"FAILED {screen.__name__} ({lang}):")
                traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:] or ["ja", "zh_CN"]))
