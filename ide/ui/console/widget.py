"""The console: the board's own friendly REPL, live.

Bytes from the board go into :meth:`ConsoleWidget.feed`, which only appends them to a
buffer; a short timer parses and draws them in slices of bounded time, so a program that
prints as fast as it can never freezes the window. Keystrokes leave as :attr:`keys_typed`
bytes (the board does completion, history and line editing). The widget knows nothing of
the session: the console panel (ide/ui/console/panel.py) connects it to the SessionController.
"""

from __future__ import annotations

import re
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
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QWidget

from ide.core.console.screen import ConsoleScreen
from ide.ui.console.formats import LINK_SCHEME, TextFormats
from ide.ui.console.keys import console_wants_key, is_window_shortcut, key_to_bytes, paste_bytes
from ide.ui.console.line_drawer import LineDrawer
from ide.ui.console.scrollback import Scrollback
from ide.ui.console.waiting_note import WaitingNote
from ide.ui.settings.language import monospace_font

_SGR = re.compile(rb"\x1b\[[0-9;]*m")  # a colour or style sequence (SGR)
_CARRIED = 4  # colour/style sequences of skipped output set again after the marker, at most


class ConsoleWidget(QPlainTextEdit):
    """A VT100-subset terminal view for MicroPython's REPL."""

    keys_typed = Signal(bytes)  # bytes for the board
    interrupt_requested = Signal()  # Ctrl-C with nothing selected
    soft_reboot_requested = Signal()  # Ctrl-D
    link_activated = Signal(str, int)  # a traceback's File "name", line N was clicked
    #: (texts, printed by the running program) of the lines the console just finished, in
    #: order, each once: the one reader of finished lines, shared (the plotter listens)
    lines_finished = Signal(list, bool)

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

        # Measured while drawing, per character (a line's end counts as one): sizes the next
        # slice by what it will draw, so a few very long lines cost no more than many short.
        self._seconds_per_char = 0.000002
        #: the clock slices are timed by (tests stop it here, not in the time module, which
        #: every thread of the process shares)
        self._clock: Callable[[], float] = time.perf_counter
        self._repl_mode = True
        self._local_note = False  # drawing a line of the console's own (not the board's)
        self._program_tail = 0  # queued bytes that are a finished run's output
        self._screen = ConsoleScreen()
        self.lines = LineDrawer(explainer)  # one line's runs, links, traceback explanations
        self._backlog = bytearray()
        self._backlog_lines = 0  # line ends in _backlog
        self._stopped = False  # the user stopped the run: old lines may be skipped
        self._formats = TextFormats(self)  # character formats by style, for this palette
        self.scrollback = Scrollback(self, self.lines, self._formats, max_lines)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.FLUSH_INTERVAL_MS)
        self._timer.timeout.connect(self._flush)
        self._last_flush = float("-inf")  # (self._clock() of the last _flush)
        self.waiting = WaitingNote(self)  # "waiting for your input", made when first shown

    @property
    def explainer(self) -> Callable[[str], str | None] | None:
        """Turns a finished traceback into a sentence shown under it (None: nothing shown)."""
        return self.lines.explainer

    @property
    def _waiting_label(self) -> QLabel | None:
        return self.waiting.label

    @property
    def max_lines(self) -> int:
        """Scrollback cap in lines (see Scrollback)."""
        return self.scrollback.max_lines

    @property
    def repl_mode(self) -> bool:
        """True at the friendly REPL (multi-line paste uses paste mode); False while a
        program runs (pasted text is the program's input)."""
        return self._repl_mode

    @repl_mode.setter
    def repl_mode(self, value: bool) -> None:
        if value and not self._repl_mode:
            # The run ended: the bytes still queued are its last output, and lines_finished
            # reports them as the program's when they are parsed (in their turn: parsing them
            # all now would stall the window after a flood).
            self._program_tail = len(self._backlog)
        self._repl_mode = value
        if not value:
            self._stopped = False  # a run starts (from the editor, the Files pane...): keep all

    # -- output ------------------------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Queue bytes from the board; drawn on the next timer tick."""
        if not data:
            return
        self._backlog += data
        self._backlog_lines += data.count(b"\n")
        if len(self._backlog) > self.MAX_BACKLOG:
            # The window cannot keep up: skip what would scroll out of the cap anyway.
            self._skip_unseen(len(self._backlog) - self.MAX_BACKLOG // 2)
        elif self._stopped:
            self._skip_unseen_lines()
        if not self._timer.isActive():
            # bytes after a quiet spell (the board's first prompt, an echoed key) are drawn on
            # the next turn of the event loop; a stream of output keeps the timer's pace
            quiet = self._clock() - self._last_flush >= self.FLUSH_INTERVAL_MS / 1000
            self._timer.start(0 if quiet else self.FLUSH_INTERVAL_MS)

    def user_stopped(self) -> None:
        """The user stopped the program (Stop, Ctrl-C): from now until the next run, what
        waits to be drawn beyond twice the scrollback is skipped (see _skip_unseen_lines)."""
        self._stopped = True
        self._skip_unseen_lines()

    def _skip_unseen_lines(self) -> None:
        """Of what still waits to be drawn only the last ``max_lines`` lines would stay in the
        scrollback, so once more than twice that waits, the rest is skipped and the prompt
        comes at once, not after minutes of old lines (`while True: print(1)`, then Stop).
        Only after Stop: a program that runs, or ends by itself, keeps every line short of
        MAX_BACKLOG (the plotter and its CSV export read them all)."""
        if self._backlog_lines <= 2 * self.max_lines:
            return
        cut = len(self._backlog)
        for _ in range(self.max_lines):
            cut = self._backlog.rfind(b"\n", 0, cut)
            if cut < 0:
                return
        self._skip_unseen(cut + 1)

    def _skip_unseen(self, cut: int) -> None:
        """Drop queued bytes up to the line end at or after ``cut``, with a marker line in
        their place. The bytes before the first line end are kept: they finish the line the
        screen is in the middle of (a cut there would end "29|66" as "29"). The colours set
        in the dropped part are set again after the marker."""
        backlog = self._backlog
        head = backlog.find(b"\n") + 1  # (0: no line end at all, one endless line)
        newline = backlog.find(b"\n", max(cut - 1, head))
        end = newline + 1 if newline >= 0 else max(cut, head)
        if end <= head:
            return
        dropped = bytes(backlog[head:end])
        reset = max(dropped.rfind(b"\x1b[0m"), dropped.rfind(b"\x1b[m"))
        # (the last few only: a program that never resets would pile them up cut after cut)
        colours = b"".join(_SGR.findall(dropped, max(reset, 0))[-_CARRIED:])
        text = self.tr("[... output skipped ...]").encode()
        marker = (b"" if head else b"\r\n") + text + b"\r\n" + colours
        backlog[head:end] = marker
        tail = self._program_tail  # (the finished run's queued bytes: they end ...)
        if tail > end:
            self._program_tail = tail - len(dropped) + len(marker)  # ... after the cut
        elif tail > head:
            self._program_tail = head + len(marker)  # ... in it: with the marker
        self._backlog_lines = backlog.count(b"\n")

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
            size = min(self.CHUNK, self._program_tail or self.CHUNK)
            chunk = bytes(self._backlog[:size])
            screen.feed(chunk)
            del self._backlog[:size]
            self._backlog_lines -= chunk.count(b"\n")
            if self._program_tail:
                self._program_tail = max(0, self._program_tail - size)
                if not self._program_tail:
                    self._render(from_program=True)  # the run's last lines, as the program's
            if budget is not None:
                now = self._clock()
                draw_cost = screen.pending_chars * self._seconds_per_char
                if now > start + budget / 2 or now - start + draw_cost > budget:
                    break
        self._render()
        self._last_flush = self._clock()
        if self._backlog and not self._timer.isActive():
            self._timer.start(self.FLUSH_INTERVAL_MS)

    def start_program(self, label: str, script: str | None = None, shown: str = "") -> None:
        """Before a program's output: ``label`` (grey, italic) after the prompt, then a new line
        for the output. Local only: the board is in raw mode and sees nothing of it.

        Its tracebacks' ``File "<stdin>"`` read ``File "shown"`` and link to ``script``, for
        good: a later run does not change where an earlier run's links go."""
        self._stopped = False
        self.flush_now()  # (the previous run's output is drawn with the previous run's name)
        self.lines.run_script = (script, shown or script) if script else None
        line = self._screen.current_line().text
        if line and not line.endswith(">>> "):
            self._screen.linefeed()
        self._local_line(label)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def note(self, text: str) -> None:
        """A line of the IDE's own (grey, italic) on a line of its own, between the board's
        lines: local only, like a run's label (the link dropped: why the output stopped)."""
        self.end_line()
        self._local_line(text)

    def _local_line(self, text: str) -> None:
        self._screen.feed(b"\x1b[3;90m" + text.encode("utf-8") + b"\x1b[0m\r\n")
        self._local_note = True  # the text is ours: no listener gets it as the board's line
        try:
            self._render()
        finally:
            self._local_note = False

    def end_line(self) -> None:
        """Finish the line being shown (local only), so what comes next starts on a new line:
        after the link dropped, the next board's banner does not follow the old ">>> "."""
        self._skip_unseen_lines()  # (drawn all at once below: no minutes of old lines)
        self.flush_now()
        self._screen.forget_partial_input()
        if self._screen.current_line().text:
            self._screen.linefeed()
            self._render()

    def set_input_waiting(self, waiting: bool) -> None:
        """Show (or hide) that the running program waits for the user's typing: a note at
        the console's top right, over older output."""
        self.waiting.set_shown(waiting)

    def input_waiting(self) -> bool:
        return self.waiting.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self.waiting.place()

    def clear_console(self) -> None:
        self.flush_now()
        self.document().clear()
        self._screen.current_changed = True
        self._render()

    def _render(self, from_program: bool = False) -> None:
        screen = self._screen
        lines = screen.take_finished()
        if lines and not self._local_note:
            program = from_program or not self._repl_mode or self._program_tail > 0
            self.lines_finished.emit([line.text for line in lines], program)
        if len(lines) > self.max_lines:  # only the last ones would stay in the scrollback
            lines = lines[-self.max_lines :]
        if not lines and not screen.current_changed:
            return
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        old_scroll = bar.value()

        started = self._clock()
        drawn = sum(len(line.text) + 1 for line in lines)
        current = screen.current_line()
        self.scrollback.write(lines, current)
        screen.current_changed = False
        if drawn >= 2000:
            per_char = (self._clock() - started) / drawn
            self._seconds_per_char = 0.7 * self._seconds_per_char + 0.3 * per_char

        # The caret shows the board's cursor.
        doc = self.document()
        caret = QTextCursor(doc)
        caret.setPosition(doc.lastBlock().position() + min(screen.col, len(current.text)))
        if not self.textCursor().hasSelection():
            self.setTextCursor(caret)
        if at_bottom:
            bar.setValue(bar.maximum())
        else:
            bar.setValue(old_scroll)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._formats.update_theme()
        super().changeEvent(event)

    # -- input ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Keys the board needs win over window shortcuts while the console has focus; other
        # Ctrl combinations (Save, Open, ...) and function keys (Run) stay the window's.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if console_wants_key(event):
                event.accept()
                return True
        return super().event(event)

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
        if ctrl and is_window_shortcut(self, event):
            # An application key whose action is disabled (Qt then delivers the key press
            # here): it never goes to the board as a control character.
            event.ignore()
            return
        data = key_to_bytes(key, mods, event.text())
        if data:
            self._send(data)
            return
        event.ignore()

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
        if self.repl_mode and self.lines.run_script is not None:
            # Typing at the prompt: a "<stdin>" traceback from now on is the REPL's own.
            self.flush_now()
            self.lines.run_script = None
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
