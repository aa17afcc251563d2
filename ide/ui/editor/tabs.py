"""EditorTabs: one tab per open script, on this computer or on the board.

A tab's document lives in one place: ``local_path`` (a file here), ``board_path`` (a file on
the board, saved through the session controller) or neither (a new script or an example;
saving asks where). The tab title carries a "*" while there are unsaved changes and says
"(board)" for a file on the board.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QTabWidget, QWidget

from ide.os_errors import details_line, os_reason
from ide.ui import translate_message
from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.syntax import check_source
from ide.ui.editor.themes import LIGHT, Theme
from ide.ui.preferences import Preferences

if TYPE_CHECKING:
    from ide.ui.editor.find_bar import FindBar

# Dialog classes are imported where they are used: each Qt class a module touches at import
# costs start-up time (PySide builds its enums then).

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


@dataclass
class Document:
    """Where a tab's text lives."""

    local_path: Path | None = None
    board_path: str | None = None
    name: str = ""  # shown name for a tab that has no file yet
    saving: bool = False  # a save to the board is under way

    @property
    def on_board(self) -> bool:
        return self.board_path is not None

    def file_name(self) -> str:
        if self.local_path is not None:
            return self.local_path.name
        if self.board_path is not None:
            return posixpath.basename(self.board_path.rstrip("/")) or self.board_path
        return self.name


def _details(exc: OSError) -> str:
    """A line with the OS's own words under a sentence that gave them in the user's language."""
    line = details_line(exc)
    return "\n" + translate_message(line) if line is not None else ""


