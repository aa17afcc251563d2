"""Editor tabs against the real MicroPython simulator: save to the board and read back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ide.board import connect
from ide.ui.editor.tabs import EditorTabs


class InlineController:
    """Runs controller.submit() work at once on the calling thread, with a real board session.
    (SessionController does the same on a worker thread; only the scheduling differs.)"""

    def __init__(self, session: Any, port: str) -> None:
        self.session = session
        self.port = port

    def submit(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        busy: bool = True,
    ) -> None:
        try:
            result = fn(self.session)
        except Exception as exc:  # the UI's error path
            if on_error is not None:
                on_error(exc)
            return
        if on_done is not None:
            on_done(result)


@pytest.fixture
def board(sim):
    session = connect(sim.port)
    try:
        yield InlineController(session, sim.port)
    finally:
        session.close()


@pytest.mark.timeout(90)
def test_save_to_board_and_read_back(qtbot, board: InlineController) -> None:
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)
    source = "# 日本語のコメント\nprint('こんにちは')\n"
    editor = tabs.new_file(source, name="hello.py")
    editor.insert("x = 1\n")
    assert tabs.save_to_board("/hello.py")
    assert errors == []
    assert board.session.read_file("/hello.py").decode("utf-8") == "x = 1\n" + source
    assert tabs.tabText(tabs.indexOf(editor)) == "hello.py (board)"
    assert not editor.modify()
    # a later Save goes to the same board file
    editor.set_cursor_position(0, 0)
    editor.insert("# v2\n")
    assert tabs.save()
    assert board.session.read_file("/hello.py").startswith(b"# v2\nx = 1\n")
    # a file read from the board opens as a board tab
    opened = tabs.open_board_file("/hello.py", board.session.read_file("/hello.py").decode())
    assert opened is editor


@pytest.mark.timeout(90)
def test_save_to_board_failure_is_reported(qtbot, board: InlineController) -> None:
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)
    editor = tabs.new_file("a = 1\n", name="a.py")
    editor.insert("#")
    assert tabs.save_to_board("/no_such_folder/a.py")  # started; the board refuses
    assert len(errors) == 1 and "/no_such_folder/a.py" in errors[0]
    assert editor.modify()  # still unsaved: nothing pretends otherwise
    assert tabs.pending_saves() == 0


class Dialogs:
    """Stands in for Qt's name dialog and yes/no box (patched at Qt's own functions, so the
    test reads what the user would be offered): scripted answers, what was offered kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        self.names: list[tuple[str, bool]] = []  # what getText answers, in turn
        self.offered: list[str] = []  # the name each dialog suggested
        self.yes: list[bool] = []
        self.questions: list[str] = []

        def get_text(*args: Any, text: str = "", **kwargs: Any) -> tuple[str, bool]:
            self.offered.append(text)
            assert self.names, f"unexpected name dialog (suggesting {text})"
            return self.names.pop(0)

        def question(_parent: Any, _title: str, text: str, *args: Any) -> Any:
            self.questions.append(text)
            assert self.yes, f"unexpected question: {text}"
            yes = self.yes.pop(0)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))


@pytest.mark.timeout(90)
def test_save_to_board_as_suggests_main_py_for_a_new_tab(
    qtbot, board: InlineController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new tab's name is made up by the editor, in the user's language ("無題-3.py"): not
    a name for the board. An example or a file keeps its own name."""
    dialogs = Dialogs(monkeypatch)
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    tabs.new_file()
    second = tabs.new_file("print(2)\n")
    assert tabs.current_editor() is second
    dialogs.names = [("", False)] * 3
    assert not tabs.save_to_board()  # cancelled
    tabs.new_file("print('blink')\n", name="blink.py")  # an example's tab
    assert not tabs.save_to_board()
    board.session.write_file("/led.py", b"x = 1\n")
    tabs.open_board_file("/led.py", "x = 1\n")
    assert not tabs.save_to_board()
    assert dialogs.offered == ["/main.py", "/blink.py", "/led.py"]


@pytest.mark.timeout(90)
def test_save_to_board_as_asks_before_replacing_a_board_file(
    qtbot, board: InlineController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name typed into "Save to board as…" that is already a file there was written over
    without a word: a beginner's main.py lost to the next program saved as main.py."""
    board.session.write_file("/main.py", b"print('my first program')\n")
    dialogs = Dialogs(monkeypatch)
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)
    status: list[str] = []  # the status bar's last message ("" once withdrawn)
    tabs.status_message.connect(status.append)
    tabs.status_withdrawn.connect(lambda text: status.append("" if status[-1] == text else text))
    editor = tabs.new_file("print('second')\n")
    # No: nothing is written, and the name is asked again (with the name typed); cancel there
    dialogs.names = [("main.py", True), ("", False)]
    dialogs.yes = [False]
    tabs.save_to_board()
    assert dialogs.questions == ["“/main.py” already exists on the board. Replace it?"]
    assert dialogs.offered == ["/main.py", "/main.py"]
    assert board.session.read_file("/main.py") == b"print('my first program')\n"
    assert tabs.document(editor).board_path is None  # still the new tab it was
    assert status[-1] == ""  # no "Saving /main.py to the board…" left behind
    assert tabs.pending_saves() == 0
    # No, then another name: saved there, main.py untouched
    dialogs.names = [("/main.py", True), ("/second.py", True)]
    dialogs.yes = [False]
    tabs.save_to_board()
    assert board.session.read_file("/second.py") == b"print('second')\n"
    assert board.session.read_file("/main.py") == b"print('my first program')\n"
    assert tabs.document(editor).board_path == "/second.py" and not editor.modify()
    # the tab's own file again: no question
    editor.insert("# v2\n")
    dialogs.names = [("/second.py", True)]
    tabs.save_to_board()
    assert board.session.read_file("/second.py") == b"# v2\nprint('second')\n"
    # Yes: replaced
    dialogs.names = [("/main.py", True)]
    dialogs.yes = [True]
    tabs.save_to_board()
    assert board.session.read_file("/main.py") == b"# v2\nprint('second')\n"
    assert tabs.document(editor).board_path == "/main.py"
    assert len(dialogs.questions) == 3 and errors == []


