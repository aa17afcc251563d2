"""Going to a line: traceback links (a line of a script open in a tab, or of a board file read
and opened for it), Go to line, opening a file from this computer (given or asked for) or one
read from the board, and tabs that follow a file renamed on the board. Functions of
:class:`EditorTabs` (its methods call them); texts keep the "EditorTabs" context."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ide.os_errors import os_reason
from ide.ui import translate_message
from ide.ui.editor import saving
from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.document import Document

if TYPE_CHECKING:
    from ide.ui.editor.tabs import EditorTabs


def matches(doc: Document, filename: str) -> bool:
    """True when ``filename`` (from a traceback) names this document."""
    if doc.board_path is not None and (
        doc.board_path == filename or doc.board_path == "/" + filename.lstrip("/")
    ):
        return True
    if doc.local_path is not None and (
        str(doc.local_path) == filename or doc.local_path.name == filename
    ):
        return True
    if doc.compiled_to is not None and doc.compiled_to == "/" + filename.lstrip("/"):
        return True  # a traceback from the .mpy compiled from this tab names the board .py
    return bool(doc.name) and doc.name == filename


def goto_line(tabs: EditorTabs, filename: str, line: int) -> bool:
    """Show ``line`` (1-based) of the script called ``filename`` (traceback links).

    "<stdin>" and "<string>" mean the script that was run: the current tab. A board file
    that is not open is read from the board and opened (True means that was started).
    False: nothing to show.
    """
    editor = tabs.current_editor()
    doc = tabs.document(editor)
    if doc is None or not (filename in ("<stdin>", "<string>") or matches(doc, filename)):
        editor = next((e for e, d in tabs.documents.items() if matches(d, filename)), None)
    if editor is None and not filename.startswith("/"):
        # a name as a run gave it ("blink.py"); a board path ("/lib/x.py") is that board
        # file, never a tab of this computer's file of the same name
        base = posixpath.basename(filename)
        editor = next((e for e, d in tabs.documents.items() if d.file_name() == base), None)
    if editor is None:
        return open_from_board_at(tabs, filename, line)
    show_line(tabs, editor, line)
    return True


def open_from_board_at(tabs: EditorTabs, filename: str, line: int) -> bool:
    """A traceback names a board file that is not open: read it, open it, show the line."""
    controller = tabs.controller
    if filename.startswith("<") or controller is None or getattr(controller, "port", None) is None:
        return False
    path = filename if filename.startswith("/") else "/" + filename

    def opened(data: bytes) -> None:
        editor = tabs.open_board_data(path, data)
        if editor is not None:
            show_line(tabs, editor, line)

    def failed(_exc: BaseException) -> None:
        tabs.status_message.emit(
            QCoreApplication.translate("EditorTabs", "{path} is not on the board").format(path=path)
        )

    controller.submit(lambda s: s.read_file(path), opened, failed)
    return True


def open_board_data(tabs: EditorTabs, path: str, data: bytes) -> CodeEditor | None:
    """Open a board file's bytes in a tab; a file that is not UTF-8 text is refused with a
    message (replacing its bytes would lose them on the next save)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from PySide6.QtCore import QCoreApplication

        from ide.core.files.names import display_name

        tabs.show_error(  # the words of the Files pane and the Open-from-board dialog
            QCoreApplication.translate("BoardFileDialog", "Not a text file"),
            QCoreApplication.translate(
                "BoardFileDialog", "“{name}” is not UTF-8 text, so the editor can't open it."
            ).format(name=display_name(path)),
        )
        return None
    return tabs.open_board_file(path, text)


def open_board_file(tabs: EditorTabs, path: str, text: str) -> CodeEditor:
    """Show a file read from the board (or switch to its tab if it is open; an untouched tab
    takes the text again)."""
    existing = tabs.find_board(path)
    if existing is not None:
        if not existing.modify():
            existing.set_text(text)
            tabs.documents[existing].deleted = False  # the file is there again
            tabs.refresh_title(existing)
        tabs.setCurrentWidget(existing)
        return existing
    return tabs.add_editor(text, Document(board_path=path), replace=True)


def show_line(tabs: EditorTabs, editor: CodeEditor, line: int) -> None:
    tabs.setCurrentWidget(editor)
    target = min(max(0, line - 1), editor.lineCount() - 1)
    # The line's code is selected, so the eye finds it; the caret stays where the code
    # starts (past the indentation), the selection's anchor at the line's end.
    text = editor.line_text(target)
    start = editor.to_char(editor.positionFromLine(target))
    editor.set_selection(start + len(text), start + len(text) - len(text.lstrip()))
    editor.ensure_line_visible(target)
    editor.take_focus()


