"""What the board tree showed (expanded folders, selection), kept across a lost link.

When the link drops, the pane empties the tree; when the *same* board comes back (same port and
USB serial number), :class:`TreeRestorer` opens the folders again as their parents' listings
arrive (the model lists lazily, one folder at a time) and selects the same entries once they
are there. Folders and files that are gone by then are dropped without a word. Only what the
user could see is kept: a selection inside a collapsed folder is not (its folder is never listed
again, so the restore would wait for it forever). The current entry and the scroll position
come back once everything else has.

The user comes first: anything they do to the tree meanwhile (a click, a key, the wheel, the
scroll bar, opening or closing a folder) ends the restore, so nothing moves under them later.
A folder whose listing has to wait (a program runs) is left closed and not restored below
(the top folder is waited for: the pane lists it when the run ends).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from ide.core.files.names import board_parent, is_inside

from .board_model import BoardModel


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


def _visible(path: str, expanded: list[str]) -> bool:
    """An entry the user can see: at the top, or in a folder shown open."""
    parent = board_parent(path)
    return parent == "/" or parent in expanded


_TOUCH_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
)
_MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
)


class TreeRestorer(QObject):
    """Captures a :class:`TreeState` from the view and brings it back while the tree refills."""

    def __init__(self, model: BoardModel, tree: Any) -> None:
        super().__init__(tree)
        self.model = model
        self.tree = tree
        self._restoring = False  # from restore() until it finished, gave up or was cancelled
        self._expand: list[str] = []  # folders still to open, parents first
        self._waiting: set[str] = set()  # opened, their listing not in yet
        self._select: list[str] = []
        self._current: str | None = None
        self._scroll = 0
        self._applying = False  # our own changes to the view: not the user's
        self._to_close: list[str] = []  # folders whose listing was deferred
        model.listed.connect(self._on_listed)
        model.deferred.connect(self._on_deferred)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        tree.expanded.connect(self._on_user_action)
        tree.collapsed.connect(self._on_user_action)
        tree.verticalScrollBar().actionTriggered.connect(self._on_user_action)
        tree.horizontalScrollBar().actionTriggered.connect(self._on_user_action)
        tree.installEventFilter(self)  # keys
        tree.viewport().installEventFilter(self)  # clicks, the wheel

    def active(self) -> bool:
        """True while a restore still has something to bring back."""
        return self._restoring

    def capture(self) -> TreeState:
        """The view's state now, plus whatever a restore still had to bring back."""
        model, tree = self.model, self.tree
        expanded: list[str] = []
        for path in model.loaded_folders():
            if path == "/":
                continue
            # only folders the user can see open: all their parents are open too
            if tree.isExpanded(model.index_for_path(path)) and _visible(path, expanded):
                expanded.append(path)
        expanded += [p for p in self._expand + sorted(self._waiting) if p not in expanded]
        sel = tree.selectionModel()
        selected = [model.node(i).path for i in sel.selectedRows(0)] if sel else []
        selected += [p for p in self._select if p not in selected]
        # entries hidden in a collapsed folder stay behind: it is not listed after a reconnect
        selected = [p for p in selected if _visible(p, expanded)]
        current_index = tree.currentIndex()
        current = model.node(current_index).path if current_index.isValid() else self._current
        if current is not None and not _visible(current, expanded):
            current = None
        return TreeState(
            sorted(expanded, key=lambda p: (p.count("/"), p)),
            selected,
            current,
            self._scroll if self._restoring else tree.verticalScrollBar().value(),
        )

    def restore(self, state: TreeState) -> None:
        """Bring ``state`` back as listings arrive (call right after ``model.start()``)."""
        expand: list[str] = []
        for path in sorted(state.expanded, key=lambda p: (p.count("/"), p)):
            if _visible(path, expand):  # a folder under a closed one would never be listed
                expand.append(path)
        current = state.current
        self._expand = expand
        self._waiting = set()
        self._select = [p for p in state.selected if _visible(p, expand)]
        self._current = current if current is not None and _visible(current, expand) else None
        self._scroll = state.scroll
        self._restoring = True
        root = self.model.node_for_path("/")
        if root is not None and root.children is not None:
            self._on_listed("/")

    def cancel(self) -> None:
        """Stop restoring: nothing more opens, gets selected or scrolls."""
        self._restoring = False
        self._expand, self._waiting, self._select, self._current = [], set(), [], None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._restoring:
            key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
            if event.type() in _TOUCH_EVENTS or (key and event.key() not in _MODIFIER_KEYS):
                self.cancel()  # the user is at work in the tree
        return False

    # ------------------------------------------------------------------ internals

    def _on_listed(self, folder: str) -> None:
        if not self._restoring:
            return
        self._waiting.discard(folder)
        model = self.model
        for path in [p for p in self._expand if board_parent(p) == folder]:
            if not self._restoring:
                return
            if path not in self._expand:
                continue
            self._expand.remove(path)
            node = model.node_for_path(path)
            if node is None or not node.is_dir:  # gone: so is everything below it
                self._drop_below(path)
                continue
            if node.children is None:
                self._waiting.add(path)
            with self._ours():
                self.tree.expand(model.index_for_path(path))  # may ask for its listing
            if node.children is not None:  # listed already: go on below it
                self._on_listed(path)
        if not self._restoring:
            return
        ready = [p for p in self._select if board_parent(p) == folder]
        if ready:
            self._apply_selection(ready)
        self._finish_when_done()

    def _on_deferred(self, folder: str) -> None:
        """``folder`` can't be listed now (a program runs): give up on it and what is below."""
        if not self._restoring:
            return
        if folder not in self._waiting:  # "/" too: the refresh after the run lists it
            return
        self._waiting.discard(folder)
        self._drop_below(folder)
        # Closed again, so opening it lists it; then the rest. Not right now: this runs inside
        # the view's own expand() of that folder.
        self._to_close.append(folder)
        QTimer.singleShot(0, self, self._close_deferred)

    def _close_deferred(self) -> None:
        folders, self._to_close = self._to_close, []
        for folder in folders:
            node = self.model.node_for_path(folder)
            index = self.model.index_for_path(folder)
            if node is not None and node.children is None and self.tree.isExpanded(index):
                with self._ours():
                    self.tree.collapse(index)
        self._finish_when_done()

    def _finish_when_done(self) -> None:
        # A deferred folder still to be closed (the zero timer above) is work left too: done
        # before it, active() turned False while that folder was still shown open.
        if self._restoring and not (
            self._expand or self._waiting or self._select or self._to_close
        ):
            self._finish()

    def _drop_below(self, folder: str) -> None:
        self._expand = [p for p in self._expand if not is_inside(p, folder)]
        self._select = [p for p in self._select if not is_inside(p, folder)]

    def _apply_selection(self, paths: list[str]) -> None:
        sel = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        with self._ours():
            for path in paths:
                self._select.remove(path)
                index = self.model.index_for_path(path)
                if index.isValid():
                    sel.select(index, flags)

    def _finish(self) -> None:
        """Everything is open and selected again: the current entry, then the scroll position."""
        current = self._current
        self.cancel()
        with self._ours():
            if current is not None:
                index = self.model.index_for_path(current)
                if index.isValid():
                    self.tree.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.NoUpdate
                    )
            self.tree.doItemsLayout()  # the scroll range fits the rows just listed
            self.tree.verticalScrollBar().setValue(self._scroll)

    @contextmanager
    def _ours(self) -> Iterator[None]:
        """The view changes made inside are ours, not the user's (they cancel nothing)."""
        was, self._applying = self._applying, True
        try:
            yield
        finally:
            self._applying = was

    def _on_selection_changed(self, selected: Any, _deselected: Any) -> None:
        # rows only deselected: the model dropped them (a refresh), not the user's choice
        if not selected.isEmpty():
            self._on_user_action()

    def _on_user_action(self, *args: Any) -> None:
        """The user chose, opened, closed or scrolled: leave the tree as they make it."""
        if self._restoring and not self._applying and self.model.connected:
            self.cancel()
