"""The two tree views and their drag and drop.

* :class:`LocalTree` shows a QFileSystemModel; it drags local files out (file URLs, Qt's own)
  and accepts board entries dropped on it (:data:`BOARD_MIME`) into the folder under the
  cursor, or its root folder.
* :class:`BoardTree` shows the :class:`BoardModel`; its model turns dropped file URLs into an
  upload request and dragged entries into :class:`BoardMimeData`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileSystemModel,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from .board_model import BOARD_MIME
from .fmt import format_size
from .local_sizes import LiveSizes, live_size
from .mime import entries_from_mime


class _LocalSizeDelegate(QStyledItemDelegate):
    """The size column of this computer's files in our words and units ("5 バイト", "1.4 MB"),
    as on the board's side: QFileSystemModel writes them in the OS locale's English ("5 bytes",
    "1.43 MiB") whatever language Hotaru speaks. The size is the file's size now, not the
    model's (stale once the file grows: see local_sizes)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, QFileSystemModel) and not model.isDir(index):
            option.text = format_size(live_size(model, index))  # type: ignore[attr-defined]


def _drag_and_drop_both_ways(view: QTreeView) -> None:
    """Both trees: drag files out, take drops (copies), select several rows."""
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


def _name_and_size_columns(view: QTreeView) -> None:
    """Both trees (once a model is set): the name takes the width, the size what it needs."""
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)


class LocalTree(QTreeView):
    """This computer's files below a chosen folder."""

    download_requested = Signal(list, object)  # board entries (dicts), local folder (Path)
    activated_file = Signal(object)  # Path of a file double-clicked / Enter
    delete_pressed = Signal()

    def __init__(self, model: QFileSystemModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("LocalTree")
        _drag_and_drop_both_ways(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for col in (2, 3):  # type and date: the pane is narrow; name and size matter
            self.setColumnHidden(col, True)
        self.setItemDelegateForColumn(1, _LocalSizeDelegate(self))
        _name_and_size_columns(self)
        self.doubleClicked.connect(self._on_double_click)
        self.live_sizes = LiveSizes(self)  # sizes redrawn when a shown file changes

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def fs_model(self) -> QFileSystemModel:
        return self.model()  # type: ignore[return-value]

    def root_path(self) -> Path:
        return Path(self.fs_model().filePath(self.rootIndex()))

    def folder_at(self, index: QModelIndex) -> Path:
        """The folder a drop on ``index`` goes into (the root when nothing is under it)."""
        if not index.isValid():
            return self.root_path()
        path = Path(self.fs_model().filePath(index))
        return path if self.fs_model().isDir(index) else path.parent

    def selected_paths(self) -> list[Path]:
        rows = self.selectionModel().selectedRows(0) if self.selectionModel() else []
        return [Path(self.fs_model().filePath(i)) for i in rows]

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and not self.fs_model().isDir(index):
            self.activated_file.emit(Path(self.fs_model().filePath(index)))

    # Board entries dropped here download; everything else is left to the OS.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(BOARD_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(BOARD_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            index = self.indexAt(event.position().toPoint())
            if index.isValid():
                self.setCurrentIndex(index)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        entries = entries_from_mime(event.mimeData())
        if not entries:
            event.ignore()
            return
        folder = self.folder_at(self.indexAt(event.position().toPoint()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.download_requested.emit(entries, folder)


class BoardTree(QTreeView):
    """The board's files; drops of local files upload into the folder under the cursor."""

    delete_pressed = Signal()
    open_pressed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardTree")
        _drag_and_drop_both_ways(self)
        # F2 or the context menu's Rename; no rename on a slow second click (beginners click twice)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setUniformRowHeights(True)
        self._empty_text = ""  # said in the tree while it has no rows (the pane sets it)

    def setModel(self, model: Any) -> None:  # noqa: N802
        super().setModel(model)
        _name_and_size_columns(self)

    def set_empty_text(self, text: str) -> None:
        """What the tree says while it has no rows ("" says nothing)."""
        if text != self._empty_text:
            self._empty_text = text
            self.viewport().update()

    def shown_empty_text(self) -> str:
        """The text drawn in the tree now: the empty text, when there are no rows."""
        model = self.model()
        return self._empty_text if model is not None and model.rowCount() == 0 else ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        text = self.shown_empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.fontMetrics().height()
        rect = self.viewport().rect().adjusted(margin // 2, margin, -margin // 2, -margin)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(rect, int(flags) | int(Qt.TextFlag.TextWordWrap), text)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        if event.isAccepted():
            event.setDropAction(Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Delete:
                self.delete_pressed.emit()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_pressed.emit()
                return
        super().keyPressEvent(event)


class ElidedLabel(QLabel):
    """One line of text shortened with "…" to fit the pane (the whole text in the tool tip)."""

    def __init__(
        self, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )


class PathLabel(ElidedLabel):
    """A folder path that shortens from the left ("…/projects/blink") to fit the pane."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(Qt.TextElideMode.ElideLeft, parent)