@pytest.mark.timeout(90)
def test_traceback_link_opens_a_board_file(qtbot, board: InlineController) -> None:
    board.session.write_file("/lib_helper.py", b"def f():\n    return 1 / 0\n")
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    statuses: list[str] = []
    tabs.status_message.connect(statuses.append)
    tabs.new_file("import lib_helper\n", name="main.py")
    assert tabs.goto_line("lib_helper.py", 2)  # not open: read from the board
    assert tabs.current_name() == "/lib_helper.py"
    assert tabs.current_editor().cursor_position() == (1, 4)
    assert tabs.tabText(tabs.currentIndex()) == "lib_helper.py (board)"
    assert tabs.goto_line("/missing.py", 1)  # asked; the board says no
    assert statuses[-1] == "/missing.py is not on the board"
    assert tabs.count() == 2


def test_a_board_paths_link_opens_the_board_file_not_a_local_tab_of_that_name(
    qtbot, board: InlineController, tmp_path
) -> None:
    """A traceback of a board file run from the Files pane names its board path: with a tab
    of this computer's file of the same name open, the link went to that tab."""
    board.session.mkdir("/sub dir")
    board.session.write_file("/sub dir/ä ö.py", b"a = 1\nb = 1 / 0\n")
    local = tmp_path / "ä ö.py"
    local.write_text("# mine, on this computer\n", encoding="utf-8")
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    mine = tabs.open_local(local)
    assert tabs.goto_line("/sub dir/ä ö.py", 2)
    assert tabs.current_editor() is not mine
    assert tabs.current_name() == "/sub dir/ä ö.py"
    assert tabs.goto_line("ä ö.py", 1)  # a name as a run of a tab gives it: that tab
    assert tabs.current_editor() is mine


@pytest.mark.timeout(90)
def test_traceback_link_refuses_a_board_file_that_is_not_utf8(
    qtbot, board: InlineController
) -> None:
    """Opening it with replacement characters would corrupt its bytes on the next save."""
    board.session.write_file("/sensor.py", b"x = 1\n# caf\xe9 \xff\n")
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    shown: list[tuple[str, str]] = []
    tabs.show_error = lambda title, text: shown.append((title, text))
    tabs.new_file("import sensor\n", name="main.py")
    assert tabs.goto_line("sensor.py", 2)  # not open: read from the board, then refused
    assert shown == [
        ("Not a text file", "“/sensor.py” is not UTF-8 text, so the editor can't open it.")
    ]
    assert tabs.count() == 1 and tabs.current_name() == "main.py"
    assert board.session.read_file("/sensor.py") == b"x = 1\n# caf\xe9 \xff\n"


@pytest.mark.timeout(120)
def test_closing_the_window_waits_for_a_board_save(qtbot, tmp_path) -> None:
    """The real SessionController (worker thread) and the simulator: Save in the close prompt
    starts a board write; the window stays until the board confirms, then closes."""
    from PySide6.QtCore import QSettings

    from ide.ui.board.session_controller import SessionController
    from ide.ui.editor.tabs import SAVE
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    window = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(window)
    errors: list[str] = []
    tabs = window.editor_tabs
    tabs.show_error = lambda title, text: errors.append(text)
    window.show()
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        editor = tabs.open_board_file("/keep.py", "a = 1\n")
        editor.insert("# changed\n")
        closed: list[str] = []
        tabs.ask_save_changes = lambda name: SAVE
        window.closing.connect(lambda: closed.append("closing"))
        assert not window.close()  # not yet: the board has not confirmed
        assert window.isVisible() and tabs.pending_saves() == 1
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
        assert errors == []
        assert not editor.modify()  # set only when write_file returned
        assert closed == ["closing"]
    finally:
        controller.shutdown()


