"""The editor's assistance in the widget: the popup and the calltip through Scintilla's own
lists, answers computed on the assist thread, stale answers dropped, typing never blocked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from ide.core import completion
from ide.ui.editor import assist as assist_module
from ide.ui.editor.tabs import EditorTabs
from ide.ui.settings.preferences import Preferences


@pytest.fixture
def tabs(qtbot, tmp_path: Path) -> EditorTabs:
    prefs = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    widget = EditorTabs(preferences=prefs)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.new_file()
    return widget


def _type(qtbot, tabs: EditorTabs, text: str) -> None:
    editor = tabs.current_editor()
    assert editor is not None
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def test_dot_opens_the_list_from_the_boards_stubs(qtbot, tabs: EditorTabs) -> None:
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import machine\nmachine.")
    qtbot.waitUntil(editor.autoCActive, timeout=30000)
    _type(qtbot, tabs, "Pi")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab accepts the selected name
    assert editor.text().endswith("machine.Pin")


def test_open_paren_shows_the_parameters(qtbot, tabs: EditorTabs) -> None:
    editor = tabs.current_editor()
    _type(qtbot, tabs, "from machine import Pin\nPin(")
    qtbot.waitUntil(editor.callTipActive, timeout=30000)


def test_checks_underline_after_a_pause(qtbot, tabs: EditorTabs) -> None:
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import network\nnetwork.WLAN()")
    hub_assist = tabs.assist.assist(editor)
    qtbot.waitUntil(lambda: bool(hub_assist.problems), timeout=30000)
    problem = hub_assist.problems[0]
    assert "Raspberry Pi Pico W" in str(problem.message)
    assert editor.indicatorValueAt(assist_module.CHECK_INDICATOR, editor.to_byte(8)) == 1
    assert hub_assist.problems_at(editor.to_byte(8)) == [problem]
    tabs.assist.set_board("rp2-pico-w")  # a Pico W connected: the finding goes
    qtbot.waitUntil(lambda: not hub_assist.problems, timeout=30000)


def test_typing_goes_on_while_a_completion_is_computed(qtbot, tabs, monkeypatch) -> None:
    """The GUI thread never waits for the engine: while a (deliberately stuck) completion
    runs on the assist thread, keys keep landing; the answer for the older text is dropped
    and only the one for the current text is shown."""
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow_complete(source: str, *_args: object, **_kwargs: object) -> list:
        calls.append(source)
        if source.endswith("machine."):
            started.set()
            release.wait(60)  # bounded: a broken test ends instead of hanging
            return [completion.Completion("Stale", "class", "", "", 0)]
        if source.endswith("machine.Pi"):
            return [completion.Completion("Pin", "class", "", "", 2)]
        return []  # "im", "ma": the names typed on the way (nothing to show)

    shown: list[list[str]] = []
    show = assist_module.EditorAssist._show_completions
    monkeypatch.setattr(assist_module.completion, "complete", slow_complete, raising=False)
    monkeypatch.setattr(
        assist_module.EditorAssist,
        "_show_completions",
        lambda self, items: (items and shown.append([i.name for i in items]), show(self, items)),
    )
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import machine\nmachine.")
    qtbot.waitUntil(started.is_set, timeout=30000)
    _type(qtbot, tabs, "Pi")  # the engine is still busy: these keys must not wait for it
    assert editor.text().endswith("machine.Pi") and not release.is_set()
    release.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert calls[-1].endswith("machine.Pi")  # asked again for the newer text
    assert shown == [["Pin"]]  # the answer for "machine." never reached the screen
    assert editor.autoCActive()


def test_go_to_definition_opens_the_stub_read_only(qtbot, tabs: EditorTabs) -> None:
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import machine\nmachine.Pin")
    tabs.assist.assist(editor).request_definition()
    qtbot.waitUntil(lambda: tabs.count() == 2, timeout=30000)
    stub = tabs.current_editor()
    assert stub.readOnly() and "class Pin" in stub.line_text(stub.cursor_position()[0])
    assert tabs.tabText(tabs.currentIndex()).startswith("machine.pyi")


def test_modules_listed_on_the_board_complete_and_are_not_flagged(qtbot, tabs) -> None:
    from ide.board import Entry
    from ide.ui.files.board_model import BoardModel

    model = BoardModel()
    model.start()
    tabs.assist.watch_board_files(model)
    model.set_children("/", [Entry("lib", "/lib", True, 0), Entry("main.py", "/main.py", False, 1)])
    model.set_children("/lib", [Entry("ssd1306.mpy", "/lib/ssd1306.mpy", False, 9)])
    assert tabs.assist.state.lib_modules == frozenset({"lib", "main", "ssd1306"})
    ctx = tabs.assist.assist().context()
    assert [c.name for c in completion.complete("import ssd", 0, 10, ctx)] == ["ssd1306"]


def test_the_connected_board_chooses_the_stubs(qtbot, sim, tmp_path: Path) -> None:
    from ide.ui.board.session_controller import SessionController

    controller = SessionController()
    prefs = Preferences(QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat))
    widget = EditorTabs(controller=controller, preferences=prefs)
    qtbot.addWidget(widget)
    widget.assist.state.board = "esp32"  # as if an ESP32 had been connected before
    try:
        with qtbot.waitSignal(controller.connected, timeout=60_000):
            controller.connect_port(sim.port)
        qtbot.waitUntil(lambda: widget.assist.state.board == "rp2-pico", timeout=30_000)
    finally:
        controller.shutdown()


def test_a_half_typed_line_keeps_the_findings(qtbot, tabs: EditorTabs, monkeypatch) -> None:
    answers: list[object] = []
    show = assist_module.EditorAssist._show_problems
    monkeypatch.setattr(
        assist_module.EditorAssist,
        "_show_problems",
        lambda self, problems: (answers.append(problems), show(self, problems)),
    )
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import network\nnetwork.WLAN()\nprint(valeu)")
    assist = tabs.assist.assist(editor)
    qtbot.waitUntil(lambda: len(assist.problems) == 2, timeout=30000)
    _type(qtbot, tabs, "\nnetwork.")  # does not parse
    assist.request_check()
    qtbot.waitUntil(lambda: None in answers, timeout=30000)
    assert len(assist.problems) == 2
    assert editor.indicatorValueAt(assist_module.CHECK_INDICATOR, editor.to_byte(8)) == 1


def test_f1_shows_the_documentation_at_the_caret(qtbot, tabs: EditorTabs) -> None:
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import time\ntime.sleep_ms(10)")
    editor.set_cursor_position(1, 8)
    assist = tabs.assist.assist(editor)
    assist.request_docs()
    qtbot.waitUntil(editor.callTipActive, timeout=30000)
    assert assist.last_doc is not None and assist.last_doc.name == "sleep_ms"


def test_go_to_definition_opens_the_users_module(qtbot, tabs: EditorTabs, tmp_path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "mylib.py").write_text("X = 1\n\n\ndef blink(pin):\n    pass\n", encoding="utf-8")
    main = folder / "main.py"
    main.write_text("import mylib\nmylib.blink(2)\n", encoding="utf-8")
    editor = tabs.open_local(main)
    editor.set_cursor_position(1, 8)
    tabs.assist.assist(editor).request_definition()
    lib = (folder / "mylib.py").resolve()
    qtbot.waitUntil(lambda: tabs.document().local_path == lib, timeout=30000)
    opened = tabs.current_editor()
    assert not opened.readOnly() and opened.cursor_position() == (3, 4)


def test_hovering_a_name_shows_its_documentation(qtbot, tabs: EditorTabs, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        assist_module.QToolTip, "showText", lambda _p, text, *_a: shown.append(text)
    )
    editor = tabs.current_editor()
    _type(qtbot, tabs, "import time\ntime.sleep_ms(10)")
    pos = editor.to_byte(len("import time\ntime.sle"))
    x, y = editor.pointXFromPosition(pos), editor.pointYFromPosition(pos)
    tabs.assist.assist(editor)._on_dwell(x, y + 2)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "sleep_ms(ms: int" in shown[0] and "milliseconds" in shown[0]


def test_jedi_warms_up_with_the_first_typing_not_at_start(qtbot, tabs, monkeypatch) -> None:
    """Idle memory: a window nobody types in never loads jedi and its stubs (nor when a board
    connects); the first character typed in an editor loads them, once."""
    warmed: list[str] = []
    monkeypatch.setattr(completion, "warm_up", lambda ctx: warmed.append(ctx.board))
    hub = tabs.assist
    qtbot.wait(2000)  # (the old warm-up ran 1.5 s after the window was built)
    hub.set_board("esp32")  # a board connected
    qtbot.wait(200)
    assert warmed == []
    _type(qtbot, tabs, "ab")
    qtbot.waitUntil(lambda: warmed == ["esp32"], timeout=10000)
    hub.set_board("rp2-pico")  # once typing began, a new board's stubs load at once
    qtbot.waitUntil(lambda: warmed == ["esp32", "rp2-pico"], timeout=10000)
