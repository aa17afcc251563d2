"""File > Open from board… (ide.ui.editor.board_file_dialog) against the simulator board.

The real SessionController and EditorTabs; the dialog and message boxes on screen are found
and answered like a user would (a timer looks for them, so this works whether they block or
not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from ide.ui.editor.board_file_dialog import open_board_file
from ide.ui.editor.tabs import EditorTabs
from tests.ui.test_files_pane import call

CONNECT_MS = 60_000
SENSOR = "/lib/センサー.py"
SENSOR_TEXT = "# 温度を読む\nTEMP = 27\n"


class User:
    """Answers the next Open-from-board dialog and records every message box shown."""

    def __init__(self) -> None:
        self.choose: str | None = None  # the file to pick; None: Cancel
        self.before_choosing: Callable[[], None] | None = None
        self.items: list[str] | None = None
        self.messages: list[tuple[str, str]] = []  # (title, text)
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        for w in QApplication.topLevelWidgets():
            if not w.isVisible():
                continue
            if isinstance(w, QInputDialog) and self.items is None:
                self.items = list(w.comboBoxItems())
                if self.choose is None:
                    w.reject()
                    continue
                assert self.choose in self.items, (self.choose, self.items)
                if self.before_choosing is not None:
                    self.before_choosing()
                w.setTextValue(self.choose)
                w.accept()
            elif isinstance(w, QMessageBox):
                self.messages.append((w.windowTitle(), w.text()))
                w.accept()


@pytest.fixture
def controller(qtbot: Any, sim: Any) -> Iterator[Any]:
    from ide.ui.board.session_controller import SessionController

    c = SessionController()
    with qtbot.waitSignal(c.connected, timeout=CONNECT_MS):
        c.connect_port(sim.port)
    yield c
    c.shutdown()


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def tabs(qtbot: Any, controller: Any) -> EditorTabs:
    t = EditorTabs(controller)
    qtbot.addWidget(t)
    return t


@pytest.fixture
def user() -> Iterator[User]:
    u = User()
    yield u
    u.stop()


def make_files(session: Any) -> None:
    session.mkdir("/lib")
    session.write_file("/main.py", b"print('hello')\n")
    session.write_file("/lib/helper.py", b"X = 1\n")
    session.write_file(SENSOR, SENSOR_TEXT.encode())
    session.write_file("/データ.txt", "一,二\n".encode())
    session.write_file("/logo.bin", b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x80 binary")


def board_tabs(tabs: EditorTabs) -> list[str]:
    docs = [tabs.document(e) for e in tabs.editors()]
    return [d.board_path for d in docs if d is not None and d.board_path is not None]


@pytest.mark.timeout(90)
def test_lists_the_board_files_and_cancel_opens_nothing(
    qtbot: Any, controller: Any, window: QWidget, tabs: EditorTabs, user: User
) -> None:
    call(qtbot, controller, make_files)
    count = tabs.count()
    open_board_file(window, controller, tabs)
    qtbot.waitUntil(lambda: user.items is not None, timeout=30_000)
    assert user.items is not None
    for path in ("/main.py", "/lib/helper.py", SENSOR, "/データ.txt", "/logo.bin"):
        assert path in user.items, user.items
    assert "/lib" not in user.items  # a folder is gone into, not offered as a file
    qtbot.wait(300)
    assert tabs.count() == count and board_tabs(tabs) == []
    assert user.messages == []


@pytest.mark.timeout(90)
def test_choosing_a_file_opens_it_in_a_tab_on_the_board(
    qtbot: Any, controller: Any, window: QWidget, tabs: EditorTabs, user: User
) -> None:
    call(qtbot, controller, make_files)
    user.choose = SENSOR
    open_board_file(window, controller, tabs)
    qtbot.waitUntil(lambda: tabs.find_board(SENSOR) is not None, timeout=30_000)
    editor = tabs.find_board(SENSOR)
    assert editor is not None and editor.text() == SENSOR_TEXT
    assert not editor.modify()
    index = tabs.indexOf(editor)
    assert tabs.tabText(index).startswith("センサー.py")
    assert SENSOR in tabs.tabToolTip(index)
    assert tabs.current_name() == SENSOR  # Run and Save go to the board file
    assert user.messages == []


@pytest.mark.timeout(90)
def test_a_binary_file_is_refused_with_a_message(
    qtbot: Any, controller: Any, window: QWidget, tabs: EditorTabs, user: User
) -> None:
    call(qtbot, controller, make_files)
    user.choose = "/logo.bin"
    open_board_file(window, controller, tabs)
    qtbot.waitUntil(lambda: bool(user.messages), timeout=30_000)
    title, text = user.messages[0]
    assert "logo.bin" in text and "UTF-8" in text, text
    qtbot.wait(300)
    assert board_tabs(tabs) == []  # nothing that a save would write back half-replaced


@pytest.mark.timeout(90)
def test_a_file_gone_before_it_is_read_gives_a_message(
    qtbot: Any, controller: Any, window: QWidget, tabs: EditorTabs, user: User
) -> None:
    call(qtbot, controller, make_files)
    user.choose = "/lib/helper.py"
    # someone else (a program, another tool) removes it while the list is open
    user.before_choosing = lambda: controller.session.remove("/lib/helper.py")
    open_board_file(window, controller, tabs)
    qtbot.waitUntil(lambda: bool(user.messages), timeout=30_000)
    title, text = user.messages[0]
    assert title == "Could not read the board"
    assert "/lib/helper.py" in text, text
    assert board_tabs(tabs) == []


def test_no_board_says_so(qtbot: Any, window: QWidget, user: User) -> None:
    tabs = EditorTabs(None)
    qtbot.addWidget(tabs)
    open_board_file(window, None, tabs)
    qtbot.waitUntil(lambda: bool(user.messages), timeout=5_000)
    assert user.messages[0][0] == "No board connected"
    assert board_tabs(tabs) == []
