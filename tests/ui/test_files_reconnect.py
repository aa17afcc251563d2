"""The board tree across a lost and regained link (the real SessionController and simulator).

A cable pulled and plugged back in is the session's own auto-reconnect: the controller is
connected to the simulator's pty path (as to a real serial port), the test closes the serial
port under it, and ide.board opens it again. The board keeps its files, as a real one does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ide.ui.files import FilesPane
from tests.ui.test_files_pane import call, expand, make_pane

CONNECT_MS = 60_000


@pytest.fixture
def controller(qtbot: Any, sim: Any) -> Iterator[Any]:
    from ide.ui.board.session_controller import SessionController

    c = SessionController()
    with qtbot.waitSignal(c.connected, timeout=CONNECT_MS):
        c.connect_port(sim.port)
    yield c
    c.shutdown()


@pytest.fixture
def pane(qtbot: Any, controller: Any, tmp_path: Path) -> FilesPane:
    return make_pane(qtbot, controller, tmp_path)


def make_files(session: Any) -> None:
    for folder in ("/lib", "/lib/drivers", "/data", "/logs"):
        session.mkdir(folder)
    session.write_file("/lib/helper.py", b"X = 1\n")
    session.write_file("/lib/drivers/oled.py", b"# oled\n")
    session.write_file("/data/readings.csv", b"1,2\n")
    session.write_file("/main.py", b"print('hi')\n")


def expanded_paths(pane: FilesPane) -> list[str]:
    """Board folders the view shows expanded (every loaded folder, checked in the view)."""
    model, tree = pane.board_model, pane.board_tree
    return sorted(
        p for p in model.loaded_folders() if p != "/" and tree.isExpanded(model.index_for_path(p))
    )


def selected_paths(pane: FilesPane) -> list[str]:
    return sorted(n.path for n in pane.selected_nodes())


def select(pane: FilesPane, *paths: str) -> None:
    from PySide6.QtCore import QItemSelectionModel

    sel = pane.board_tree.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for p in paths:
        index = pane.board_model.index_for_path(p)
        assert index.isValid(), p
        sel.select(index, flags)
    sel.setCurrentIndex(
        pane.board_model.index_for_path(paths[-1]), QItemSelectionModel.SelectionFlag.NoUpdate
    )


def pull_the_cable(qtbot: Any, controller: Any) -> list[str]:
    """Close the serial port under the session; wait until it is back. Returns the states."""
    states: list[str] = []
    controller.state_changed.connect(states.append)
    controller.session.link.ser.close()  # the reader's next read fails: "disconnected"
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=CONNECT_MS)
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    return states


@pytest.mark.timeout(120)
def test_reconnect_keeps_expanded_folders_and_the_selection(
    qtbot: Any, controller: Any, pane: FilesPane
) -> None:
    call(qtbot, controller, make_files)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.board_model.node_for_path("/lib") is not None, timeout=30_000)
    expand(qtbot, pane, "/lib")
    expand(qtbot, pane, "/lib/drivers")
    expand(qtbot, pane, "/data")
    select(pane, "/lib/drivers/oled.py")
    assert expanded_paths(pane) == ["/data", "/lib", "/lib/drivers"]
    assert selected_paths(pane) == ["/lib/drivers/oled.py"]

    # /data goes away while the link is down (the board changed under us): it is just dropped.
    # (Not as a busy job: the pane refreshes after each, and that raced the cable pull below.)
    call(qtbot, controller, lambda s: s.rmtree("/data"), busy=False)
    assert pane.board_model.node_for_path("/data") is not None  # the tree does not know yet
    pull_the_cable(qtbot, controller)

    qtbot.waitUntil(
        lambda: (
            expanded_paths(pane) == ["/lib", "/lib/drivers"]
            and selected_paths(pane) == ["/lib/drivers/oled.py"]
        ),
        timeout=30_000,
    )
    assert pane.board_model.node_for_path("/data") is None
    current = pane.board_tree.currentIndex()
    assert pane.board_model.node(current).path == "/lib/drivers/oled.py"
    assert pane.ask.warnings == []  # type: ignore[attr-defined]
    assert pane.board_model.connected

    # a second drop keeps it too (the restored state is the new starting point)
    pull_the_cable(qtbot, controller)
    qtbot.waitUntil(
        lambda: (
            expanded_paths(pane) == ["/lib", "/lib/drivers"]
            and selected_paths(pane) == ["/lib/drivers/oled.py"]
        ),
        timeout=30_000,
    )


@pytest.mark.timeout(120)
def test_another_board_starts_with_a_fresh_tree(
    qtbot: Any, controller: Any, pane: FilesPane, _sim_spares: Any
) -> None:
    call(qtbot, controller, make_files)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.board_model.node_for_path("/lib") is not None, timeout=30_000)
    expand(qtbot, pane, "/lib")
    select(pane, "/lib/helper.py")

    other = _sim_spares.take()
    try:
        from ide.board import connect

        with connect(other.port, auto_reconnect=False) as session:  # the same folders there
            make_files(session)
        with qtbot.waitSignal(controller.connected, timeout=CONNECT_MS):
            controller.connect_port(other.port)
        qtbot.waitUntil(lambda: pane.board_model.node_for_path("/lib") is not None, timeout=30_000)
        qtbot.wait(500)  # a restore would have opened /lib by now
        assert expanded_paths(pane) == []
        assert selected_paths(pane) == []
    finally:
        controller.disconnect_port()
        other.close()


def many_files(session: Any) -> None:
    """make_files and enough files at the top for the tree to scroll."""
    make_files(session)
    for i in range(60):
        session.write_file(f"/f{i:02d}.txt", b"x")


def scroll_to_the_end(pane: FilesPane) -> int:
    bar = pane.board_tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0, "the tree must scroll for this test"
    return bar.value()


@pytest.mark.timeout(120)
def test_a_selection_inside_a_closed_folder_is_not_brought_back(
    qtbot: Any, controller: Any, pane: FilesPane
) -> None:
    """Its folder is not listed after the reconnect: waiting for it kept the restore going, and
    opening the folder later selected the old file and jumped to the old scroll position."""
    call(qtbot, controller, many_files)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.board_model.node_for_path("/f59.txt") is not None)
    expand(qtbot, pane, "/lib")
    select(pane, "/lib/helper.py", "/main.py")
    pane.board_tree.collapse(pane.board_model.index_for_path("/lib"))
    old = scroll_to_the_end(pane)
    assert selected_paths(pane) == ["/lib/helper.py", "/main.py"]  # Qt keeps the hidden one

    pull_the_cable(qtbot, controller)
    restorer, bar = pane.tree_restorer, pane.board_tree.verticalScrollBar()
    qtbot.waitUntil(lambda: not restorer.active(), timeout=30_000)
    assert selected_paths(pane) == ["/main.py"]
    assert pane.board_model.node(pane.board_tree.currentIndex()).path == "/main.py"
    assert bar.value() == old
    assert expanded_paths(pane) == []

    bar.setValue(0)  # the user reads the top of the list, then opens /lib
    expand(qtbot, pane, "/lib")
    qtbot.wait(200)
    assert selected_paths(pane) == ["/main.py"]
    assert bar.value() == 0


@pytest.mark.timeout(120)
def test_a_listing_deferred_by_a_running_program_ends_the_restore_there(
    qtbot: Any, controller: Any, pane: FilesPane
) -> None:
    """The user starts a program while the tree refills: folders not listed yet stay closed
    and the rest of the restore finishes (it used to wait for them for good)."""
    call(qtbot, controller, make_files)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.board_model.node_for_path("/lib") is not None, timeout=30_000)
    expand(qtbot, pane, "/lib")
    expand(qtbot, pane, "/data")
    select(pane, "/lib/helper.py", "/main.py")

    started: list[bool] = []

    def run_when_the_root_arrives(parent: Any, first: int, last: int) -> None:
        if not parent.isValid() and not started:  # before the restore opens /lib and /data
            started.append(True)
            controller.run_program("import time\nwhile True:\n    time.sleep(0.05)\n")

    pane.board_model.rowsInserted.connect(run_when_the_root_arrives)
    states: list[str] = []
    controller.state_changed.connect(states.append)
    controller.session.link.ser.close()
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=CONNECT_MS)
    qtbot.waitUntil(lambda: bool(started), timeout=CONNECT_MS)
    pane.board_model.rowsInserted.disconnect(run_when_the_root_arrives)
    try:
        assert controller.is_running()
        qtbot.waitUntil(lambda: not pane.tree_restorer.active(), timeout=10_000)
        assert expanded_paths(pane) == []
        assert not pane.board_tree.isExpanded(pane.board_model.index_for_path("/lib"))
        assert selected_paths(pane) == ["/main.py"]
        assert pane.board_model.node(pane.board_tree.currentIndex()).path == "/main.py"
    finally:
        controller.stop()
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=30_000)
    expand(qtbot, pane, "/lib")  # now it lists; the restore gave up on it: nothing selected
    qtbot.wait(200)
    assert selected_paths(pane) == ["/main.py"]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("action", ["click", "scroll", "collapse"])
def test_the_user_touching_the_tree_ends_the_restore(
    qtbot: Any, controller: Any, pane: FilesPane, action: str
) -> None:
    """Nothing opens, gets selected or scrolls under the user after they clicked, scrolled or
    closed a folder while the tree was refilling."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractSlider

    call(qtbot, controller, many_files)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.board_model.node_for_path("/f59.txt") is not None)
    expand(qtbot, pane, "/lib")
    expand(qtbot, pane, "/lib/drivers")
    select(pane, "/lib/drivers/oled.py")
    scroll_to_the_end(pane)
    model, tree, bar = pane.board_model, pane.board_tree, pane.board_tree.verticalScrollBar()

    done: list[str] = []

    def user_acts(folder: str) -> None:  # the root is in; /lib is opening
        if folder != "/" or done:
            return
        done.append(action)
        assert pane.tree_restorer.active() and tree.isExpanded(model.index_for_path("/lib"))
        if action == "click":
            tree.doItemsLayout()
            rect = tree.visualRect(model.index_for_path("/data"))
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        elif action == "scroll":
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
        else:
            tree.collapse(model.index_for_path("/lib"))
        assert not pane.tree_restorer.active()

    model.listed.connect(user_acts)
    pull_the_cable(qtbot, controller)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    if action == "collapse":  # not listed, as closed; the user opens it again later
        qtbot.wait(300)
        expand(qtbot, pane, "/lib")
    # /lib's listing comes in: before, the restore opened /lib/drivers then
    qtbot.waitUntil(lambda: model.node_for_path("/lib/drivers") is not None, timeout=30_000)
    qtbot.wait(300)
    assert not tree.isExpanded(model.index_for_path("/lib/drivers"))
    assert selected_paths(pane) == (["/data"] if action == "click" else [])
    assert bar.value() == 0


def test_a_refresh_dropping_a_selected_row_does_not_end_the_restore(qtbot: Any) -> None:
    """Qt deselects a row the model removes; that is no user choice, so the rest of the
    restore (folders still to open) goes on."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QTreeView

    from ide.ui.files.board_model import BoardModel
    from ide.ui.files.tree_state import TreeRestorer, TreeState

    model = BoardModel()
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    restorer = TreeRestorer(model, tree)
    tree.show()

    def entry(path: str, is_dir: bool) -> Any:
        return SimpleNamespace(name=path.rsplit("/", 1)[-1], path=path, is_dir=is_dir, size=0)

    model.start()
    restorer.restore(TreeState(["/lib", "/data"], ["/main.py", "/lib/a.py"], None, 0))
    model.set_children("/", [entry("/lib", True), entry("/data", True), entry("/main.py", False)])
    assert restorer.active()
    model.set_children("/", [entry("/lib", True), entry("/data", True)])  # main.py gone
    assert restorer.active()  # still waiting for /lib and /data
    model.set_children("/lib", [entry("/lib/a.py", False)])
    model.set_children("/data", [])
    selected = [model.node(i).path for i in tree.selectionModel().selectedRows(0)]
    assert selected == ["/lib/a.py"] and not restorer.active()
