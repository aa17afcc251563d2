"""Tools > Manage packages…: the Packages pane (ide.core.packages with a face).

The pane is registered with the window's pane registry the first time the command is used
(so start-up never builds it), docked on the right; later uses show and raise it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from ide.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ide.ui.window.main_window import MainWindow

PANE = "packages"
DOCK = "PackagesDock"


def build_packages(window: MainWindow) -> Any:
    """PackagesPane in a right-hand dock (PaneSpec.build)."""
    from ide.ui.packages.pane import PackagesPane

    pane = PackagesPane(window.controller, window.preferences, window)
    pane.dock = window.add_dock(
        pane, pane.windowTitle(), Qt.DockWidgetArea.RightDockWidgetArea, DOCK
    )
    return pane


def show_packages(window: MainWindow) -> Any:
    """Open (the first time: register and build) the Packages pane and put it in front."""
    from ide.ui.window.panes import PaneSpec

    try:
        pane = window.pane(PANE)
    except KeyError:
        window.register_pane(
            PaneSpec(
                PANE,
                DOCK,
                QT_TRANSLATE_NOOP("PackagesPane", "Packages"),
                "PackagesPane",
                Qt.DockWidgetArea.RightDockWidgetArea,
                build_packages,
            )
        )
        pane = window.pane(PANE)
    pane.dock.show()
    pane.dock.raise_()
    pane.opened()
    return pane
