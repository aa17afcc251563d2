"""Board tree actions and both context menus: open, run, new file/folder, rename, delete,
make main.py, refresh, properties; and Upload/Open for the local tree."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPoint
from PySide6.QtWidgets import QMenu

from ide.core.files import board_ops
from ide.core.files.names import (
    board_basename,
    board_join,
    board_parent,
    display_name,
    is_inside,
    valid_new_board_name,
)
from ide.ui import translate_message

from .board_model import Node
from .fmt import format_size

if TYPE_CHECKING:
    from .pane import FilesPane

MAIN_PY = "/main.py"


class BoardActions(QObject):
    """The Files pane's board actions and both context menus (owned by the pane; every board
    call goes through ``pane.submit`` after ``pane.when_idle``)."""

    def __init__(self, pane: FilesPane) -> None:
        super().__init__(pane)
        self.pane = pane

    # ----------------------------------------------------------------------- menus

    def board_menu(self, pos: QPoint) -> None:
        index = self.pane.board_tree.indexAt(pos)
        sel = self.pane.board_tree.selectionModel()
        if index.isValid() and not sel.isSelected(index):
            self.pane.board_tree.setCurrentIndex(index)
        nodes = self.pane.selected_nodes() if index.isValid() else []
        menu = self.build_board_menu(nodes)
        menu.exec(self.pane.board_tree.viewport().mapToGlobal(pos))

    def build_board_menu(self, nodes: list[Node]) -> QMenu:
        """The board context menu for ``nodes`` (empty: the menu for the empty area)."""
        menu = QMenu(self.pane)
        connected = self.pane.board_model.connected
        one = nodes[0] if len(nodes) == 1 else None
        folder = "/"
        if one is not None:
            folder = one.path if one.is_dir else board_parent(one.path)
        if one is not None and not one.is_dir:
            a = menu.addAction(self.tr("Open in editor"), lambda: self.open_path(one.path))
            a.setEnabled(one.unsafe is None)
            a = menu.addAction(self.tr("Run"), lambda: self.run_path(one.path))
            a.setEnabled(one.unsafe is None and one.name.endswith(".py"))
        if nodes:
            menu.addAction(
                self.tr("Download to this computer"),
                lambda: self.pane.transfers.download_entries(
                    [node_entry(n) for n in nodes], self.pane.selected_local_folder()
                ),
            )
            menu.addSeparator()
        menu.addAction(self.tr("New file…"), lambda: self.new_file(folder))
        menu.addAction(self.tr("New folder…"), lambda: self.new_folder(folder))
        if one is not None:
            menu.addAction(self.tr("Rename"), lambda: self.start_rename(one.path))
        if nodes:
            menu.addAction(self.tr("Delete"), self.delete_selected)
        if one is not None and not one.is_dir and one.name.endswith(".py"):
            a = menu.addAction(self.tr("Make this the main.py"), lambda: self.make_main(one.path))
            a.setEnabled(one.path != MAIN_PY and one.unsafe is None)
            a.setToolTip(self.tr("The board runs main.py by itself when it starts"))
        menu.addSeparator()
        menu.addAction(self.tr("Refresh"), lambda: self.pane.refresh(quiet=False))
        if one is not None:
            menu.addAction(self.tr("Properties"), lambda: self.properties(one.path))
        if not connected:
            for action in menu.actions():
                action.setEnabled(False)
        return menu

    def local_menu(self, pos: QPoint) -> None:
        menu = self.build_local_menu(self.pane.local_tree.indexAt(pos))
        menu.exec(self.pane.local_tree.viewport().mapToGlobal(pos))

    def build_local_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self.pane)
        paths = self.pane.local_tree.selected_paths()
        up = menu.addAction(self.tr("Upload to board"), self.pane.transfers.upload_selected)
        up.setEnabled(bool(paths) and self.pane.board_model.connected)
        folder = self.pane.local_tree.folder_at(index)  # where New file/folder go
        if index.isValid():
            path = Path(self.pane.local_model.filePath(index))
            if path.is_file():
                menu.addAction(self.tr("Open in editor"), lambda: self.pane.open_local(path))
            else:
                menu.addAction(self.tr("Show this folder"), lambda: self.pane.set_local_root(path))
        # this computer's own file actions, in the board side's words (local_actions.py)
        local = self.pane.local_actions
        menu.addSeparator()
        menu.addAction(self.tr("New file…"), lambda: local.new_file(folder))
        menu.addAction(self.tr("New folder…"), lambda: local.new_folder(folder))
        if index.isValid() and len(paths) <= 1:
            path = Path(self.pane.local_model.filePath(index))
            menu.addAction(self.tr("Rename"), lambda: local.rename(path))
        if index.isValid() and paths:
            menu.addAction(self.tr("Delete"), lambda: local.delete(paths))
        menu.addSeparator()
        menu.addAction(self.tr("Show the folder above"), self.pane.local_up)
        menu.addAction(self.tr("Choose folder…"), self.pane.choose_local_root)
        return menu

    # --------------------------------------------------------------------- actions

    def board_double_click(self, index: QModelIndex) -> None:
        node = self.pane.board_model.node(index)
        if index.isValid() and not node.is_dir:
            self.open_path(node.path)

    def open_selected(self) -> None:
        for node in self.pane.selected_nodes():
            if not node.is_dir:
                self.open_path(node.path)

    def _read_text(self, path: str, then: Any) -> None:
        def done(data: bytes) -> None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                self.pane.ask.warn(
                    self.tr("Not a text file"),
                    self.tr("“{name}” is not UTF-8 text, so the editor can't open it.").format(
                        name=display_name(path)
                    ),
                )
                return
            then(text)

        self.pane.when_idle(lambda: self.pane.submit(lambda s: s.read_file(path), done))

    def open_path(self, path: str) -> None:
        """Open a board file in an editor tab."""
        if self.pane.editor_tabs is None or not hasattr(self.pane.editor_tabs, "open_board_file"):
            return
        self._read_text(path, lambda text: self.pane.editor_tabs.open_board_file(path, text))

    def run_path(self, path: str) -> None:
        """Run a board file as the user's program (through ``pane.run_program``: in the main
        window, the console's, which names the run and links its tracebacks to the file)."""
        self._read_text(path, lambda text: self.pane.run_program(text, path))

    def _ask_name(self, title: str, label: str, default: str) -> str | None:
        name = self.pane.ask.text(title, label, default)
        while name is not None:
            why = valid_new_board_name(name)
            if why is None:
                return name.strip()
            self.pane.ask.warn(title, translate_message(why))
            name = self.pane.ask.text(title, label, name)
        return None

    def _exists(self, folder: str, name: str) -> bool:
        node = self.pane.board_model.node_for_path(folder)
        return bool(node and node.children and any(c.name == name for c in node.children))

    def _refuse_existing(self, title: str, folder: str, name: str) -> bool:
        if self._exists(folder, name):
            self.pane.ask.warn(
                title,
                self.tr("“{name}” already exists there.").format(name=display_name(name)),
            )
            return True
        return False

    def new_file(self, folder: str = "/") -> None:
        title = self.tr("New file")
        name = self._ask_name(title, self.tr("Name of the new file on the board:"), "new.py")
        if name is None or self._refuse_existing(title, folder, name):
            return

        def done(path: str) -> None:
            if self.pane.editor_tabs is not None and hasattr(
                self.pane.editor_tabs, "open_board_file"
            ):
                self.pane.editor_tabs.open_board_file(path, "")

        self.pane.when_idle(
            lambda: self.pane.submit(lambda s: board_ops.new_file(s, folder, name), done)
        )

    def new_folder(self, folder: str = "/") -> None:
        title = self.tr("New folder")
        name = self._ask_name(title, self.tr("Name of the new folder on the board:"), "lib")
        if name is None or self._refuse_existing(title, folder, name):
            return
        self.pane.when_idle(
            lambda: self.pane.submit(lambda s: board_ops.new_folder(s, folder, name))
        )

    def start_rename(self, path: str) -> None:
        """Inline rename: open the name for editing in the tree."""
        index = self.pane.board_model.index_for_path(path)
        if index.isValid():
            self.pane.board_tree.setCurrentIndex(index)
            self.pane.board_tree.edit(index)

    def rename_path(self, path: str, new_name: str) -> None:
        """Rename a board file or folder (the inline editor ends here)."""
        title = self.tr("Rename")
        why = valid_new_board_name(new_name)
        if why is not None:
            self.pane.ask.warn(title, translate_message(why))
            return
        new_name = new_name.strip()
        if self._refuse_existing(title, board_parent(path), new_name):
            return

        def done(new_path: str) -> None:
            tabs = self.pane.editor_tabs
            if tabs is not None and hasattr(tabs, "board_path_renamed"):
                tabs.board_path_renamed(path, new_path)

        self.pane.when_idle(
            lambda: self.pane.submit(lambda s: board_ops.rename(s, path, new_name), done)
        )

    def move_paths(self, paths: list[str], folder: str) -> None:
        """Move board files and folders into another board folder (a drag inside the tree)."""

        def work(s: Any) -> list[tuple[str, str]]:
            moved = []
            for src in paths:
                dst = board_join(folder, board_basename(src))
                if s.exists(dst):
                    raise board_ops.NameTaken(dst)
                s.rename(src, dst)
                moved.append((src, dst))
            return moved

        def done(moved: list[tuple[str, str]]) -> None:
            tabs = self.pane.editor_tabs
            if tabs is not None and hasattr(tabs, "board_path_renamed"):
                for src, dst in moved:
                    tabs.board_path_renamed(src, dst)

        self.pane.when_idle(lambda: self.pane.submit(work, done))

    def delete_selected(self) -> None:
        nodes = self.pane.selected_nodes()
        if not nodes:
            return
        if len(nodes) == 1:
            n = nodes[0]
            if n.is_dir:
                text = self.tr(
                    "Delete the folder “{name}” and everything in it from the board?"
                ).format(name=display_name(n.path))
            else:
                text = self.tr("Delete “{name}” from the board?").format(name=display_name(n.path))
        else:
            text = self.tr(
                "Delete these {n} items from the board? "
                "Folders are deleted with everything in them."
            ).format(n=len(nodes))
        if not self.pane.ask.yes_no(self.tr("Delete"), text):
            return
        targets = [(n.path, n.is_dir) for n in nodes]
        # Deleting a folder deletes what is in it: don't delete those twice.
        targets = [
            (p, d)
            for p, d in targets
            if not any(d2 and p != p2 and is_inside(p, p2) for p2, d2 in targets)
        ]

        deleted: list[str] = []

        def work(s: Any) -> None:
            for p, is_dir in targets:
                board_ops.delete(s, p, is_dir)
                deleted.append(p)

        def tell_tabs(_result: Any = None) -> None:
            tabs = self.pane.editor_tabs
            if tabs is not None and hasattr(tabs, "board_path_deleted"):
                for p in deleted:
                    tabs.board_path_deleted(p)

        def failed(exc: BaseException) -> None:
            tell_tabs()  # what went before the failure is gone all the same
            self.pane.show_error(exc)

        self.pane.when_idle(lambda: self.pane.submit(work, tell_tabs, failed))

    def make_main(self, path: str) -> None:
        """Copy a board .py file to /main.py, which the board runs at start-up."""
        if self._exists("/", "main.py") and not self.pane.ask.yes_no(
            self.tr("Make this the main.py"),
            self.tr("The board already has a main.py. Replace it with “{name}”?").format(
                name=display_name(path)
            ),
        ):
            return

        def done(_r: Any) -> None:
            self.pane.transfer_bar.set_status(
                self.tr("main.py is now a copy of “{name}”.").format(name=display_name(path))
            )

        self.pane.when_idle(
            lambda: self.pane.submit(lambda s: board_ops.copy_on_board(s, path, MAIN_PY), done)
        )

    def properties(self, path: str) -> None:
        node = self.pane.board_model.node_for_path(path)
        if node is None:
            return

        def work(s: Any) -> tuple[Any, Any]:
            stats = board_ops.folder_stats(s, path) if node.is_dir else None
            return stats, board_ops.free_space(s)

        def done(result: tuple[Any, Any]) -> None:
            stats, free = result
            lines = [
                self.tr("Name: {name}").format(name=display_name(node.name)),
                self.tr("Location: {folder}").format(folder=display_name(board_parent(path))),
            ]
            if node.is_dir:
                files, folders, size = stats
                lines.append(self.tr("Type: folder"))
                lines.append(
                    self.tr("Contains: {files} files and {folders} folders, {size}").format(
                        files=files, folders=folders, size=format_size(size, exact=True)
                    )
                )
            else:
                lines.append(self.tr("Type: file"))
                lines.append(
                    self.tr("Size: {size}").format(size=format_size(node.size or 0, exact=True))
                )
            if node.unsafe is not None:
                lines.append(
                    self.tr("This name can't be used on a computer: {why}").format(
                        why=translate_message(node.unsafe)
                    )
                )
            if free:
                lines.append(
                    self.tr("Free on the board: {free} of {total}").format(
                        free=format_size(free[2]), total=format_size(free[0])
                    )
                )
            self.pane.ask.info(self.tr("Properties"), "\n".join(lines))

        self.pane.when_idle(lambda: self.pane.submit(work, done, busy=False))


def node_entry(node: Node) -> SimpleNamespace:
    """A tree node as the entry the transfers take (name, path, is_dir, size)."""
    return SimpleNamespace(name=node.name, path=node.path, is_dir=node.is_dir, size=node.size)