@pytest.mark.timeout(120)
def test_saving_to_the_board_while_a_program_runs_asks_to_stop_it(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A running program holds the board's queue: a board save (and Save to board as main.py)
    waited for the program to end, for ever with a `while True:` loop, the tab saying
    "Saving…". Now the user is asked to stop it first; No leaves everything as it was."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from ide.ui.board.session_controller import SessionController
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    window = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(window)
    tabs = window.editor_tabs
    errors: list[str] = []
    tabs.show_error = lambda title, text: errors.append(text)
    asked: list[str] = []
    answers: list[bool] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    tabs.ask_yes_no = ask
    window.show()
    loop = "import time\nwhile True:\n    time.sleep(0.05)\n"
    question = "A program is running on the board. Stop it and save the file?"
    try:
        controller.connect_port("simulator")
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=60000)
        editor = tabs.open_board_file("/keep.py", "a = 1\n")
        editor.insert("# changed\n")
        controller.run_program(loop)
        qtbot.waitUntil(controller.is_running, timeout=30000)
        # No: nothing queued, the program goes on, the tab keeps its changes
        answers.append(False)
        assert not tabs.save(editor)
        assert asked == [question]
        assert tabs.pending_saves() == 0 and editor.modify()
        qtbot.wait(300)
        assert controller.is_running()
        # Yes: the program is stopped and the save follows
        answers.append(True)
        assert tabs.save(editor)
        qtbot.waitUntil(lambda: not editor.modify() and tabs.pending_saves() == 0, timeout=30000)
        assert not controller.is_running()
        box: dict[str, Any] = {}
        controller.submit(lambda s: s.read_file("/keep.py"), lambda r: box.setdefault("r", r))
        qtbot.waitUntil(lambda: "r" in box, timeout=30000)
        assert box["r"] == b"# changed\na = 1\n"
        # Save to board as main.py: its own box first, then the same question
        controller.run_program(loop)
        qtbot.waitUntil(controller.is_running, timeout=30000)

        def exec_box(self: QMessageBox) -> int:
            [save] = [b for b in self.buttons() if b.text() == "Save as main.py"]
            save.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_box)
        answers.append(True)
        window.console_panel.save_as_main()
        assert asked == [question] * 3
        qtbot.waitUntil(lambda: not controller.is_running(), timeout=30000)
        box.clear()
        controller.submit(lambda s: s.read_file("/main.py"), lambda r: box.setdefault("r", r))
        qtbot.waitUntil(lambda: "r" in box, timeout=30000)
        assert box["r"] == b"# changed\na = 1\n"
        assert errors == []
    finally:
        if controller.is_running():  # a failed check: end the loop, or shutdown waits on it
            controller.stop()
            qtbot.waitUntil(lambda: not controller.is_running(), timeout=30000)
        controller.shutdown()


def test_a_deleted_board_files_tab_let_go_lets_the_window_close_and_is_saved_with_care(
    qtbot, board: InlineController, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tab whose board file was deleted counts as unsaved. "Don't save" at closing must
    let the window close (it kept counting as unsaved, so a close waiting for another board
    save never came); and Save writes its file again, asking first when a file has been put
    there since (another one, not the tab's)."""
    from ide.ui.editor.document import DISCARD

    board.session.write_file("/gone.py", b"a = 1\n")
    tabs = EditorTabs(controller=board)
    qtbot.addWidget(tabs)
    editor = tabs.open_board_file("/gone.py", "a = 1\n")
    board.session.remove("/gone.py")
    tabs.board_path_deleted("/gone.py")
    assert tabs.has_unsaved_changes()
    tabs.ask_save_changes = lambda name: DISCARD  # type: ignore[method-assign]
    assert tabs.maybe_close_all()
    assert not tabs.has_unsaved_changes()

    tabs.board_path_deleted("/gone.py")  # deleted again; and a new file is put there
    board.session.write_file("/gone.py", b"someone_else = 2\n")
    dialogs = Dialogs(monkeypatch)
    dialogs.yes = [False]
    dialogs.names = [("", False)]  # No: the name is asked for again; cancelled
    tabs.save(editor)
    assert dialogs.questions == ["“/gone.py” already exists on the board. Replace it?"]
    assert board.session.read_file("/gone.py") == b"someone_else = 2\n"
    dialogs.yes = [True]  # Yes: the tab's text goes back there, once
    tabs.save(editor)
    assert board.session.read_file("/gone.py") == b"a = 1\n"
    assert len(dialogs.questions) == 2 and not tabs.has_unsaved_changes()
