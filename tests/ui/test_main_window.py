"""MainWindow: menus, actions for the other panes, examples, settings, closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from ide.core.examples import example_scripts
from ide.ui.editor.tabs import CANCEL, DISCARD
from ide.ui.settings.dialog import SettingsDialog
from ide.ui.settings.preferences import Preferences
from ide.ui.window.main_window import MainWindow


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, prefs: Preferences) -> MainWindow:
    w = MainWindow(preferences=prefs)
    w.editor_tabs.ask_save_changes = lambda name: DISCARD  # no modal box at teardown
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_title(window: MainWindow) -> None:
    assert window.windowTitle() == "untitled.py - Hotaru"
    window.editor_tabs.current_editor().insert("x")
    assert window.windowTitle() == "untitled.py * - Hotaru"


def test_menus_and_actions_for_other_panes(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Run", "Tools", "Help"]
    assert window.run_action.shortcut().toString() == "F5"
    assert window.stop_action.shortcut().toString() == "Ctrl+F2"
    assert window.soft_reboot_action.shortcut().toString() == "Ctrl+D"
    assert window.save_main_action.statusTip()
    toolbar = window.toolbar.actions()
    for action in (window.new_action, window.open_action, window.save_action, window.run_action,
                   window.stop_action):  # fmt: skip
        assert action in toolbar
    assert not window.toolbar.toggleViewAction().isEnabled()


def test_run_shortcut_reaches_the_action_from_the_editor(window: MainWindow, qtbot) -> None:
    fired: list[str] = []
    window.run_action.triggered.connect(lambda: fired.append("run"))
    window.soft_reboot_action.triggered.connect(lambda: fired.append("reboot"))
    editor = window.editor_tabs.current_editor()
    editor.take_focus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_F5)
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["run", "reboot"]
    editor.insert("a = 1\n")
    other = window.editor_tabs.new_file("b = 2\n")
    qtbot.keyClick(other, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_tabs.current_editor() is editor
    assert other.text() == "b = 2\n"  # the key switched tabs, it did not type


def test_docks(window: MainWindow) -> None:
    console = QLabel("console")
    files = QLabel("files")
    bottom = window.add_bottom_dock(console, "Console", "ConsoleDock")
    left = window.add_left_dock(files, "Files", "FilesDock")
    assert window.dockWidgetArea(bottom) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(left) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert bottom.toggleViewAction() in window.view_menu.actions()


def test_examples_open_in_new_tabs(window: MainWindow) -> None:
    scripts = example_scripts()
    names = {p.name for p in scripts}
    assert {"blink_esp32.py", "blink_pico.py", "button.py", "fade_pwm.py",
            "pico_temperature.py"} <= names  # fmt: skip
    # the simulated Pico (a first start): its examples first, the ESP32's in a submenu
    assert window.controller.simulated_board == "pico"
    window.examples_menu.aboutToShow.emit()
    actions = window.examples_menu.actions()
    assert [a.text() for a in actions] == [
        "blink_pico.py", "button.py", "fade_pwm.py", "pico_temperature.py", "For other boards"
    ]  # fmt: skip
    assert [a.text() for a in actions[-1].menu().actions()] == ["blink_esp32.py"]
    actions[0].trigger()  # replaces the untouched new tab
    actions[1].trigger()
    tabs = window.editor_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["blink_pico.py", "button.py"]
    assert tabs.current_text() == scripts[2].read_text(encoding="utf-8")  # button.py
    assert tabs.document().local_path is None  # saving never overwrites the shipped example
    assert tabs.check_syntax()


def test_recent_files_menu(window: MainWindow, tmp_path: Path) -> None:
    assert not window.recent_menu.isEnabled()
    script = tmp_path / "a.py"
    script.write_text("a = 1\n")
    window.editor_tabs.open_local(script)
    assert window.recent_menu.actions()[0].text() == str(script.resolve())
    window.editor_tabs.close_tab(0)
    window.recent_menu.actions()[0].trigger()
    assert window.editor_tabs.current_text() == "a = 1\n"
    window.editor_tabs.close_tab(0)
    script.unlink()  # gone: opening it says so and drops it from the list
    errors: list[str] = []
    window.editor_tabs.show_error = lambda title, text: errors.append(text)
    window.recent_menu.actions()[0].trigger()
    assert len(errors) == 1
    assert not window.recent_menu.isEnabled()


def test_settings_persist_and_apply(window: MainWindow, prefs: Preferences, tmp_path) -> None:
    dialog = SettingsDialog(prefs, window)
    dialog.size_box.setValue(17)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    assert not dialog.keep_state_box.isChecked()  # Run starts from a clean board by default
    dialog.keep_state_box.setChecked(True)
    dialog.apply()
    window.apply_preferences()
    editor = window.editor_tabs.current_editor()
    assert editor.font_size() == 17
    assert editor.theme().name == "dark"
    again = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.editor_font_size == 17
    assert again.theme == "dark"
    assert again.keep_board_state is True
    again.last_port = "simulator"
    assert Preferences(again.settings).last_port == "simulator"


def test_theme_follows_system_by_default(prefs: Preferences) -> None:
    assert prefs.theme == "auto"
    with pytest.raises(ValueError):
        prefs.theme = "purple"


def test_close_window_asks_about_unsaved(window: MainWindow, prefs: Preferences) -> None:
    window.editor_tabs.current_editor().insert("x")
    window.editor_tabs.ask_save_changes = lambda name: CANCEL
    assert not window.close()
    assert window.isVisible()
    window.editor_tabs.ask_save_changes = lambda name: DISCARD
    assert window.close()
    assert prefs.window_state()[0] is not None


def _fresh_window_says(code: str) -> list[str]:
    """Run ``code`` in a new Python with an application and ``w``, a MainWindow; its lines."""
    import subprocess
    import sys

    setup = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from ide.ui.window.main_window import MainWindow; w = MainWindow();"
    )
    out = subprocess.run(
        [sys.executable, "-c", setup + code], capture_output=True, text=True, timeout=60,
        check=True, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    return out.stdout.splitlines()


def test_startup_does_not_import_heavy_modules() -> None:
    heavy = ("esptool", "ide.ui.firmware", "ide.firmware.esp", "jedi")
    lines = _fresh_window_says(
        f"w.show(); app.processEvents(); print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    )
    assert lines == [""]


def test_first_frame_does_not_import_the_panes_or_the_board() -> None:
    """What the first frame needs is only the editor: the Files pane, the console, the serial
    backend and pyte come after it (pyte only with the board's first bytes)."""
    later = ("ide.ui.files", "ide.ui.console.panel", "ide.board", "serial", "pyte", "wcwidth")
    lines = _fresh_window_says(
        f"print(' '.join(m for m in {later!r} if m in sys.modules));"
        "w.build_panes(); print(' '.join(m for m in ('pyte', 'wcwidth') if m in sys.modules));"
        "w.console.feed(b'>>> '); w.console.flush_now();"
        "print(' '.join(m for m in ('pyte',) if m in sys.modules))"
    )
    assert lines == ["", "", "pyte"]


def test_dark_choice_darkens_the_widgets_too(window: MainWindow, prefs: Preferences) -> None:
    from PySide6.QtGui import QGuiApplication, QPalette

    def window_lightness() -> int:
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness()

    system = window_lightness()
    try:
        prefs.theme = "dark"
        window.apply_preferences()
        assert window_lightness() < 128
        assert window.editor_tabs.current_editor().theme().name == "dark"
        prefs.theme = "light"
        window.apply_preferences()
        assert window_lightness() >= 128
        assert window.editor_tabs.current_editor().theme().name == "light"
    finally:
        prefs.theme = "auto"
        window.apply_preferences()
    assert window_lightness() == system


def test_run_and_stop_icons_are_painted(window: MainWindow) -> None:
    for action in (window.run_action, window.stop_action):
        image = action.icon().pixmap(32, 32).toImage()
        centre = image.pixelColor(16, 16)
        assert centre.alpha() == 255
    run = window.run_action.icon().pixmap(32, 32).toImage().pixelColor(16, 16)
    stop = window.stop_action.icon().pixmap(32, 32).toImage().pixelColor(16, 16)
    assert run.green() > run.red() and stop.red() > stop.green()  # green Run, red Stop


def test_session_files_reopen(qtbot, prefs: Preferences, tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("a = 1\n")
    b.write_text("b = 2\n")
    first = MainWindow(preferences=prefs)
    qtbot.addWidget(first)
    first.editor_tabs.open_local(a)
    first.editor_tabs.open_local(b)
    first.editor_tabs.new_file("scratch\n")
    first.editor_tabs.open_local(a)  # current
    first.editor_tabs.ask_save_changes = lambda name: DISCARD
    assert first.close()
    b.unlink()  # gone since: skipped quietly
    second = MainWindow(preferences=prefs)
    qtbot.addWidget(second)
    second.restore_session()
    tabs = second.editor_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["a.py"]
    assert tabs.current_text() == "a = 1\n"


def test_context_menu_is_ours(window: MainWindow) -> None:
    editor = window.editor_tabs.current_editor()
    editor.insert("x = 1")
    menu = editor.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Undo", "Redo", "Cut", "Copy", "Paste", "Select all", "Toggle comment"]
    assert menu.actions()[0].isEnabled()  # something to undo
    assert not menu.actions()[3].isEnabled()  # nothing selected to cut


def test_dropped_files_open_in_tabs(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    script = tmp_path / "dropped.py"
    script.write_text("print('drop')\n")
    editor = window.editor_tabs.current_editor()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(script))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    editor.dropEvent(event)
    assert window.editor_tabs.current_text() == "print('drop')\n"
    assert str(script.resolve()) not in editor.text()


def test_find_bar_is_built_on_first_use_under_the_tabs(window: MainWindow) -> None:
    tabs = window.editor_tabs
    assert tabs._find_bar is None  # nothing to pay for at start-up
    tabs.current_editor().insert("led = 1\n")
    window.find_action.trigger()
    bar = tabs.find_bar
    assert bar.isVisible()
    assert bar.parent() is window.editor_area
    assert bar.geometry().top() >= tabs.geometry().bottom()


def test_first_start_gives_the_editor_most_of_the_width(window: MainWindow, qtbot) -> None:
    files = window.findChild(QDockWidget, "FilesDock")
    assert files is not None, "the Files pane should be in the left dock"
    qtbot.waitUntil(lambda: files.width() > 0)
    assert files.width() <= 300
    assert window.editor_tabs.width() > window.width() // 2


def test_editor_has_the_keyboard_at_start(qtbot, prefs: Preferences) -> None:
    from PySide6.QtWidgets import QLineEdit

    w = MainWindow(preferences=prefs)
    qtbot.addWidget(w)
    greedy = QLineEdit()  # a pane that takes the focus while it is built (as a console may)
    w.add_bottom_dock(greedy, "Greedy", "GreedyDock")
    greedy.setFocus()
    w.show()
    qtbot.waitExposed(w)
    assert w.focusWidget() is w.editor_tabs.current_editor()


def test_first_frame_has_the_docks_and_the_panes_fill_in_after_it(qtbot, prefs) -> None:
    """Start-up speed: the console and Files panes are built just after the first paint, into
    docks that are already in place (so the editor does not jump when they arrive)."""
    w = MainWindow(preferences=prefs)
    w.editor_tabs.ask_save_changes = lambda name: DISCARD
    qtbot.addWidget(w)
    files = w.findChild(QDockWidget, "FilesDock")
    console = w.findChild(QDockWidget, "ConsoleDock")
    assert files is not None and console is not None
    assert console.widget() is None and files.widget().minimumWidth() > 200  # a placeholder
    assert not w.panes_built
    assert files.windowTitle() == "Files" and console.windowTitle() == "Console"
    ran: list[str] = []
    w.after_panes(lambda: ran.append("session"))
    w.after_panes(lambda: ran.append("connect"))
    first_frame: list[tuple[int, bool]] = []  # (editor width, panes built) at the first paint

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not first_frame:
                first_frame.append((w.editor_tabs.width(), w.panes_built))
            return False

    probe = FirstPaint()
    w.installEventFilter(probe)
    w.show()
    qtbot.waitUntil(lambda: w.panes_built)
    assert first_frame and first_frame[0][1] is False  # painted before the panes were built
    assert ran == ["session", "connect"]  # in the order asked, once
    assert files.widget() is w.files_pane and console.widget() is w.console_panel.console
    assert w.findChildren(QDockWidget, "FilesDock") == [files]  # filled, not doubled
    qtbot.wait(50)
    assert abs(w.editor_tabs.width() - first_frame[0][0]) <= 2  # the editor did not jump
    assert w.editor_tabs.width() < w.width() - 200  # and the Files dock had its width already
    w.after_panes(lambda: ran.append("late"))  # once built: at once
    assert ran[-1] == "late"


def test_reading_a_pane_before_the_first_paint_builds_it(qtbot, prefs) -> None:
    w = MainWindow(preferences=prefs)
    qtbot.addWidget(w)
    assert not w.panes_built
    assert w.console_panel is not None  # built on demand (tests, scripts, other panes)
    assert w.panes_built and w.controller is not None
    with pytest.raises(AttributeError):
        w.no_such_thing  # noqa: B018 - other names still fail as usual


def test_a_hidden_dock_stays_hidden_after_a_restart(qtbot, prefs) -> None:
    first = MainWindow(preferences=prefs)
    first.editor_tabs.ask_save_changes = lambda name: DISCARD
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.panes_built)
    first.files_dock.hide()
    assert first.close()
    second = MainWindow(preferences=prefs)
    second.editor_tabs.ask_save_changes = lambda name: DISCARD
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert not second.findChild(QDockWidget, "FilesDock").isVisible()  # from the first frame
    qtbot.waitUntil(lambda: second.panes_built)
    assert not second.files_dock.isVisible()
    assert second.findChild(QDockWidget, "ConsoleDock").isVisible()


@pytest.mark.parametrize(
    ("lang", "width"), [("en", 1100), ("en", 900), ("ja", 1100), ("zh_CN", 900)]
)
def test_the_editor_does_not_move_when_the_panes_arrive(
    qtbot, prefs, lang: str, width: int
) -> None:
    from PySide6.QtWidgets import QApplication

    from ide.ui.settings import language

    language.install_translators(QApplication.instance(), lang)
    try:
        w = MainWindow(preferences=prefs)
        w.editor_tabs.ask_save_changes = lambda name: DISCARD
        qtbot.addWidget(w)
        w.resize(width, 700)
        before: list[int] = []

        class FirstPaint(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and not before:
                    before.append(w.centralWidget().geometry().left())
                return False

        probe = FirstPaint()
        w.installEventFilter(probe)
        w.show()
        qtbot.waitUntil(lambda: w.panes_built)
        qtbot.wait(50)
        assert before and w.centralWidget().geometry().left() == before[0]
        assert w.files_pane_min_width() >= w.files_pane.minimumSizeHint().width()
    finally:
        language.install_translators(QApplication.instance(), "en")


def test_closed_before_the_timer_fires_builds_nothing(qtbot, prefs, tmp_path: Path) -> None:
    script = tmp_path / "kept.py"
    script.write_text("x = 1\n")
    prefs.set_open_files([str(script)], 0)
    w = MainWindow(preferences=prefs)
    qtbot.addWidget(w)
    w.restore_session()  # as ide.app does, before show()
    ran: list[str] = []
    w.after_panes(lambda: ran.append("connect"))
    w.show()
    w.close()  # e.g. quit from the taskbar at once
    qtbot.wait(100)
    assert not w.panes_built and ran == [] and w._controller is None
    assert prefs.open_files() == ([str(script)], 0)  # last session's files are still remembered


def test_a_failing_callback_does_not_stop_the_next(qtbot, prefs) -> None:
    w = MainWindow(preferences=prefs)
    qtbot.addWidget(w)
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("boom")

    w.after_panes(broken)
    w.after_panes(lambda: ran.append("connect"))
    with qtbot.captureExceptions() as exceptions:
        w.build_panes()
    assert ran == ["connect"]
    assert [str(e[1]) for e in exceptions] == ["boom"]


def test_a_pane_and_a_command_are_added_without_editing_the_window(qtbot, prefs) -> None:
    """A plotter or a package manager: one PaneSpec and one ActionSpec, no window method."""
    from PySide6.QtWidgets import QLabel

    from ide.ui.window.actions import ActionSpec
    from ide.ui.window.panes import PaneSpec

    assert "__getattr__" not in MainWindow.__dict__  # panes are read through the registry
    w = MainWindow(preferences=prefs)
    qtbot.addWidget(w)
    built: list[str] = []

    def build_gauge(window: MainWindow) -> QLabel:
        built.append("gauge")
        label = QLabel("gauge")
        window.add_dock(label, "Gauge", Qt.DockWidgetArea.RightDockWidgetArea, "GaugeDock")
        return label

    w.register_pane(
        PaneSpec("gauge", "GaugeDock", "Gauge", "Test", Qt.DockWidgetArea.RightDockWidgetArea,
                 build_gauge)
    )  # fmt: skip
    dock = w.findChild(QDockWidget, "GaugeDock")
    assert dock is not None and dock.widget() is None and built == []  # empty until built
    assert dock.toggleViewAction() in w.view_menu.actions()
    opened: list[bool] = []
    action = w.add_action(
        ActionSpec("gauge_action", "Show &gauge", lambda win: opened.append(True),
                   menu="tools", before="settings_action", separator=True)
    )  # fmt: skip
    tools = w.tools_menu.actions()
    assert tools.index(action) < tools.index(w.settings_action) and w.gauge_action is action
    action.trigger()
    assert opened == [True]
    assert w.pane("gauge").text() == "gauge" and built == ["gauge"]
    assert dock.widget() is w.pane("gauge")
    assert w.findChildren(QDockWidget, "GaugeDock") == [dock]  # filled, not doubled


def test_pyqtgraph_loads_when_the_plotter_is_first_shown() -> None:
    """The Plotter pane is built with the others but stays hidden; pyqtgraph (and numpy)
    come in only when it is first shown."""
    lines = _fresh_window_says(
        "w.show(); app.processEvents(); w.build_panes(); app.processEvents();"
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules);"
        "from PySide6.QtWidgets import QDockWidget;"
        "w.findChild(QDockWidget, 'PlotterDock').show(); app.processEvents();"
        "print('pyqtgraph' in sys.modules)"
    )
    assert lines == ["False False", "True"]


def test_hard_reset_is_in_the_run_menu_and_its_dialog_names_its_button(qtbot, prefs) -> None:
    """Qt's standard "Reset" button reads 重置 ("wipe") in Chinese: the button says Hard reset.
    Run > Hard reset exists, so an error message may send the user there."""
    from PySide6.QtWidgets import QMessageBox

    from ide.ui.board.session_controller import SessionController

    controller = SessionController()
    resets: list[str] = []
    controller.hard_reset = lambda: resets.append("reset")  # type: ignore[method-assign]
    w = MainWindow(controller, preferences=prefs)
    w.editor_tabs.ask_save_changes = lambda name: DISCARD
    qtbot.addWidget(w)
    w.build_panes()
    run_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Run")
    assert w.hard_reset_action in run_menu.actions()
    w.hard_reset_action.trigger()
    assert resets == ["reset"]
    panel = w.console_panel
    panel._offer_hard_reset()
    box: QMessageBox = panel._reset_box
    texts = [b.text() for b in box.buttons()]
    assert "Hard reset" in texts and "Reset" not in texts
    assert box.defaultButton().text() == "Hard reset"
    box.defaultButton().click()
    assert resets == ["reset", "reset"]
    controller.shutdown()


def test_the_examples_follow_the_simulated_board(window: MainWindow, qtbot) -> None:
    window.controller.simulated_board = "esp32"  # (Board view: "ESP32 DevKit")
    window.examples_menu.aboutToShow.emit()
    actions = window.examples_menu.actions()
    assert [a.text() for a in actions] == [
        "blink_esp32.py", "button.py", "fade_pwm.py", "For other boards"
    ]  # fmt: skip
    others = [a.text() for a in actions[-1].menu().actions()]
    assert others == ["blink_pico.py", "pico_temperature.py"]
    assert "ESP32" in actions[0].toolTip()
    for _ in range(5):  # filled again at each opening: the old submenu goes
        window.examples_menu.aboutToShow.emit()
    qtbot.wait(10)  # (deleted later)
    assert len(window.examples_menu.findChildren(QMenu)) == 1


@pytest.mark.parametrize(
    ("machine", "platform", "kind"),
    [
        ("Raspberry Pi Pico W with RP2040", "rp2", "pico"),
        ("Generic ESP32S3 module with ESP32S3", "esp32", "esp32"),
        ("ESP module with ESP8266", "esp8266", ""),
    ],
)
def test_the_examples_follow_a_connected_board(
    window: MainWindow, machine: str, platform: str, kind: str
) -> None:
    """On a real board the kind comes from what it says of itself (BoardInfo)."""
    from types import SimpleNamespace

    from ide.board.types import BoardInfo

    info = BoardInfo(machine=machine, platform=platform)
    saved = window._controller
    window._controller = SimpleNamespace(port="/dev/ttyACM0", session=SimpleNamespace(info=info))
    try:
        assert window.board_kind() == kind
    finally:
        window._controller = saved


@pytest.mark.parametrize(
    ("platform", "url"),
    [
        ("rp2", "https://docs.micropython.org/en/latest/rp2/quickref.html"),
        ("esp32", "https://docs.micropython.org/en/latest/esp32/quickref.html"),
        ("esp8266", "https://docs.micropython.org/en/latest/esp8266/quickref.html"),
        ("WiPy", "https://docs.micropython.org/en/latest/wipy/quickref.html"),
        ("nrf", "https://docs.micropython.org/en/latest/"),  # (a port with no quick reference)
        ("", "https://docs.micropython.org/en/latest/"),  # (no board answered yet)
    ],
)
def test_help_opens_the_quick_reference_of_the_board_in_use(
    window: MainWindow, monkeypatch, platform: str, url: str
) -> None:
    """Help > MicroPython documentation: the board's own quick reference (its pins, PWM, ADC),
    not the front page a beginner would have to find it from."""
    from types import SimpleNamespace

    from PySide6.QtGui import QDesktopServices

    from ide.board.types import BoardInfo

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: opened.append(u.toString()))
    saved = window._controller
    info = BoardInfo(machine="a board", platform=platform) if platform else None
    if platform == "esp8266":  # a board that gave only os.uname() (sysname) is found too
        info = BoardInfo(machine="a board", sysname=platform)
    window._controller = SimpleNamespace(port="/dev/ttyACM0", session=SimpleNamespace(info=info))
    try:
        window.docs_action.trigger()
    finally:
        window._controller = saved
    assert opened == [url]


