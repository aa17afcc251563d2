"""This computer's side of the Files pane: New file, New folder, Rename and Delete (to the
system's trash), with the same words as the board's side, name checks and clear messages."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QObject, QStandardPaths

from ide.core.files.names import display_name, unsafe_reason, valid_new_board_name
from ide.ui import error_text, translate_message

if TYPE_CHECKING:
    from .pane import FilesPane


class LocalActions(QObject):
    """Owned by the pane; every question goes through ``pane.ask`` (tests answer it)."""

    def __init__(self, pane: FilesPane) -> None:
        super().__init__(pane)
        self.pane = pane

    # ------------------------------------------------------------------------ names

    def _why_not(self, name: str) -> str | None:
        """Why ``name`` can't be a new name in a folder of this computer, or None."""
        why = valid_new_board_name(name)  # empty, '.', '..', separators, control characters
        if why is None:
            why = unsafe_reason(name.strip())  # and this OS's own rules (Windows: <>:"|?* ...)
        return translate_message(why) if why is not None else None

    def _ask_name(self, title: str, label: str, default: str, folder: Path) -> Path | None:
        """Ask for a name until it is usable and free in ``folder``; its path, or None."""
        name = self.pane.ask.text(title, label, default)
        while name is not None:
            why = self._why_not(name)
            target = folder / name.strip()
            if why is None and os.path.lexists(target):
                why = self.tr("“{name}” already exists there.").format(
                    name=display_name(name.strip())
                )
            if why is None:
                return target
            self.pane.ask.warn(title, why)
            name = self.pane.ask.text(title, label, name)
        return None

    def _failed(self, title: str, exc: OSError) -> None:
        self.pane.ask.warn(title, error_text(exc))

    # ---------------------------------------------------------------------- actions

    def new_file(self, folder: Path) -> Path | None:
        """Create an empty file in ``folder`` and open it in the editor."""
        title = self.tr("New file")
        target = self._ask_name(
            title, self.tr("Name of the new file on this computer:"), "new.py", folder
        )
        if target is None:
            return None
        try:
            with open(target, "x", encoding="utf-8"):  # "x": never replaces a file made meanwhile
                pass
        except OSError as exc:
            self._failed(title, exc)
            return None
        self.pane.open_local(target)
        return target

    def new_folder(self, folder: Path) -> Path | None:
        title = self.tr("New folder")
        target = self._ask_name(
            title, self.tr("Name of the new folder on this computer:"), "new folder", folder
        )
        if target is None:
            return None
        try:
            target.mkdir()
        except OSError as exc:
            self._failed(title, exc)
            return None
        return target

    def rename(self, path: Path) -> Path | None:
        """Rename a file or folder in its own folder; open editor tabs follow."""
        title = self.tr("Rename")
        target = self._ask_name(
            title,
            self.tr("New name for “{name}”:").format(name=display_name(path.name)),
            path.name,
            path.parent,
        )
        if target is None:
            return None
        try:
            # never over another file: _ask_name checked, and os.rename on Windows refuses too
            os.rename(path, target)
        except OSError as exc:
            self._failed(title, exc)
            return None
        self._tabs_follow(path, target)
        return target

    def delete(self, paths: list[Path]) -> list[Path]:
        """Move ``paths`` to the system's trash after asking; the paths moved."""
        if not paths:
            return []
        if len(paths) == 1:
            p = paths[0]
            if p.is_dir() and not p.is_symlink():
                text = self.tr("Move the folder “{name}” and everything in it to the trash?")
            else:
                text = self.tr("Move “{name}” to the trash?")
            text = text.format(name=display_name(str(p)))
        else:
            text = self.tr("Move these {n} items to the trash?").format(n=len(paths))
        title = self.tr("Delete")
        if not self.pane.ask.yes_no(title, text):
            return []
        # A folder's contents go with it: don't move those twice.
        chosen = [p for p in paths if not any(q != p and q in p.parents for q in paths)]
        moved: list[Path] = []
        failed: list[str] = []
        _make_home_trash_parent()
        for p in chosen:
            # The trash, never a permanent delete: if the system has no trash here, say so.
            if QFile.moveToTrash(str(p)):
                moved.append(p)
            else:
                failed.append(display_name(str(p)))
        if failed:
            self.pane.ask.warn(
                title,
                self.tr(
                    "These could not be moved to the trash, so they were not deleted:\n{lines}"
                ).format(lines="\n".join(failed)),
            )
        return moved

    def _tabs_follow(self, old: Path, new: Path) -> None:
        tabs = self.pane.editor_tabs
        documents = getattr(tabs, "documents", None)
        if not isinstance(documents, dict):
            return
        for editor, doc in documents.items():
            path = getattr(doc, "local_path", None)
            if path is None:
                continue
            if path == old:
                doc.local_path = new
            elif old in path.parents:  # a file inside a renamed folder
                doc.local_path = new / path.relative_to(old)
            else:
                continue
            tabs.refresh_title(editor)


def _make_home_trash_parent() -> None:
    """Qt puts the freedesktop trash in ~/.local/share/Trash but creates only the last folder:
    on a fresh account without ~/.local/share, moveToTrash fails. Make the parent first
    (Windows and macOS use their own trash APIs)."""
    if sys.platform.startswith(("win", "darwin")):
        return
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    if data:
        try:
            os.makedirs(data, exist_ok=True)
        except OSError:
            pass  # moveToTrash then fails and the user is told; nothing is deleted
