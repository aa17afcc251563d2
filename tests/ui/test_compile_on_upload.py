"""Compile on upload in the UI: the setting, a Files pane upload and an editor's Save to board,
against the simulator (which loads .mpy files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from ide.ui.editor.tabs import EditorTabs
from ide.ui.files import FilesPane
from ide.ui.settings.dialog import SettingsDialog
from ide.ui.settings.preferences import Preferences
from tests.ui.test_editor_board import InlineController, board  # noqa: F401 - the board fixture
from tests.ui.test_files_pane import call, controller, make_pane, url_mime, wait_done  # noqa: F401
from tests.ui.test_files_pane import drop as drop_on


@pytest.fixture
def prefs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Preferences:
    # Preferences() read anywhere (the Files pane reads it per upload) is this file
    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    return Preferences()


def test_the_setting_is_off_by_default_says_why_and_is_kept(qtbot: Any, prefs: Preferences) -> None:
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    assert prefs.compile_to_mpy is False
    assert not dialog.compile_box.isChecked()
    why = dialog.compile_note.text()
    assert "RAM" in why and "faster" in why and "stays on your computer" in why
    assert dialog.compile_note.wordWrap()
    dialog.compile_box.setChecked(True)
    dialog.accept()
    assert Preferences().compile_to_mpy is True
    again = SettingsDialog(Preferences())
    qtbot.addWidget(again)
    assert again.compile_box.isChecked()
    settings = QSettings(str(Path(prefs.settings.fileName())), QSettings.Format.IniFormat)
    assert settings.value("files/compile_to_mpy") in (True, "true")


@pytest.mark.timeout(180)
def test_files_pane_uploads_a_lib_folder_compiled(
    qtbot: Any,
    controller: Any,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    prefs: Preferences,
) -> None:
    prefs.compile_to_mpy = True
    local = tmp_path / "local"
    lib = local / "lib"
    lib.mkdir(parents=True)
    (lib / "sensor.py").write_text("def reading():\n    return 42\n")
    (lib / "broken.py").write_text("def f(:\n")
    (lib / "main.py").write_text("print('main')\n")
    pane: FilesPane = make_pane(qtbot, controller, local)
    drop_on(pane.board_tree, url_mime(lib), pane.board_tree.viewport().rect().bottomLeft())
    summary = wait_done(qtbot, pane)
    assert (summary.copied, summary.compiled, len(summary.not_compiled)) == (2, 1, 1)
    text = pane.transfers.summary_text(True, summary)
    assert "Compiled to .mpy: 1." in text and "Files that did not compile: 1." in text
    [warning] = pane.ask.warnings  # type: ignore[attr-defined]
    assert f"{lib / 'broken.py'}, line 1: SyntaxError: invalid syntax" in warning
    names = {e.name for e in call(qtbot, controller, lambda s: s.listdir("/lib"))}
    assert names == {"sensor.mpy", "main.py"}
    out = call(qtbot, controller, lambda s: s.exec("import sensor\nprint(sensor.reading())"))
    assert out.strip() == "42"


@pytest.mark.timeout(90)
def test_save_to_board_compiles_and_the_tab_keeps_the_py(
    qtbot: Any,
    board: InlineController,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    prefs: Preferences,
) -> None:
    prefs.compile_to_mpy = True
    source = tmp_path / "lib" / "tab.py"
    source.parent.mkdir()
    source.write_text("V = 1\n")
    tabs = EditorTabs(controller=board, preferences=prefs)
    qtbot.addWidget(tabs)
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    other = tmp_path / "other" / "tab.py"  # another tab.py, opened first
    other.parent.mkdir()
    other.write_text("print('another tab.py')\n")
    tabs.open_local(other)
    editor = tabs.open_local(source)
    assert editor is not None
    board.session.mkdir("/lib")
    board.session.write_file("/lib/tab.py", b"V = 'old'\n")  # would shadow the .mpy

    editor.set_cursor_position(0, 0)
    editor.insert("W = 2\n")
    assert tabs.save_to_board("/lib/tab.py")
    assert errors == []
    assert source.read_text() == "W = 2\nV = 1\n"  # saved here too: the source stays here
    assert {e.name for e in board.session.listdir("/lib")} == {"tab.mpy"}
    assert board.session.exec("import tab\nprint(tab.W, tab.V)").split() == ["2", "1"]
    doc = tabs.document(editor)
    assert doc is not None
    assert (doc.local_path, doc.board_path, doc.compiled_to) == (source, None, "/lib/tab.py")
    assert not editor.modify()

    # a traceback from the board names /lib/tab.py: the link finds this tab, not another tab.py
    tabs.open_local(other)
    assert tabs.current_editor() is not editor
    assert tabs.goto_line("/lib/tab.py", 2)
    assert tabs.current_editor() is editor

    # a compile error: said with the file and line, the board keeps the last good .mpy
    editor.insert("def f(:\n")
    before = board.session.read_file("/lib/tab.mpy")
    assert tabs.save_to_board("/lib/tab.py")
    assert len(errors) == 1 and f"{source}, line " in errors[0]
    assert errors[0].endswith("SyntaxError: invalid syntax")
    assert board.session.read_file("/lib/tab.mpy") == before

    # setting off: Save to board writes the .py, as before
    prefs.compile_to_mpy = False
    editor.setText("W = 3\n")
    assert tabs.save_to_board("/lib/tab.py")
    assert "tab.py" in {e.name for e in board.session.listdir("/lib")}


def test_save_to_board_as_a_compiled_lib_file_asks_before_replacing_one_there(
    qtbot: Any,
    board: InlineController,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    prefs: Preferences,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With compiling on, "Save to board as…" a name that is another file there (its .py)
    removed that file without a question, where the plain save asks first."""
    from tests.ui.test_editor_board import Dialogs

    prefs.compile_to_mpy = True
    mine = tmp_path / "other.py"
    mine.write_text("X = 1\n")
    board.session.mkdir("/lib")
    board.session.write_file("/lib/sensor.py", b"READING = 'their sensor'\n")
    tabs = EditorTabs(controller=board, preferences=prefs)
    qtbot.addWidget(tabs)
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    editor = tabs.open_local(mine)
    assert editor is not None
    dialogs = Dialogs(monkeypatch)
    dialogs.names = [("/lib/sensor.py", True), ("", False)]  # No: the name again; cancelled
    dialogs.yes = [False]
    tabs.save_to_board()
    assert dialogs.questions == ["“/lib/sensor.py” already exists on the board. Replace it?"]
    assert {e.name for e in board.session.listdir("/lib")} == {"sensor.py"}
    assert board.session.read_file("/lib/sensor.py") == b"READING = 'their sensor'\n"
    dialogs.names = [("/lib/sensor.py", True)]  # Yes: compiled there, the .py replaced
    dialogs.yes = [True]
    tabs.save_to_board()
    assert {e.name for e in board.session.listdir("/lib")} == {"sensor.mpy"}
    assert errors == [] and tabs.pending_saves() == 0
