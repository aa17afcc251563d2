"""What the main window remembers between runs, and its first-start layout: the local files
that were open (and which one was current), and dock sizes when no layout was saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


def restore_open_files(tabs: Any, preferences: Any) -> None:
    """Reopen the files from this computer that were open when Hotaru last closed."""
    files, current = preferences.open_files()
    tabs.open_files(files)
    wanted = tabs.find_local(files[current]) if 0 <= current < len(files) else None
    opened = [e for f in files if (e := tabs.find_local(f)) is not None]
    if wanted is not None or opened:
        tabs.setCurrentWidget(wanted if wanted is not None else opened[-1])


def remember_open_files(tabs: Any, preferences: Any) -> None:
    """Store the local files open in tabs, and the current one, for the next start."""
    files = tabs.local_paths()
    doc = tabs.document()
    current = files.index(str(doc.local_path)) if doc and doc.local_path else len(files) - 1
    preferences.set_open_files(files, current)


def size_docks(window: QMainWindow) -> None:
    """First start: Files narrow on the left, console a third of the height: the editor gets
    most of the window."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly  # docks are; and it is ~10x faster
    docks = [d for d in window.findChildren(QDockWidget, options=direct) if not d.isFloating()]
    left = [d for d in docks if window.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea]
    bottom = [
        d for d in docks if window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
    ]
    if left:
        width = max(220, min(300, window.width() // 4))
        window.resizeDocks(left, [width] * len(left), Qt.Orientation.Horizontal)
    if bottom:
        height = max(160, window.height() // 3)
        window.resizeDocks(bottom, [height] * len(bottom), Qt.Orientation.Vertical)
