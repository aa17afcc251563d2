"""Hotaru's main window: editor tabs in the middle, console below, Files on the left.

Owners: the window frame, menus, toolbar and editor belong to `ui`. Each other piece is wired
in its own method below (`_setup_console`, `_setup_files`, `_setup_install_wizard`,
`_setup_language`), kept small and owned by its engineer. Actions other pieces connect to are
attributes (run_action, stop_action, soft_reboot_action, save_main_action, ...).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ide import __version__, paths
from ide.ui import appearance, icons
from ide.ui.editor import EditorTabs
from ide.ui.example_descriptions import describe
from ide.ui.language import tidy_toolbar_texts
from ide.ui.preferences import Preferences


def example_scripts() -> list[Path]:
    """The example scripts shipped in resources/examples, sorted by file name."""
    folder = paths.resources_dir() / "examples"
    return sorted(folder.glob("*.py")) if folder.is_dir() else []


class MainWindow(QMainWindow):
    # the window is closing for good (after unsaved changes were handled)
    closing = Signal()

    def __init__(
        self,
        controller: Any = None,
        parent: QWidget | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.preferences = preferences or Preferences()
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

        self._create_actions()
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

        self._setup_install_wizard()
        self._setup_language()
        # Start-up speed: the console and Files panes (pyte, the board side, the file models)
        # are filled in just after the first paint. Their docks exist from the start, so the
        # first frame already has the final layout and the saved dock state applies at once.
        # build_panes() fills them now; reading console_panel / console / files_pane /
        # files_dock / controller before then does too.
        self._panes_built = False
        self._after_panes: list[Any] = []
        self._pane_docks = {
            "ConsoleDock": self._empty_dock(
                QCoreApplication.translate("ConsolePanel", "Console"),
                Qt.DockWidgetArea.BottomDockWidgetArea,
                "ConsoleDock",
            ),
            "FilesDock": self._empty_dock(
                QCoreApplication.translate("FilesPane", "Files"),
                Qt.DockWidgetArea.LeftDockWidgetArea,
                "FilesDock",
            ),
        }
        # The empty Files dock is as wide as the pane will need (its row of buttons), so the
        # editor does not move when the pane arrives, in any language.
        placeholder = QWidget()
        placeholder.setMinimumWidth(self.files_pane_min_width())
        self._pane_docks["FilesDock"].setWidget(placeholder)
        self._restore_window_state()
        self._update_title()

    # ================================================================ deferred panes (ui)
    _DEFERRED = frozenset({"console_panel", "console", "files_pane", "files_dock"})

    def __getattr__(self, name: str) -> Any:
        # only reached when normal lookup fails: a pane read before the first paint
        if name in MainWindow._DEFERRED and not self.__dict__.get("_panes_built", True):
            self.build_panes()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def panes_built(self) -> bool:
        return self._panes_built

    def build_panes(self) -> None:
        """Fill the console and Files docks now (normally done right after the first paint),
        then run what waited for them (after_panes())."""
        if self._panes_built:
            return
        self._panes_built = True
        self._setup_console()
        self._setup_files()
        tidy_toolbar_texts(self)  # the port selector joined the toolbar
        callbacks, self._after_panes = self._after_panes, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # noqa: BLE001 - reported as usual; the next one still runs
                sys.excepthook(*sys.exc_info())

    def _build_panes_soon(self) -> None:
        if self.isVisible():  # closed before the timer fired: nothing to build for
            self.build_panes()

    def _withdraw_status(self, text: str) -> None:
        """A status message that is no longer true goes at once (only if it still shows)."""
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def after_panes(self, callback: Any) -> None:
        """Call ``callback`` once the panes exist (at once if they already do)."""
        if self._panes_built:
            callback()
        else:
            self._after_panes.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._panes_built:  # first frame painted: the panes come next
            QTimer.singleShot(0, self, self._build_panes_soon)

    @property
    def controller(self) -> Any:
        """The SessionController (made with the console pane if none was given)."""
        if self._controller is None and not self.__dict__.get("_panes_built", True):
            self.build_panes()
        return self._controller

    @controller.setter
    def controller(self, controller: Any) -> None:
        self._controller = controller
        self.editor_tabs.controller = controller

    # ================================================================ actions
    def _action(
        self,
        text: str,
        slot: Any = None,
        shortcut: QKeySequence | str | list[QKeySequence | str] | None = None,
        tip: str = "",
        icon: QIcon | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(icon)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _editor_action(self, text: str, method: str, shortcut: Any = None) -> QAction:
        """An action on the current editor whose keys work only while the editor area has focus
        (so Ctrl+C in the console still interrupts the board)."""

        def run() -> None:
            editor = self.editor_tabs.current_editor()
            if editor is not None:
                getattr(editor, method)()

        action = self._action(text, run, shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor_area.addAction(action)
        return action

    def _create_actions(self) -> None:
        tabs = self.editor_tabs
        # File
        self.new_action = self._action(
            self.tr("&New"), lambda: tabs.new_file(), QKeySequence.StandardKey.New,
            self.tr("Start a new script"), icons.new_icon(),
        )  # fmt: skip
        self.open_action = self._action(
            self.tr("&Open…"), tabs.open_dialog, QKeySequence.StandardKey.Open,
            self.tr("Open a script from this computer"), icons.open_icon(),
        )  # fmt: skip
        self.open_board_action = self._action(
            self.tr("Open from &board…"), self.open_from_board, None,
            self.tr("Open a file stored on the board"),
        )  # fmt: skip
        self.save_action = self._action(
            self.tr("&Save"), lambda: tabs.save(), QKeySequence.StandardKey.Save,
            self.tr("Save the script"), icons.save_icon(),
        )  # fmt: skip
        self.save_as_action = self._action(
            self.tr("Save &as…"), lambda: tabs.save_as(), "Ctrl+Shift+S",
            self.tr("Save the script under a new name on this computer"),
        )  # fmt: skip
        self.save_to_board_action = self._action(
            self.tr("Save to boa&rd as…"), lambda: tabs.save_to_board(), None,
            self.tr("Save the script as a file on the board"),
        )  # fmt: skip
        self.close_tab_action = self._action(
            self.tr("&Close tab"), lambda: tabs.close_tab(tabs.currentIndex()),
            QKeySequence.StandardKey.Close,
        )  # fmt: skip
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        if QKeySequence("Ctrl+Q") not in quit_keys:
            # Windows, bare X11 and offscreen have no standard Quit key: without this, Ctrl+Q
            # in the console went to the board (as ^Q) and the window stayed open.
            quit_keys.append(QKeySequence("Ctrl+Q"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, quit_keys)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo_action = self._editor_action(
            self.tr("&Undo"), "undo", QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._editor_action(
            self.tr("&Redo"), "redo", [QKeySequence.StandardKey.Redo, "Ctrl+Y"]
        )
        self.cut_action = self._editor_action(self.tr("Cu&t"), "cut", QKeySequence.StandardKey.Cut)
        self.copy_action = self._editor_action(
            self.tr("&Copy"), "copy", QKeySequence.StandardKey.Copy
        )
        self.paste_action = self._editor_action(
            self.tr("&Paste"), "paste", QKeySequence.StandardKey.Paste
        )
        self.select_all_action = self._editor_action(
            self.tr("Select &all"), "selectAll", QKeySequence.StandardKey.SelectAll
        )
        self.toggle_comment_action = self._editor_action(
            self.tr("Toggle &comment"), "toggle_comment", ["Ctrl+3", "Ctrl+/"]
        )
        self.find_action = self._action(
            self.tr("&Find…"), lambda: tabs.find_bar.open_find(False), QKeySequence.StandardKey.Find
        )
        self.replace_action = self._action(
            self.tr("R&eplace…"), lambda: tabs.find_bar.open_find(True), "Ctrl+H"
        )
        self.goto_line_action = self._action(
            self.tr("&Go to line…"), tabs.goto_line_dialog, "Ctrl+G"
        )
        # View
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), tabs.zoom_in, [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), tabs.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action(self.tr("&Normal size"), tabs.reset_zoom, "Ctrl+0")
        self.next_tab_action = self._action(self.tr("Ne&xt tab"), lambda: tabs.cycle(1), "Ctrl+Tab")
        self.previous_tab_action = self._action(
            self.tr("Pre&vious tab"), lambda: tabs.cycle(-1), "Ctrl+Shift+Tab"
        )
        # Run: the console engineer connects these to the SessionController
        self.run_action = self._action(
            self.tr("&Run"), None, "F5", self.tr("Run the script on the board (F5)"),
        )  # fmt: skip
        self.run_action.setIcon(icons.run_icon())
        self.stop_action = self._action(
            self.tr("&Stop"), None, "Ctrl+F2", self.tr("Stop the running program (Ctrl+F2)"),
        )  # fmt: skip
        self.stop_action.setIcon(icons.stop_icon())
        self.soft_reboot_action = self._action(
            self.tr("Soft &reboot"), None, "Ctrl+D",
            self.tr("Restart MicroPython on the board, clearing variables (Ctrl+D)"),
        )  # fmt: skip
        self.save_main_action = self._action(
            self.tr("Save to board as &main.py"), None, None,
            self.tr("The board runs main.py by itself every time it powers on"),
        )  # fmt: skip
        self.check_syntax_action = self._action(
            self.tr("&Check syntax"), self._check_syntax, "Ctrl+F5",
            self.tr("Look for typing mistakes without running the script"),
        )  # fmt: skip
        # Tools, Help
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action(self.tr("&About Hotaru"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.docs_action = self._action(
            self.tr("MicroPython &documentation"),
            self.open_documentation,
        )

    def open_documentation(self) -> None:
        """MicroPython's documentation in the browser (QUrl loads when used: ~2 ms at start)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl("https://docs.micropython.org/"))

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self.examples_menu = self.file_menu.addMenu(self.tr("E&xamples"))
        self._fill_examples_menu()
        self._fill_recent_menu()
        self.file_menu.addAction(self.open_board_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [
                self.save_action,
                self.save_as_action,
                self.save_to_board_action,
                self.save_main_action,
            ]
        )
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.close_tab_action, self.quit_action])

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [self.cut_action, self.copy_action, self.paste_action, self.select_all_action]
        )
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(
            [
                self.find_action,
                self.replace_action,
                self.goto_line_action,
                self.toggle_comment_action,
            ]
        )

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action]
        )
        self.view_menu.addSeparator()
        self._panes_separator = self.view_menu.addSeparator()  # dock toggles go below

        self.run_menu = bar.addMenu(self.tr("&Run"))
        self.run_menu.addActions([self.run_action, self.stop_action, self.soft_reboot_action])
        self.run_menu.addSeparator()
        self.run_menu.addActions([self.check_syntax_action, self.save_main_action])

        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        self.tools_menu.addAction(self.settings_action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addActions([self.docs_action, self.about_action])

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.toggleViewAction().setEnabled(False)  # Run/Stop must stay reachable
        self.toolbar.addActions([self.new_action, self.open_action, self.save_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.run_action, self.stop_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _create_status_bar(self) -> None:
        self.cursor_label = QLabel(self)
        self.cursor_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.cursor_label)

    # ================================================================ docks
    def add_dock(
        self,
        widget: QWidget,
        title: str,
        area: Qt.DockWidgetArea,
        object_name: str,
    ) -> QDockWidget:
        """Put ``widget`` in a dock (its show/hide toggle goes in the View menu). The Files and
        console docks already exist, empty, from the start: they just receive their widget."""
        dock = self.__dict__.get("_pane_docks", {}).pop(object_name, None)
        if dock is not None:
            placeholder = dock.widget()
            dock.setWindowTitle(title)
            dock.setWidget(widget)
            if placeholder is not None:
                placeholder.deleteLater()
            return dock
        dock = self._empty_dock(title, area, object_name)
        dock.setWidget(widget)
        return dock

    def files_pane_min_width(self) -> int:
        """The width the Files pane will need, known before it is built: its Upload and Download
        buttons side by side (text, icons, margins), at least 220 px (tests compare it with the
        real pane in each language)."""
        metrics = self.fontMetrics()
        texts = (
            QCoreApplication.translate("FilesPane", "Upload to board"),
            QCoreApplication.translate("FilesPane", "Download"),
        )
        width = sum(metrics.horizontalAdvance(text) for text in texts)
        return max(220, width + 104)  # 220: the rest of the pane (Chinese labels are short)

    def _empty_dock(self, title: str, area: Qt.DockWidgetArea, object_name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def add_bottom_dock(self, widget: QWidget, title: str, object_name: str) -> QDockWidget:
        """The console's place: under the editor."""
        return self.add_dock(widget, title, Qt.DockWidgetArea.BottomDockWidgetArea, object_name)

    def add_left_dock(self, widget: QWidget, title: str, object_name: str) -> QDockWidget:
        """The Files pane's place: left of the editor, full height."""
        return self.add_dock(widget, title, Qt.DockWidgetArea.LeftDockWidgetArea, object_name)

    # ================================================================ other owners' wiring
    def _setup_console(self) -> None:
        """Owner: console. ConsoleWidget in the bottom dock; Run/Stop/reboot/main.py actions;
        connection selector and status bar."""
        from ide.ui.console_panel import setup_console

        self.console_panel = setup_console(self)  # makes a SessionController if none was given
        self.console = self.console_panel.console

    def _setup_files(self) -> None:
        """Owner: files. FilesPane in the left dock, starting in the user's working folder
        (the folder last used for scripts); choosing another one there remembers it."""
        from ide.ui.files import FilesPane

        self.files_pane = FilesPane(
            self.controller, self.editor_tabs, self, local_root=self.preferences.working_folder()
        )
        self.files_pane.local_root_changed.connect(
            lambda folder: setattr(self.preferences, "last_directory", folder)
        )
        self.files_dock = self.add_left_dock(
            self.files_pane, self.files_pane.windowTitle(), "FilesDock"
        )

    def _setup_language(self) -> None:
        """Owner: i18n. View > Language (follow the OS or pick one; a restart applies it)."""
        from ide.ui.language import build_language_menu

        self.language_menu = build_language_menu(self)
        self.view_menu.insertMenu(self._panes_separator, self.language_menu)
        tidy_toolbar_texts(self)

    def _setup_install_wizard(self) -> None:
        """Owner: fw. Tools > Install MicroPython… (imports the wizard on first use)."""
        self.install_action = QAction(self.tr("Install MicroPython…"), self)
        self.install_action.setStatusTip(
            self.tr("Put MicroPython on an ESP32, ESP8266 or Raspberry Pi Pico")
        )
        self.install_action.triggered.connect(self.open_install_wizard)
        self.tools_menu.insertAction(self.settings_action, self.install_action)
        self.tools_menu.insertSeparator(self.settings_action)

    def open_install_wizard(self) -> QWidget:
        """Show the Install MicroPython wizard (esptool loads only now, not at start-up)."""
        from ide.ui.install_wizard import open_install_wizard

        return open_install_wizard(self, self.controller)

    # ================================================================ menus' contents
    def _fill_examples_menu(self) -> None:
        self.examples_menu.clear()
        scripts = example_scripts()
        for path in scripts:
            action = self.examples_menu.addAction(path.name)
            summary = describe(path)
            if summary:
                action.setStatusTip(summary)
                action.setToolTip(summary)
            action.triggered.connect(
                lambda _checked=False, p=path: self.editor_tabs.open_example(p)
            )
        self.examples_menu.setToolTipsVisible(True)
        self.examples_menu.setEnabled(bool(scripts))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.preferences.recent_files()
        for name in files:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, p=name: self.editor_tabs.open_local(p))
        if files:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction(self.tr("Clear the list"))
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.preferences.clear_recent_files()
        self._fill_recent_menu()

    # ================================================================ commands
    def _check_syntax(self) -> None:
        if self.editor_tabs.check_syntax():
            self.statusBar().showMessage(self.tr("No syntax errors found."), 5000)

    def open_from_board(self) -> None:
        """Pick a file on the board and open it in a tab."""
        from ide.ui.board_file_dialog import open_board_file

        open_board_file(self, self.controller, self.editor_tabs)

    def show_settings(self) -> None:
        from ide.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self)
        if dialog.exec():
            self.apply_preferences()

    def apply_preferences(self) -> None:
        """Font, size and theme from the settings, to every editor and the widgets."""
        prefs = self.preferences
        appearance.apply_to_application(prefs.theme)
        self.editor_tabs.set_editor_font(prefs.editor_font_family, prefs.editor_font_size)
        self.editor_tabs.apply_theme(appearance.resolve(prefs.theme))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Hotaru"),
            self.tr(
                "<h3>Hotaru {version}</h3>"
                "<p>A calm MicroPython editor for beginners: write a script, press Run, "
                "watch it work on your ESP32 or Raspberry Pi Pico, or on the built-in "
                "simulator.</p>"
                "<p>Free software under the MIT licence.</p>"
            ).format(version=__version__),
        )

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
        files, current = self.preferences.open_files()
        tabs = self.editor_tabs
        tabs.open_files(files)
        wanted = tabs.find_local(files[current]) if 0 <= current < len(files) else None
        opened = [e for f in files if (e := tabs.find_local(f)) is not None]
        if wanted is not None or opened:
            tabs.setCurrentWidget(wanted if wanted is not None else opened[-1])

    def _remember_session(self) -> None:
        tabs = self.editor_tabs
        files = tabs.local_paths()
        doc = tabs.document()
        current = files.index(str(doc.local_path)) if doc and doc.local_path else len(files) - 1
        self.preferences.set_open_files(files, current)

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
        """First start: Files narrow on the left, console a third of the height: the editor
        gets most of the window."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly  # docks are; and it is ~10x faster
        docks = [d for d in self.findChildren(QDockWidget, options=direct) if not d.isFloating()]
        left = [d for d in docks if self.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea]
        bottom = [
            d for d in docks if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        if left:
            width = max(220, min(300, self.width() // 4))
            self.resizeDocks(left, [width] * len(left), Qt.Orientation.Horizontal)
        if bottom:
            height = max(160, self.height() // 3)
            self.resizeDocks(bottom, [height] * len(bottom), Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.editor_tabs.maybe_close_all():
            event.ignore()
            if self.editor_tabs.pending_saves() and not self._closing_after_saves:
                self._closing_after_saves = True
                self._close_when_saved()
            return
        self.preferences.set_window_state(self.saveGeometry(), self.saveState())
        self._remember_session()
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
