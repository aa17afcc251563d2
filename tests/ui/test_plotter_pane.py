"""The console's finished-line signal (the plotter's only input) and the plotter pane, no board."""

from __future__ import annotations

from ide.ui.console.widget import ConsoleWidget
from ide.ui.plotter.pane import PlotterPane


def test_finished_lines_say_whose_they_are(qtbot) -> None:
    console = ConsoleWidget()
    qtbot.addWidget(console)
    got: list[tuple[list[str], bool]] = []
    console.lines_finished.connect(lambda lines, program: got.append((lines, program)))
    console.feed(b">>> ")
    console.flush_now()
    console.start_program("Run test2.py", "test2.py")  # the console's own note: not reported
    assert got == []
    got.clear()

    console.repl_mode = False  # a program runs
    console.feed(b"t: 1\r\nt: 2\r\n")
    console.flush_now()
    assert got == [(["t: 1", "t: 2"], True)]
    got.clear()

    # The run ends while its last output still waits for the console's timer: that output is
    # still the program's; what the REPL says after it is not.
    console.feed(b"t: 3\r\n" * 3000)
    console.repl_mode = True
    console.feed(b"42\r\n>>> ")
    console.flush_now()
    program = [line for lines, mine in got if mine for line in lines]
    repl = [line for lines, mine in got if not mine for line in lines]
    assert program == ["t: 3"] * 3000 and repl == ["42"]


def test_pane_takes_only_program_lines_and_builds_the_plot_when_shown(qtbot) -> None:
    pane = PlotterPane()
    qtbot.addWidget(pane)
    pane.take_lines(["1 2"], from_program=False)
    pane.flush()
    assert pane.data.samples == 0
    pane.take_lines(["1 2", "hello", "3 4"], from_program=True)
    qtbot.waitUntil(lambda: pane.data.samples == 2, timeout=5000)  # parsed with the next frame
    assert pane.data.samples == 2 and pane.view is None  # not shown yet: no pyqtgraph
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.view is not None and not pane.note.isVisibleTo(pane)
    pane.take_lines([" ".join(f"v{i}={i}" for i in range(12))], from_program=True)
    pane.flush()
    assert pane.limit_label.isVisibleTo(pane)
    qtbot.waitUntil(lambda: pane.view.frame_costs != [], timeout=5000)


def test_a_click_on_a_legend_entry_hides_its_curve(qtbot) -> None:
    from PySide6.QtCore import Qt

    pane = PlotterPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    pane.take_lines([f"t: {n} h: {n * 2}" for n in range(50)], from_program=True)
    pane.flush()
    view = pane.view
    assert view.visible_series() == ["t", "h"]
    sample = view.legend.items[0][0]  # the line drawn beside "t"
    point = view.plot.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.visible_series() == ["h"]
    # hovering shows the values of the sample under the pointer
    assert view.show_values_at(10) == "Sample 10\nt: 10\nh: 20"


def test_a_single_value_shows_as_a_dot(qtbot) -> None:
    pane = PlotterPane()
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    pane.take_lines(["5"], from_program=True)
    pane.flush()
    (curve,) = pane.view._curves.values()
    assert curve.opts["symbol"] == "o"  # one point draws no line
    pane.take_lines(["6"], from_program=True)
    pane.flush()
    assert curve.opts["symbol"] is None
