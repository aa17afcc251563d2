"""File > Open recent: the files opened lately (from the preferences), each reopened in a tab,
and "Clear the list". Owned by :class:`MainWindow` (``window.recent``), with the menu it fills;
its texts keep the window's translation context, "MainWindow"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ide.ui.settings.preferences import Preferences


class RecentFilesMenu:
    """Keeps ``menu`` in step with the preferences' recent files."""

    def __init__(self, menu: QMenu, preferences: Preferences, tabs: Any) -> None:
        self.menu = menu
        self.preferences = preferences
        self.tabs = tabs  # the EditorTabs a chosen file opens in

    def fill(self) -> None:
        self.menu.clear()
        files = self.preferences.recent_files()
        for name in files:
            action = self.menu.addAction(name)
            action.triggered.connect(lambda _checked=False, p=name: self.tabs.open_local(p))
        if files:
            self.menu.addSeparator()
            clear = self.menu.addAction(QCoreApplication.translate("MainWindow", "Clear the list"))
            clear.triggered.connect(self.clear)
        self.menu.setEnabled(bool(files))

    def clear(self) -> None:
        self.preferences.clear_recent_files()
        self.fill()
