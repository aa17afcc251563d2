"""Run time check: in Japanese and Chinese, the main window shows no English sentence.

lupdate only sees text that goes through tr(); a label set with plain "Save" never reaches the
catalogue. This builds the real window under each language and reads every text a user sees
(menus, actions, tool tips, labels, buttons, dock and tab titles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from ide import i18n
from ide.ui.settings import language

# Words that stay as they are in every language (names, code, keys, units).
KEEP = {
    "hotaru",
    "micropython",
    "python",
    "repl",
    "esp",
    "pico",
    "raspberry",
    "pi",
    "english",
    "main",
    "ctrl",
    "shift",
    "alt",
    "esc",
    "gpio",
    "usb",
    "uf2",
    "mit",
    "pt",
    "kb",
    "mb",
    "bytes",
}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")


def english_left(text: str) -> bool:
    text = re.sub(r"&(?=\w)", "", text)
    text = re.sub(r"\S+\.(py|txt|json|mpy|bin|uf2)\b|\S*/\S*|\(.*?\)", " ", text)
    if not text.strip() or CJK.search(text):
        return False
    return any(w.lower() not in KEEP for w in WORD.findall(text))


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__
        for action in widget.actions():
            yield f"{name} action", action.text()
            yield (
                f"{name} action tip",
                action.toolTip() if action.toolTip() != action.text().replace("&", "") else "",
            )
            if action.menu() is not None:
                yield "menu", action.menu().title()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QDockWidget):
            yield "dock", widget.windowTitle()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield "tab", widget.tabText(i)
        if isinstance(widget, QMenu):
            yield "menu", widget.title()
        yield f"{name} tool tip", widget.toolTip()
        yield f"{name} placeholder", getattr(widget, "placeholderText", lambda: "")()


def _build_main_window() -> list[QWidget]:
    from ide.ui.window.main_window import MainWindow

    window = MainWindow()
    window.build_panes()  # the console and Files pane too (normally after the first paint)
    return [window]


def _build_dialogs() -> list[QWidget]:
    from ide.ui.board.session_controller import SessionController
    from ide.ui.firmware import InstallWizard
    from ide.ui.packages.pane import PackagesPane
    from ide.ui.settings.dialog import SettingsDialog
    from ide.ui.settings.preferences import Preferences

    wizard = InstallWizard(None)
    pages = [wizard.page(i) for i in wizard.pageIds()]
    packages = PackagesPane(SessionController(), Preferences())  # not connected: nothing loads
    return [SettingsDialog(Preferences()), wizard, *pages, packages]


@pytest.mark.parametrize("lang", ["ja", "zh_CN"])
@pytest.mark.parametrize("build", [_build_main_window, _build_dialogs], ids=["window", "dialogs"])
def test_screens_show_no_english_sentence(
    qapp: QApplication,
    lang: str,
    build: Callable[[], list[QWidget]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    language.install_translators(qapp, lang)
    try:
        widgets = build()
        left = set()
        for widget in widgets:
            if widget.isWindow():
                widget.show()
            qapp.processEvents()
            left |= {
                f"{kind}: {text!r}" for kind, text in visible_texts(widget) if english_left(text)
            }
        for widget in widgets:
            if widget.isWindow():
                widget.close()
                widget.deleteLater()
    finally:
        language.install_translators(qapp, "en")
    assert not left, (
        f"English left on {lang} screens (not going through tr(), or not translated):\n"
        + "\n".join(sorted(left))
    )


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Save", True),
        ("Open recent", True),
        ("保存(&S)", False),
        ("blink_esp32.py", False),
        ("MicroPython", False),
        ("Ctrl+F5", False),
        ("/dev/ttyUSB0", False),
        ("English", False),
        ("", False),
    ],
)
def test_english_detector(text: str, left: bool) -> None:
    assert english_left(text) is left


def test_every_example_description_is_marked_for_translation() -> None:
    from ide.paths import resources_dir
    from ide.ui.window.examples import DESCRIPTIONS, first_comment

    examples = sorted((resources_dir() / "examples").glob("*.py"))
    assert examples, "no example scripts found"
    for path in examples:
        assert first_comment(path) == DESCRIPTIONS.get(path.name), (
            f"{path.name}: its first comment must be marked in ide/ui/window/examples.py"
        )


def test_example_description_is_translated(qapp: QApplication) -> None:
    from ide.paths import resources_dir
    from ide.ui.window.examples import describe

    language.install_translators(qapp, "ja")
    try:
        assert "ESP32" in describe(resources_dir() / "examples" / "blink_esp32.py")
        assert CJK.search(describe(resources_dir() / "examples" / "blink_esp32.py"))
    finally:
        language.install_translators(qapp, "en")


@pytest.mark.parametrize("lang", ["ja", "zh_CN"])
def test_an_example_opens_with_its_comments_in_the_users_language(qapp: QApplication, lang):
    """A Japanese or Chinese beginner opening File > Examples read English comments in the code
    (only the menu's description was translated). Every comment is translated; the code is
    exactly the shipped one (the same syntax tree), and no line outgrows the examples' width."""
    import ast

    from PySide6.QtCore import QCoreApplication

    from ide.core.editor.line_breaks import columns
    from ide.core.examples import WIDTH, comment_blocks, example_scripts, localize

    language.install_translators(qapp, lang)
    try:
        for path in example_scripts():
            source = path.read_text(encoding="utf-8")
            shown = localize(source, QCoreApplication.translate)
            assert ast.dump(ast.parse(shown)) == ast.dump(ast.parse(source)), path.name
            for block in comment_blocks(shown):
                assert CJK.search(block.text), (path.name, block.text)  # none left in English
            for line in shown.splitlines():
                assert columns(line) <= WIDTH or not line.lstrip().startswith("#"), line
    finally:
        language.install_translators(qapp, "en")
