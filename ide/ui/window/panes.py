"""The panes around the editor, registered one way: a PaneSpec says where a pane's dock goes,
its title before the pane exists, and how to build it.

Start-up stays light: the docks of the registered panes exist, empty, in the first frame (so
the saved layout applies at once and nothing moves later); the panes themselves are imported
and built just after the first paint (MainWindow.paintEvent -> build_all), in registration
order. ``window.pane(name)`` builds them on the spot when read earlier, so tests and other
panes never see a half-built window. A new pane (a plotter, a package manager) is one more
``PaneSpec`` in DEFAULT_PANES or a ``window.register_pane(spec)`` call, not a change of the
window's body.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from ide.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ide.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class PaneSpec:
    """One pane docked around the editor."""

    name: str  # window.pane(name)
    dock_name: str  # the dock's object name: saved window layouts know it
    title: str  # QT_TRANSLATE_NOOP(context, ...): the empty dock's title
    context: str  # the title's translation context
    area: Qt.DockWidgetArea
    # imports and builds the pane, puts its widget in the dock with
    # ``window.add_dock(widget, title, area, dock_name)`` and returns the pane object
    build: Callable[[MainWindow], Any]
    # the width the pane will need, known before it is built (its empty dock gets it)
    min_width: Callable[[MainWindow], int] | None = None
    #: shown on a first start (a saved layout says otherwise later); False: View menu only
    visible: bool = True


class PaneRegistry:
    """The window's panes and their docks (owned by MainWindow, one per window)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._specs: list[PaneSpec] = []
        self._panes: dict[str, Any] = {}
        self._docks: dict[str, QDockWidget] = {}  # by object name, once filled
        self._empty: dict[str, QDockWidget] = {}  # docks waiting for their pane
        self._after: list[Callable[[], Any]] = []
        self.built = False

    def register(self, spec: PaneSpec) -> None:
        """Add a pane: its empty dock now; the pane with the others (at once if they exist)."""
        self._specs.append(spec)
        title = QCoreApplication.translate(spec.context, spec.title)  # i18n: marked in the spec
        dock = self.empty_dock(title, spec.area, spec.dock_name)
        if spec.min_width is not None:
            # a placeholder as wide as the pane will be: the editor does not move when it comes
            placeholder = QWidget()
            placeholder.setMinimumWidth(spec.min_width(self._window))
            dock.setWidget(placeholder)
        if not spec.visible:
            dock.hide()  # (before the saved layout is restored: that wins)
        self._empty[spec.dock_name] = dock
        if self.built:
            self._build(spec)

    def build_all(self, then: Callable[[], Any] | None = None) -> None:
        """Build every registered pane (once), call ``then()``, then run what waited for them
        (after())."""
        if self.built:
            return
        self.built = True
        for spec in self._specs:
            self._build(spec)
        if then is not None:
            then()
        callbacks, self._after = self._after, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # noqa: BLE001 - reported as usual; the next one still runs
                sys.excepthook(*sys.exc_info())

    def _build(self, spec: PaneSpec) -> None:
        self._panes[spec.name] = spec.build(self._window)

    def after(self, callback: Callable[[], Any]) -> None:
        if self.built:
            callback()
        else:
            self._after.append(callback)

    def pane(self, name: str) -> Any:
        """The pane object registered as ``name`` (built now if the panes are not yet)."""
        if not self.built:
            self.build_all()
        return self._panes[name]

    def dock(self, name: str) -> QDockWidget:
        """The dock holding the pane registered as ``name``."""
        self.pane(name)  # KeyError for a name never registered
        spec = next(s for s in self._specs if s.name == name)
        return self._docks[spec.dock_name]

    def add_dock(
        self, widget: QWidget, title: str, area: Qt.DockWidgetArea, object_name: str
    ) -> QDockWidget:
        """Put ``widget`` in a dock: the empty one of that object name if it waits, else a new
        one (its show/hide toggle goes in the View menu)."""
        dock = self._empty.pop(object_name, None)
        if dock is not None:
            placeholder = dock.widget()
            dock.setWindowTitle(title)
            dock.setWidget(widget)
            if placeholder is not None:
                placeholder.deleteLater()
        else:
            dock = self.empty_dock(title, area, object_name)
            dock.setWidget(widget)
        self._docks[object_name] = dock
        return dock

    def empty_dock(self, title: str, area: Qt.DockWidgetArea, object_name: str) -> QDockWidget:
        window = self._window
        dock = QDockWidget(title, window)
        dock.setObjectName(object_name)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(area, dock)
        window.view_menu.addAction(dock.toggleViewAction())
        return dock


