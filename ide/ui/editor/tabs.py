"""EditorTabs: one tab per open script, on this computer or on the board.

A tab's document lives in one place: ``local_path`` (a file here), ``board_path`` (a file on
the board, saved through the session controller) or neither (a new script or an example;
saving asks where). The tab title carries a "*" while there are unsaved changes and says
"(board)" for a file on the board.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QTabWidget, QWidget

from ide.core.editor.themes import Theme
from ide.core.examples import localize
from ide.ui.editor import navigation, saving
from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.document import CANCEL, DISCARD, SAVE, Document
from ide.ui.editor.look import EditorLook
from ide.ui.questions import ask_yes_no
from ide.ui.settings.preferences import Preferences

if TYPE_CHECKING:
    from ide.ui.editor.find_bar import FindBar
    from ide.ui.editor.fix_bar import LookalikeFixBar

# Dialog classes are imported where they are used: each Qt class a module touches at import
# costs start-up time (PySide builds its enums then).

__all__ = ["CANCEL", "DISCARD", "SAVE", "Document", "EditorTabs"]  # the answers live in document.py


TITLE_CHARS = 40  # a tab shows a file name of up to this many characters whole (the tip: all)


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
    #: autosave hooks: a tab was made (editor), saved (editor, local Path or None for the
    #: board), closed (editor)
    editor_opened = Signal(object)
    document_saved = Signal(object, object)
    editor_closed = Signal(object)
    #: a tab's board file was deleted: its text is only in the tab now (autosave copies it)
    document_deleted = Signal(object)

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
        self.look = EditorLook(self.editors)  # theme, font and zoom of every tab
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        # Whole names, and arrows once the tabs don't fit: elided, a dozen tabs (or fewer, with
        # the Board view open) all read "…", and in Japanese or Chinese nothing else was left
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._on_current_changed)
        self._find_bar: FindBar | None = None
        self._find_bar_host: QBoxLayout | None = None
        from ide.ui.editor.syntax_check import SyntaxChecker

        self.syntax = SyntaxChecker(self)  # check syntax, its status line, the fix bar
        #: asks Save / Discard / Cancel for a document name; tests replace it
        self.ask_save_changes: Callable[[str], str] = self._ask_save_changes
        #: shows an error sentence to the user; tests replace it
        self.show_error: Callable[[str, str], None] = self._show_error
        #: asks the board file name for "Save to board as…" (the suggestion given); None: cancel
        self.ask_board_path: Callable[[str], str | None] = self._ask_board_path
        #: asks a yes/no question (title, text); tests replace it
        self.ask_yes_no: Callable[[str, str], bool] = self._ask_yes_no
        #: asked before Save writes over the tab's file; False stops the save (autosave sets it)
        self.may_save: Callable[[CodeEditor], bool] = lambda _editor: True
        from ide.ui.editor.assist import AssistHub  # completion, docs, checks for every tab

        self.assist = AssistHub(self)

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
            self.add_bar(self._find_bar)
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

    @property
    def documents(self) -> dict[CodeEditor, Document]:
        """Every tab's document, by editor (saving.py and navigation.py read and update it)."""
        return self._docs

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
        return any(self.has_changes(e) for e in self.editors())

    def has_changes(self, editor: CodeEditor) -> bool:
        """Modified, and something would be lost: an untitled tab emptied again has nothing.
        A tab whose board file was deleted has its text nowhere else."""
        doc = self._docs.get(editor)
        if doc is not None and doc.deleted:
            return True
        if not editor.modify():
            return False
        untitled = doc is not None and doc.local_path is None and doc.board_path is None
        return not (untitled and editor.length() == 0)

    # ----------------------------------------------------------------- creating tabs
    def add_editor(self, text: str, doc: Document, replace: bool = False) -> CodeEditor:
        """A new tab; with ``replace``, it takes the place of an untouched empty only tab."""
        untouched = self._replaceable_tab() if replace else None
        editor = self.look.new_editor(self)
        editor.set_text(text)
        self._docs[editor] = doc
        editor.modification_changed.connect(lambda _m, e=editor: self.refresh_title(e))
        editor.cursor_moved.connect(lambda line, col, e=editor: self._on_cursor(e, line, col))
        editor.files_dropped.connect(self.open_files)
        editor.error_cleared.connect(lambda e=editor: self.syntax.withdraw(e))
        index = self.addTab(editor, "")
        self.refresh_title(editor)
        self.setCurrentIndex(index)
        editor.take_focus()
        self.editor_opened.emit(editor)
        self.drop(untouched)
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

    def drop(self, editor: CodeEditor | None) -> None:
        if editor is not None:
            self.editor_closed.emit(editor)
            self.removeTab(self.indexOf(editor))
            self._docs.pop(editor, None)
            self._retitle_namesakes(editor)  # (a namesake left: the other loses its folder)
            self.syntax.forget(editor)
            editor.deleteLater()

    def new_file(self, text: str = "", name: str | None = None) -> CodeEditor:
        """A new tab with no file behind it (``name`` suggests the file name when saving).

        With ``text``, it takes the place of an untouched empty first tab."""
        untitled = name is None
        if name is None:
            self._untitled += 1
            if self._untitled == 1:
                name = self.tr("untitled{ext}").format(ext=".py")
            else:
                name = self.tr("untitled-{n}{ext}").format(n=self._untitled, ext=".py")
        return self.add_editor(text, Document(name=name, untitled=untitled), replace=bool(text))

    def open_example(self, path: Path) -> CodeEditor:
        """An example script as a new, unsaved tab titled by its file name, its comments in the
        user's language (the code as it is)."""
        text = localize(path.read_text(encoding="utf-8"), QCoreApplication.translate)
        return self.add_editor(text, Document(name=path.name), True)

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
        return navigation.open_local(self, path)

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
        return navigation.open_board_file(self, path, text)

    def open_dialog(self) -> CodeEditor | None:
        """Ask for a script on this computer and open it."""
        return navigation.open_dialog(self)

    def start_dir(self) -> str:
        return str(self.preferences.working_folder())

    def remember(self, path: Path) -> None:
        self.preferences.last_directory = str(path.parent)
        self.recent_files_changed.emit(self.preferences.add_recent_file(str(path)))

    # ----------------------------------------------------------------- saving, closing
    # (ide/ui/editor/saving.py)
    def save(self, editor: CodeEditor | None = None) -> bool:
        """Save where the document lives; a new document asks for a file here. Board saves are
        asynchronous: True means the save was started."""
        return saving.save(self, editor)

    def save_as(self, editor: CodeEditor | None = None, path: str | Path | None = None) -> bool:
        """Save to a file on this computer (asks where unless ``path`` is given)."""
        return saving.save_as(self, editor, path)

    def save_to_board(
        self,
        board_path: str | None = None,
        editor: CodeEditor | None = None,
        on_saved: Callable[[], None] | None = None,
    ) -> bool:
        """Write the text to ``board_path`` on the board (asks for a name when None); True when
        the write was started. The tab's "*" goes away when the board confirms."""
        return saving.save_to_board(self, board_path, editor, on_saved)

    def _ask_save_changes(self, name: str) -> str:
        return saving.ask_save_changes(self, name)

    def _show_error(self, title: str, text: str) -> None:
        saving.show_error(self, title, text)

    def _ask_board_path(self, suggested: str) -> str | None:
        return saving.ask_board_path(self, suggested)

    def _ask_yes_no(self, title: str, text: str) -> bool:
        return ask_yes_no(self, title, text)

    def pending_saves(self) -> int:
        return sum(1 for doc in self._docs.values() if doc.saving)

    def close_tab(self, index: int) -> bool:
        """Close a tab, asking about unsaved changes. True if it closed (or will, after a
        board save)."""
        return saving.close_tab(self, index)

    def maybe_close_all(self) -> bool:
        """Ask about every unsaved tab before the window closes. True: safe to close now;
        False: cancelled, a save failed, or board saves are still under way."""
        return saving.maybe_close_all(self)

    # ----------------------------------------------------------------- navigation
    # (ide/ui/editor/navigation.py)
    def goto_line(self, filename: str, line: int) -> bool:
        """Show ``line`` (1-based) of the script called ``filename`` (traceback links)."""
        return navigation.goto_line(self, filename, line)

    def open_board_data(self, path: str, data: bytes) -> CodeEditor | None:
        """Open a board file's bytes in a tab (a file that is not UTF-8 text is refused)."""
        return navigation.open_board_data(self, path, data)

    def board_path_renamed(self, old: str, new: str) -> None:
        """A file or folder on the board was renamed: tabs showing it follow."""
        navigation.board_path_renamed(self, old, new)

    def board_path_deleted(self, path: str) -> None:
        """A file or folder on the board was deleted: tabs showing it keep their text, marked
        unsaved (Save writes the file again; closing asks)."""
        navigation.board_path_deleted(self, path)

    def cycle(self, step: int) -> None:
        """Switch to the next (step 1) or previous (step -1) tab, wrapping around."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            editor = self.current_editor()
            if editor is not None:
                editor.take_focus()

    def goto_line_dialog(self) -> bool:
        """Ask for a line number and move the caret there."""
        return navigation.goto_line_dialog(self)

    # ----------------------------------------------------------------- syntax
    # (ide/ui/editor/syntax_check.py)
    def check_syntax(self) -> bool:
        """True when the current script is valid Python; else point at the bad line."""
        return self.syntax.check()

    @property
    def fix_bar(self) -> LookalikeFixBar:
        """The "replace full-width look-alikes" bar, built when first offered."""
        return self.syntax.fix_bar

    @property
    def _fix_bar(self) -> LookalikeFixBar | None:
        """The fix bar if it was built (tests check it was not)."""
        return self.syntax.bar

    def add_bar(self, bar: QWidget) -> None:
        """Put a bar (find, fix) under the tabs, where the window said."""
        if self._find_bar_host is not None:
            self._find_bar_host.addWidget(bar)

    # ----------------------------------------------------------------- look
    # (ide/ui/editor/look.py)
    def apply_theme(self, theme: Theme) -> None:
        self.look.apply_theme(theme)

    def set_editor_font(self, family: str, size: int) -> None:
        self.look.set_font(family, size)

    def zoom_in(self) -> None:
        self.look.set_zoom(self.look.zoom + 1)

    def zoom_out(self) -> None:
        self.look.set_zoom(self.look.zoom - 1)

    def reset_zoom(self) -> None:
        self.look.set_zoom(0)

    def zoom(self) -> int:
        return self.look.zoom

    # ----------------------------------------------------------------- internals
    def tab_title(self, editor: CodeEditor) -> str:
        doc = self._docs[editor]
        name = doc.file_name()
        if doc.local_path is not None and self._namesakes(editor):
            # two lessons' blink.py: the folder tells them apart ("lesson2/blink.py")
            name = f"{doc.local_path.parent.name}/{name}"
        if len(name) > TITLE_CHARS:  # whole names scroll; a very long one keeps its ends
            half = (TITLE_CHARS - 1) // 2
            name = name[:half] + "…" + name[-half:]
        if doc.on_board:
            name = self.tr("{name} (board)").format(name=name)
        return f"{name} *" if editor.modify() or doc.deleted else name

    def _namesakes(self, editor: CodeEditor) -> bool:
        """Another tab shows a file of this computer with the same name from another folder."""
        mine = self._docs[editor].local_path
        assert mine is not None
        return any(
            other is not editor
            and (path := doc.local_path) is not None
            and path.name == mine.name
            and path != mine
            for other, doc in self._docs.items()
        )

    def _retitle_namesakes(self, editor: CodeEditor) -> None:
        """The other tabs' titles, which may depend on ``editor``'s name (or its going)."""
        for other in self.editors():
            if other is not editor and self._docs[other].local_path is not None:
                self.setTabText(self.indexOf(other), self.tab_title(other))

    def refresh_title(self, editor: CodeEditor) -> None:
        index = self.indexOf(editor)
        if index < 0:
            return
        self._retitle_namesakes(editor)
        doc = self._docs[editor]
        self.setTabText(index, self.tab_title(editor))
        if doc.board_path is not None and doc.deleted:
            tip = self.tr("Deleted from the board: {path}").format(path=doc.board_path)
        elif doc.board_path is not None:
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
