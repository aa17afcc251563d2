"""FilesPane: this computer and the board side by side (the main window docks it at the left).

Layout, from the top: "This computer" (a QFileSystemModel tree starting in the working folder),
the Upload / Download / Refresh buttons, "Board" with its free space (a lazily listed
:class:`BoardModel`), and the transfer strip. Everything that touches the board goes through
``controller.submit(fn)`` (the SessionController's one worker), so the pane never blocks the GUI
and never talks to the port itself. The pane owns its helpers: ``board_actions`` (the board's
actions and both context menus, :mod:`.board_actions`), ``transfers`` (uploads and downloads,
:mod:`.transfers`) and ``tree_restorer`` (the board tree's state across a reconnect).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ide.core.files.names import board_parent
from ide.ui import error_text
from ide.ui.questions import stopped_first

from .board_actions import BoardActions
from .board_header import BoardHeader
from .board_model import BoardModel, Node
from .dialogs import Asker
from .listing import BoardListing
from .local_actions import LocalActions
from .mime import BoardMimeData
from .transfer_bar import TransferBar
from .transfers import Transfers
from .tree_state import BoardIdentity, TreeRestorer, TreeState
from .views import BoardTree, LocalTree, PathLabel


class FilesPane(QWidget):
    """The Files pane. ``controller`` is the SessionController (None: no board features)."""

    local_root_changed = Signal(str)  # the folder shown under "This computer"

    def __init__(
        self,
        controller: Any = None,
        editor_tabs: Any = None,
        parent: QWidget | None = None,
        local_root: Path | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FilesPane")
        self.setWindowTitle(self.tr("Files"))
        self.controller = controller
        self.editor_tabs = editor_tabs
        self.ask = Asker(self)  # every question the pane asks (tests replace it)
        #: runs a board file's text (code, board path); the main window gives the console's,
        #: which shows "Run name.py" and links the run's tracebacks to the file
        self.run_program: Callable[[str, str], None] = lambda code, path: (
            self.controller.run_program(code, filename=path)
        )
        self._warning_open = False
        self._state = _state(controller) if controller is not None else "disconnected"
        self._board: BoardIdentity | None = None  # the board the tree shows (or showed)
        self._saved_tree: TreeState | None = None  # its tree when the link dropped

        # This computer
        self.local_model = QFileSystemModel(self)
        self.local_model.setFilter(
            QDir.Filter.AllEntries | QDir.Filter.NoDotAndDotDot | QDir.Filter.AllDirs
        )
        self.local_model.setReadOnly(True)
        self.local_tree = LocalTree(self.local_model)
        self.local_title = QLabel(self.tr("This computer"))
        self.local_title.setObjectName("FilesSectionTitle")
        self.local_path = PathLabel()
        self.up_button = QToolButton()
        self.up_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogToParent)
        )
        self.up_button.setToolTip(self.tr("Show the folder above this one"))
        self.choose_button = QToolButton()
        self.choose_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.choose_button.setToolTip(self.tr("Choose the folder to show"))

        # Buttons between the trees
        self.upload_button = QPushButton(self.tr("Upload to board"))
        self.upload_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.upload_button.setToolTip(
            self.tr("Copy the files selected above into the board folder selected below")
        )
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.download_button.setToolTip(
            self.tr("Copy the board files selected below into the folder selected above")
        )
        self.refresh_button = QToolButton()
        self.refresh_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.refresh_button.setToolTip(self.tr("Read the board's files again"))

        # The board
        self.board_model = BoardModel(self)
        self.board_model.mime_factory = lambda entries: BoardMimeData(
            entries, self.transfers.stage_for_drag, lambda: self.drop_target_is_ours()
        )
        self.board_tree = BoardTree()
        self.board_tree.setModel(self.board_model)
        self.header = BoardHeader()  # "Board", the board's name, its free space
        self.board_title = self.header.title
        self.board_name = self.header.name
        self.board_free = self.header.free_label
        self.transfer_bar = TransferBar()
        self.tree_restorer = TreeRestorer(self.board_model, self.board_tree)
        self.transfers = Transfers(self)
        self.listing = BoardListing(self)
        self.board_actions = BoardActions(self)
        self.local_actions = LocalActions(self)
        assist = getattr(editor_tabs, "assist", None)
        if assist is not None:  # the editor completes the modules the listing shows
            assist.watch_board_files(self.board_model)

        self._build_layout()
        self._wire()
        self.set_local_root(Path(local_root) if local_root else Path.cwd())
        self._update_board_header()
        self._update_buttons()
        if controller is not None:
            state = _state(controller)
            if state not in ("disconnected", "connecting"):
                # built after the connection: the controller still knows what the board is
                description = getattr(controller, "description", "")
                self._on_connected(
                    getattr(controller, "port", "") or "",
                    description if isinstance(description, str) else "",
                )

    def drop_target_is_ours(self) -> bool:
        """True while the pointer is over a Hotaru window (a drag has not left the app)."""
        return QApplication.widgetAt(QCursor.pos()) is not None

    # ---------------------------------------------------------------------- layout

    def _build_layout(self) -> None:
        local_box = QWidget()
        lv = QVBoxLayout(local_box)
        lv.setContentsMargins(2, 2, 2, 2)
        lv.setSpacing(2)
        head = QHBoxLayout()
        head.addWidget(self.local_title)
        head.addWidget(self.local_path, 1)
        head.addWidget(self.up_button)
        head.addWidget(self.choose_button)
        lv.addLayout(head)
        lv.addWidget(self.local_tree, 1)

        board_box = QWidget()
        bv = QVBoxLayout(board_box)
        bv.setContentsMargins(2, 2, 2, 2)
        bv.setSpacing(2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.upload_button)
        buttons.addWidget(self.download_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        bv.addLayout(buttons)
        bhead = QHBoxLayout()
        bhead.addWidget(self.board_title, 1)
        bhead.addWidget(self.board_free)
        bv.addLayout(bhead)
        bv.addWidget(self.board_name)
        bv.addWidget(self.board_tree, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(local_box)
        split.addWidget(board_box)
        split.setChildrenCollapsible(False)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addWidget(split, 1)
        v.addWidget(self.transfer_bar)
        font = self.local_title.font()
        font.setBold(True)
        self.local_title.setFont(font)
        self.board_title.setFont(font)

    def _wire(self) -> None:
        actions, transfers = self.board_actions, self.transfers
        self.up_button.clicked.connect(self.local_up)
        self.choose_button.clicked.connect(self.choose_local_root)
        self.upload_button.clicked.connect(transfers.upload_selected)
        self.download_button.clicked.connect(transfers.download_selected)
        self.refresh_button.clicked.connect(lambda: self.refresh(quiet=False))
        self.local_tree.download_requested.connect(transfers.download_dropped)
        self.local_tree.activated_file.connect(self.open_local)
        self.local_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.local_tree.customContextMenuRequested.connect(actions.local_menu)
        self.local_tree.delete_pressed.connect(
            lambda: self.local_actions.delete(self.local_tree.selected_paths())
        )
        self.board_model.fetch_requested.connect(self.listing.fetch)
        self.board_model.rename_requested.connect(actions.rename_path)
        self.board_model.upload_requested.connect(transfers.upload_paths)
        self.board_model.move_requested.connect(actions.move_paths)
        self.board_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.board_tree.customContextMenuRequested.connect(actions.board_menu)
        self.board_tree.doubleClicked.connect(actions.board_double_click)
        self.board_tree.delete_pressed.connect(actions.delete_selected)
        self.board_tree.open_pressed.connect(actions.open_selected)
        self.board_tree.selectionModel().selectionChanged.connect(self._update_buttons)
        model = self.board_model
        for signal in (model.listed, model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_empty_text)
        self.local_tree.selectionModel().selectionChanged.connect(self._update_buttons)
        c = self.controller
        if c is not None:
            c.connected.connect(self._on_connected)
            c.disconnected.connect(self._on_disconnected)
            c.files_changed.connect(self.refresh)
            c.state_changed.connect(self._on_state)

    # --------------------------------------------------------------- this computer

    def set_local_root(self, folder: Path) -> None:
        folder = Path(folder).resolve()
        index = self.local_model.setRootPath(str(folder))
        self.local_tree.setRootIndex(index)
        self.local_path.setText(str(folder))
        self.local_root_changed.emit(str(folder))

    def local_root(self) -> Path:
        return self.local_tree.root_path()

    def local_up(self) -> None:
        self.set_local_root(self.local_root().parent)

    def choose_local_root(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder"), str(self.local_root())
        )
        if folder:
            self.set_local_root(Path(folder))

    def open_local(self, path: Path) -> None:
        if self.editor_tabs is not None and hasattr(self.editor_tabs, "open_local"):
            self.editor_tabs.open_local(str(path))

    # ------------------------------------------------------------------ selection

    def selected_nodes(self) -> list[Node]:
        sel = self.board_tree.selectionModel()
        if sel is None:
            return []
        return [self.board_model.node(i) for i in sel.selectedRows(0)]

    def selected_board_folder(self) -> str:
        index = self.board_tree.currentIndex()
        if index.isValid() and self.board_tree.selectionModel().isSelected(index):
            node = self.board_model.node(index)
            return node.path if node.is_dir else board_parent(node.path)
        return "/"

    def selected_local_folder(self) -> Path:
        tree = self.local_tree
        index = tree.currentIndex()
        if index.isValid() and tree.selectionModel().isSelected(index):
            return tree.folder_at(index)
        return tree.root_path()

    # -------------------------------------------------------------- the session

    def _on_connected(self, port: str = "", description: str = "") -> None:
        self.header.board_name = description or port
        if self.board_model.connected:  # connected again without a drop in between
            self._remember_tree()
        board = BoardIdentity(port, _serial_number(self.controller))
        saved, self._saved_tree = self._saved_tree, None
        same = saved is not None and board == self._board
        self._board = board
        self.listing.queued = False
        self.tree_restorer.cancel()
        self.board_model.start()
        if same:  # the link came back to the same board: the same folders open, same selection
            self.tree_restorer.restore(saved)  # type: ignore[arg-type]
        self._update_board_header()
        self._update_buttons()

    def _remember_tree(self) -> None:
        self._saved_tree = self.tree_restorer.capture()
        self.tree_restorer.cancel()

    def _on_disconnected(self, reason: str = "") -> None:
        if self.board_model.connected:
            self._remember_tree()
        self.board_model.clear()
        self.header.set_free(None)
        self._update_board_header()
        self._update_buttons()

    def _on_state(self, state: str) -> None:
        was, self._state = self._state, state
        # "busy" -> "idle": some board operation ended, failed or not (this pane's own actions
        # and transfers, the editor saving to the board, the console's main.py action...):
        # whatever it wrote shows up. This is the only refresh after them. Listings run with
        # busy=False, so a refresh never triggers another.
        if state == "idle" and (self.listing.pending or was == "busy"):
            self.listing.pending = False
            self.refresh()
        if state == "disconnected" and self.board_model.connected:
            self._on_disconnected()
        self._update_buttons()

    def is_running(self) -> bool:
        c = self.controller
        return bool(c is not None and c.is_running())

    def when_idle(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` now, or after asking to stop the user's program first."""
        if self.controller is None or not self.board_model.connected:
            self.ask.warn(
                self.tr("No board"), self.tr("Connect a board first, or choose the simulator.")
            )
            return
        question = self.tr(
            "A program is running on the board. Stop it to work with the board's files?"
        )
        if stopped_first(self.controller, self.ask.yes_no, question):
            proceed()

    def submit(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        busy: bool = True,
    ) -> None:
        """``controller.submit`` whose callbacks are dropped once this pane is gone (a result can
        arrive while the window closes)."""

        def alive(cb: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if cb is None:
                return None

            def call(value: Any) -> None:
                if shiboken6.isValid(self):
                    cb(value)

            return call

        self.controller.submit(fn, alive(on_done), alive(on_error or self.show_error), busy)

    def show_error(self, exc: BaseException) -> None:
        """Tell the user what went wrong: a dialog, or the status line when the link is gone
        (the connection bar says that already) or another message is still open."""
        from ide.board import Disconnected

        text = error_text(exc)
        lost = isinstance(exc, Disconnected) or not self.board_model.connected
        if lost or self._warning_open:
            self.transfer_bar.set_status(text)
            return
        self._warning_open = True
        try:
            self.ask.warn(self.tr("Board files"), text)
        finally:
            self._warning_open = False

    # ------------------------------------------------------------------ listing
    # (ide/ui/files/listing.py: lazy listings, refreshes, free space)
    def refresh(self, *, quiet: bool = True) -> None:
        """List every shown board folder again (expanded folders stay expanded). Automatic
        refreshes fail quietly, in the status line; ``quiet=False`` says so in a dialog."""
        self.listing.refresh(quiet=quiet)

    def set_free(self, free: Any) -> None:
        """Show the board's (total, used, free) bytes, or nothing (None)."""
        self.header.set_free(free)
        self._update_board_header()

    def _update_board_header(self) -> None:
        self.header.update(self.board_model.connected)

    def _update_empty_text(self, *args: Any) -> None:
        """An empty board's tree says how files get there (a blank box said nothing)."""
        root = self.board_model.node_for_path("/")
        listed = (
            self.board_model.connected
            and root is not None
            and root.children is not None
            and not root.failed  # (a listing that failed says nothing of what is there)
        )
        self.board_tree.set_empty_text(
            self.tr(
                "No files on the board yet.\n"
                "Drag files or folders here from “This computer” above, "
                "or choose them there and press “Upload to board”."
            )
            if listed
            else ""
        )

    def _update_buttons(self, *args: Any) -> None:
        connected = self.board_model.connected
        self.upload_button.setEnabled(connected and bool(self.local_tree.selected_paths()))
        self.download_button.setEnabled(connected and bool(self.selected_nodes()))
        self.refresh_button.setEnabled(connected)


def _serial_number(controller: Any) -> str | None:
    """The connected board's USB serial number (None: unknown, or not a USB device)."""
    number = getattr(getattr(controller, "session", None), "serial_number", None)
    return str(number) if number else None


def _state(controller: Any) -> str:
    state = getattr(controller, "state", "disconnected")
    return str(state() if callable(state) else state)
