"""Editing commands of a CodeEditor that work on whole lines: Toggle comment, the indentation
after Enter, and the right-click menu. Functions of :class:`CodeEditor` (its methods call them);
the menu's texts keep the editor's translation context, "CodeEditor"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ide.ui.editor.code_editor import CodeEditor

INDENT = 4
_DEDENT_WORDS = ("return", "pass", "break", "continue", "raise")


def toggle_comment(editor: CodeEditor) -> None:
    """Comment or uncomment the selected lines (or the caret's line) with "# "."""
    first = editor.lineFromPosition(editor.selectionStart())
    last = editor.lineFromPosition(editor.selectionEnd())
    if last > first and editor.selectionEnd() == editor.positionFromLine(last):
        last -= 1  # a selection ending at column 0 does not include that line
    lines = [editor.line_text(n) for n in range(first, last + 1)]
    code = [ln for ln in lines if ln.strip()]
    if not code:
        return
    uncomment = all(ln.lstrip().startswith("#") for ln in code)
    indent = min(len(ln) - len(ln.lstrip()) for ln in code)
    new_lines = []
    for ln in lines:
        if not ln.strip():
            new_lines.append(ln)
        elif uncomment:
            i = len(ln) - len(ln.lstrip())
            rest = ln[i + 1 :]
            new_lines.append(ln[:i] + (rest[1:] if rest.startswith(" ") else rest))
        else:
            new_lines.append(ln[:indent] + "# " + ln[indent:])
    start = editor.positionFromLine(first)
    end = editor.lineEndPosition(last)
    editor.beginUndoAction()
    editor.setTargetRange(start, end)
    new_text = "\n".join(new_lines)
    editor.replaceTarget(len(new_text.encode()), new_text)
    editor.endUndoAction()
    editor.setSel(editor.positionFromLine(first), editor.lineEndPosition(last))


def indent_new_line(editor: CodeEditor, ch: int) -> None:
    """After Enter (``ch`` the character added): the new line's indentation follows the
    previous line's, one level deeper after ":", one less after return/pass/break/..."""
    if ch not in (10, 13):
        return
    line = editor.lineFromPosition(editor.currentPos())
    if line == 0:
        return
    previous = editor.line_text(line - 1)
    indent = editor.lineIndentation(line - 1)
    code = previous.split("#", 1)[0].rstrip() if "#" in previous else previous.rstrip()
    if code.endswith(":"):
        indent += INDENT
    elif code.strip().split(" ", 1)[0] in _DEDENT_WORDS:
        indent = max(0, indent - INDENT)
    if indent:
        editor.setLineIndentation(line, indent)
        editor.gotoPos(editor.lineIndentPosition(line))


def context_menu(editor: CodeEditor) -> QMenu:
    """The right-click menu, in the user's language (Scintilla's own is English only)."""
    menu = QMenu(editor)
    entries = [
        (QCoreApplication.translate("CodeEditor", "Undo"), editor.undo, editor.canUndo()),
        (QCoreApplication.translate("CodeEditor", "Redo"), editor.redo, editor.canRedo()),
        None,
        (QCoreApplication.translate("CodeEditor", "Cut"), editor.cut, not editor.selectionEmpty()),
        (
            QCoreApplication.translate("CodeEditor", "Copy"),
            editor.copy,
            not editor.selectionEmpty(),
        ),
        (QCoreApplication.translate("CodeEditor", "Paste"), editor.paste, editor.canPaste()),
        None,
        (
            QCoreApplication.translate("CodeEditor", "Select all"),
            editor.selectAll,
            editor.length() > 0,
        ),
        (QCoreApplication.translate("CodeEditor", "Toggle comment"), editor.toggle_comment, True),
    ]
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, slot, enabled = entry
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(slot)
    return menu