class EditorTabs(QTabWidget):
    """The editor area. See CONTRACTS.md for the methods other panes call."""

    #: a short sentence for the status bar
    status_message = Signal(str)
    #: a status_message that is no longer true (the syntax error it named was edited away)
    status_withdrawn = Signal(str)
    #: the current tab, its name or its modified state changed (window title follows)
    current_document_changed = Signal()
    #: the recent-files list changed
    recent_files_changed = Signal(list)
    #: (line, column), 1-based, of the current editor's caret
    cursor_position_changed = Signal(int, int)

    def __init__(
        self,
        controller: Any = None,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.preferences = preferences or Preferences()
        self._docs: dict[CodeEditor, Document] = {}
        self._untitled = 0
        self._theme: Theme = LIGHT
        self._font = ("", 0)
        self._zoom = 0
        self._syntax_status: dict[CodeEditor, str] = {}  # the status line each error showed
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._on_current_changed)
        self._find_bar: FindBar | None = None
        self._find_bar_host: QBoxLayout | None = None
        #: asks Save / Discard / Cancel for a document name; tests replace it
        self.ask_save_changes: Callable[[str], str] = self._ask_save_changes
        #: shows an error sentence to the user; tests replace it
        self.show_error: Callable[[str, str], None] = self._show_error

    # ----------------------------------------------------------------- find bar
    def set_find_bar_host(self, layout: QBoxLayout) -> None:
        """Where the find bar goes when it is first needed (under the tabs, in the window)."""
        self._find_bar_host = layout

    @property
    def find_bar(self) -> FindBar:
        """The find/replace bar, built on first use (Ctrl+F), not at start-up."""
        if self._find_bar is None:
            from ide.ui.editor.find_bar import FindBar

            self._find_bar = FindBar(self.current_editor)
            if self._find_bar_host is not None:
                self._find_bar_host.addWidget(self._find_bar)
        return self._find_bar

    # ----------------------------------------------------------------- access
    def editors(self) -> list[CodeEditor]:
        return [self.widget(i) for i in range(self.count())]  # type: ignore[misc]

    def current_editor(self) -> CodeEditor | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, CodeEditor) else None

    def document(self, editor: CodeEditor | None = None) -> Document | None:
        editor = editor or self.current_editor()
        return self._docs.get(editor) if editor is not None else None

    def current_text(self) -> str:
        editor = self.current_editor()
        return editor.text() if editor is not None else ""

    def current_name(self) -> str:
        """The current script's name for tracebacks: board path, local file name or title."""
        doc = self.document()
        if doc is None:
            return "<stdin>"
        if doc.board_path is not None:
            return doc.board_path
        return doc.file_name()

    def has_unsaved_changes(self) -> bool:
        return any(self._has_changes(e) for e in self.editors())

    def _has_changes(self, editor: CodeEditor) -> bool:
        """Modified, and something would be lost: an untitled tab emptied again has nothing."""
        if not editor.modify():
            return False
        doc = self._docs.get(editor)
        untitled = doc is not None and doc.local_path is None and doc.board_path is None
        return not (untitled and editor.length() == 0)

    # ----------------------------------------------------------------- creating tabs
    def _add_editor(self, text: str, doc: Document, replace: bool = False) -> CodeEditor:
        """A new tab; with ``replace``, it takes the place of an untouched empty only tab."""
        untouched = self._replaceable_tab() if replace else None
        editor = CodeEditor(self, self._theme, self._font)
        editor.setZoom(self._zoom)
        editor.set_text(text)
        self._docs[editor] = doc
        editor.modification_changed.connect(lambda _m, e=editor: self._refresh_title(e))
        editor.cursor_moved.connect(lambda line, col, e=editor: self._on_cursor(e, line, col))
        editor.files_dropped.connect(self.open_files)
        editor.error_cleared.connect(lambda e=editor: self._withdraw_syntax_status(e))
        index = self.addTab(editor, "")
        self._refresh_title(editor)
        self.setCurrentIndex(index)
        editor.take_focus()
        self._drop(untouched)
        return editor

    def _replaceable_tab(self) -> CodeEditor | None:
        """The only tab, if it is an untouched new script (opening a file replaces it)."""
        if self.count() != 1:
            return None
        editor = self.editors()[0]
        doc = self._docs[editor]
        if doc.local_path or doc.board_path or editor.modify() or editor.length():
            return None
        return editor

    def _drop(self, editor: CodeEditor | None) -> None:
        if editor is not None:
            self.removeTab(self.indexOf(editor))
            self._docs.pop(editor, None)
            self._syntax_status.pop(editor, None)
            editor.deleteLater()

    def new_file(self, text: str = "", name: str | None = None) -> CodeEditor:
        """A new tab with no file behind it (``name`` suggests the file name when saving).

        With ``text``, it takes the place of an untouched empty first tab."""
        if name is None:
            self._untitled += 1
            if self._untitled == 1:
                name = self.tr("untitled{ext}").format(ext=".py")
            else:
                name = self.tr("untitled-{n}{ext}").format(n=self._untitled, ext=".py")
        return self._add_editor(text, Document(name=name), replace=bool(text))

    def open_example(self, path: Path) -> CodeEditor:
        """An example script as a new, unsaved tab titled by its file name."""
        return self._add_editor(path.read_text(encoding="utf-8"), Document(name=path.name), True)

    def find_local(self, path: str | Path) -> CodeEditor | None:
        target = Path(path).resolve()
        for editor, doc in self._docs.items():
            if doc.local_path is not None and doc.local_path == target:
                return editor
        return None

    def find_board(self, board_path: str) -> CodeEditor | None:
        for editor, doc in self._docs.items():
            if doc.board_path == board_path:
                return editor
        return None

    def open_local(self, path: str | Path) -> CodeEditor | None:
        """Open a file from this computer (or switch to its tab). None if it can't be read."""
        path = Path(path).resolve()
        existing = self.find_local(path)
        if existing is not None:
            self.setCurrentWidget(existing)
            return existing
        try:
            data = path.read_bytes()
        except OSError as exc:
            if not path.exists() and str(path) in self.preferences.recent_files():
                self.recent_files_changed.emit(self.preferences.remove_recent_file(str(path)))
            self.show_error(
                self.tr("Could not open file"),
                self.tr("Could not open {path}: {reason}").format(
                    path=str(path), reason=translate_message(os_reason(exc))
                )
                + _details(exc),
            )
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.show_error(
                self.tr("Could not open file"),
                self.tr("{path} is not UTF-8 text, so Hotaru cannot edit it.").format(
                    path=str(path)
                ),
            )
            return None
        editor = self._add_editor(text, Document(local_path=path), replace=True)
        self._remember(path)
        return editor

    def open_files(self, paths: list[str]) -> None:
        """Open several files from this computer (dropped on the editor, given on start)."""
        for path in paths:
            if Path(path).is_file():
                self.open_local(path)

    def local_paths(self) -> list[str]:
        """Files from this computer open in tabs, in tab order."""
        return [str(d.local_path) for e in self.editors() if (d := self._docs[e]).local_path]

    def open_board_file(self, path: str, text: str) -> CodeEditor:
        """Show a file read from the board (or switch to its tab if it is open)."""
        existing = self.find_board(path)
        if existing is not None:
            if not existing.modify():
                existing.set_text(text)
            self.setCurrentWidget(existing)
            return existing
        return self._add_editor(text, Document(board_path=path), replace=True)

    def open_dialog(self) -> CodeEditor | None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a script"),
            self._start_dir(),
            self.tr("Python scripts (*.py);;All files (*)"),
        )
        return self.open_local(path) if path else None

    def _start_dir(self) -> str:
        return str(self.preferences.working_folder())

    def _remember(self, path: Path) -> None:
        self.preferences.last_directory = str(path.parent)
        self.recent_files_changed.emit(self.preferences.add_recent_file(str(path)))

    # ----------------------------------------------------------------- saving
    def save(self, editor: CodeEditor | None = None) -> bool:
        """Save where the document lives; a new document asks for a file here.

        Board saves are asynchronous: True means the save was started.
        """
        editor = editor or self.current_editor()
        if editor is None:
            return False
        doc = self._docs[editor]
        if doc.local_path is not None:
            return self._write_local(editor, doc.local_path)
        if doc.board_path is not None:
            return self.save_to_board(doc.board_path, editor)
        return self.save_as(editor)

    def save_as(self, editor: CodeEditor | None = None, path: str | Path | None = None) -> bool:
        """Save to a file on this computer (asks where unless ``path`` is given)."""
        editor = editor or self.current_editor()
        if editor is None:
            return False
        doc = self._docs[editor]
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            suggested = str(Path(self._start_dir()) / (doc.file_name() or "main.py"))
            path, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the script as"),
                suggested,
                self.tr("Python scripts (*.py);;All files (*)"),
            )
            if not path:
                return False
        path = Path(path).resolve()
        if not self._write_local(editor, path):
            return False
        doc.local_path, doc.board_path, doc.name = path, None, ""
        self._remember(path)
        self._refresh_title(editor)
        return True

    def _write_local(self, editor: CodeEditor, path: Path) -> bool:
        try:
            path.write_text(editor.text(), encoding="utf-8", newline="\n")
        except OSError as exc:
            self.show_error(
                self.tr("Could not save"),
                self.tr("Could not save {path}: {reason}").format(
                    path=str(path), reason=translate_message(os_reason(exc))
                )
                + _details(exc),
            )
            return False
        editor.setSavePoint()
        self.status_message.emit(self.tr("Saved {path}").format(path=str(path)))
        return True

    def save_to_board(
        self,
        board_path: str | None = None,
        editor: CodeEditor | None = None,
        on_saved: Callable[[], None] | None = None,
    ) -> bool:
        """Write the text to ``board_path`` on the board (asks for a name when None).

        The tab then lives on the board. Returns True when the write was started; the tab's
        "*" goes away when the board confirms.
        """
        editor = editor or self.current_editor()
        if editor is None:
            return False
        if self.controller is None or getattr(self.controller, "port", None) is None:
            self.show_error(
                self.tr("No board connected"),
                self.tr("Connect a board (or the simulator) first, then save again."),
            )
            return False
        doc = self._docs[editor]
        if board_path is None:
            from PySide6.QtWidgets import QInputDialog

            suggested = doc.board_path or "/" + (doc.file_name() or "main.py")
            board_path, ok = QInputDialog.getText(
                self,
                self.tr("Save to the board"),
                self.tr("File name on the board:"),
                text=suggested,
            )
            if not ok or not board_path.strip():
                return False
            board_path = board_path.strip()
            if not board_path.startswith("/"):
                board_path = "/" + board_path
        data = editor.text().encode("utf-8")
        path = board_path
        doc.saving = True
        self.status_message.emit(self.tr("Saving {path} to the board…").format(path=path))

        def done(_result: object = None) -> None:
            doc.saving = False
            if editor not in self._docs:
                return
            if editor.text().encode("utf-8") == data:
                editor.setSavePoint()
            doc.board_path, doc.local_path, doc.name = path, None, ""
            self._refresh_title(editor)
            self.status_message.emit(self.tr("Saved {path} on the board").format(path=path))
            if on_saved is not None:
                on_saved()

        def failed(exc: BaseException) -> None:
            doc.saving = False
            message = getattr(exc, "message", None)
            reason = translate_message(message) if message is not None else str(exc)
            self.show_error(
                self.tr("Could not save to the board"),
                self.tr("Could not save {path} on the board: {reason}").format(
                    path=path, reason=reason
                ),
            )

        self.controller.submit(lambda s: s.write_file(path, data), done, failed)
        return True

    def pending_saves(self) -> int:
        return sum(1 for doc in self._docs.values() if doc.saving)

    # ----------------------------------------------------------------- closing
    def _ask_save_changes(self, name: str) -> str:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to {name}?").format(name=name))
        box.setInformativeText(self.tr("If you don't save, your changes will be lost."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    def _show_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, text)

    def close_tab(self, index: int) -> bool:
        """Close a tab, asking about unsaved changes. True if it closed (or will, after a
        board save)."""
        editor = self.widget(index)
        if not isinstance(editor, CodeEditor):
            return False
        doc = self._docs[editor]
        if self._has_changes(editor):
            self.setCurrentWidget(editor)
            answer = self.ask_save_changes(doc.file_name())
            if answer == CANCEL:
                return False
            if answer == SAVE:
                if doc.on_board:
                    return self.save_to_board(
                        doc.board_path, editor, on_saved=lambda: self._drop(editor)
                    )
                if not self.save(editor):
                    return False
        self._drop(editor)
        return True

    def maybe_close_all(self) -> bool:
        """Ask about every unsaved tab before the window closes. True: safe to close now.

        False means "not now": cancelled, a save failed, or board saves are still under way.
        """
        for editor in list(self.editors()):
            if not self._has_changes(editor):
                continue
            doc = self._docs[editor]
            self.setCurrentWidget(editor)
            answer = self.ask_save_changes(doc.file_name())
            if answer == CANCEL:
                return False
            if answer == DISCARD:
                editor.setSavePoint()
                continue
            if not self.save(editor):
                return False
        return self.pending_saves() == 0

    # ----------------------------------------------------------------- navigation
    def _matches(self, doc: Document, filename: str) -> bool:
        if doc.board_path is not None and (
            doc.board_path == filename or doc.board_path == "/" + filename.lstrip("/")
        ):
            return True
        if doc.local_path is not None and (
            str(doc.local_path) == filename or doc.local_path.name == filename
        ):
            return True
        return bool(doc.name) and doc.name == filename

    def goto_line(self, filename: str, line: int) -> bool:
        """Show ``line`` (1-based) of the script called ``filename`` (traceback links).

        "<stdin>" and "<string>" mean the script that was run: the current tab. A board file
        that is not open is read from the board and opened (True means that was started).
        False: nothing to show.
        """
        editor = self.current_editor()
        doc = self.document(editor)
        if doc is None or not (filename in ("<stdin>", "<string>") or self._matches(doc, filename)):
            editor = next((e for e, d in self._docs.items() if self._matches(d, filename)), None)
        if editor is None:
            base = posixpath.basename(filename)
            editor = next((e for e, d in self._docs.items() if d.file_name() == base), None)
        if editor is None:
            return self._open_from_board_at(filename, line)
        self._show_line(editor, line)
        return True

    def _open_from_board_at(self, filename: str, line: int) -> bool:
        """A traceback names a board file that is not open: read it, open it, show the line."""
        controller = self.controller
        if (
            filename.startswith("<")
            or controller is None
            or getattr(controller, "port", None) is None
        ):
            return False
        path = filename if filename.startswith("/") else "/" + filename

        def opened(data: bytes) -> None:
            editor = self.open_board_data(path, data)
            if editor is not None:
                self._show_line(editor, line)

        def failed(_exc: BaseException) -> None:
            self.status_message.emit(self.tr("{path} is not on the board").format(path=path))

        controller.submit(lambda s: s.read_file(path), opened, failed)
        return True

    def open_board_data(self, path: str, data: bytes) -> CodeEditor | None:
        """Open a board file's bytes in a tab; a file that is not UTF-8 text is refused with a
        message (replacing its bytes would lose them on the next save)."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from PySide6.QtCore import QCoreApplication

            from ide.ui.files.names import display_name

            self.show_error(  # the words of the Files pane and the Open-from-board dialog
                QCoreApplication.translate("BoardFileDialog", "Not a text file"),
                QCoreApplication.translate(
                    "BoardFileDialog", "“{name}” is not UTF-8 text, so the editor can't open it."
                ).format(name=display_name(path)),
            )
            return None
        return self.open_board_file(path, text)

    def _show_line(self, editor: CodeEditor, line: int) -> None:
        self.setCurrentWidget(editor)
        target = min(max(0, line - 1), editor.lineCount() - 1)
        # The line's code is selected, so the eye finds it; the caret stays where the code
        # starts (past the indentation), the selection's anchor at the line's end.
        text = editor.line_text(target)
        start = editor.to_char(editor.positionFromLine(target))
        editor.set_selection(start + len(text), start + len(text) - len(text.lstrip()))
        editor.ensure_line_visible(target)
        editor.take_focus()

    def cycle(self, step: int) -> None:
        """Switch to the next (step 1) or previous (step -1) tab, wrapping around."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            editor = self.current_editor()
            if editor is not None:
                editor.take_focus()

    def goto_line_dialog(self) -> bool:
        from PySide6.QtWidgets import QInputDialog

        editor = self.current_editor()
        if editor is None:
            return False
        current = editor.cursor_position()[0] + 1
        line, ok = QInputDialog.getInt(
            self,
            self.tr("Go to line"),
            self.tr("Line number (1 to {last}):").format(last=editor.lineCount()),
            current,
            1,
            max(1, editor.lineCount()),
        )
        if not ok:
            return False
        editor.set_cursor_position(line - 1, 0)
        editor.take_focus()
        return True

    def check_syntax(self) -> bool:
        """True when the current script is valid Python; else point at the bad line."""
        editor = self.current_editor()
        if editor is None:
            return False
        problem = check_source(editor.text(), self.current_name())
        if problem is None:
            editor.clear_error()
            return True
        text = self.tr("Line {line}: {kind}: {message}").format(
            line=problem.line, kind=problem.kind, message=problem.message
        )
        editor.mark_error(problem.line - 1, problem.column, f"{problem.kind}: {problem.message}")
        editor.take_focus()
        self._syntax_status[editor] = text
        self.status_message.emit(text)
        return False

    def _withdraw_syntax_status(self, editor: CodeEditor) -> None:
        text = self._syntax_status.pop(editor, None)
        if text is not None:
            self.status_withdrawn.emit(text)

    def board_path_renamed(self, old: str, new: str) -> None:
        """A file or folder on the board was renamed: tabs showing it follow."""
        old = old.rstrip("/") or "/"
        new = new.rstrip("/") or "/"
        for editor, doc in self._docs.items():
            path = doc.board_path
            if path is None:
                continue
            if path == old:
                doc.board_path = new
            elif path.startswith(old + "/"):
                doc.board_path = new + path[len(old) :]
            else:
                continue
            self._refresh_title(editor)

    # ----------------------------------------------------------------- look
    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        for editor in self.editors():
            editor.apply_theme(theme)

    def set_editor_font(self, family: str, size: int) -> None:
        self._font = (family, size)
        for editor in self.editors():
            editor.set_editor_font(family, size)

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - 1)

    def reset_zoom(self) -> None:
        self._set_zoom(0)

    def _set_zoom(self, zoom: int) -> None:
        self._zoom = max(-8, min(20, zoom))
        for editor in self.editors():
            editor.setZoom(self._zoom)

    def zoom(self) -> int:
        return self._zoom

    # ----------------------------------------------------------------- internals
    def tab_title(self, editor: CodeEditor) -> str:
        doc = self._docs[editor]
        name = doc.file_name()
        if doc.on_board:
            name = self.tr("{name} (board)").format(name=name)
        return f"{name} *" if editor.modify() else name

    def _refresh_title(self, editor: CodeEditor) -> None:
        index = self.indexOf(editor)
        if index < 0:
            return
        doc = self._docs[editor]
        self.setTabText(index, self.tab_title(editor))
        if doc.board_path is not None:
            tip = self.tr("On the board: {path}").format(path=doc.board_path)
        elif doc.local_path is not None:
            tip = self.tr("On this computer: {path}").format(path=str(doc.local_path))
        else:
            tip = self.tr("Not saved yet")
        self.setTabToolTip(index, tip)
        if editor is self.current_editor():
            self.current_document_changed.emit()

    def _on_current_changed(self, _index: int) -> None:
        editor = self.current_editor()
        if editor is not None:
            line, column = editor.cursor_position()
            self.cursor_position_changed.emit(line + 1, column + 1)
            if self._find_bar is not None and self._find_bar.isVisible():
                self._find_bar.refresh()
        self.current_document_changed.emit()

    def _on_cursor(self, editor: CodeEditor, line: int, column: int) -> None:
        if editor is self.current_editor():
            self.cursor_position_changed.emit(line + 1, column + 1)