def test_the_language_can_be_changed_in_settings(
    window: MainWindow, prefs: Preferences, monkeypatch
) -> None:
    """Settings had no language: a beginner looking there for it found nothing (it was only
    in View > Language). The same choice is there now, and the restart is offered."""
    from ide import i18n
    from ide.ui.settings import language

    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    asked: list[str] = []
    monkeypatch.setattr(language, "ask_restart", lambda w, lang: asked.append(lang) or False)
    dialog = SettingsDialog(prefs, window)
    box = dialog.language_box
    assert [box.itemData(i) for i in range(box.count())] == [i18n.SYSTEM, *i18n.LANGUAGES]
    assert box.currentData() == i18n.SYSTEM and box.itemText(2) == "日本語"

    def choose_japanese() -> int:
        box.setCurrentIndex(box.findData("ja"))
        dialog.accept()
        return 1

    monkeypatch.setattr(dialog, "exec", choose_japanese)
    monkeypatch.setattr("ide.ui.settings.dialog.SettingsDialog", lambda p, w: dialog)
    window.show_settings()
    assert language.stored_choice(prefs.settings) == "ja"
    assert asked == ["ja"]  # "restart now?" (answered Later here)
    checked = [a.data() for a in window.language_menu.actions() if a.isChecked()]
    assert checked == ["ja"]
    again = SettingsDialog(prefs, window)
    assert again.language_box.currentData() == "ja"
    again.apply()  # nothing changed: no restart offered
    assert again.new_language is None
