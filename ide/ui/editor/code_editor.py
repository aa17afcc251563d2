"""CodeEditor: the one place that talks to pyside6_scintilla.ScintillaEdit.

The binding takes ``str`` for text arguments and returns UTF-8 ``QByteArray`` values and *byte*
positions. Everything public here speaks ``str`` and *character* positions (Python string
indices), so the rest of Hotaru never sees a byte offset. Line numbers are 0-based here; the
tabs widget converts to the 1-based numbers people read.
"""

from __future__ import annotations

import builtins
import keyword
import time
from collections.abc import Callable

from lexilla import Language, create_lexer
from lexilla.pyside6_scintilla import set_lexer
from PySide6.QtCore import SIGNAL, QObject, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFontDatabase,
    QInputMethodEvent,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QMenu, QWidget
from pyside6_scintilla import Scintilla, ScintillaEdit

from ide.core.editor.themes import LIGHT, Theme
from ide.ui.editor import editing, search, styling
from ide.ui.editor.editing import INDENT
from ide.ui.editor.marks import EditorMarks
from ide.ui.editor.styling import _LOOKALIKES, ERROR_INDICATOR, ERROR_MARKER, FIND_INDICATOR

_S = Scintilla
_UTF32 = int(_S.LineCharacterIndexType.Utf32)


def _utf8(data: object) -> str:
    return bytes(data).decode("utf-8", errors="replace")  # type: ignore[call-overload]


