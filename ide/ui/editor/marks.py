"""What a CodeEditor marks on its text: the syntax error (margin dot, squiggle, message under the
line, withdrawn when the text is edited) and the brace next to the caret with its partner.
Owned by :class:`CodeEditor` (``editor.marks``), with the state it keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyside6_scintilla import Scintilla

from ide.core.editor.line_breaks import wrap_paragraph
from ide.core.editor.themes import P_OPERATOR
from ide.ui.editor.styling import ERROR_ANNOTATION_STYLE, ERROR_INDICATOR, ERROR_MARKER

if TYPE_CHECKING:
    from ide.ui.editor.code_editor import CodeEditor

_BRACES = "()[]{}"
_STYLE_DEFAULT = 32  # Scintilla's STYLE_DEFAULT: the space width indentation is measured in
_SLACK = 32  # pixels for the vertical scroll bar and the annotation box's edges
_EDITS = int(Scintilla.ModificationFlags.InsertText) | int(Scintilla.ModificationFlags.DeleteText)


class EditorMarks:
    """The error mark and the brace highlight of one editor."""

    def __init__(self, editor: CodeEditor) -> None:
        self.editor = editor
        self.error_line: int | None = None  # 0-based, while an error is marked
        self.error_message = ""  # the message under that line, as given (unwrapped)
        #: the brace next to the caret and its partner (None: unmatched), character positions
        self.brace_pair: tuple[int, int | None] | None = None

    def mark_error(self, line: int, column: int | None, message: str) -> None:
        """Point at a problem: margin dot, squiggle from ``column``, message below the line."""
        editor = self.editor
        self.clear_error()
        line = max(0, min(line, editor.lineCount() - 1))
        self.error_line = line
        editor.markerAdd(line, ERROR_MARKER)
        start = editor.positionFromLine(line)
        end = editor.lineEndPosition(line)
        if column is not None:
            start = min(editor.positionRelative(start, max(0, column)), end)
        if end <= start:  # squiggle at least one character
            start = max(editor.positionFromLine(line), start - 1)
            end = max(end, min(editor.length(), start + 1))
        editor.setIndicatorCurrent(ERROR_INDICATOR)
        editor.indicatorFillRange(start, end - start)
        self.error_message = message
        editor.annotationSetText(line, self.wrapped(message, line))
        editor.annotationSetStyle(line, ERROR_ANNOTATION_STYLE)
        editor.set_cursor_position(line, column or 0)

    def wrapped(self, message: str, line: int | None = None) -> str:
        """``message`` broken into lines that fit the editor's width (an annotation does not
        wrap: a long sentence ran off the right edge, and with the Board view open half of the
        advice was never seen). The box under ``line`` starts at that line's indentation, so
        the room left of it is less by that much (under an indented line of a loop the box's
        end was cut off). Breaks at a space in the line's second half, else before a
        word of Latin letters or digits ("Python", "print") in it, else anywhere (Japanese and
        Chinese have no spaces to break at) but before a closing mark ("。", "）") or after an
        opening one ("「")."""
        editor = self.editor
        room = editor.width() - sum(editor.marginWidthN(i) for i in range(5)) - _SLACK
        if line is not None:  # (Scintilla indents the box by the line's indentation in spaces)
            room -= editor.lineIndentation(line) * editor.textWidth(_STYLE_DEFAULT, " ")
        if room < 100:
            return message
        def fits(line: str) -> bool:
            return editor.textWidth(ERROR_ANNOTATION_STYLE, line) <= room

        lines: list[str] = []
        for paragraph in message.split("\n"):
            lines += wrap_paragraph(paragraph, fits)
        return "\n".join(lines)

    def rewrap(self) -> None:
        """The editor changed width: the marked error's message is broken anew."""
        if self.error_line is not None:
            self.editor.annotationSetText(
                self.error_line, self.wrapped(self.error_message, self.error_line)
            )

    def clear_error(self) -> None:
        editor = self.editor
        self.error_line = None
        editor.markerDeleteAll(ERROR_MARKER)
        editor.setIndicatorCurrent(ERROR_INDICATOR)
        editor.indicatorClearRange(0, editor.length())
        editor.annotationClearAll()

    def text_modified(self, mod_type: int) -> None:
        """Typing removes the marked error (the editor says so with error_cleared)."""
        if mod_type & _EDITS and self.error_line is not None:
            self.clear_error()
            self.editor.error_cleared.emit()

    def match_braces(self) -> None:
        """Highlight the brace next to the caret and its partner (a lone one as bad)."""
        editor = self.editor
        pos = editor.currentPos()
        brace = -1
        for candidate in (pos - 1, pos):
            if 0 <= candidate < editor.length():
                ch = editor.charAt(candidate)
                if 0 <= ch < 128 and chr(ch) in _BRACES and editor.styleAt(candidate) == P_OPERATOR:
                    brace = candidate
                    break
        if brace < 0:
            self.brace_pair = None
            editor.braceHighlight(-1, -1)
            return
        other = editor.braceMatch(brace, 0)
        if other < 0:
            self.brace_pair = (editor.to_char(brace), None)
            editor.braceBadLight(brace)
        else:
            self.brace_pair = (editor.to_char(brace), editor.to_char(other))
            editor.braceHighlight(brace, other)
