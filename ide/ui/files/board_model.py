"""The board tree's model: folders load lazily, one listing per folder, sizes in a column.

The model never talks to the board. When the view wants a folder's contents it emits
:attr:`BoardModel.fetch_requested`; the pane lists the folder through the SessionController
and hands the entries back with :meth:`BoardModel.set_children`. Entries are shaped like
``ide.board.Entry`` (name, path, is_dir, size). A refresh merges a new listing into the old one,
so expanded folders stay expanded and the selection survives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QFileIconProvider, QStyle

from ide.core.files.names import board_parent, display_name, is_inside, unsafe_reason
from ide.text import Message

from .fmt import format_size

BOARD_MIME = "application/x-hotaru-board-entries"

Index = QModelIndex | QPersistentModelIndex


class Node:
    """One file or folder in the tree; ``children`` is None until the folder is listed."""

    __slots__ = (
        "name", "path", "is_dir", "size", "parent", "children", "loading", "failed", "unsafe"
    )  # fmt: skip

    def __init__(
        self, name: str, path: str, is_dir: bool, size: int | None, parent: Node | None
    ) -> None:
        self.name = name
        self.path = path
        self.is_dir = is_dir
        self.size = size
        self.parent = parent
        self.children: list[Node] | None = None
        self.loading = False
        self.failed = False  # its last listing failed (empty children: not known to be empty)
        self.unsafe: Message | None = unsafe_reason(name, windows=False) if parent else None

    @property
    def key(self) -> tuple[bool, str, str]:
        return (not self.is_dir, self.name.casefold(), self.name)

    def row(self) -> int:
        if self.parent is None or self.parent.children is None:
            return 0
        return self.parent.children.index(self)


class BoardModel(QAbstractItemModel):
    """Files and folders on the board."""

    fetch_requested = Signal(str)  # board folder path whose listing is wanted
    rename_requested = Signal(str, str)  # board path, new name (inline edit)
    upload_requested = Signal(list, str)  # local paths dropped, board folder to put them in
    move_requested = Signal(list, str)  # board paths dragged onto another board folder
    listed = Signal(str)  # a folder's listing is in the tree (or it could not be listed)
    deferred = Signal(str)  # a folder's listing has to wait (a program runs); not listed yet
    mime_factory: Any = None  # callable(list[dict]) -> QMimeData; set by the pane

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = QFileIconProvider()
        self._reset(connected=False)

    # ------------------------------------------------------------ feeding the tree

    def clear(self) -> None:
        """Empty tree (no board)."""
        self.beginResetModel()
        self._reset(connected=False)
        self.endResetModel()

    def start(self) -> None:
        """A board is connected: forget the old tree and ask for the root folder."""
        self.beginResetModel()
        self._reset(connected=True)
        self.endResetModel()
        self._request(self._root)

    def _reset(self, connected: bool) -> None:
        """A new root: empty without a board; not listed yet (to be fetched) with one."""
        self._root = Node("", "/", True, None, None)
        self._root.children = None if connected else []
        self.connected = connected

    def node_for_path(self, path: str) -> Node | None:
        if path in ("", "/"):
            return self._root
        node = self._root
        parts = [p for p in path.split("/") if p]
        for i in range(len(parts)):
            want = "/" + "/".join(parts[: i + 1])
            if node.children is None:
                return None
            node = next((c for c in node.children if c.path == want), None)  # type: ignore[assignment]
            if node is None:
                return None
        return node

    def index_for_path(self, path: str, column: int = 0) -> QModelIndex:
        node = self.node_for_path(path)
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def loaded_folders(self) -> list[str]:
        """Paths of every folder whose contents are shown (parents first)."""
        out: list[str] = []
        todo = [self._root]
        while todo:
            node = todo.pop(0)
            if node.is_dir and node.children is not None:
                out.append(node.path)
                todo.extend(c for c in node.children if c.is_dir)
        return out

    def set_children(self, path: str, entries: Iterable[Any]) -> None:
        """Merge a fresh listing of folder ``path`` into the tree."""
        node = self.node_for_path(path)
        if node is None or not node.is_dir:
            return
        self._merge(node, entries)
        self.listed.emit(path)

    def _merge(self, node: Node, entries: Iterable[Any]) -> None:
        node.loading = node.failed = False
        new = sorted(
            (Node(e.name, e.path, bool(e.is_dir), e.size, node) for e in entries),
            key=lambda n: n.key,
        )
        parent_index = self._index_of(node)
        if node.children is None:
            if new:
                self.beginInsertRows(parent_index, 0, len(new) - 1)
                node.children = new
                self.endInsertRows()
            else:
                node.children = []
                if parent_index.isValid():  # the expander arrow goes away
                    self.dataChanged.emit(parent_index, parent_index)
            return
        keys = {n.key for n in new}
        for row in range(len(node.children) - 1, -1, -1):
            if node.children[row].key not in keys:
                self.beginRemoveRows(parent_index, row, row)
                del node.children[row]
                self.endRemoveRows()
        for row, fresh in enumerate(new):
            cur = node.children[row] if row < len(node.children) else None
            if cur is not None and cur.key == fresh.key:
                if cur.size != fresh.size or cur.path != fresh.path:
                    cur.size, cur.path = fresh.size, fresh.path
                    self.dataChanged.emit(
                        self.createIndex(row, 0, cur), self.createIndex(row, 1, cur)
                    )
                continue
            self.beginInsertRows(parent_index, row, row)
            node.children.insert(row, fresh)
            self.endInsertRows()

    def listing_failed(self, path: str) -> None:
        node = self.node_for_path(path)
        if node is not None:
            node.loading = False
            node.failed = True
            if node.children is None:
                node.children = []
            self.listed.emit(path)

    def listing_deferred(self, path: str) -> None:
        """The folder could not be listed now (a program runs): list it on the next expand."""
        node = self.node_for_path(path)
        if node is not None:
            node.loading = False
        self.deferred.emit(path)

    def _request(self, node: Node) -> None:
        node.loading = True
        self.fetch_requested.emit(node.path)

    def _index_of(self, node: Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def node(self, index: Index) -> Node:
        if index.isValid():
            return index.internalPointer()  # type: ignore[no-any-return]
        return self._root

    # ---------------------------------------------------------- QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if node.children is None or not (0 <= row < len(node.children)) or column not in (0, 1):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        if node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self._index_of(node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node(parent)
        return len(node.children) if node.children else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        node = self.node(parent)
        if not node.is_dir:
            return False
        return node.children is None or bool(node.children)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        node = self.node(parent)
        return self.connected and node.is_dir and node.children is None and not node.loading

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        node = self.node(parent)
        if self.canFetchMore(parent) and node.unsafe is None:
            self._request(node)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return display_name(node.name)
            if not node.is_dir and node.size is not None and node.size >= 0:
                return format_size(node.size)
            return ""
        if role == Qt.ItemDataRole.EditRole and col == 0:
            return node.name
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            if node.unsafe is not None:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            kind = (
                QFileIconProvider.IconType.Folder
                if node.is_dir
                else QFileIconProvider.IconType.File
            )
            return self._icons.icon(kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.unsafe is not None:
                from ide.ui import translate_message

                return self.tr("{path}\nThis name is unsafe on a computer: {why}").format(
                    path=display_name(node.path), why=translate_message(node.unsafe)
                )
            if node.is_dir:
                return display_name(node.path)
            return self.tr("{path}\n{size}").format(
                path=display_name(node.path), size=format_size(node.size or 0, exact=True)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        node: Node = index.internalPointer()
        new_name = str(value)
        if new_name and new_name != node.name:
            self.rename_requested.emit(node.path, new_name)
        return False  # the tree changes when the board says the rename happened

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Name") if section == 0 else self.tr("Size")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.connected else Qt.ItemFlag.NoItemFlags
        node: Node = index.internalPointer()
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        f |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:  # renaming is also how a user fixes an unsafe name
            f |= Qt.ItemFlag.ItemIsEditable
        if node.is_dir:
            f |= Qt.ItemFlag.ItemIsDropEnabled
        return f

    # ------------------------------------------------------------------ drag & drop

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [BOARD_MIME, "text/uri-list"]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        nodes: list[Node] = []
        for idx in indexes:
            if idx.isValid() and idx.column() == 0:
                n = idx.internalPointer()
                if n not in nodes:
                    nodes.append(n)
        # A folder and something inside it: copying the folder covers both.
        paths = {n.path for n in nodes if n.is_dir}
        nodes = [n for n in nodes if not any(n.path.startswith(p + "/") for p in paths)]
        entries = [
            {"name": n.name, "path": n.path, "is_dir": n.is_dir, "size": n.size} for n in nodes
        ]
        if self.mime_factory is not None:
            return self.mime_factory(entries)  # type: ignore[no-any-return]
        mime = QMimeData()
        mime.setData(BOARD_MIME, QByteArray(json.dumps(entries).encode()))
        return mime

    def _drop_folder(self, parent: Index) -> str:
        node = self.node(parent)
        return node.path if node.is_dir else board_parent(node.path)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.connected:
            return False
        if data.hasFormat(BOARD_MIME):  # a move on the board: not into itself or where it is
            from .mime import entries_from_mime

            folder = self._drop_folder(parent)
            entries = entries_from_mime(data)
            return bool(entries) and all(
                board_parent(e["path"]) != folder
                and not (e.get("is_dir") and is_inside(folder, e["path"]))
                for e in entries
            )
        return data.hasUrls()

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        folder = self._drop_folder(parent)
        if data.hasFormat(BOARD_MIME):
            from .mime import entries_from_mime

            self.move_requested.emit([e["path"] for e in entries_from_mime(data)], folder)
            return False
        paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
        if not paths:
            return False
        self.upload_requested.emit(paths, folder)
        return False  # nothing for the view to remove: the upload runs in the background
