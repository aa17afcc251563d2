"""Check syntax for the editor's tabs: the bad line marked, its sentence on the status bar (and
withdrawn once the line is edited), and the bar that replaces full-width look-alikes. Owned by
:class:`EditorTabs` (``tabs.syntax``); texts keep the tabs' translation context, "EditorTabs"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ide.core.editor.fullwidth import (
    explain,
    fix_lookalikes,
    lookalike_problem,
    offending_lookalike,
)
from ide.core.editor.syntax import check_source
from ide.ui import translate_message
from ide.ui.editor.code_editor import CodeEditor

if TYPE_CHECKING:
    from ide.ui.editor.fix_bar import LookalikeFixBar
    from ide.ui.editor.tabs import EditorTabs


class SyntaxChecker:
    """The tabs' syntax check, with the status lines it showed and the look-alike fix bar."""

    def __init__(self, tabs: EditorTabs) -> None:
        self.tabs = tabs
        self.status: dict[CodeEditor, str] = {}  # the status line each error showed
        self.bar: LookalikeFixBar | None = None  # built when first offered
        self.target: tuple[CodeEditor, int] | None = None  # (editor, 1-based line) offered

    def check(self) -> bool:
        """True when the current script is valid Python; else point at the bad line."""
        tabs = self.tabs
        editor = tabs.current_editor()
        if editor is None:
            return False
        source = editor.text()
        # ｐｒｉｎｔ compiles in CPython (NFKC) but is an unknown name to MicroPython
        problem = check_source(source, tabs.current_name()) or lookalike_problem(source)
        if self.bar is not None:
            self.bar.hide()
        if problem is None:
            editor.clear_error()
            return True
        # The common CPython messages in the user's language; the rare ones as CPython says them
        explained = explain(problem)
        said = (
            translate_message(explained)
            if explained is not None
            else f"{problem.kind}: {problem.message}"
        )
        text = QCoreApplication.translate("EditorTabs", "Line {line}: {message}").format(
            line=problem.line, message=said
        )
        editor.mark_error(problem.line - 1, problem.column, said)
        editor.take_focus()
        self.status[editor] = text
        tabs.status_message.emit(text)
        if offending_lookalike(problem) is not None:
            self.target = (editor, problem.line)
            self.fix_bar.offer(text)
        return False

    @property
    def fix_bar(self) -> LookalikeFixBar:
        """The "replace full-width look-alikes" bar, built when first offered."""
        if self.bar is None:
            from ide.ui.editor.fix_bar import LookalikeFixBar

            self.bar = LookalikeFixBar()
            self.bar.fix_line.connect(lambda: self.fix_lookalikes(whole_file=False))
            self.bar.fix_file.connect(lambda: self.fix_lookalikes(whole_file=True))
            self.tabs.add_bar(self.bar)
        return self.bar

    def fix_lookalikes(self, *, whole_file: bool) -> None:
        """Replace the full-width look-alikes (undoable), then check the script again."""
        if self.target is None or self.target[0] not in self.tabs.documents:
            return
        editor, line = self.target
        self.target = None
        fixed, count = fix_lookalikes(editor.text(), None if whole_file else line)
        if count:
            editor.set_text(fixed, keep_undo=True)  # Ctrl+Z brings the old text back
        if editor is self.tabs.current_editor() and self.check():
            self.tabs.status_message.emit(
                QCoreApplication.translate("EditorTabs", "No syntax errors found.")
            )

    def withdraw(self, editor: CodeEditor) -> None:
        """The error on ``editor`` was edited away: its status line and fix bar go."""
        text = self.status.pop(editor, None)
        if self.bar is not None and self.target and self.target[0] is editor:
            self.bar.hide()  # the user fixed it by hand
        if text is not None:
            self.tabs.status_withdrawn.emit(text)

    def forget(self, editor: CodeEditor) -> None:
        """A tab closed."""
        self.status.pop(editor, None)
