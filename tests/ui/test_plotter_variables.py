"""View > Plotter and View > Variables with a real program on the virtual board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget, QMessageBox

from ide.ui.board.session_controller import SessionController
from ide.ui.console.panel import ConsolePanel
from ide.ui.editor import EditorTabs
from ide.ui.files import FilesPane
from ide.ui.settings.preferences import Preferences
from ide.ui.window.main_window import MainWindow

WAIT_MS = 20000


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, sim):
    errors: list[object] = []
    monkeypatch.setattr(ConsolePanel, "show_error", lambda self, msg: errors.append(msg))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(EditorTabs, "_ask_save_changes", lambda self, name: "discard")
    monkeypatch.setattr(FilesPane, "show_error", lambda self, exc: errors.append(exc))
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    win = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    win.test_errors = errors
    controller.connect_port(sim.port)
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=WAIT_MS)
    yield win
    controller.shutdown()


def show_dock(window: MainWindow, name: str) -> None:
    window.findChild(QDockWidget, name).show()


def run(qtbot, window: MainWindow, code: str) -> None:
    window.editor_tabs.current_editor().set_text(code)
    finished: list[bool] = []
    window.controller.program_finished.connect(lambda: finished.append(True))
    window.run_action.trigger()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
    window.console.flush_now()  # the run's last output may still wait for the console's timer
    window.pane("plotter").flush()  # ... and the plotter parses once per frame
    assert window.test_errors == []


@pytest.mark.timeout(90)
def test_two_named_series_and_text_between(window, qtbot) -> None:
    show_dock(window, "PlotterDock")
    plotter = window.pane("plotter")
    assert plotter.view is not None  # shown: pyqtgraph is in
    run(
        qtbot,
        window,
        "print('Starting the sensor')\n"
        "for n in range(30):\n"
        "    print('t:', n)\n"
        "    print('h:', n * 2 + 0.5)\n"
        "    if n % 10 == 0:\n"
        "        print('checkpoint', n, 'passed')\n"
        "print('Done')\n",
    )
    # the console's one reader handed every finished line of the run to the plotter
    data = plotter.data
    assert [s.name for s in data.series] == ["t", "h"]
    t, h = data.series
    assert list(t.ys) == [float(n) for n in range(30)]
    assert list(h.ys) == [n * 2 + 0.5 for n in range(30)]
    assert data.samples == 60  # the text lines are no samples
    plotter.view.redraw()
    assert plotter.view.visible_series() == ["t", "h"]
    plotter.view.set_series_visible("t", False)  # what a click on its legend entry does
    assert plotter.view.visible_series() == ["h"]
    assert "t: 29" in plotter.view.show_values_at(58)

    # Lines typed and answered at the >>> prompt are not the program's: not plotted.
    window.console.keys_typed.emit(b"print(123)\r")
    qtbot.waitUntil(lambda: "123\n" in window.console.toPlainText(), timeout=WAIT_MS)
    window.console.flush_now()
    plotter.flush()
    assert data.samples == 60


@pytest.mark.timeout(90)
def test_pause_keeps_the_view_and_export(window, qtbot, tmp_path) -> None:
    show_dock(window, "PlotterDock")
    plotter = window.pane("plotter")
    run(qtbot, window, "for n in range(5):\n    print(n, n * n)\n")
    plotter.view.redraw()
    plotter.set_paused(True)
    assert plotter.pause_button.text() == "Resume"
    shown = plotter.view.viewbox.viewRange()[0]

    run(qtbot, window, "for n in range(5, 300):\n    print(n, n * n)\n")
    plotter.view.redraw()
    assert plotter.data.samples == 300  # still collected while paused ...
    assert plotter.view.viewbox.viewRange()[0] == shown  # ... but the view stays put

    csv = tmp_path / "plot.csv"
    plotter.export_csv(csv)
    rows = csv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "sample,#1,#2" and rows[3] == "2,2.0,4.0" and len(rows) == 301
    png = tmp_path / "plot.png"
    assert plotter.export_png(png) and png.read_bytes()[:4] == b"\x89PNG"

    plotter.set_paused(False)
    x0, x1 = plotter.view.viewbox.viewRange()[0]
    assert x1 >= 299 > x0 >= 299 - plotter.view.window_width - 10  # follows the end again
    plotter.clear()
    assert plotter.data.samples == 0 and plotter.note.isVisibleTo(plotter)


def _children(item) -> dict[str, tuple[str, str]]:
    return {item.child(i).text(0): (item.child(i).text(1), item.child(i).text(2))
            for i in range(item.childCount())}  # fmt: skip


@pytest.mark.timeout(90)
def test_variables_after_a_run(window, qtbot) -> None:
    show_dock(window, "VariablesDock")
    pane = window.pane("variables")
    run(qtbot, window, "a = [1, 2, 3]\nd = {'x': 1}\nimport machine\n")
    qtbot.waitUntil(lambda: pane.item_for("d") is not None, timeout=WAIT_MS)
    a, d = pane.item_for("a"), pane.item_for("d")
    assert (a.text(1), a.text(2)) == ("list (3)", "[1, 2, 3]")
    assert (d.text(1), d.text(2)) == ("dict (1)", "{'x': 1}")
    assert pane.item_for("machine") is None  # a module: hidden by default
    assert pane.item_for("__name__") is None
    pane.show_hidden.setChecked(True)
    assert pane.item_for("machine").text(1) == "module"
    pane.show_hidden.setChecked(False)

    d = pane.item_for("d")
    d.setExpanded(True)  # one more round trip, for d alone
    qtbot.waitUntil(lambda: "'x'" in _children(pane.item_for("d")), timeout=WAIT_MS)
    assert _children(pane.item_for("d")) == {"'x'": ("int", "1")}
    assert "machine" not in window.console.toPlainText()  # the console saw none of it

    # A line entered at the >>> prompt refreshes the view once the REPL has answered.
    window.console.keys_typed.emit(b"z = 99\r")
    qtbot.waitUntil(lambda: pane.item_for("z") is not None, timeout=WAIT_MS)
    assert pane.item_for("z").text(2) == "99"
    # ... and what was open is open again (d's children asked for again)
    qtbot.waitUntil(lambda: "'x'" in _children(pane.item_for("d")), timeout=WAIT_MS)
    assert pane.item_for("d").isExpanded()

    # While a program runs the view says when it comes back.
    window.editor_tabs.current_editor().set_text(
        "b = 5\nimport time\nwhile True:\n    time.sleep(0.05)\n"
    )
    window.run_action.trigger()
    qtbot.waitUntil(lambda: window.controller.is_running(), timeout=WAIT_MS)
    assert "when it ends" in pane.status.text() and not pane.tree.isEnabled()
    window.controller.stop()
    # refreshed once the run ended: this run's globals (each Run starts from a clean board, so
    # the earlier run's `a` is gone; waiting for `a` raced the refresh)
    qtbot.waitUntil(
        lambda: pane.tree.isEnabled() and pane.item_for("b") is not None, timeout=WAIT_MS
    )
    assert pane.item_for("a") is None


@pytest.mark.timeout(90)
def test_a_huge_value_is_cut_on_the_board(window, qtbot) -> None:
    show_dock(window, "VariablesDock")
    pane = window.pane("variables")
    run(qtbot, window, "b = bytearray(100000)\n")
    qtbot.waitUntil(lambda: pane.item_for("b") is not None, timeout=WAIT_MS)

    transport = window.controller.session.link.transport
    received = [0]
    read = transport.read

    def counting_read(n: int, timeout: float) -> bytes:
        data = read(n, timeout)
        received[0] += len(data)
        return data

    transport.read = counting_read  # the reader thread looks the method up on each read
    try:
        pane.refresh()
        qtbot.waitUntil(lambda: not pane._in_flight, timeout=WAIT_MS)
    finally:
        del transport.read
    b = pane.item_for("b")
    assert b.text(1) == "bytearray (100000)"
    assert b.text(2).startswith("bytearray(b'\\x00") and b.text(2).endswith("...")
    assert len(b.text(2)) < 80
    print("bytes received for the refresh:", received[0])
    assert 0 < received[0] < 1000, received[0]  # the round trip, not 100 kB