# ---------------------------------------------------------------- the panes Hotaru ships
def build_console(window: MainWindow) -> Any:
    """ConsoleWidget in the bottom dock; Run/Stop/reboot/main.py actions; the port selector
    and status bar (the console panel makes the SessionController if none was given)."""
    from ide.ui.console.panel import setup_console

    return setup_console(window)


def build_files(window: MainWindow) -> Any:
    """FilesPane in the left dock, starting in the user's working folder (the folder last used
    for scripts); choosing another one there remembers it."""
    from ide.ui.files import FilesPane

    prefs = window.preferences
    pane = FilesPane(
        window.controller, window.editor_tabs, window, local_root=prefs.working_folder()
    )
    pane.local_root_changed.connect(lambda folder: setattr(prefs, "last_directory", folder))
    # Run in its menu goes through the console: "Run name.py", tracebacks linked to the file
    pane.run_program = lambda code, path: window.console_panel.run_file(code, path)
    window.add_dock(pane, pane.windowTitle(), Qt.DockWidgetArea.LeftDockWidgetArea, "FilesDock")
    return pane


def build_plotter(window: MainWindow) -> Any:
    """PlotterPane beside the console (hidden until View > Plotter); pyqtgraph loads when it
    is first shown."""
    from ide.ui.plotter.pane import build_plotter

    return build_plotter(window)


def build_variables(window: MainWindow) -> Any:
    """VariablesPane on the right (hidden until View > Variables)."""
    from ide.ui.variables.pane import build_variables

    return build_variables(window)


def build_board_view(window: MainWindow) -> Any:
    """BoardViewPane on the right (hidden until a program drives a pin on the simulator, or
    View > Board view)."""
    from ide.ui.board_view import build_board_view

    return build_board_view(window)


def files_min_width(window: QWidget) -> int:
    """The width the Files pane will need, known before it is built: its Upload and Download
    buttons side by side (text, icons, margins), at least 220 px (tests compare it with the
    real pane in each language)."""
    metrics = window.fontMetrics()
    texts = (
        QCoreApplication.translate("FilesPane", "Upload to board"),
        QCoreApplication.translate("FilesPane", "Download"),
    )
    width = sum(metrics.horizontalAdvance(text) for text in texts)
    return max(220, width + 104)  # 220: the rest of the pane (Chinese labels are short)


# Built in this order after the first paint (the console first: it makes the controller).
DEFAULT_PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "console",
        "ConsoleDock",
        QT_TRANSLATE_NOOP("ConsolePanel", "Console"),
        "ConsolePanel",
        Qt.DockWidgetArea.BottomDockWidgetArea,
        build_console,
    ),
    PaneSpec(
        "files",
        "FilesDock",
        QT_TRANSLATE_NOOP("FilesPane", "Files"),
        "FilesPane",
        Qt.DockWidgetArea.LeftDockWidgetArea,
        build_files,
        files_min_width,
    ),
    PaneSpec(
        "plotter",
        "PlotterDock",
        QT_TRANSLATE_NOOP("PlotterPane", "Plotter"),
        "PlotterPane",
        Qt.DockWidgetArea.BottomDockWidgetArea,
        build_plotter,
        visible=False,
    ),
    PaneSpec(
        "variables",
        "VariablesDock",
        QT_TRANSLATE_NOOP("VariablesPane", "Variables"),
        "VariablesPane",
        Qt.DockWidgetArea.RightDockWidgetArea,
        build_variables,
        visible=False,
    ),
    PaneSpec(
        "board_view",
        "BoardViewDock",
        QT_TRANSLATE_NOOP("BoardViewPane", "Board view"),
        "BoardViewPane",
        Qt.DockWidgetArea.RightDockWidgetArea,
        build_board_view,
        visible=False,
    ),
)