def board_path_renamed(tabs: EditorTabs, old: str, new: str) -> None:
    """A file or folder on the board was renamed: tabs showing it follow."""
    old = old.rstrip("/") or "/"
    new = new.rstrip("/") or "/"
    for editor, doc in tabs.documents.items():
        path = doc.board_path
        if path is None:
            continue
        if path == old:
            doc.board_path = new
        elif path.startswith(old + "/"):
            doc.board_path = new + path[len(old) :]
        else:
            continue
        tabs.refresh_title(editor)


def board_path_deleted(tabs: EditorTabs, path: str) -> None:
    """A file or folder on the board was deleted: tabs showing it (or a file below it) keep
    their text and count as unsaved, so closing one asks instead of losing it quietly."""
    path = path.rstrip("/") or "/"
    for editor, doc in tabs.documents.items():
        board = doc.board_path
        if board is not None and (board == path or board.startswith(path.rstrip("/") + "/")):
            doc.deleted = True
            tabs.refresh_title(editor)
            tabs.document_deleted.emit(editor)


def goto_line_dialog(tabs: EditorTabs) -> bool:
    """Ask for a line number and move the current editor's caret there."""
    from PySide6.QtWidgets import QInputDialog

    editor = tabs.current_editor()
    if editor is None:
        return False
    current = editor.cursor_position()[0] + 1
    line, ok = QInputDialog.getInt(
        tabs,
        QCoreApplication.translate("EditorTabs", "Go to line"),
        QCoreApplication.translate("EditorTabs", "Line number (1 to {last}):").format(
            last=editor.lineCount()
        ),
        current,
        1,
        max(1, editor.lineCount()),
    )
    if not ok:
        return False
    editor.set_cursor_position(line - 1, 0)
    editor.take_focus()
    return True


def open_local(tabs: EditorTabs, path: str | Path) -> CodeEditor | None:
    """Open a file from this computer (or switch to its tab). None if it can't be read."""
    path = Path(path).resolve()
    existing = tabs.find_local(path)
    if existing is not None:
        tabs.setCurrentWidget(existing)
        return existing
    try:
        data = path.read_bytes()
    except OSError as exc:
        if not path.exists() and str(path) in tabs.preferences.recent_files():
            tabs.recent_files_changed.emit(tabs.preferences.remove_recent_file(str(path)))
        tabs.show_error(
            QCoreApplication.translate("EditorTabs", "Could not open file"),
            QCoreApplication.translate("EditorTabs", "Could not open {path}: {reason}").format(
                path=str(path), reason=translate_message(os_reason(exc))
            )
            + saving.os_details(exc),
        )
        return None
    converted_from = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from ide.core.editor.encodings import decode_legacy

        legacy = decode_legacy(data)  # a kit's sample saved as Shift-JIS or GBK
        if legacy is None:
            tabs.show_error(
                QCoreApplication.translate("EditorTabs", "Could not open file"),
                QCoreApplication.translate(
                    "EditorTabs", "{path} is not UTF-8 text, so Hotaru cannot edit it."
                ).format(path=str(path)),
            )
            return None
        text, converted_from = legacy
    editor = tabs.add_editor(text, Document(local_path=path), replace=True)
    if converted_from is not None:
        # unsaved ("*", closing asks): the file on disk is still the old encoding until Save
        editor.set_text(text, keep_undo=True)
        tabs.status_message.emit(
            QCoreApplication.translate(
                "EditorTabs",
                "{name} was converted from {encoding}: Save stores it as UTF-8, the only "
                "text MicroPython reads.",
            ).format(name=path.name, encoding=converted_from)
        )
    tabs.remember(path)
    return editor


def open_dialog(tabs: EditorTabs) -> CodeEditor | None:
    """Ask for a script on this computer and open it."""
    from PySide6.QtWidgets import QFileDialog

    path, _filter = QFileDialog.getOpenFileName(
        tabs,
        QCoreApplication.translate("EditorTabs", "Open a script"),
        tabs.start_dir(),
        QCoreApplication.translate("EditorTabs", "Python scripts (*.py);;All files (*)"),
    )
    return open_local(tabs, path) if path else None
