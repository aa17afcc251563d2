"""EditorTabs: files here and on the board, unsaved prompts, find bar, navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ide.ui.editor.tabs import CANCEL, DISCARD, SAVE, EditorTabs
from ide.ui.settings.preferences import Preferences


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def tabs(qtbot, prefs: Preferences) -> EditorTabs:
    t = EditorTabs(preferences=prefs)
    qtbot.addWidget(t)
    t.errors = []  # type: ignore[attr-defined]
    t.show_error = lambda title, text: t.errors.append(text)  # type: ignore[attr-defined]
    return t


def test_new_open_save_local_file(tabs: EditorTabs, tmp_path: Path) -> None:
    script = tmp_path / "ブリンク.py"
    script.write_text("print('点滅')\n", encoding="utf-8")
    tabs.new_file()
    editor = tabs.open_local(script)
    assert editor is not None
    assert tabs.count() == 1  # the untouched new tab was replaced
    assert tabs.tabText(0) == "ブリンク.py"
    assert tabs.current_text() == "print('点滅')\n"
    assert tabs.current_name() == "ブリンク.py"
    assert tabs.open_local(script) is editor  # no second tab for the same file
    editor.insert("# ")
    assert tabs.tabText(0) == "ブリンク.py *"
    assert tabs.save()
    assert tabs.tabText(0) == "ブリンク.py"
    assert script.read_text(encoding="utf-8") == "# print('点滅')\n"


def test_save_as_new_file_and_recent_list(tabs: EditorTabs, tmp_path: Path, prefs) -> None:
    tabs.new_file("x = 1\n")
    target = tmp_path / "sub.py"
    assert tabs.save_as(path=target)
    assert target.read_text() == "x = 1\n"
    assert tabs.tabText(tabs.currentIndex()) == "sub.py"
    assert prefs.recent_files()[0] == str(target.resolve())
    assert prefs.last_directory == str(tmp_path.resolve())


def test_open_missing_or_binary_file_reports(tabs: EditorTabs, tmp_path: Path) -> None:
    assert tabs.open_local(tmp_path / "nope.py") is None
    blob = tmp_path / "blob.py"
    blob.write_bytes(b"\xff\xfe\x00garbage\x80")
    assert tabs.open_local(blob) is None
    assert len(tabs.errors) == 2  # type: ignore[attr-defined]
    assert "not UTF-8" in tabs.errors[1]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        ("# LEDを点滅させる（第3章）\r\nprint('点灯')\r\n", "cp932", "Shift-JIS"),
        ("# 让LED闪烁（第3章）\nprint('亮')\n", "gbk", "GBK"),
    ],
)
def test_a_shift_jis_or_gbk_script_opens_converted_and_saves_as_utf8(
    tabs: EditorTabs, tmp_path: Path, text: str, codec: str, name: str
) -> None:
    """A starter kit's sample saved on Windows in Shift-JIS or GBK was refused ("not UTF-8
    text"), a dead end: it opens converted, unsaved, and Save writes UTF-8 (MicroPython reads
    nothing else); until then the file on disk is as it was."""
    said: list[str] = []
    tabs.status_message.connect(said.append)
    sample = tmp_path / "blink.py"
    sample.write_bytes(text.encode(codec))
    editor = tabs.open_local(sample)
    assert editor is not None and not tabs.errors  # type: ignore[attr-defined]
    assert editor.text() == text.replace("\r\n", "\n")
    assert any(name in line and "UTF-8" in line for line in said)
    assert tabs.has_changes(editor) and tabs.tabText(0) == "blink.py *"
    assert sample.read_bytes() == text.encode(codec)  # nothing written before Save
    assert tabs.save(editor)
    assert sample.read_bytes() == text.replace("\r\n", "\n").encode("utf-8")
    assert tabs.tabText(0) == "blink.py"


def test_close_prompt_cancel_discard_save(tabs: EditorTabs, tmp_path: Path) -> None:
    asked: list[str] = []
    answers = iter([CANCEL, DISCARD])
    tabs.ask_save_changes = lambda name: asked.append(name) or next(answers)
    editor = tabs.new_file("a\n", name="demo.py")
    editor.insert("b")
    assert not tabs.close_tab(tabs.indexOf(editor))
    assert tabs.count() == 1
    assert tabs.close_tab(tabs.indexOf(editor))
    assert tabs.count() == 0
    assert asked == ["demo.py", "demo.py"]

    path = tmp_path / "keep.py"
    path.write_text("old\n")
    editor = tabs.open_local(path)
    editor.set_text("new\n", keep_undo=True)
    tabs.ask_save_changes = lambda name: SAVE
    assert tabs.close_tab(tabs.indexOf(editor))
    assert path.read_text() == "new\n"


def test_unchanged_tab_closes_without_asking(tabs: EditorTabs) -> None:
    tabs.ask_save_changes = lambda name: pytest.fail("asked about an unchanged tab")
    tabs.new_file("x\n")
    assert tabs.close_tab(0)


def test_maybe_close_all(tabs: EditorTabs) -> None:
    a = tabs.new_file("", name="a.py")
    b = tabs.new_file("", name="b.py")
    a.insert("1")
    b.insert("2")
    tabs.ask_save_changes = lambda name: CANCEL
    assert not tabs.maybe_close_all()
    tabs.ask_save_changes = lambda name: DISCARD
    assert tabs.maybe_close_all()


def test_board_file_tab_and_rename(tabs: EditorTabs) -> None:
    editor = tabs.open_board_file("/lib/util.py", "def f():\n    pass\n")
    assert tabs.tabText(tabs.indexOf(editor)) == "util.py (board)"
    assert "/lib/util.py" in tabs.tabToolTip(tabs.indexOf(editor))
    assert tabs.current_name() == "/lib/util.py"
    assert tabs.open_board_file("/lib/util.py", "ignored") is editor
    tabs.board_path_renamed("/lib", "/libs")
    assert tabs.document(editor).board_path == "/libs/util.py"
    tabs.board_path_renamed("/libs/util.py", "/libs/tools.py")
    assert tabs.tabText(tabs.indexOf(editor)) == "tools.py (board)"
    tabs.board_path_renamed("/other", "/x")
    assert tabs.document(editor).board_path == "/libs/tools.py"


def test_save_to_board_without_connection_explains(tabs: EditorTabs) -> None:
    tabs.new_file("x = 1\n")
    assert not tabs.save_to_board("/main.py")
    assert "Connect a board" in tabs.errors[0]  # type: ignore[attr-defined]


def test_goto_line_by_name(tabs: EditorTabs, tmp_path: Path) -> None:
    first = tabs.open_board_file("/main.py", "a = 1\nb = 2\n    c = 3\n")
    path = tmp_path / "other.py"
    path.write_text("\n".join(f"x{i} = {i}" for i in range(50)) + "\n")
    second = tabs.open_local(path)
    assert tabs.current_editor() is second
    assert tabs.goto_line("main.py", 3)
    assert tabs.current_editor() is first
    assert first.cursor_position() == (2, 4)  # at the code, past the indentation
    assert tabs.goto_line(str(path.resolve()), 40)
    assert second.cursor_position() == (39, 0)
    assert tabs.goto_line("<stdin>", 2)  # the current tab
    assert second.cursor_position() == (1, 0)
    assert not tabs.goto_line("nowhere.py", 1)


def test_check_syntax_points_at_bad_line(tabs: EditorTabs, qtbot) -> None:
    editor = tabs.new_file("print('日本')\nif x\n    pass\n")
    with qtbot.waitSignal(tabs.status_message) as blocker:
        assert not tabs.check_syntax()
    assert "Line 2" in blocker.args[0]
    assert editor.error_line() == 1
    assert editor.cursor_position()[0] == 1
    editor.set_cursor_position(1, 4)
    editor.insert(":")
    assert editor.error_line() is None
    assert tabs.check_syntax()


def test_check_syntax_column_with_cjk(tabs: EditorTabs) -> None:
    editor = tabs.new_file("s = '日本語' 1\n")
    assert not tabs.check_syntax()
    assert editor.cursor_position() == (0, 10)  # at the stray "1", counted in characters
    assert editor.error_line() == 0


def test_a_full_width_bracket_is_explained_and_fixed_in_one_click(tabs: EditorTabs, qtbot) -> None:
    editor = tabs.new_file('x＝１\nprint（"こんにちは。"）\n')
    with qtbot.waitSignal(tabs.status_message) as blocker:
        assert not tabs.check_syntax()
    assert blocker.args[0].startswith("Line 1: A full-width ＝ ")  # not CPython's "U+FF1D"
    assert "half-width =" in blocker.args[0]
    assert not tabs.fix_bar.isHidden()
    tabs.fix_bar.line_button.click()  # this line only: the next one still has its （
    assert editor.text() == 'x=1\nprint（"こんにちは。"）\n'
    assert editor.error_line() == 1 and not tabs.fix_bar.isHidden()
    with qtbot.waitSignal(tabs.status_message) as blocker:
        tabs.fix_bar.file_button.click()
    assert editor.text() == 'x=1\nprint("こんにちは。")\n'  # the string keeps its 。
    assert blocker.args[0] == "No syntax errors found."
    assert tabs.fix_bar.isHidden() and editor.error_line() is None
    editor.undo()  # one undo step per fix
    assert editor.text() == 'x=1\nprint（"こんにちは。"）\n'


def test_other_syntax_errors_are_said_in_words_without_a_fix(tabs: EditorTabs, qtbot) -> None:
    tabs.new_file("print((1)\n")
    with qtbot.waitSignal(tabs.status_message) as blocker:
        assert not tabs.check_syntax()
    assert blocker.args[0] == "Line 1: The bracket ( opened here is never closed: add its partner."
    assert tabs._fix_bar is None  # nothing to replace: no bar


def test_the_fix_bar_goes_when_the_line_is_fixed_by_hand(tabs: EditorTabs) -> None:
    editor = tabs.new_file("a = 1；\n")
    assert not tabs.check_syntax()
    assert not tabs.fix_bar.isHidden()
    editor.set_text("a = 1\n", keep_undo=True)
    assert tabs.fix_bar.isHidden()


def test_find_bar(tabs: EditorTabs, qtbot) -> None:
    tabs.show()
    editor = tabs.new_file("led = 1\nLED = 2\nled += 1\n")
    bar = tabs.find_bar
    bar.open_find(replace=True)
    assert bar.isVisible()
    bar.find_edit.setText("led")
    assert "3" in bar.status.text()
    editor.set_cursor_position(0, 0)
    assert bar.find_next()
    assert editor.selection() == (0, 3)
    bar.case_box.setChecked(True)
    assert bar.find_next()
    assert editor.selection() == (16, 19)
    bar.replace_edit.setText("ライト")
    assert bar.replace_all() == 2
    assert editor.text() == "ライト = 1\nLED = 2\nライト += 1\n"
    bar.find_edit.setText("zzz")
    assert not bar.find_next()
    assert bar.status.text() == "Not found"
    bar.close_bar()
    assert not bar.isVisible()


def test_zoom_applies_to_all_tabs(tabs: EditorTabs) -> None:
    a = tabs.new_file()
    tabs.zoom_in()
    tabs.zoom_in()
    b = tabs.new_file()
    assert a.zoom() == b.zoom() == 2
    tabs.reset_zoom()
    assert a.zoom() == b.zoom() == 0


def test_cycle_tabs(tabs: EditorTabs) -> None:
    a = tabs.new_file(name="a.py")
    b = tabs.new_file(name="b.py")
    assert tabs.current_editor() is b
    tabs.cycle(1)
    assert tabs.current_editor() is a
    tabs.cycle(-1)
    assert tabs.current_editor() is b


def test_goto_line_dialog(tabs: EditorTabs, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    editor = tabs.new_file("".join(f"line{i} = {i}\n" for i in range(1, 31)))
    tabs.show()
    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        answered.append(dialog.labelText())
        dialog.setIntValue(25)
        dialog.accept()

    QTimer.singleShot(20, answer)
    assert tabs.goto_line_dialog()
    assert answered == ["Line number (1 to 31):"]
    assert editor.cursor_position() == (24, 0)
    assert editor.line_text(24) == "line25 = 25"


def test_many_tabs_keep_their_whole_names_and_scroll(tabs: EditorTabs, qtbot) -> None:
    """A dozen tabs in a narrow editor: each tab shows its whole name (arrows scroll the row),
    not "…" (elided, every tab of a Japanese or Chinese window read just "…")."""
    tabs.resize(500, 300)
    for _ in range(12):
        tabs.new_file()
    qtbot.wait(10)
    bar = tabs.tabBar()
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        assert bar.tabRect(index).width() > metrics.horizontalAdvance(bar.tabText(index))
    assert sum(bar.tabRect(i).width() for i in range(bar.count())) > bar.width()  # it scrolls


def test_a_very_long_name_keeps_its_ends_in_the_tab(tabs: EditorTabs, tmp_path: Path) -> None:
    """Whole names scroll (above); one of 150 characters would make a tab wider than the
    editor, its close button out of reach: its middle gives way, the tool tip has it all."""
    path = tmp_path / ("sensor_" + "x" * 140 + "_final.py")
    path.write_text("print(1)\n")
    tabs.open_local(path)
    title = tabs.tabText(tabs.currentIndex())
    assert title.startswith("sensor_xxx") and title.endswith("x_final.py")
    assert "…" in title and len(title) <= 40
    assert path.name in tabs.tabToolTip(tabs.currentIndex())


def test_the_fix_bars_explanation_has_the_whole_width(qtbot) -> None:
    """Beside the Board view the editor is narrow: the explanation spans the bar and the
    buttons go under it (beside them, a Japanese sentence was squeezed into eight short lines)."""
    from ide.ui.editor.fix_bar import LookalikeFixBar

    bar = LookalikeFixBar()
    qtbot.addWidget(bar)
    bar.resize(400, 200)
    bar.offer("Line 1: " + "a full-width bracket was typed " * 4)
    qtbot.waitExposed(bar)
    assert bar.label.width() > 0.8 * bar.width()
    assert bar.line_button.y() >= bar.label.y() + bar.label.height()
    assert bar.file_button.y() == bar.line_button.y()


def test_an_example_opens_with_its_comments_in_the_users_language(tabs: EditorTabs, qapp) -> None:
    from ide.core.examples import example_scripts
    from ide.ui.settings import language

    button = next(p for p in example_scripts() if p.name == "button.py")
    language.install_translators(qapp, "zh_CN")
    try:
        editor = tabs.open_example(button)
    finally:
        language.install_translators(qapp, "en")
    text = editor.text()
    assert "# 松开时读到 1，按下时读到 0" in text, text
    assert "button = Pin(BUTTON_PIN, Pin.IN, Pin.PULL_UP)" in text  # the code as shipped
    assert tabs.document(editor).name == "button.py"


def test_zooming_out_stops_while_the_text_is_still_readable(tabs: EditorTabs) -> None:
    """A few presses of Ctrl+- took a 10 pt font to 2 pt: a blank-looking editor."""
    from ide.ui.editor.look import SMALLEST_POINTS

    editor = tabs.new_file("print(1)\n")
    for _ in range(20):
        tabs.zoom_out()
    assert editor.font_size() + editor.zoom() >= SMALLEST_POINTS
    assert editor.zoom() < 0  # (it still zooms out, down to that)
    tabs.set_editor_font("", 20)
    for _ in range(20):
        tabs.zoom_out()
    assert editor.font_size() + editor.zoom() == 20 - 8  # (a large font: the usual 8 steps)


def test_two_files_of_one_name_are_told_apart_by_their_folders(
    tabs: EditorTabs, tmp_path: Path
) -> None:
    """Two lessons' blink.py both read "blink.py": only the tooltip told them apart."""
    for lesson in ("lesson1", "lesson2"):
        (tmp_path / lesson).mkdir()
        (tmp_path / lesson / "blink.py").write_text(f"# {lesson}\n", encoding="utf-8")
    (tmp_path / "lesson1" / "button.py").write_text("# button\n", encoding="utf-8")
    first = tabs.open_local(tmp_path / "lesson1" / "blink.py")
    other = tabs.open_local(tmp_path / "lesson1" / "button.py")
    assert tabs.tabText(tabs.indexOf(first)) == "blink.py"  # alone: the name alone
    second = tabs.open_local(tmp_path / "lesson2" / "blink.py")
    assert tabs.tabText(tabs.indexOf(first)) == "lesson1/blink.py"
    assert tabs.tabText(tabs.indexOf(second)) == "lesson2/blink.py"
    assert tabs.tabText(tabs.indexOf(other)) == "button.py"
    tabs.drop(second)
    assert tabs.tabText(tabs.indexOf(first)) == "blink.py"