class CodeEditor(ScintillaEdit):
    """A Python editor: lexer, line numbers, brace matching, auto-indent, themes."""

    #: seconds without typing that end one undo step (a "typing burst")
    BURST_PAUSE = 1.0

    #: True when the text differs from the last save point
    modification_changed = Signal(bool)
    #: (line, column), 0-based, column in characters
    cursor_moved = Signal(int, int)
    #: local files were dropped on the editor (they open in tabs; their names are not inserted)
    files_dropped = Signal(list)
    #: typing removed the syntax error marked by mark_error()
    error_cleared = Signal()

    def __init__(
        self, parent: QWidget | None = None, theme: Theme = LIGHT, font: tuple[str, int] = ("", 0)
    ) -> None:
        super().__init__(parent)
        self._theme: Theme = theme
        self._font_family = ""
        self._font_size = 11
        self.marks = EditorMarks(self)  # the syntax error marked, the braces highlighted
        self._last_typed = float("-inf")  # _clock() of the last key typed here
        self._clock: Callable[[], float] = time.monotonic  # (tests set their own)
        self.setCodePage(65001)
        self.allocateLineCharacterIndex(_UTF32)
        self.setEOLMode(int(_S.EndOfLine.Lf))
        set_lexer(self, create_lexer(Language.PYTHON))
        self.setKeyWords(0, " ".join(keyword.kwlist + keyword.softkwlist))
        names = sorted(n for n in dir(builtins) if not n.startswith("_") and n[0].islower())
        self.setKeyWords(1, " ".join(names + ["self"]))
        self.setProperty("tab.timmy.whinge.level", "1")  # mixed tabs/spaces flagged
        # indentation: Tab inserts 4 spaces, Backspace removes one level
        self.setUseTabs(False)
        self.setTabWidth(INDENT)
        self.setIndent(INDENT)
        self.setTabIndents(True)
        self.setBackSpaceUnIndents(True)
        self.setIndentationGuides(3)  # SC_IV_LOOKBOTH
        # margins: 0 = line numbers, 1 = error marker
        self.setMarginTypeN(0, int(_S.MarginType.Number))
        self.setMarginTypeN(1, int(_S.MarginType.Symbol))
        self.setMarginWidthN(1, 12)
        self.setMarginMaskN(1, 1 << ERROR_MARKER)
        self.markerDefine(ERROR_MARKER, int(_S.MarkerSymbol.Circle))
        self.indicSetStyle(ERROR_INDICATOR, int(_S.IndicatorStyle.Squiggle))
        self.indicSetStyle(FIND_INDICATOR, int(_S.IndicatorStyle.StraightBox))
        self.indicSetUnder(FIND_INDICATOR, True)
        self.indicSetAlpha(FIND_INDICATOR, 110)
        self.indicSetOutlineAlpha(FIND_INDICATOR, 200)
        self.annotationSetVisible(int(_S.AnnotationVisible.Boxed))
        self.setCaretLineVisible(True)
        self.setCaretLineVisibleAlways(True)
        self.setCaretWidth(2)
        self.setScrollWidthTracking(True)
        self.setScrollWidth(1)
        self.setEndAtLastLine(False)
        self.setMultiPaste(1)
        self.usePopUp(0)  # our own, translated context menu (contextMenuEvent)
        # Characters that look like Python but are not (a full-width space typed with a
        # Japanese or Chinese input method, NBSP, zero-width space) are drawn as visible marks
        for invisible, mark in _LOOKALIKES.items():
            self.setRepresentation(invisible, mark)
            self.setRepresentationAppearance(invisible, int(_S.RepresentationAppearance.Colour))
        # Ctrl+D belongs to the window (soft reboot, as in Thonny), not "duplicate selection"
        ctrl = int(_S.KeyMod.Ctrl) << 16
        self.clearCmdKey(ord("D") | ctrl)
        self.clearCmdKey(ord("L") | ctrl)
        # what to do in an empty editor (a first start shows one), gone with the first character
        self._hint = QLabel(
            self.tr(
                "Type your program here, then press Run (F5).\n"
                "File > Examples has programs to try."
            ),
            self,
        )
        self._hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._hint.setStyleSheet("color: gray; background: transparent")
        self.set_editor_font(*font)  # applies the theme too (and places the hint)

        # (the binding's savePointChanged argument reads inverted: ask modify() instead)
        self.savePointChanged.connect(lambda _arg: self.modification_changed.emit(self.modify()))
        self.updateUi.connect(self._on_update_ui)
        self.charAdded.connect(lambda ch: editing.indent_new_line(self, ch))
        self.linesAdded.connect(lambda _n: self._update_margin_width())
        self.modified.connect(lambda kind, *_args: self.marks.text_modified(kind))
        self.modified.connect(lambda *_args: self._place_hint())
        # Scintilla's zoom(int) signal (the zoom() getter hides it from the new-style syntax):
        # any zoom, Ctrl+wheel included, re-wraps the error's message
        QObject.connect(self, SIGNAL("zoom(int)"), self._zoomed)

    # ----------------------------------------------------------------- positions
    def to_byte(self, char_pos: int) -> int:
        """Byte position of the character index ``char_pos`` (clamped to the text)."""
        char_pos = max(0, char_pos)
        line = self.lineFromIndexPosition(char_pos, _UTF32)
        line_start_char = self.indexPositionFromLine(line, _UTF32)
        return self.positionRelative(self.positionFromLine(line), char_pos - line_start_char)

    def to_char(self, byte_pos: int) -> int:
        """Character index of the byte position ``byte_pos``."""
        line = self.lineFromPosition(byte_pos)
        start = self.positionFromLine(line)
        return self.indexPositionFromLine(line, _UTF32) + self.countCharacters(start, byte_pos)

    def char_count(self) -> int:
        """Number of characters in the document (what ``len(text())`` would say)."""
        return self.to_char(self.length())

    # ----------------------------------------------------------------- text
    def text(self) -> str:
        return _utf8(self.get_text_range(0, self.length()))

    def set_text(self, text: str, *, keep_undo: bool = False) -> None:
        """Replace the whole text; unless ``keep_undo``, also the undo history and save point."""
        self.setText(text.replace("\r\n", "\n").replace("\r", "\n"))
        if not keep_undo:
            self.emptyUndoBuffer()
            self.setSavePoint()
        self._update_margin_width()

    def text_range(self, start: int, end: int) -> str:
        """Text between two character positions."""
        return _utf8(self.get_text_range(self.to_byte(start), self.to_byte(end)))

    def line_text(self, line: int) -> str:
        """The text of a 0-based line, without its line ending."""
        start = self.positionFromLine(line)
        return _utf8(self.get_text_range(start, self.lineEndPosition(line)))

    def insert(self, text: str) -> None:
        """Insert at the caret (replacing the selection), as typing would."""
        self.replaceSel(text)

    # ----------------------------------------------------------------- caret, selection
    def take_focus(self) -> None:
        """Give this editor the keyboard focus (ScintillaEdit.setFocus is SCI_SETFOCUS)."""
        QWidget.setFocus(self)

    def cursor_position(self) -> tuple[int, int]:
        """(line, column) of the caret, 0-based, column in characters."""
        pos = self.currentPos()
        line = self.lineFromPosition(pos)
        return line, self.countCharacters(self.positionFromLine(line), pos)

    def set_cursor_position(self, line: int, column: int = 0) -> None:
        line = max(0, min(line, self.lineCount() - 1))
        start = self.positionFromLine(line)
        pos = min(self.positionRelative(start, max(0, column)), self.lineEndPosition(line))
        self.gotoPos(pos)
        self.ensure_line_visible(line)

    def ensure_line_visible(self, line: int) -> None:
        self.ensureVisibleEnforcePolicy(line)
        visible = self.linesOnScreen()
        first = self.firstVisibleLine()
        if not first <= line < first + max(1, visible):
            self.setFirstVisibleLine(max(0, line - visible // 3))

    def position(self) -> int:
        """Character index of the caret."""
        return self.to_char(self.currentPos())

    def selection(self) -> tuple[int, int]:
        """(start, end) character positions of the main selection, start <= end."""
        return self.to_char(self.selectionStart()), self.to_char(self.selectionEnd())

    def set_selection(self, start: int, end: int) -> None:
        """Select from ``start`` (anchor) to ``end`` (caret), character positions."""
        self.setSel(self.to_byte(start), self.to_byte(end))
        self.scrollCaret()

    def selected_text(self) -> str:
        return _utf8(self.get_text_range(self.selectionStart(), self.selectionEnd()))

    # ----------------------------------------------------------------- search (search.py)
    def find(
        self,
        text: str,
        *,
        forward: bool = True,
        case_sensitive: bool = False,
        whole_word: bool = False,
        wrap: bool = True,
    ) -> bool:
        """Select the next (or previous) match after (before) the selection. True if found."""
        return search.find(
            self, text, forward=forward, case_sensitive=case_sensitive, whole_word=whole_word,
            wrap=wrap,
        )  # fmt: skip

    def replace(
        self, text: str, replacement: str, *, case_sensitive: bool = False, whole_word: bool = False
    ) -> bool:
        """Replace the selection if it is a match, then select the next match. True if found."""
        return search.replace(
            self, text, replacement, case_sensitive=case_sensitive, whole_word=whole_word
        )

    def replace_all(
        self, text: str, replacement: str, *, case_sensitive: bool = False, whole_word: bool = False
    ) -> int:
        """Replace every match, as one undo step. Returns how many were replaced."""
        return search.replace_all(
            self, text, replacement, case_sensitive=case_sensitive, whole_word=whole_word
        )

    def highlight_matches(self, text: str, *, case_sensitive: bool = False) -> int:
        """Mark every match with the find indicator (empty text clears). Returns the count."""
        return search.highlight_matches(self, text, case_sensitive=case_sensitive)

    # ----------------------------------------------------------------- editing commands
    def toggle_comment(self) -> None:
        """Comment or uncomment the selected lines (or the caret's line) with "# "."""
        editing.toggle_comment(self)

    def _on_update_ui(self, updated: int) -> None:
        if updated & (int(_S.Update.Content) | int(_S.Update.Selection)):
            self.marks.match_braces()
            line, column = self.cursor_position()
            self.cursor_moved.emit(line, column)

    def brace_pair(self) -> tuple[int, int | None] | None:
        """The brace next to the caret and its partner (None: unmatched), as highlighted."""
        return self.marks.brace_pair

    # ----------------------------------------------------------------- undo steps
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        self._typing()
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        self._typing()
        super().inputMethodEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # Typing after the focus was elsewhere (the console, answering input()) is a new
        # undo step, whatever the pause.
        self._last_typed = float("-inf")
        super().focusInEvent(event)

    def _typing(self) -> None:
        """Scintilla merges all consecutive typing into one undo step (a whole script typed
        at once went with one Ctrl+Z): after a pause, the next key starts a new step."""
        now = self._clock()
        if now - self._last_typed > self.BURST_PAUSE:
            self.beginUndoAction()  # an empty group is a boundary: typing stops coalescing
            self.endUndoAction()
        self._last_typed = now

    # ----------------------------------------------------------------- mouse
    def context_menu(self) -> QMenu:
        """The right-click menu, in the user's language (Scintilla's own is English only)."""
        return editing.context_menu(self)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.context_menu().exec(event.globalPos())
        event.accept()

    @staticmethod
    def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = self._local_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)

    # ----------------------------------------------------------------- error marking
    def mark_error(self, line: int, column: int | None, message: str) -> None:
        """Point at a problem: margin dot, squiggle from ``column``, message below the line."""
        self.marks.mark_error(line, column, message)

    def clear_error(self) -> None:
        self.marks.clear_error()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.marks.rewrap()  # the error's message fits the new width
        self._place_hint()

    def _zoomed(self, _zoom: int) -> None:
        self.marks.rewrap()
        self._place_hint()  # (below a first line that grew)

    def _place_hint(self) -> None:
        """The empty editor's hint: shown below the first line while there is no text."""
        empty = self.length() == 0
        self._hint.setVisible(empty)
        if empty:
            left = sum(self.marginWidthN(i) for i in range(5)) + 4
            self._hint.move(left, self.textHeight(0) + 4)
            self._hint.adjustSize()

    def hint_shown(self) -> bool:
        """Whether the empty editor's hint is up (tests)."""
        return self._hint.isVisibleTo(self)

    def error_line(self) -> int | None:
        """The 0-based line marked by :meth:`mark_error`, if any."""
        return self.marks.error_line

    # ----------------------------------------------------------------- look
    def set_editor_font(self, family: str, size: int) -> None:
        """Font for the text; empty family / size 0 mean the system's fixed-width font."""
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._font_family = family or fixed.family()
        self._font_size = size or max(10, fixed.pointSize())
        self.apply_theme(self._theme)

    def font_size(self) -> int:
        return self._font_size

    def theme(self) -> Theme:
        return self._theme

    def apply_theme(self, theme: Theme) -> None:
        """Colours of ``theme`` with the editor's font (see styling.py)."""
        self._theme = theme
        styling.apply_theme(self, theme, self._font_family, self._font_size)
        self._update_margin_width()
        self._place_hint()

    def _update_margin_width(self) -> None:
        digits = max(3, len(str(self.lineCount())))
        width = self.textWidth(int(_S.StylesCommon.LineNumber), "9" * digits)
        self.setMarginWidthN(0, width + 12)

    def zoom_in(self) -> None:
        self.zoomIn()

    def zoom_out(self) -> None:
        self.zoomOut()

    def reset_zoom(self) -> None:
        self.setZoom(0)
