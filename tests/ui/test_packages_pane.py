"""The Packages pane with the real SessionController on the virtual board and a local index
(tests/helpers/package_index.py): search -> install -> listed, errors in words, the window's
command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from ide.core.packages import Hosts
from ide.ui.packages.pane import PackagesPane
from ide.ui.settings.preferences import Preferences
from tests.helpers.package_index import IndexServer


@pytest.fixture
def server() -> Iterator[IndexServer]:
    srv = IndexServer()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def controller(qtbot: Any, sim: Any) -> Iterator[Any]:
    from ide.ui.board.session_controller import SessionController

    c = SessionController()
    with qtbot.waitSignal(c.connected, timeout=60_000):
        c.connect_port(sim.port)
    yield c
    c.shutdown()


def make_pane(qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path) -> PackagesPane:
    prefs = SimpleNamespace(package_index=server.url)
    pane = PackagesPane(
        controller, prefs, cache_dir=tmp_path / "cache", hosts=Hosts(github=server.url + "/gh")
    )
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    with qtbot.waitSignal(pane.installed_listed, timeout=60_000):
        pane.opened()
    qtbot.waitUntil(lambda: pane.results.topLevelItemCount() > 0, timeout=30_000)
    return pane


def names(tree: Any) -> list[tuple[str, str]]:
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))
        for i in range(tree.topLevelItemCount())
    ]


def test_search_install_and_the_package_is_listed(
    qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path
) -> None:
    pane = make_pane(qtbot, controller, server, tmp_path)
    assert names(pane.installed) == []
    pane.search_edit.setText("oled")
    assert names(pane.results) == [("display", "0.2")]
    assert pane.results.topLevelItem(0).text(2) == "Draw on an SSD1306 OLED display."
    assert not pane.install_button.isEnabled()  # nothing chosen yet
    pane.results.setCurrentItem(pane.results.topLevelItem(0))
    assert pane.install_button.isEnabled()
    with qtbot.waitSignal(pane.finished, timeout=60_000) as done:
        pane.install_button.click()
        assert pane.cancel_button.isVisible()
    assert done.args == [True]
    qtbot.waitUntil(lambda: names(pane.installed) == [("display", "0.2"), ("fonts", "1.1")])
    assert "display 0.2" in pane.notice.text()
    assert not pane.cancel_button.isVisible()
    # uninstall from the list
    pane.installed.setCurrentItem(pane.installed.topLevelItem(0))
    with qtbot.waitSignal(pane.finished, timeout=60_000):
        pane.uninstall_button.click()
    qtbot.waitUntil(lambda: names(pane.installed) == [("fonts", "1.1")])


def test_a_damaged_package_is_refused_in_words(
    qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path
) -> None:
    pane = make_pane(qtbot, controller, server, tmp_path)
    with qtbot.waitSignal(pane.finished, timeout=60_000) as done:
        pane.install("broken")
    assert done.args == [False]
    assert "checksum does not match" in pane.notice.text()
    assert names(pane.installed) == []


def test_an_old_version_offers_an_update(
    qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path
) -> None:
    pane = make_pane(qtbot, controller, server, tmp_path)
    with qtbot.waitSignal(pane.finished, timeout=60_000):
        pane.install("fonts", "1.0")
    qtbot.waitUntil(lambda: names(pane.installed) == [("fonts", "1.0")])
    assert pane.installed.topLevelItem(0).text(2) == "1.1"  # the newer version, shown
    pane.installed.setCurrentItem(pane.installed.topLevelItem(0))
    assert pane.update_button.isEnabled()
    with qtbot.waitSignal(pane.finished, timeout=60_000):
        pane.update_button.click()
    qtbot.waitUntil(lambda: names(pane.installed) == [("fonts", "1.1")])


def test_tools_menu_opens_the_pane_docked_on_the_right(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ide.ui.window.main_window import MainWindow

    monkeypatch.setenv("HOTARU_CACHE_DIR", str(tmp_path / "cache"))
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    prefs.package_index = "http://127.0.0.1:9/nothing-here"  # offline, no cache: said in words
    window = MainWindow(preferences=prefs)
    qtbot.addWidget(window)
    window.show()
    action = window.packages_action
    assert action in window.tools_menu.actions()
    action.trigger()
    pane = window.pane("packages")
    assert window.dockWidgetArea(pane.dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert pane.dock.isVisible()
    qtbot.waitUntil(lambda: "No network" in pane.notice.text(), timeout=30_000)
    pane.dock.close()
    action.trigger()  # a second time: the same pane, shown again
    assert window.pane("packages") is pane and pane.dock.isVisible()


def test_cancel_and_offline_are_said_in_words(
    qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path
) -> None:
    pane = make_pane(qtbot, controller, server, tmp_path)
    with qtbot.waitSignal(pane.finished, timeout=60_000) as done:
        pane.install("display")
        pane.cancel_button.click()  # before anything was downloaded
    assert done.args == [False]
    assert pane.notice.text().startswith("Cancelled")
    qtbot.waitUntil(lambda: not pane.cancel_button.isVisible())
    assert names(pane.installed) == []
    server.stop()  # the network is gone: the list saved a moment ago is shown, and said so
    pane.index = None
    pane.reload_index()
    qtbot.waitUntil(lambda: pane.index is not None, timeout=30_000)
    assert pane.notice.text().startswith("Offline: showing the package list saved on")
    assert pane.results.topLevelItemCount() == 5


def test_a_running_program_is_stopped_only_when_the_user_says_so(
    qtbot: Any, controller: Any, server: IndexServer, tmp_path: Path
) -> None:
    """The board's queue waits while a program runs: Install showed "Preparing fonts…" for as
    long as a `while True:` loop ran. Now it asks to stop the program first."""
    pane = make_pane(qtbot, controller, server, tmp_path)
    asked: list[str] = []
    answers: list[bool] = []

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    pane.ask_yes_no = ask  # type: ignore[method-assign]
    try:
        _install_and_uninstall_while_running(qtbot, controller, pane, asked, answers)
    finally:
        if controller.is_running():  # a failed check: end the loop, or shutdown waits on it
            controller.stop()
            qtbot.waitUntil(lambda: not controller.is_running(), timeout=30_000)


def _install_and_uninstall_while_running(
    qtbot: Any, controller: Any, pane: PackagesPane, asked: list[str], answers: list[bool]
) -> None:
    controller.run_program("import time\nwhile True:\n    time.sleep(0.05)\n")
    qtbot.waitUntil(controller.is_running, timeout=30_000)
    pane.search_edit.setText("fonts")
    pane.results.setCurrentItem(pane.results.topLevelItem(0))
    question = "A program is running on the board. Stop it to install or remove packages?"
    answers.append(False)
    pane.install_button.click()
    assert asked == [question]
    assert pane._task is None and not pane.cancel_button.isVisible()
    qtbot.wait(300)
    assert controller.is_running()
    answers.append(True)
    with qtbot.waitSignal(pane.finished, timeout=60_000) as done:
        pane.install_button.click()
    assert done.args == [True] and asked == [question] * 2
    assert not controller.is_running()
    qtbot.waitUntil(lambda: names(pane.installed) == [("fonts", "1.1")], timeout=30_000)
    # Uninstall asks too
    controller.run_program("import time\nwhile True:\n    time.sleep(0.05)\n")
    qtbot.waitUntil(controller.is_running, timeout=30_000)
    pane.installed.setCurrentItem(pane.installed.topLevelItem(0))
    answers.append(False)
    pane.uninstall_button.click()
    assert asked == [question] * 3 and pane._task is None


def test_no_network_says_what_to_do_and_search_tries_again(
    qtbot: Any, controller: Any, tmp_path: Path
) -> None:
    """"No network: … could not be downloaded" said what went wrong, not what to do next."""
    gone = IndexServer()
    gone.stop()  # the index cannot be reached, and nothing was saved before
    prefs = SimpleNamespace(package_index=gone.url)
    pane = PackagesPane(controller, prefs, cache_dir=tmp_path / "cache")
    qtbot.addWidget(pane)
    pane.show()
    pane.opened()
    qtbot.waitUntil(lambda: "No network" in pane.notice.text(), timeout=30_000)
    assert pane.notice.text().endswith(
        "\nCheck that this computer is connected to the internet, then press Search to try again."
    )
    assert pane.results.topLevelItemCount() == 0
    install = "fonts"
    pane.install(install)  # by name, as "Other source…" would: the same words, for Install
    qtbot.waitUntil(
        lambda: pane._task is None and "No network" in pane.notice.text(), timeout=30_000
    )
    assert pane.notice.text().endswith(
        "\nCheck that this computer is connected to the internet, then try again."
    )
    back = IndexServer()  # online again: Search is what tries again
    try:
        prefs.package_index = back.url
        qtbot.waitUntil(pane.search_button.isEnabled, timeout=30_000)
        pane.search_button.click()
        qtbot.waitUntil(lambda: pane.results.topLevelItemCount() == 5, timeout=30_000)
        assert pane.notice.text() == ""
    finally:
        back.stop()
