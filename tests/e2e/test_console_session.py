"""The IDE against the real simulator: Run, input(), Stop, links, main.py, reconnect, floods.

Each test builds a main window whose SessionController starts its own virtual board
(port "simulator"), as a newcomer's first start does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from ide.ui.board.session_controller import SessionController
from ide.ui.console.panel import ConsolePanel
from ide.ui.editor import EditorTabs
from ide.ui.files import FilesPane
from ide.ui.settings.preferences import Preferences
from ide.ui.window.main_window import MainWindow
from tests.helpers.event_loop_probe import EventLoopProbe

CONNECT_MS = 60000  # the first start may install the simulator's npm package
WAIT_MS = 20000


def console_text(window) -> str:
    window.console.flush_now()
    return window.console.toPlainText()


def wait_console(qtbot, window, needle: str, timeout: int = WAIT_MS) -> None:
    try:
        qtbot.waitUntil(lambda: needle in console_text(window), timeout=timeout)
    except AssertionError:
        text = console_text(window)
        raise AssertionError(f"{needle!r} never appeared; console:\n{text}") from None


def wait_prompt(qtbot, window, timeout: int = WAIT_MS) -> None:
    def ready() -> bool:
        return window.controller.state == "idle" and console_text(window).endswith(">>> ")

    try:
        qtbot.waitUntil(ready, timeout=timeout)
    except AssertionError:
        raise AssertionError(
            f"no prompt (state {window.controller.state}); console:\n{console_text(window)}"
        ) from None


@pytest.fixture
def ide(qtbot, tmp_path, monkeypatch):
    errors: list[object] = []
    # No modal dialogs in tests: errors are collected, questions answered "no".
    monkeypatch.setattr(ConsolePanel, "show_error", lambda self, msg: errors.append(msg))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(EditorTabs, "_ask_save_changes", lambda self, name: "discard")
    files_errors: list[BaseException] = []  # e.g. a listing cut short when the board goes away
    monkeypatch.setattr(FilesPane, "show_error", lambda self, exc: files_errors.append(exc))
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    window = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.test_errors = errors
    window.console_panel.choose_port("simulator")
    try:
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    except AssertionError:
        raise AssertionError(f"the simulator did not connect: {errors}") from None
    wait_prompt(qtbot, window)
    yield window
    controller.shutdown()


def run_script(qtbot, window, code: str) -> None:
    editor = window.editor_tabs.current_editor()
    editor.set_text(code)
    window.run_action.trigger()
    qtbot.waitUntil(lambda: window.controller.state != "idle", timeout=WAIT_MS)


@pytest.mark.timeout(120)
def test_type_run_output_and_globals_at_the_prompt(ide, qtbot):
    editor = ide.editor_tabs.current_editor()
    editor.take_focus()
    qtbot.keyClicks(editor, "x = 6 * 7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "print('answer', x)")
    qtbot.keyClick(editor, Qt.Key.Key_F5)  # the Run shortcut
    wait_console(qtbot, ide, "answer 42")
    wait_prompt(qtbot, ide)
    assert ide.test_errors == []
    assert ide.preferences.last_port == "simulator"
    status = ide.console_panel.status
    assert status.state_label.text() == "idle"
    assert "MicroPython" in status.board_label.text()
    assert ide.console_panel.port_selector.current_port() == "simulator"

    # The program's globals are there at the prompt; keys go to the board's own REPL.
    qtbot.keyClicks(ide.console, "print(x + 1)")
    qtbot.keyClick(ide.console, Qt.Key.Key_Return)
    wait_console(qtbot, ide, "\n43\n")

    # Several pasted lines go through paste mode and run as one block.
    ide.console.paste_text("def twice(n):\n    return 2 * n\n\nprint(twice(x))\n")
    wait_console(qtbot, ide, "\n84\n")
    wait_prompt(qtbot, ide)


@pytest.mark.timeout(120)
def test_input_reads_what_the_user_types_in_the_console(ide, qtbot):
    run_script(qtbot, ide, "name = input('Your name? ')\nprint('Hello,', name)\n")
    wait_console(qtbot, ide, "Your name? ")
    assert ide.controller.state == "running"
    qtbot.keyClicks(ide.console, "Ada")
    qtbot.keyClick(ide.console, Qt.Key.Key_Return)
    wait_console(qtbot, ide, "Hello, Ada")
    wait_prompt(qtbot, ide)


@pytest.mark.timeout(120)
def test_stop_while_input_waits_is_explained_like_any_stop(ide, qtbot):
    # A board prints the traceback straight after the prompt ("Name? Traceback ..."): the
    # console still knows it for one, links its line and says why the program ended.
    run_script(qtbot, ide, "name = input('Name? ')\nprint('Hello,', name)\n")
    wait_console(qtbot, ide, "Name? ")
    ide.stop_action.trigger()
    wait_prompt(qtbot, ide)
    text = console_text(ide)
    assert "Name? Traceback (most recent call last):\n" in text
    assert text.rstrip().endswith(
        "KeyboardInterrupt: \n"
        "The program was stopped (Stop button or Ctrl+C). This is not a mistake in your code.\n"
        ">>>"
    ), text


@pytest.mark.timeout(120)
def test_stop_interrupts_an_endless_loop_and_finally_runs(ide, qtbot):
    run_script(
        qtbot,
        ide,
        "try:\n    print('looping')\n    while True:\n        pass\n"
        "finally:\n    print('cleanup ran')\n",
    )
    wait_console(qtbot, ide, "looping")
    assert ide.controller.is_running()
    ide.stop_action.trigger()
    wait_console(qtbot, ide, "KeyboardInterrupt")
    wait_console(qtbot, ide, "cleanup ran")
    wait_prompt(qtbot, ide)
    assert ide.run_action.isEnabled()

    # Ctrl-C typed in the console stops a program too.
    run_script(qtbot, ide, "while True:\n    pass\n")
    qtbot.keyClick(ide.console, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    wait_prompt(qtbot, ide)
    assert console_text(ide).count("KeyboardInterrupt") == 2


@pytest.mark.timeout(120)
def test_stop_after_a_flood_of_prints_shows_the_prompt_without_replaying_it(ide, qtbot):
    """`while True: print(1)` floods the console faster than it can draw; after Stop, once
    the run has ended, the console draws at most what fits its scrollback twice over, then
    the prompt: not every line the board printed before the Stop (that took ~30 s)."""
    received: list[int] = []
    ide.controller.console_bytes.connect(lambda data: received.append(len(data)))
    run_script(qtbot, ide, "while True:\n    print(1)\n")
    qtbot.waitUntil(lambda: sum(received) > 600_000, timeout=60000)  # 200,000 lines
    console = ide.console
    drawn_after: list[str] = []
    ended = []

    def drawn(texts: list[str], _program: bool) -> None:
        if ended:
            drawn_after.extend(texts)

    console.lines_finished.connect(drawn)
    ide.stop_action.trigger()
    qtbot.waitUntil(lambda: ide.controller.state == "idle", timeout=WAIT_MS)
    ended.append(True)
    assert console._backlog_lines <= 2 * console.max_lines
    wait_prompt(qtbot, ide)
    assert "KeyboardInterrupt" in console_text(ide)
    assert len(drawn_after) <= 4 * console.max_lines, len(drawn_after)


@pytest.mark.timeout(120)
def test_traceback_link_moves_the_editor_cursor(ide, qtbot):
    run_script(qtbot, ide, "a = 1\nb = 2\nprint(c)\nd = 4\n")
    wait_console(qtbot, ide, "NameError")
    wait_prompt(qtbot, ide)
    console = ide.console
    doc = console.document()
    block = next(
        doc.findBlockByNumber(i)
        for i in range(doc.blockCount())
        if 'File "' in doc.findBlockByNumber(i).text()
    )
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index("line") + 1)
    point = console.cursorRect(cursor).center()
    assert console.link_at(point) is not None, block.text()
    editor = ide.editor_tabs.current_editor()
    editor.set_cursor_position(0, 0)
    ide.editor_tabs.new_file()  # another tab is in front now
    assert ide.editor_tabs.current_editor() is not editor
    qtbot.mouseClick(console.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert ide.editor_tabs.current_editor() is editor  # back to the script that ran
    assert editor.cursor_position()[0] == 2  # line 3, 0-based
    # The beginner explanation stands under the traceback.
    assert "'c'" in console_text(ide).split("NameError", 1)[1]


@pytest.mark.timeout(120)
def test_save_as_main_py_and_read_it_back(ide, qtbot):
    script = "# blink\nprint('hello from main')\n"
    ide.editor_tabs.current_editor().set_text(script)
    seen: list[str] = []

    def answer_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_dialog)
            return
        seen.append(box.text())
        box.buttons()[0].click()  # "Save as main.py"

    QTimer.singleShot(50, answer_dialog)
    ide.save_main_action.trigger()
    assert seen and "every time it is powered on" in seen[0]
    qtbot.waitUntil(lambda: ide.controller.state == "idle", timeout=WAIT_MS)

    result: list[bytes] = []
    ide.controller.submit(lambda s: s.read_file("/main.py"), result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=WAIT_MS)
    assert result[0] == script.encode()
    assert ide.test_errors == []


@pytest.mark.timeout(150)
def test_simulator_restarted_under_the_ide_reconnects(ide, qtbot):
    controller = ide.controller
    first = controller.simulator
    states: list[str] = []
    controller.state_changed.connect(states.append)
    first.close()  # the virtual board dies under the IDE
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    assert controller.simulator is not None and controller.simulator is not first
    assert states[-1] == "idle", states
    run_script(qtbot, ide, "print('back again')\n")
    wait_console(qtbot, ide, "back again")
    wait_prompt(qtbot, ide)
    # the new board's banner starts on a line of its own, not after the old ">>> "
    lines = console_text(ide).splitlines()
    assert not [line for line in lines if ">>> MicroPython" in line], lines
    assert sum(line.startswith("MicroPython v") for line in lines) >= 2, lines


@pytest.mark.timeout(150)
def test_choosing_another_simulated_board_starts_its_banner_on_a_line_of_its_own(ide, qtbot):
    controller = ide.controller
    run_script(qtbot, ide, "import time\nprint('blinking')\nwhile True:\n    time.sleep(0.1)\n")
    wait_console(qtbot, ide, "blinking")
    controller.set_simulated_board("esp32")  # (Board view: "ESP32 DevKit", while it runs)
    qtbot.waitUntil(lambda: "ESP32" in console_text(ide), timeout=CONNECT_MS)
    wait_prompt(qtbot, ide)
    lines = console_text(ide).splitlines()
    assert not [line for line in lines if ">>> MicroPython" in line], lines
    assert sum(line.startswith("MicroPython v") for line in lines) >= 2, lines


@pytest.mark.timeout(180)
def test_a_megabyte_of_output_never_stalls_the_event_loop(ide, qtbot):
    received: list[int] = []
    ide.controller.console_bytes.connect(lambda data: received.append(len(data)))
    loop = EventLoopProbe()
    loop.start()
    run_script(qtbot, ide, "s = 'x' * 99\nfor i in range(10500):\n    print(s)\nprint('done')\n")
    qtbot.waitUntil(
        lambda: ide.controller.state == "idle" and not ide.console.has_pending_output(),
        timeout=120000,
    )
    loop.stop()
    assert sum(received) > 1_000_000
    assert console_text(ide).endswith("done\n>>> ")
    assert len(loop.gaps) > 20
    assert loop.stalls() == [], loop.summary()


@pytest.mark.timeout(120)
def test_run_follows_the_windows_keep_state_setting(ide, qtbot):
    # F5 starts from a clean board (a soft reset first) unless Settings keep the state
    ide.preferences.keep_board_state = True
    run_script(qtbot, ide, "kept = 7\n")
    wait_prompt(qtbot, ide)
    run_script(qtbot, ide, "print('kept:', 'kept' in globals())\n")
    wait_console(qtbot, ide, "kept: True")
    wait_prompt(qtbot, ide)
    ide.preferences.keep_board_state = False
    run_script(qtbot, ide, "print('still:', 'kept' in globals())\n")
    wait_console(qtbot, ide, "still: False")
    wait_prompt(qtbot, ide)


@pytest.mark.timeout(150)
def test_a_killed_simulator_is_shown_at_once_and_choosing_it_again_recovers(
    ide, qtbot, monkeypatch
):
    import os
    import signal
    import time

    from ide.board.errors import Disconnected
    from ide.board.transports.simulator import SimulatorTransport

    controller = ide.controller
    board = controller.simulator
    assert board is not None and board.alive
    pid = board._proc.pid
    # The board stays away until the user chooses it again (else ide.board's own reconnection
    # would bring a fresh one back within a second, before the lost state can be looked at).
    away = [True]
    real_open = SimulatorTransport.open

    def open_unless_away(self) -> None:
        if away[0]:
            raise Disconnected("the simulator stays away (test)")
        real_open(self)

    monkeypatch.setattr(SimulatorTransport, "open", open_unless_away)
    seen: list[tuple[str, float]] = []
    controller.state_changed.connect(lambda state: seen.append((state, time.monotonic())))
    killed = time.monotonic()
    os.kill(pid, signal.SIGKILL)  # the node process dies under the IDE
    # a job already on its way meets the dead link too: it must not stop ide.board's search
    early: list[BaseException] = []
    controller.submit(lambda s: s.listdir("/"), lambda _r: None, early.append, busy=False)
    try:
        qtbot.waitUntil(lambda: controller.state == "reconnecting", timeout=WAIT_MS)
    except AssertionError:
        raise AssertionError(f"states: {seen}, errors: {ide.test_errors}") from None
    qtbot.waitUntil(lambda: bool(early), timeout=WAIT_MS)
    assert controller.state == "reconnecting"
    lost_at = next(t for state, t in seen if state in ("disconnected", "reconnecting"))
    print(f"killed simulator shown as lost after {(lost_at - killed) * 1000:.0f} ms")
    assert lost_at - killed < 10.0  # noticed by the dead process, not by a 10 s timeout
    # status bar, Board box and Files pane say so
    status = ide.console_panel.status
    assert status.state_label.text() == status.state_text("reconnecting")
    assert ide.console_panel.port_selector.current_port() == "simulator"
    assert ide.files_pane.board_title.text() == ide.files_pane.tr("Board (not connected)")
    # Run fails at once (no waiting on the board) with the translated words
    errors = ide.test_errors
    before = len(errors)
    ide.run_action.trigger()
    assert len(errors) == before + 1
    assert errors[-1].source == controller.lost_message().source
    # a file action fails at once with Disconnected
    failed: list[BaseException] = []
    t0 = time.monotonic()
    controller.submit(lambda s: s.listdir("/"), lambda _r: None, failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert isinstance(failed[0], Disconnected), failed
    assert time.monotonic() - t0 < 5.0  # well before the session's 10 s timeout
    # the node process was reaped: no zombie left behind
    qtbot.waitUntil(lambda: not os.path.exists(f"/proc/{pid}"), timeout=WAIT_MS)
    assert controller.simulator is None  # the dead board is not offered to anyone
    # choosing "Simulator (no board)" again recovers
    away[0] = False
    ide.console_panel.choose_port("simulator")
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    assert controller.simulator is not None and controller.simulator.alive
    wait_prompt(qtbot, ide)
    run_script(qtbot, ide, "print('alive', 6 * 7)\n")
    wait_console(qtbot, ide, "alive 42")
    wait_prompt(qtbot, ide)


@pytest.mark.timeout(150)
def test_a_link_lost_while_a_program_runs_is_said_where_its_output_stops(ide, qtbot):
    """The output just stopped and a new banner followed (the status bar's words were gone in
    a second): the console says, on a line of its own, that the connection was lost."""
    controller = ide.controller
    run_script(qtbot, ide, "import time\nwhile True:\n    print('tick')\n    time.sleep(0.05)\n")
    wait_console(qtbot, ide, "tick")
    controller.simulator.close()  # the link dies under the running program
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    wait_prompt(qtbot, ide)
    lines = console_text(ide).splitlines()
    note = "The connection to the board was lost."
    assert lines.count(note) == 1, lines
    at = lines.index(note)
    assert lines[at - 1] and "tick".startswith(lines[at - 1][:4]), lines  # where it stopped
    assert any(line.startswith("MicroPython v") for line in lines[at + 1 :]), lines


@pytest.mark.timeout(150)
def test_a_board_that_does_not_come_back_is_said_in_the_console(ide, qtbot, sim, monkeypatch):
    """"The board did not come back…" went to the status bar and was replaced at once by
    "reconnecting when it is back…": the console keeps it, under the lost link's note."""
    from ide.board import connection
    from ide.simulator.webrepl import WebReplEndpoint

    monkeypatch.setattr(connection, "RECONNECT_WINDOW", 1.0)
    endpoint = WebReplEndpoint(sim, "hotaru")
    controller = ide.controller
    controller.set_password(endpoint.url, "hotaru")
    ide.console_panel.choose_port(endpoint.url)
    qtbot.waitUntil(lambda: controller.port == endpoint.url, timeout=CONNECT_MS)
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    endpoint.close()  # the board is gone from the network and stays away
    wait_console(qtbot, ide, "did not come back")
    lines = console_text(ide).splitlines()
    lost = lines.index("The connection to the board was lost.")
    assert any("did not come back" in line and "Wi-Fi" in line for line in lines[lost + 1 :])
    # and it is not reopened every second behind "reconnecting…": the user connects again
    assert controller.state == "disconnected" and not controller._reconnect.is_active()


@pytest.mark.timeout(150)
def test_a_port_that_never_opened_is_not_a_lost_connection(ide, qtbot, tmp_path):
    """Choosing a USB port that cannot be opened (typed, or unplugged before it was chosen):
    there never was a connection, so the console does not say one was lost."""
    controller = ide.controller
    waiting: list[str] = []  # (connected after the console's slot: it has run when this does)
    controller.reconnecting.connect(waiting.append)
    ide.console_panel.choose_port(str(tmp_path / "ttyUSB9"))  # no such device
    qtbot.waitUntil(lambda: bool(waiting), timeout=WAIT_MS)  # it waits for the port to appear
    assert "The connection to the board was lost." not in console_text(ide).splitlines()
