"""The console: the board's own friendly REPL, live.

Bytes from the board go into :meth:`ConsoleWidget.feed`, which only appends them to a
buffer; a short timer parses and draws them in slices of bounded time, so a program that
prints as fast as it can never freezes the window. Keystrokes leave as :attr:`keys_typed`
bytes (the board does completion, history and line editing). The widget knows nothing of
the session: the console panel (ide/ui/console/panel.py) connects it to the SessionController.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPlainTextEdit, QWidget

from ide.core.console.screen import (
    DEFAULT_STYLE,
    ConsoleScreen,
    Line,
    TracebackWatcher,
    file_links,
)
from ide.ui.console.formats import LINK_SCHEME, RunWriter, TextFormats
from ide.ui.console.keys import key_to_bytes, paste_bytes
from ide.ui.settings.language import monospace_font


class ConsoleWidget(QPlainTextEdit):
    """A VT100-subset terminal view for MicroPython's REPL."""

    keys_typed = Signal(bytes)  # bytes for the board
    interrupt_requested = Signal()  # Ctrl-C with nothing selected
    soft_reboot_requested = Signal()  # Ctrl-D
    link_activated = Signal(str, int)  # a traceback's File "name", line N was clicked

    FLUSH_INTERVAL_MS = 25
    SLICE_SECONDS = 0.015  # parse + draw at most about this long per timer tick
    CHUNK = 4096
    MAX_BACKLOG = 4 * 1024 * 1024  # beyond this the oldest unshown output is dropped

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        max_lines: int = 5000,
        explainer: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("console")
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptDrops(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        font = monospace_font()
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setPlaceholderText(self.tr("The board's output and its >>> prompt appear here."))
        self.viewport().setMouseTracking(True)

        #: Scrollback cap in lines. The oldest lines are cut in batches of a tenth of the cap
        #: (one edit instead of one per line, as QPlainTextEdit.maximumBlockCount would do).
        self.max_lines = max_lines
        self._trim_slack = max(1, max_lines // 10)
        # Measured while drawing, per character (a line's end counts as one): sizes the next
        # slice by what it will draw, so a few very long lines cost no more than many short.
        self._seconds_per_char = 0.000002
        #: the clock slices are timed by (tests stop it here, not in the time module, which
        #: every thread of the process shares)
        self._clock: Callable[[], float] = time.perf_counter
        self.explainer = explainer
        #: True at the friendly REPL (multi-line paste uses paste mode); False while a
        #: program runs (pasted text is the program's input).
        self.repl_mode = True
        #: (the script for links, the name shown) of the run whose "<stdin>" tracebacks are
        #: being drawn; None at the REPL, whose "<stdin>" is no file at all
        self._run_script: tuple[str, str] | None = None
        self._screen = ConsoleScreen()
        self._traceback = TracebackWatcher()
        self._backlog = bytearray()
        self._formats = TextFormats(self)  # character formats by style, for this palette
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self._flush)
        self._waiting_label: QLabel | None = None  # "waiting for input", made when first shown

    # -- output ------------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Queue bytes from the board; drawn on the next timer tick."""
        if not data:
            return
        self._backlog += data
        if len(self._backlog) > self.MAX_BACKLOG:
            # The window cannot keep up: skip what would scroll out of the cap anyway.
            cut = len(self._backlog) - self.MAX_BACKLOG // 2
            newline = self._backlog.find(b"\n", cut)
            del self._backlog[: newline + 1 if newline >= 0 else cut]
            self._backlog[:0] = b"\r\n" + self.tr("[... output skipped ...]").encode() + b"\r\n"
        if not self._timer.isActive():
            self._timer.start()

    def flush_now(self) -> None:
        """Draw everything queued (tests and shutdown)."""
        self._flush(budget=None)

    def has_pending_output(self) -> bool:
        return bool(self._backlog) or self._timer.isActive()

    def _flush(self, budget: float | None = SLICE_SECONDS) -> None:
        """Parse queued bytes and draw them; with a ``budget``, stop where the lines waiting to
        be drawn would use up the rest of that slice of the event loop (None: everything)."""
        screen = self._screen
        start = self._clock()
        while self._backlog:
            screen.feed(bytes(self._backlog[: self.CHUNK]))
            del self._backlog[: self.CHUNK]
            if budget is not None:
                now = self._clock()
                draw_cost = screen.pending_chars * self._seconds_per_char
                if now > start + budget / 2 or now - start + draw_cost > budget:
                    break
        self._render()
        if self._backlog and not self._timer.isActive():
            self._timer.start()

    def start_program(self, label: str, script: str | None = None, shown: str = "") -> None:
        """Before a program's output: ``label`` (grey, italic) after the prompt, then a new line
        for the output. Local only: the board is in raw mode and sees nothing of it.

        Its tracebacks' ``File "<stdin>"`` read ``File "shown"`` and link to ``script``, for
        good: a later run does not change where an earlier run's links go."""
        self.flush_now()  # (the previous run's output is drawn with the previous run's name)
        self._run_script = (script, shown or script) if script else None
        line = self._screen.current_line().text
        if line and not line.endswith(">>> "):
            self._screen.linefeed()
        self._screen.feed(b"\x1b[3;90m" + label.encode("utf-8") + b"\x1b[0m\r\n")
        self._render()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def end_line(self) -> None:
        """Finish the line being shown (local only), so what comes next starts on a new line:
        after the link dropped, the next board's banner does not follow the old ">>> "."""
        self.flush_now()
        self._screen.forget_partial_input()
        if self._screen.current_line().text:
            self._screen.linefeed()
            self._render()

    def set_input_waiting(self, waiting: bool) -> None:
        """Show (or hide) that the running program waits for the user's typing: a note at
        the console's top right, over older output."""
        label = self._waiting_label
        if not waiting:
            if label is not None:
                label.hide()
            return
        if label is None:
            label = self._waiting_label = QLabel(
                self.tr("The program is waiting for your input: type it here, then press Enter."),
                self.viewport(),
            )
            label.setObjectName("inputWaiting")
            label.setFont(QApplication.font())  # a note, not console text: the UI's font
            label.setStyleSheet(
                "QLabel#inputWaiting { background: palette(highlight);"
                " color: palette(highlighted-text); border-radius: 3px; padding: 3px 8px; }"
            )
        self._place_waiting_label()
        label.show()

    def input_waiting(self) -> bool:
        return self._waiting_label is not None and self._waiting_label.isVisible()

    def _place_waiting_label(self) -> None:
        label = self._waiting_label
        if label is not None:
            room = max(60, self.viewport().width() - 8)
            label.setWordWrap(False)
            hint = label.sizeHint()
            if hint.width() > room:  # a narrow console: the note wraps instead of being cut
                label.setWordWrap(True)
                label.resize(room, label.heightForWidth(room))
            else:
                label.resize(hint)
            area = self.viewport().rect()
            # Top right: the line being typed is at the bottom and must stay visible.
            label.move(area.right() - label.width() - 4, area.top() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._place_waiting_label()

    def clear_console(self) -> None:
        self.flush_now()
        self.document().clear()
        self._screen.current_changed = True
        self._render()

    def _render(self) -> None:
        screen = self._screen
        lines = screen.take_finished(limit=self.max_lines)
        if not lines and not screen.current_changed:
            return
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        old_scroll = bar.value()

        started = self._clock()
        drawn = sum(len(line.text) + 1 for line in lines)
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        # Positions, not movePosition(): visual moves make Qt lay the text out first.
        cursor.setPosition(doc.lastBlock().position())
        cursor.setPosition(doc.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        writer = RunWriter(cursor, self._formats.format)
        for line in lines:
            self._write_line(writer, line, finished=True)
            writer.add("\n", DEFAULT_STYLE)
        current = screen.current_line()
        self._write_line(writer, current, finished=False)
        writer.flush()
        excess = doc.blockCount() - self.max_lines
        if excess > self._trim_slack:
            cut = QTextCursor(doc)
            cut.setPosition(
                doc.findBlockByNumber(excess).position(), QTextCursor.MoveMode.KeepAnchor
            )
            cut.removeSelectedText()
        cursor.endEditBlock()
        screen.current_changed = False
        if drawn >= 2000:
            per_char = (self._clock() - started) / drawn
            self._seconds_per_char = 0.7 * self._seconds_per_char + 0.3 * per_char

        # The caret shows the board's cursor.
        caret = QTextCursor(doc)
        caret.setPosition(doc.lastBlock().position() + min(screen.col, len(current.text)))
        if not self.textCursor().hasSelection():
            self.setTextCursor(caret)
        if at_bottom:
            bar.setValue(bar.maximum())
        else:
            bar.setValue(old_scroll)

    def _write_line(self, writer: RunWriter, line: Line, finished: bool) -> None:
        links = file_links(line.text) if finished else []
        if not links:
            for start, end, style in line.runs:
                writer.add(line.text[start:end], style)
        else:
            pos = 0
            for start, end, name, number in links:
                self._write_span(writer, line, pos, start, None)
                pos = end
                if name not in ("<stdin>", "<string>"):
                    self._write_span(writer, line, start, end, f"{LINK_SCHEME}{number}:{name}")
                elif self._run_script is None:  # typed at the REPL: no file to show
                    self._write_span(writer, line, start, end, None)
                else:  # the program that was run: its own name, shown and linked
                    script, shown = self._run_script
                    style = next((s for a, b, s in line.runs if a <= start < b), DEFAULT_STYLE)
                    writer.add(
                        f'File "{shown}", line {number}', style, f"{LINK_SCHEME}{number}:{script}"
                    )
            self._write_span(writer, line, pos, len(line.text), None)
        if finished:
            done = self._traceback.feed_line(line.text)
            if done is not None and self.explainer is not None:
                explanation = self.explainer(done)
                if explanation:
                    writer.add("\n", DEFAULT_STYLE)
                    writer.add(explanation, DEFAULT_STYLE, "explain")

    def _write_span(
        self, writer: RunWriter, line: Line, start: int, end: int, href: str | None
    ) -> None:
        for r_start, r_end, style in line.runs:
            lo, hi = max(start, r_start), min(end, r_end)
            if lo < hi:
                writer.add(line.text[lo:hi], style, href)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._formats.update_theme()
        super().changeEvent(event)

    # -- input ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Keys the board needs win over window shortcuts while the console has focus; other
        # Ctrl combinations (Save, Open, ...) and function keys (Run) stay the window's.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._wants_key(event):
                event.accept()
                return True
        return super().event(event)

    def _wants_key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier))
        if alt:
            return False
        if ctrl:
            return event.key() in (
                Qt.Key.Key_C,
                Qt.Key.Key_D,
                Qt.Key.Key_E,
                Qt.Key.Key_V,
                Qt.Key.Key_A,
            )
        return bool(key_to_bytes(event.key(), mods, event.text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if event.matches(QKeySequence.StandardKey.Copy) or (ctrl and shift and key == Qt.Key.Key_C):
            if self.textCursor().hasSelection() or shift:
                self.copy()
                return
        if event.matches(QKeySequence.StandardKey.Paste) or (
            ctrl and shift and key == Qt.Key.Key_V
        ):
            self.paste()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.selectAll()
            return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            super().keyPressEvent(event)  # scrolls the view; nothing for the board
            return
        if ctrl and key == Qt.Key.Key_C:
            self._to_bottom()
            self.interrupt_requested.emit()
            return
        if ctrl and key == Qt.Key.Key_D:
            self._to_bottom()
            self.soft_reboot_requested.emit()
            return
        if ctrl and self._is_window_shortcut(event):
            # An application key whose action is disabled (Qt then delivers the key press
            # here): it never goes to the board as a control character.
            event.ignore()
            return
        data = key_to_bytes(key, mods, event.text())
        if data:
            self._send(data)
            return
        event.ignore()

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        """True when the key is a shortcut of a window-wide action (Quit, Save, Find ...);
        actions scoped to another widget (the editor's Undo, Copy ...) do not count."""
        combo = QKeySequence(event.keyCombination())
        for action in self.window().findChildren(QAction):
            if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
                continue
            for sequence in action.shortcuts():
                if sequence.matches(combo) == QKeySequence.SequenceMatch.ExactMatch:
                    return True
        return False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt name
        # Japanese / Chinese input methods: only committed text goes to the board.
        text = event.commitString()
        if text:
            self._send(text.encode("utf-8"))
        event.accept()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt name
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt name
        if source.hasText():
            self.paste_text(source.text())

    def paste_text(self, text: str) -> None:
        """Send text as if typed; several lines at the REPL go through paste mode."""
        data = paste_bytes(text, self.repl_mode)
        if data:
            self._send(data)

    def _send(self, data: bytes) -> None:
        """Typed or pasted bytes to the board; the view follows to the line being edited."""
        if self.repl_mode and self._run_script is not None:
            # Typing at the prompt: a "<stdin>" traceback from now on is the REPL's own.
            self.flush_now()
            self._run_script = None
        self._to_bottom()
        self.keys_typed.emit(data)

    def _to_bottom(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)
        self._screen.current_changed = True
        self._render()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    # -- links and menu ------------------------------------------------------------------

    def link_at(self, pos: QPoint) -> tuple[str, int] | None:
        href = self.anchorAt(pos)
        if not href.startswith(LINK_SCHEME):
            return None
        number, _, name = href[len(LINK_SCHEME) :].partition(":")
        return name, int(number)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        link = self.link_at(event.position().toPoint())
        shape = Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            link = self.link_at(event.position().toPoint())
            if link:
                self.link_activated.emit(*link)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt name
        menu = QMenu(self)
        copy = QAction(self.tr("Copy"), menu)
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        paste = QAction(self.tr("Paste"), menu)
        paste.triggered.connect(self.paste)
        select_all = QAction(self.tr("Select All"), menu)
        select_all.triggered.connect(self.selectAll)
        clear = QAction(self.tr("Clear Console"), menu)
        clear.triggered.connect(self.clear_console)
        for action in (copy, paste, select_all, clear):
            menu.addAction(action)
        menu.exec(event.globalPos())
