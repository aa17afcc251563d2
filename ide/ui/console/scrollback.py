"""The console's document as a terminal's scrollback (ConsoleWidget.scrollback): the lines the
screen finished are written in one edit, followed by the line still being drawn, and the
oldest lines are cut once there are more than the cap."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from ide.core.console.screen import DEFAULT_STYLE, Line
from ide.ui.console.formats import RunWriter, TextFormats
from ide.ui.console.line_drawer import LineDrawer


class Scrollback:
    """Writes a console's lines into its QPlainTextEdit's document."""

    def __init__(
        self, view: QPlainTextEdit, lines: LineDrawer, formats: TextFormats, max_lines: int
    ) -> None:
        self.view = view
        self.lines = lines
        self.formats = formats
        #: Scrollback cap in lines. The oldest lines are cut in batches of a tenth of the cap
        #: (one edit instead of one per line, as QPlainTextEdit.maximumBlockCount would do).
        self.max_lines = max_lines
        self.trim_slack = max(1, max_lines // 10)

    def write(self, finished: list[Line], current: Line) -> None:
        """``finished`` lines take the place of the line drawn last time (which they begin
        with), then ``current``, the line still being drawn, follows them."""
        doc = self.view.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        # Positions, not movePosition(): visual moves make Qt lay the text out first.
        cursor.setPosition(doc.lastBlock().position())
        cursor.setPosition(doc.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        writer = RunWriter(cursor, self.formats.format)
        for line in finished:
            self.lines.write(writer, line, finished=True)
            writer.add("\n", DEFAULT_STYLE)
        self.lines.write(writer, current, finished=False)
        writer.flush()
        excess = doc.blockCount() - self.max_lines
        if excess > self.trim_slack:
            cut = QTextCursor(doc)
            cut.setPosition(
                doc.findBlockByNumber(excess).position(), QTextCursor.MoveMode.KeepAnchor
            )
            cut.removeSelectedText()
        cursor.endEditBlock()
