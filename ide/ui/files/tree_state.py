"""What the board tree showed (expanded folders, selection), kept across a lost link.

When the link drops, the pane empties the tree; when the *same* board comes back (same port and
USB serial number), :class:`TreeRestorer` opens the folders again as their parents' listings
arrive (the model lists lazily, one folder at a time) and selects the same entries once they
are there. Folders and files that are gone by then are dropped without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelectionModel

from .board_model import BoardModel
from .names import board_parent, is_inside


@dataclass(frozen=True)
class BoardIdentity:
    """Which board a tree belongs to: the port chosen and the USB serial number (if any)."""

    port: str
    serial_number: str | None = None


@dataclass
class TreeState:
    """Board paths: folders shown expanded (parents first), selected entries, the current one."""

    expanded: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)
    current: str | None = None
    scroll: int = 0


class TreeRestorer:
    """Captures a :class:`TreeState` from the view and brings it back while the tree refills."""

    def __init__(self, model: BoardModel, tree: Any) -> None:
        self.model = model
        self.tree = tree
        self._expand: list[str] = []  # folders still to open, parents first
        self._waiting: set[str] = set()  # opened, their listing not in yet
        self._select: list[str] = []
        self._current: str | None = None
        self._scroll = 0
        self._applying = False
        model.listed.connect(self._on_listed)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def active(self) -> bool:
        return bool(self._expand or self._waiting or self._select or self._current)

    def capture(self) -> TreeState:
        """The view's state now, plus whatever a restore still had to bring back."""
        model, tree = self.model, self.tree
        expanded = []
        for path in model.loaded_folders():
            if path == "/":
                continue
            parent = board_parent(path)
            # only folders the user can see open: all their parents are open too
            if tree.isExpanded(model.index_for_path(path)) and (
                parent == "/" or parent in expanded
            ):
                expanded.append(path)
        expanded += [p for p in self._expand + sorted(self._waiting) if p not in expanded]
        sel = tree.selectionModel()
        selected = [model.node(i).path for i in sel.selectedRows(0)] if sel else []
        selected += [p for p in self._select if p not in selected]
        current_index = tree.currentIndex()
        current = model.node(current_index).path if current_index.isValid() else self._current
        return TreeState(
            sorted(expanded, key=lambda p: (p.count("/"), p)),
            selected,
            current,
            tree.verticalScrollBar().value() if not self.active() else self._scroll,
        )

    def restore(self, state: TreeState) -> None:
        """Bring ``state`` back as listings arrive (call right after ``model.start()``)."""
        self._expand = list(state.expanded)
        self._waiting = set()
        self._select = list(state.selected)
        self._current = state.current
        self._scroll = state.scroll
        root = self.model.node_for_path("/")
        if root is not None and root.children is not None:
            self._on_listed("/")

    def cancel(self) -> None:
        self._expand, self._waiting, self._select, self._current = [], set(), [], None

    # ------------------------------------------------------------------ internals

    def _on_listed(self, folder: str) -> None:
        if not self.active():
            return
        self._waiting.discard(folder)
        model = self.model
        for path in [p for p in self._expand if board_parent(p) == folder]:
            self._expand.remove(path)
            node = model.node_for_path(path)
            if node is None or not node.is_dir:  # gone: so is everything below it
                self._drop_below(path)
                continue
            if node.children is None:
                self._waiting.add(path)
            self.tree.expand(model.index_for_path(path))
            if node.children is not None:  # listed already: go on below it
                self._on_listed(path)
        ready = [p for p in self._select if board_parent(p) == folder]
        if ready:
            self._apply_selection(ready)
        if not (self._expand or self._waiting or self._select):
            self._finish()

    def _drop_below(self, folder: str) -> None:
        self._expand = [p for p in self._expand if not is_inside(p, folder)]
        self._select = [p for p in self._select if not is_inside(p, folder)]

    def _apply_selection(self, paths: list[str]) -> None:
        sel = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self._applying = True
        try:
            for path in paths:
                self._select.remove(path)
                index = self.model.index_for_path(path)
                if index.isValid():
                    sel.select(index, flags)
        finally:
            self._applying = False

    def _finish(self) -> None:
        current, self._current = self._current, None
        self._applying = True
        try:
            if current is not None:
                index = self.model.index_for_path(current)
                if index.isValid():
                    self.tree.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.NoUpdate
                    )
            self.tree.verticalScrollBar().setValue(self._scroll)
        finally:
            self._applying = False

    def _on_selection_changed(self, *args: Any) -> None:
        if not self._applying and self.model.connected:
            self._select, self._current = [], None  # the user chose: leave the selection be
