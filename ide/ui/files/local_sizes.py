"""Sizes on this computer's side that follow the files.

QFileSystemModel watches folders, not files: a file that grows in place (a program writing a
log, an editor saving, a download filling it) keeps the size it had when the folder was read
(a 1.5 MB file shown as "0 bytes" until restart). So the size column reads the size from the
file system each time it is drawn (:func:`live_size`: one stat per visible row), and
:class:`LiveSizes` watches the files of the folders shown (the root and every expanded folder)
and redraws the tree, shortly after a change, when one of them changes.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QFileSystemModel

if TYPE_CHECKING:
    from .views import LocalTree

MAX_WATCHED = 2000  # files; inotify watches are a per-user resource shared with other programs
REDRAW_MS = 150  # a file written in many small pieces redraws a few times a second at most


def live_size(model: QFileSystemModel, index: QModelIndex) -> int:
    """The size of the file at ``index`` now (the model's cached size if it can't be read)."""
    try:
        return os.stat(model.filePath(index)).st_size
    except OSError:
        return int(model.size(index))


class LiveSizes(QObject):
    """Watches the shown files of ``tree`` and redraws it when one changes."""

    def __init__(self, tree: LocalTree) -> None:
        super().__init__(tree)
        self.tree = tree
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._redraw_now)
        self._rewatch_timer = QTimer(self)
        self._rewatch_timer.setSingleShot(True)
        self._rewatch_timer.setInterval(0)  # after the model's batch of changes
        self._rewatch_timer.timeout.connect(self.rewatch)
        model = tree.fs_model()
        for signal in (model.directoryLoaded, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_a: self._rewatch_timer.start())
        tree.expanded.connect(lambda _i: self._rewatch_timer.start())
        tree.collapsed.connect(lambda _i: self._rewatch_timer.start())

    def shown_files(self) -> list[str]:
        """The files in the root folder and in every expanded folder below it."""
        tree, model = self.tree, self.tree.fs_model()
        files: list[str] = []
        folders = [tree.rootIndex()]
        while folders and len(files) < MAX_WATCHED:
            parent = folders.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if model.isDir(index):
                    if tree.isExpanded(index):
                        folders.append(index)
                else:
                    files.append(model.filePath(index))
        return files[:MAX_WATCHED]

    def rewatch(self) -> None:
        """Watch exactly the files shown now."""
        wanted = set(self.shown_files())
        watched = set(self.watcher.files())
        gone = watched - wanted
        if gone:
            self.watcher.removePaths(list(gone))
        new = wanted - watched
        if new:
            self.watcher.addPaths(sorted(new))

    def _changed(self, path: str) -> None:
        # A file replaced by rename (how many editors save) ends its watch: watch the new one.
        if path not in self.watcher.files() and os.path.exists(path):
            self.watcher.addPath(path)
        self._redraw.start()

    def _redraw_now(self) -> None:
        self.tree.viewport().update()
