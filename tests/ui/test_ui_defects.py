"""User-visible defects (issue 12): each test failed before its fix.

Error dialogs after the first, application shortcuts in the console, input() focus, traceback
links, the Board box, stale status messages, restart, command-line files, console caps.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ide.ui.editor.tabs import DISCARD
from ide.ui.settings.preferences import Preferences
from ide.ui.window.main_window import MainWindow


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, prefs: Preferences) -> MainWindow:
    """The real main window with its console panel and an unconnected SessionController."""
    w = MainWindow(preferences=prefs)
    w.editor_tabs.ask_save_changes = lambda name: DISCARD  # no modal box at teardown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.build_panes()
    yield w
    w.controller.shutdown()


def _message_boxes() -> list[QMessageBox]:
    widgets = QApplication.topLevelWidgets()
    return [w for w in widgets if isinstance(w, QMessageBox) and w.isVisible()]


def test_every_error_gets_its_dialog_not_only_the_first(window: MainWindow, qtbot) -> None:
    panel = window.console_panel
    message = window.controller.not_connected_message()
    panel.show_error(message)
    (first,) = _message_boxes()
    first.button(QMessageBox.StandardButton.Ok).click()  # the user closes it: Qt deletes it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _message_boxes() == []
    panel.show_error("The second error")
    boxes = _message_boxes()
    assert [b.text() for b in boxes] == ["The second error"]
    boxes[0].close()


def test_application_shortcuts_win_over_the_console(window: MainWindow, qtbot) -> None:
    console = window.console
    typed: list[bytes] = []
    interrupts: list[bool] = []
    console.keys_typed.connect(typed.append)
    console.interrupt_requested.connect(lambda: interrupts.append(True))
    console.setFocus()
    qtbot.waitUntil(console.hasFocus)
    ctrl = Qt.KeyboardModifier.ControlModifier
    # The board's own keys stay the console's.
    qtbot.keyClick(console, Qt.Key.Key_E, ctrl)
    qtbot.keyClick(console, Qt.Key.Key_C, ctrl)
    qtbot.keyClick(console, Qt.Key.Key_Tab)
    qtbot.keyClick(console, Qt.Key.Key_Up)
    qtbot.keyClicks(console, "x")
    assert typed == [b"\x05", b"\t", b"\x1b[A", b"x"]
    assert interrupts == [True]
    # A disabled application action's key is not typed to the board either.
    window.save_action.setEnabled(False)
    qtbot.keyClick(console, Qt.Key.Key_S, ctrl)
    assert typed[-1] == b"x"
    # Quit quits, wherever the keyboard focus is.
    qtbot.keyClick(console, Qt.Key.Key_Q, ctrl)
    assert not window.isVisible()
    assert typed[-1] == b"x"


def test_a_syntax_error_message_goes_when_the_code_is_edited(window: MainWindow, qtbot) -> None:
    editor = window.editor_tabs.current_editor()
    editor.set_text("print(1\n")
    window.check_syntax_action.trigger()
    assert "never closed" in window.statusBar().currentMessage()
    editor.set_text("", keep_undo=True)  # the user deleted the code
    assert window.statusBar().currentMessage() == ""


def test_a_transfer_summary_expires(qtbot) -> None:
    from ide.ui.files.transfer_bar import TransferBar

    bar = TransferBar()
    qtbot.addWidget(bar)
    bar.finish("Files uploaded: 1.")
    assert bar.status.text() == "Files uploaded: 1."
    assert bar._expiry.isActive()  # (waiting 15 s in a test would be slow; the timer is the rule)
    bar._expiry.timeout.emit()
    assert bar.status.text() == ""
    bar.set_status("Comparing with the board…", expires=False)
    assert not bar._expiry.isActive()


def test_an_emptied_untitled_tab_does_not_ask_to_be_saved(window: MainWindow) -> None:
    tabs = window.editor_tabs
    asked: list[str] = []
    tabs.ask_save_changes = lambda name: asked.append(name) or DISCARD
    editor = tabs.current_editor()
    editor.insert("x = 1")
    editor.set_text("", keep_undo=True)  # typed, then deleted again
    assert editor.modify()
    assert not tabs.has_unsaved_changes()
    other = tabs.new_file()
    other.insert("y = 2")
    assert tabs.has_unsaved_changes()
    assert tabs.close_tab(tabs.indexOf(editor))
    assert asked == []
    assert tabs.close_tab(tabs.indexOf(other))
    assert len(asked) == 1  # the tab with text still asks


def test_restart_runs_the_installed_script_not_a_checkout_in_the_current_folder(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    from ide.ui.settings import language

    # A source checkout of some other Hotaru in the current folder...
    checkout = tmp_path / "checkout"
    (checkout / "ide").mkdir(parents=True)
    (checkout / "ide" / "__init__.py").write_text("")
    (checkout / "ide" / "__main__.py").write_text("print('the checkout ran')\n")
    # ... and the installed `hotaru` script (as pip writes it) that is running.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "hotaru"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom ide.__main__ import main\nsys.exit(main())\n"
    )
    old = Path.cwd()
    try:
        os.chdir(checkout)
        args, folder = language.restart_command([str(script), "--version"])
    finally:
        os.chdir(old)
    out = subprocess.run([sys.executable, *args], cwd=folder, capture_output=True, text=True)
    assert out.stdout.startswith("Hotaru "), (args, out.stdout, out.stderr)


def test_files_on_the_command_line_open(tmp_path: Path, monkeypatch, qtbot) -> None:
    from ide.__main__ import main

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)  # no event loop: look, then close
    first = tmp_path / "blink.py"
    first.write_text("print('blink')\n")
    second = tmp_path / "sensor.py"
    second.write_text("print('sensor')\n")
    monkeypatch.chdir(tmp_path)
    before = set(QApplication.topLevelWidgets())
    assert main(["blink.py", str(second)]) == 0
    new = set(QApplication.topLevelWidgets()) - before
    (window,) = [w for w in new if isinstance(w, MainWindow)]
    try:
        tabs = window.editor_tabs
        assert tabs.local_paths() == [str(first.resolve()), str(second.resolve())]
        assert tabs.current_text() == "print('sensor')\n"
    finally:
        window.close()
        window.deleteLater()


# -- with the simulator -------------------------------------------------------------------------

from tests.e2e.test_console_session import (  # noqa: E402
    console_text,
    ide,  # noqa: F401 - the fixture: a main window connected to a simulated board
    run_script,
    wait_console,
    wait_prompt,
)


def _click_link(qtbot, console, block_text: str) -> None:
    from PySide6.QtGui import QTextCursor

    doc = console.document()
    block = next(
        doc.findBlockByNumber(i)
        for i in range(doc.blockCount())
        if block_text in doc.findBlockByNumber(i).text()
    )
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("line") + 1)
    point = console.cursorRect(cursor).center()
    assert console.link_at(point) is not None, f"link_at: {block.text()}"
    qtbot.mouseClick(console.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.timeout(120)
def test_each_runs_traceback_links_go_to_its_own_script(ide, qtbot) -> None:  # noqa: F811
    tabs = ide.editor_tabs
    first = tabs.current_editor()
    run_script(qtbot, ide, "a = 1\nprint(first_missing)\n")
    wait_console(qtbot, ide, "first_missing")
    wait_prompt(qtbot, ide)
    second = tabs.new_file()
    run_script(qtbot, ide, "b = 2\nc = 3\nprint(second_missing)\n")
    wait_console(qtbot, ide, "second_missing")
    wait_prompt(qtbot, ide)
    text = console_text(ide)
    # The script's name is shown, not "<stdin>".
    assert "<stdin>" not in text
    assert 'File "untitled.py", line 2' in text
    assert 'File "untitled-2.py", line 3' in text
    # The first run's link opens the first script, with its whole line selected.
    _click_link(qtbot, ide.console, 'File "untitled.py"')
    assert tabs.current_editor() is first
    assert first.selected_text() == "print(first_missing)"
    _click_link(qtbot, ide.console, 'File "untitled-2.py"')
    assert tabs.current_editor() is second
    assert second.selected_text() == "print(second_missing)"
    # An error typed at the prompt is no file's: not a link to the last script.
    qtbot.keyClicks(ide.console, "print(typed_missing)")
    qtbot.keyClick(ide.console, Qt.Key.Key_Return)
    wait_console(qtbot, ide, "typed_missing' isn't defined")
    wait_prompt(qtbot, ide)
    assert 'File "<stdin>", line 1' in console_text(ide)
    with pytest.raises(AssertionError, match="link_at"):
        _click_link(qtbot, ide.console, 'File "<stdin>"')


@pytest.mark.timeout(120)
def test_the_board_box_follows_the_port_the_wizard_gives_back(ide, qtbot, sim) -> None:  # noqa: F811
    controller = ide.controller
    selector = ide.console_panel.port_selector
    assert selector.current_port() == "simulator"
    # As the install wizard does: borrow the port, then give back the port it flashed.
    assert controller.release_port()
    controller.reacquire_port(sim.port)
    assert controller.state == "connecting"
    assert selector.current_port() == sim.port  # from the first moment, not only once connected
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
    assert selector.current_port() == sim.port
    assert ide.preferences.last_port == sim.port


@pytest.mark.timeout(120)
def test_input_takes_the_keyboard_from_the_editor_and_says_so(ide, qtbot) -> None:  # noqa: F811
    from tests.e2e.test_console_session import WAIT_MS

    editor = ide.editor_tabs.current_editor()
    script = "name = input('Your name? ')\nprint('Hello,', name)\n"
    editor.set_text(script)
    ide.activateWindow()
    editor.take_focus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_F5)  # Run, from the editor
    wait_console(qtbot, ide, "Your name? ")
    qtbot.waitUntil(ide.console.input_waiting, timeout=WAIT_MS)
    qtbot.waitUntil(ide.console.hasFocus, timeout=WAIT_MS)
    assert ide.console._waiting_label.isVisible()
    # The user types the answer where the keyboard is: it reaches the program, not the script.
    qtbot.keyClicks(QApplication.focusWidget(), "Ada")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_console(qtbot, ide, "Hello, Ada")
    wait_prompt(qtbot, ide)
    assert editor.text() == script
    assert not ide.console.input_waiting()


@pytest.mark.timeout(120)
def test_a_program_without_input_keeps_the_editor_focused(ide, qtbot) -> None:  # noqa: F811
    editor = ide.editor_tabs.current_editor()
    editor.set_text("import time\nprint('tick', end='')\ntime.sleep(1)\nprint('done')\n")
    ide.activateWindow()
    editor.take_focus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_F5)
    wait_console(qtbot, ide, "done")
    wait_prompt(qtbot, ide)
    assert editor.hasFocus()
    assert not ide.console.input_waiting()


def test_undo_steps_are_typing_bursts(qtbot, monkeypatch) -> None:
    from ide.ui.console.widget import ConsoleWidget
    from ide.ui.editor.code_editor import CodeEditor

    clock = [100.0]
    editor = CodeEditor()
    editor._clock = lambda: clock[0]
    other = ConsoleWidget()
    for w in (editor, other):
        qtbot.addWidget(w)
        w.show()
    editor.activateWindow()
    editor.take_focus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "x = 1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    clock[0] += 5  # a pause
    qtbot.keyClicks(editor, "y = 2")
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    editor.activateWindow()
    editor.take_focus()  # back from elsewhere, at once
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "Ada")
    assert editor.text() == "x = 1\ny = 2Ada"
    editor.undo()
    assert editor.text() == "x = 1\ny = 2"  # only the stray answer
    editor.undo()
    assert editor.text() == "x = 1\n"


# -- console caps (item 15) -----------------------------------------------------------------


def test_cursor_forward_and_long_lines_are_capped_as_a_terminal_does() -> None:
    from ide.core.console.screen import MAX_COLUMNS, ConsoleScreen

    screen = ConsoleScreen()
    screen.feed(b"\x1b[9999Cx" * 500 + b"\r\n")  # what print('\x1b[9999Cx'*500) sends
    (line,) = screen.take_finished()
    assert len(line.text) == MAX_COLUMNS  # not 5,000,000
    assert line.text.endswith("x")
    screen.feed(b"\x1b[99999G!")  # a column escape stops at the last column too
    assert screen.col == MAX_COLUMNS
    screen.feed(b"\r\n" + b"a" * (3 * MAX_COLUMNS + 5))  # no newline: wraps at the width
    lines = screen.take_finished()
    assert [len(x.text) for x in lines] == [MAX_COLUMNS, MAX_COLUMNS, MAX_COLUMNS, MAX_COLUMNS]
    assert screen.current_line().text == "a" * 5
    screen.feed(b"\t" * (MAX_COLUMNS // 8 + 10) + b"b")
    assert max(len(x.text) for x in screen.take_finished() + [screen.current_line()]) <= (
        MAX_COLUMNS
    )


def test_one_drawing_slice_is_bounded_by_the_characters_it_draws(qtbot) -> None:
    from ide.ui.console.widget import ConsoleWidget

    console = ConsoleWidget()
    qtbot.addWidget(console)
    # A clock that never moves: only the cost estimate can end the slice, so the test does
    # not depend on how fast this machine is.
    console._clock = lambda: 1000.0
    console.feed((b"y" * 3999 + b"\r\n") * 250)  # 1 MB in long lines
    per_slice = console.SLICE_SECONDS / getattr(console, "_seconds_per_char", 0.000002)
    console._flush()  # one timer slice
    drawn = console.document().characterCount()
    assert drawn <= per_slice + 2 * console.CHUNK, drawn
    assert console.has_pending_output()
    console.flush_now()
    assert console.document().blockCount() == 251


# -- flaky tests' causes (item 17) ----------------------------------------------------------


def test_a_restore_is_active_until_a_deferred_folder_is_closed_again(qtbot) -> None:
    from typing import NamedTuple

    from ide.ui.files.board_model import BoardModel
    from ide.ui.files.tree_state import TreeRestorer, TreeState
    from ide.ui.files.views import BoardTree

    class Entry(NamedTuple):  # shaped like ide.board.Entry
        name: str
        path: str
        is_dir: bool
        size: int

    model = BoardModel()
    tree = BoardTree()
    qtbot.addWidget(tree)
    tree.setModel(model)
    tree.show()
    restorer = TreeRestorer(model, tree)
    # A program runs: the listing of /lib is refused (deferred) as soon as it is asked for.
    model.fetch_requested.connect(lambda path: path != "/" and model.listing_deferred(path))
    model.start()
    restorer.restore(TreeState(expanded=["/lib"], selected=["/main.py"], current="/main.py"))
    model.set_children("/", [Entry("lib", "/lib", True, 0), Entry("main.py", "/main.py", False, 1)])
    lib = model.index_for_path("/lib")
    # Never "done" while /lib is still shown open: that is what the flaky test saw.
    assert restorer.active() or not tree.isExpanded(lib)
    qtbot.waitUntil(lambda: not restorer.active(), timeout=5000)
    assert not tree.isExpanded(lib)
    assert model.node(tree.currentIndex()).path == "/main.py"


# -- English leaking into Japanese and Chinese (item 13) -------------------------------------


def test_common_os_errors_become_phrases_with_the_raw_text_in_details() -> None:
    import errno
    import socket
    import urllib.error

    from ide.os_errors import details_line, os_reason, with_os_details
    from ide.text import Message

    cases = {
        urllib.error.URLError(
            socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        ): "the server's name could not be found",
        OSError(errno.ENETUNREACH, "Network is unreachable"): "no network connection",
        PermissionError(errno.EACCES, "Permission denied", "/x.py"): "permission denied",
        FileNotFoundError(errno.ENOENT, "No such file or directory", "/x.py"): "not found",
        OSError(errno.EBUSY, "Device or resource busy"): "in use by another program",
        TimeoutError("timed out"): "no answer in time",
        IsADirectoryError(errno.EISDIR, "Is a directory", "/x"): "it is a folder, not a file",
    }
    for exc, phrase in cases.items():
        reason = os_reason(exc)
        assert isinstance(reason, Message) and reason.source == phrase, exc
        line = details_line(exc)
        assert line is not None and str(line).startswith("Details: ")
    odd = OSError(errno.EXDEV, "Invalid cross-device link")
    assert os_reason(odd) == str(odd) and details_line(odd) is None  # unknown: as it is
    offline = urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))
    sentence = Message("Firmware", "The download failed: {reason}", {"reason": os_reason(offline)})
    assert str(with_os_details(sentence, offline)) == (
        "The download failed: the server's name could not be found\n"
        "Details: [Errno -2] Name or service not known"
    )


@pytest.fixture
def japanese(qapp, tmp_path, monkeypatch):
    from ide import i18n
    from ide.ui.settings import language

    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    language.install_translators(qapp, "ja")
    yield qapp
    language.install_translators(qapp, "en")


def test_a_save_error_is_japanese_with_the_os_words_on_a_details_line(
    japanese, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from ide.ui.editor import EditorTabs

    tabs = EditorTabs()
    qtbot.addWidget(tabs)
    shown: list[str] = []
    tabs.show_error = lambda title, text: shown.append(text)
    script = tmp_path / "x.py"
    script.write_text("x = 1\n")
    editor = tabs.open_local(script)
    editor.insert("# changed\n")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", refuse)  # (as root, chmod would not refuse)
    assert not tabs.save(editor)
    (text,) = shown
    first, details = text.split("\n")
    assert first.endswith("を保存できませんでした: 権限がありません")
    assert "Permission" not in first
    assert details.startswith("詳細: [Errno 13] Permission denied")


def test_local_sizes_are_in_the_users_language(japanese, qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileSystemModel, QStyleOptionViewItem

    from ide.ui.files.views import LocalTree

    (tmp_path / "a.py").write_text("hello")
    model = QFileSystemModel()
    root = model.setRootPath(str(tmp_path))
    tree = LocalTree(model)
    qtbot.addWidget(tree)
    tree.setRootIndex(root)
    qtbot.waitUntil(lambda: model.rowCount(root) > 0, timeout=10000)
    index = model.index(str(tmp_path / "a.py"), 1)
    assert index.data() == "5 bytes"  # Qt's own text, in the system's English
    option = QStyleOptionViewItem()
    tree.itemDelegateForColumn(1).initStyleOption(option, index)
    assert option.text == "5 バイト"
