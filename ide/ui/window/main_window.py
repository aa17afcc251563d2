"""Hotaru's main window: editor tabs in the middle, console below, Files on the left.

The window's commands come from one table (ide.ui.window.actions: ACTIONS, MENUS, TOOLBAR) and
its panes from one registry (ide.ui.window.panes: DEFAULT_PANES); a feature adds a command with
``add_action(spec)`` and a pane with ``register_pane(spec)``, without editing this class.
Actions other pieces connect to are attributes (run_action, stop_action, soft_reboot_action,
save_main_action, ...), named in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ide.ui import icons
from ide.ui.board.states import SIMULATOR
from ide.ui.editor import EditorTabs
from ide.ui.settings import appearance
from ide.ui.settings.language import tidy_toolbar_texts
from ide.ui.settings.preferences import Preferences
from ide.ui.window import layout
from ide.ui.window.about import show_about
from ide.ui.window.actions import (
    ACTIONS,
    EXAMPLES,
    MENUS,
    PANES,
    RECENT,
    SEPARATOR,
    TOOLBAR,
    ActionSpec,
    make_action,
)
from ide.ui.window.examples import fill_examples_menu
from ide.ui.window.panes import DEFAULT_PANES, PaneRegistry, PaneSpec, files_min_width
from ide.ui.window.recent import RecentFilesMenu


class MainWindow(QMainWindow):
    # the window is closing for good (after unsaved changes were handled)
    closing = Signal()

    # the actions other panes use (all of ACTIONS become attributes; see add_action)
    run_action: QAction
    stop_action: QAction
    soft_reboot_action: QAction
    save_main_action: QAction
    settings_action: QAction
    install_action: QAction

    def __init__(
        self,
        controller: Any = None,
        parent: QWidget | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.preferences = preferences or Preferences()
        self._panes = PaneRegistry(self)
        self._closing_after_saves = False
        self._state_restored = False
        self._shown_once = False
        self.setObjectName("MainWindow")
        self.setWindowIcon(icons.app_icon())
        self.resize(1100, 720)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        # Files on the left runs full height; the console sits under the editor only
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.editor_tabs = EditorTabs(controller, self.preferences, self)
        self.editor_area = QWidget(self)
        layout = QVBoxLayout(self.editor_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor_tabs, 1)
        self.editor_tabs.set_find_bar_host(layout)
        self.setCentralWidget(self.editor_area)

        self._actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            self._make_action(spec)
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self.apply_preferences()
        self.editor_tabs.current_document_changed.connect(self._update_title)
        self.editor_tabs.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )
        self.editor_tabs.status_withdrawn.connect(self._withdraw_status)
        self.editor_tabs.recent_files_changed.connect(lambda _files: self._fill_recent_menu())
        self.editor_tabs.cursor_position_changed.connect(self._show_cursor_position)
        self.editor_tabs.new_file()

        self._setup_language()
        # Start-up speed: the panes (pyte, the board side, the file models) are built just
        # after the first paint. Their docks exist, empty, from the start, so the first frame
        # already has the final layout and the saved dock state applies at once.
        for pane in DEFAULT_PANES:
            self._panes.register(pane)
        self._restore_window_state()
        self._update_title()

    # ================================================================ panes
    def register_pane(self, spec: PaneSpec) -> None:
        """Add a pane (see ide.ui.window.panes): an empty dock now, the pane after the first
        paint with the others (at once if they are built already)."""
        self._panes.register(spec)

    def pane(self, name: str) -> Any:
        """The pane registered as ``name`` (the panes are built now if they are not yet)."""
        return self._panes.pane(name)

    @property
    def console_panel(self) -> Any:
        return self._panes.pane("console")

    @property
    def console(self) -> Any:
        return self._panes.pane("console").console

    @property
    def files_pane(self) -> Any:
        return self._panes.pane("files")

    @property
    def files_dock(self) -> QDockWidget:
        return self._panes.dock("files")

    @property
    def panes_built(self) -> bool:
        return self._panes.built

    def build_panes(self) -> None:
        """Build the registered panes now (normally done right after the first paint), then
        run what waited for them (after_panes())."""
        # the port selector joined the toolbar: its texts are tidied again
        self._panes.build_all(then=lambda: tidy_toolbar_texts(self))

    def _withdraw_status(self, text: str) -> None:
        """A status message that is no longer true goes at once (only if it still shows)."""
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def after_panes(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` once the panes exist (at once if they already do)."""
        self._panes.after(callback)

    def _build_panes_soon(self) -> None:
        if self.isVisible():  # closed before the timer fired: nothing to build for
            self.build_panes()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._panes.built:  # first frame painted: the panes come next
            QTimer.singleShot(0, self, self._build_panes_soon)

    @property
    def controller(self) -> Any:
        """The SessionController (made with the console pane if none was given)."""
        if self._controller is None and not self._panes.built:
            self.build_panes()
        return self._controller

    @controller.setter
    def controller(self, controller: Any) -> None:
        self._controller = controller
        self.editor_tabs.controller = controller

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea, object_name: str
    ) -> QDockWidget:
        """Put ``widget`` in a dock (its show/hide toggle goes in the View menu). A registered
        pane's dock already exists, empty, from the start: it just receives its widget."""
        return self._panes.add_dock(widget, title, area, object_name)

    def add_bottom_dock(self, widget: QWidget, title: str, object_name: str) -> QDockWidget:
        """The console's place: under the editor."""
        return self.add_dock(widget, title, Qt.DockWidgetArea.BottomDockWidgetArea, object_name)

    def add_left_dock(self, widget: QWidget, title: str, object_name: str) -> QDockWidget:
        """The Files pane's place: left of the editor, full height."""
        return self.add_dock(widget, title, Qt.DockWidgetArea.LeftDockWidgetArea, object_name)

    def files_pane_min_width(self) -> int:
        """The width the Files pane will need, known before it is built."""
        return files_min_width(self)

    # ================================================================ actions and menus
    def add_action(self, spec: ActionSpec) -> QAction:
        """Add a command (see ide.ui.window.actions): the window attribute ``spec.name``, and
        an entry in ``spec.menu`` (at the end, or in front of ``spec.before``)."""
        action = self._make_action(spec)
        menu: QMenu | None = getattr(self, f"{spec.menu}_menu", None) if spec.menu else None
        if menu is not None:
            before = self._actions.get(spec.before) if spec.before else None
            if before is not None and before in menu.actions():
                menu.insertAction(before, action)
                if spec.separator:
                    menu.insertSeparator(before)
            else:
                if spec.separator:
                    menu.addSeparator()
                menu.addAction(action)
        return action

    def _make_action(self, spec: ActionSpec) -> QAction:
        action = make_action(self, spec)
        self._actions[spec.name] = action
        setattr(self, spec.name, action)
        return action

    def _create_menus(self) -> None:
        bar = self.menuBar()
        translate = QCoreApplication.translate
        for key, title, entries in MENUS:
            menu = bar.addMenu(translate("MainWindow", title))  # i18n: marked in MENUS
            setattr(self, f"{key}_menu", menu)
            for entry in entries:
                if entry == SEPARATOR:
                    menu.addSeparator()
                elif entry == RECENT:
                    self.recent_menu = menu.addMenu(self.tr("Open &recent"))
                    self.recent = RecentFilesMenu(
                        self.recent_menu, self.preferences, self.editor_tabs
                    )
                elif entry == EXAMPLES:
                    self.examples_menu = menu.addMenu(self.tr("E&xamples"))
                    # filled as it opens: the examples follow the board of the moment
                    self.examples_menu.aboutToShow.connect(self._fill_examples_menu)
                elif entry == PANES:
                    # the language menu goes above it, the docks' toggles below
                    self._panes_separator = menu.addSeparator()
                else:
                    menu.addAction(self._actions[entry])
        self._fill_examples_menu()
        self._fill_recent_menu()

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.toggleViewAction().setEnabled(False)  # Run/Stop must stay reachable
        for name in TOOLBAR:
            if name == SEPARATOR:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self._actions[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _create_status_bar(self) -> None:
        self.cursor_label = QLabel(self)
        self.cursor_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.cursor_label)

    def _setup_language(self) -> None:
        """View > Language (follow the OS or pick one; a restart applies it)."""
        from ide.ui.settings.language import build_language_menu

        self.language_menu = build_language_menu(self)
        self.view_menu.insertMenu(self._panes_separator, self.language_menu)
        tidy_toolbar_texts(self)

    def open_install_wizard(self) -> QWidget:
        """Show the Install MicroPython wizard (esptool loads only now, not at start-up)."""
        from ide.ui.firmware import open_install_wizard

        return open_install_wizard(self, self.controller)

    def open_documentation(self) -> None:
        """MicroPython's documentation in the browser: the quick reference of the board in use
        (the simulator's too), else the front page. (QUrl loads when used: ~2 ms at start.)"""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ide.core.documentation import documentation_url

        info = getattr(getattr(self._controller, "session", None), "info", None)
        platform = getattr(info, "platform", "") or getattr(info, "sysname", "") or ""
        QDesktopServices.openUrl(QUrl(documentation_url(platform)))

    # ================================================================ menus' contents
    def _fill_examples_menu(self) -> None:
        fill_examples_menu(self.examples_menu, self.editor_tabs, self.board_kind())

    def board_kind(self) -> str:
        """"pico", "esp32" or "": the simulated board's kind on the simulator, else the
        connected board's (the Examples menu offers what is written for it first)."""
        controller = self._controller  # (not self.controller: that builds the panes)
        if controller is None:
            return "pico"  # what the simulator is until the panes exist (SessionController)
        if controller.port in (None, SIMULATOR):
            return str(getattr(controller, "simulated_board", "") or "")
        info = getattr(controller.session, "info", None)
        if info is None:
            return ""
        from ide.core.completion.boards import board_key_from_info  # (cheap: no jedi)

        key = board_key_from_info(info)  # "rp2-pico", "rp2-pico-w", "esp32", "esp8266"
        return "pico" if key.startswith("rp2") else "esp32" if key == "esp32" else ""

    def _fill_recent_menu(self) -> None:
        self.recent.fill()

    # ================================================================ commands
    def check_syntax(self) -> None:
        if self.editor_tabs.check_syntax():
            self.statusBar().showMessage(self.tr("No syntax errors found."), 5000)

    def open_from_board(self) -> None:
        """Pick a file on the board and open it in a tab."""
        from ide.ui.editor.board_file_dialog import open_board_file

        open_board_file(self, self.controller, self.editor_tabs)

    def show_settings(self) -> None:
        from ide.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self)
        if dialog.exec():
            self.apply_preferences()
            self._language_chosen(dialog.new_language)

    def _language_chosen(self, new_language: str | None) -> None:
        """The language changed in Settings: View > Language shows it, and the restart that
        applies it is offered (as choosing it in that menu does)."""
        if new_language is None:
            return
        from ide.ui.settings import language

        choice = language.stored_choice(self.preferences.settings)
        for action in self.language_menu.actions():
            if action.isCheckable():
                action.setChecked(action.data() == choice)
        if language.ask_restart(self, new_language):
            language.restart_application(self)

    def apply_preferences(self) -> None:
        """Font, size and theme from the settings, to every editor and the widgets."""
        prefs = self.preferences
        appearance.apply_to_application(prefs.theme)
        self.editor_tabs.set_editor_font(prefs.editor_font_family, prefs.editor_font_size)
        self.editor_tabs.apply_theme(appearance.resolve(prefs.theme))

    def show_about(self) -> None:
        show_about(self)

    # ================================================================ window
    def _update_title(self) -> None:
        tabs = self.editor_tabs
        editor = tabs.current_editor()
        if editor is None:
            self.setWindowTitle("Hotaru")
            return
        self.setWindowTitle(self.tr("{document} - Hotaru").format(document=tabs.tab_title(editor)))

    def _show_cursor_position(self, line: int, column: int) -> None:
        self.cursor_label.setText(
            self.tr("Line {line}, column {column}").format(line=line, column=column)
        )

    def restore_session(self) -> None:
        """Reopen the files from this computer that were open when Hotaru last closed."""
        layout.restore_open_files(self.editor_tabs, self.preferences)

    def _restore_window_state(self) -> None:
        geometry, state = self.preferences.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._state_restored = self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # normally the first paint builds the panes; a window shown minimized never paints
            QTimer.singleShot(1000, self, self._build_panes_soon)
            if not self._state_restored:
                self.size_docks()
            editor = self.editor_tabs.current_editor()
            if editor is not None:  # a beginner types at once: into the script
                editor.take_focus()

    def size_docks(self) -> None:
        """First start: the editor gets most of the window (see layout.size_docks)."""
        layout.size_docks(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.editor_tabs.maybe_close_all():
            event.ignore()
            if self.editor_tabs.pending_saves() and not self._closing_after_saves:
                self._closing_after_saves = True
                self._close_when_saved()
            return
        self.preferences.set_window_state(self.saveGeometry(), self.saveState())
        layout.remember_open_files(self.editor_tabs, self.preferences)
        self.preferences.sync()
        self.closing.emit()
        event.accept()

    def _close_when_saved(self) -> None:
        if self.editor_tabs.pending_saves():
            QTimer.singleShot(200, self._close_when_saved)
            return
        self._closing_after_saves = False
        self._state_restored = False
        self._shown_once = False
        if not self.editor_tabs.has_unsaved_changes():
            self.close()
