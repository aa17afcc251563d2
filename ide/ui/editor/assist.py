"""Completion popup, calltips, hover/F1 documentation, go to definition and checks as you
type, for one CodeEditor, over ide.core.completion. Scintilla's own autocompletion list
(autoCShow) and calltip (callTipShow) draw them; every question is answered on the assist
thread (assist_thread.py), so typing never waits for jedi.

An answer is used only if the editor's text (its revision, counted per insert/delete) and,
for completion and signature help, the caret are where they were when it was asked.
"""

from __future__ import annotations

import ast
import html
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer
from PySide6.QtWidgets import QToolTip
from pyside6_scintilla import Scintilla

from ide.core import completion
from ide.core.completion import Context
from ide.ui import translate_message
from ide.ui.editor.assist_thread import Request, assist_thread
from ide.ui.editor.code_editor import CodeEditor

if TYPE_CHECKING:  # these names would import jedi/pyflakes now; the assist thread does that
    from ide.core.completion import Problem
    from ide.ui.editor.tabs import EditorTabs

_S = Scintilla
CHECK_INDICATOR = 10
CHECK_PAUSE_MS = 600  # the checks run after this long without typing
HOVER_MS = 700  # the pointer rests this long over a name: its documentation
DOC_LINES = 25  # lines of a docstring in the hover tool tip / F1 calltip
MIN_TYPED = 2  # letters of a name typed before the list opens by itself
# lexilla's Python styles where a popup would only be in the way (comments and strings)
_QUIET_STYLES = frozenset({1, 3, 4, 6, 7, 12, 13, 16, 17, 18, 19})


@dataclass
class AssistState:
    """What all editors' answers depend on besides their text (one per editor area)."""

    board: str = completion.DEFAULT_BOARD
    working_folder: str | None = None
    lib_modules: frozenset[str] = field(default_factory=frozenset)


class EditorAssist(QObject):
    """The assistance of one editor. ``path()`` is the tab's local file (None: untitled or on
    the board); its folder holds the user's own modules (else the working folder)."""

    def __init__(
        self, editor: CodeEditor, state: AssistState, path: Callable[[], str | None]
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.state = state
        self._path = path
        self.last_doc: completion.Doc | None = None
        self._revision = 0
        self.problems: list[Problem] = []
        #: opens go to definition's answer in another tab (AssistHub sets it)
        self.open_location: Callable[[completion.Location], None] = lambda _loc: None
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_PAUSE_MS)
        self._check_timer.timeout.connect(self.request_check)
        editor.indicSetStyle(CHECK_INDICATOR, int(_S.IndicatorStyle.Squiggle))
        editor.indicSetFore(CHECK_INDICATOR, 0x0080E0)  # BGR: orange, a warning, not an error
        editor.autoCSetIgnoreCase(True)
        editor.autoCSetOrder(int(_S.Ordering.Custom))  # jedi's order (its best guesses first)
        editor.autoCSetMaxHeight(10)
        editor.autoCSetCancelAtStart(False)
        editor.autoCSetSeparator(ord("\n"))
        editor.setMouseDwellTime(HOVER_MS)
        editor.charAdded.connect(self._on_char)
        editor.modified.connect(self._on_modified)
        editor.dwellStart.connect(self._on_dwell)
        editor.dwellEnd.connect(lambda *_a: QToolTip.hideText())

    # ----------------------------------------------------------------- context
    def context(self) -> Context:
        path = self._path()
        folder = str(Path(path).parent) if path else self.state.working_folder
        return Context(self.state.board, folder, self.state.lib_modules)

    def _where(self) -> tuple[str, int, int, int]:
        """The text, the caret (line, character column) and the caret's byte position."""
        line, column = self.editor.cursor_position()
        return self.editor.text(), line, column, self.editor.currentPos()

    def _ask(self, kind: str, job: Callable[[], Any], use: Callable[[Any], None],
             caret_bound: bool) -> None:
        revision, caret = self._revision, self.editor.currentPos()

        def deliver(result: Any) -> None:
            if not shiboken6.isValid(self.editor):
                return  # the tab was closed while the question was being answered
            if revision != self._revision or (caret_bound and caret != self.editor.currentPos()):
                return  # an answer for a text (or a place) that is gone
            use(result)

        assist_thread().submit(Request(kind, job, deliver))

    # ----------------------------------------------------------------- typing
    def _on_modified(self, mod_type: int, *_args: object) -> None:
        if mod_type & (int(_S.ModificationFlags.InsertText) | int(_S.ModificationFlags.DeleteText)):
            self._revision += 1
            self._check_timer.start()  # restarted by every change: runs after a pause

    def _quiet_here(self) -> bool:
        pos = self.editor.currentPos()
        return pos > 0 and self.editor.styleAt(pos - 1) in _QUIET_STYLES

    def _on_char(self, ch: int) -> None:
        if ch in (ord("("), ord(",")):
            self.request_signature()
        elif ch == ord(")") and self.editor.callTipActive():
            self.editor.callTipCancel()
        if self._quiet_here() or self.editor.autoCActive():
            return
        if ch == ord("."):
            self.request_completion()
        elif ch < 128 and (chr(ch).isalnum() or ch == ord("_")):
            _text, line, column, _pos = self._where()
            word = _word_before(self.editor.line_text(line)[:column])
            if len(word) == MIN_TYPED and not word[0].isdigit():
                self.request_completion()

    # ----------------------------------------------------------------- completion
    def request_completion(self) -> None:
        text, line, column, _pos = self._where()
        ctx, path = self.context(), self._path()
        self._ask(
            "complete",
            lambda: completion.complete(text, line, column, ctx, path, detailed=0),
            self._show_completions,
            caret_bound=True,
        )

    def _show_completions(self, items: list[completion.Completion]) -> None:
        if not items:
            return
        _text, line, column, _pos = self._where()
        before = self.editor.line_text(line)[:column]
        entered = before[len(before) - items[0].prefix_length :] if items[0].prefix_length else ""
        self.editor.autoCShow(len(entered.encode("utf-8")), "\n".join(i.name for i in items))

    # ----------------------------------------------------------------- signature help
    def request_signature(self) -> None:
        text, line, column, pos = self._where()
        ctx = self.context()
        self._ask(
            "signature",
            lambda: completion.signature(text, line, column, ctx),
            lambda sig: self._show_signature(sig, pos),
            caret_bound=True,
        )

    def _show_signature(self, sig: completion.Signature | None, pos: int) -> None:
        if sig is None:
            self.editor.callTipCancel()
            return
        label = sig.label
        # the doc wrapped to the label's width (at least 60 columns): one long line would push
        # the calltip off the editor's left edge
        doc = "\n".join(textwrap.wrap(sig.doc, max(60, min(len(label), 100)))[:4])
        self.editor.callTipShow(pos, label + ("\n" + doc if doc else ""))
        if sig.index is not None and sig.index < len(sig.params):
            start, end = sig.params[sig.index]
            # the calltip counts bytes; a label is usually ASCII, but a user's name may not be
            self.editor.callTipSetHlt(len(label[:start].encode()), len(label[:end].encode()))

    # ----------------------------------------------------------------- documentation
    def request_docs(self, byte_pos: int | None = None, tooltip: QPoint | None = None) -> None:
        """F1 (at the caret) or hover (at ``byte_pos``, shown as a tool tip at ``tooltip``)."""
        text = self.editor.text()
        pos = self.editor.currentPos() if byte_pos is None else byte_pos
        line = self.editor.lineFromPosition(pos)
        column = self.editor.to_char(pos) - self.editor.to_char(self.editor.positionFromLine(line))
        ctx = self.context()
        self._ask(
            "docs",
            lambda: completion.docs(text, line, column, ctx),
            lambda doc: self._show_docs(doc, pos, tooltip),
            caret_bound=tooltip is None,
        )

    def _show_docs(self, doc: completion.Doc | None, pos: int, tooltip: QPoint | None) -> None:
        if doc is None:
            if tooltip is None:
                QToolTip.showText(
                    self.editor.mapToGlobal(self._point(pos)),
                    QCoreApplication.translate("EditorAssist", "No documentation here"),
                    self.editor,
                )
            return
        # long docstrings (uasyncio, network.WLAN) stop after DOC_LINES lines; F12 shows all
        lines = doc.text.strip().split("\n")
        body = "\n".join(lines[:DOC_LINES] + (["…"] if len(lines) > DOC_LINES else []))
        text = (doc.signature + ("\n\n" + body if body else "")) if doc.signature else body
        if tooltip is not None:
            # escaped and kept as written: a docstring with "<" is not rich text, and its
            # line breaks and indentation (examples) matter
            rich = f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'
            QToolTip.showText(tooltip, rich, self.editor)
        else:
            self.editor.callTipShow(pos, text)
        self.last_doc = doc

    def _point(self, pos: int) -> QPoint:
        return QPoint(self.editor.pointXFromPosition(pos), self.editor.pointYFromPosition(pos))

    def _on_dwell(self, x: int, y: int) -> None:
        pos = self.editor.positionFromPointClose(x, y)  # -1: not over text
        if pos < 0:
            return
        at = self.editor.mapToGlobal(QPoint(x, y + 16))  # under the pointer, not on it
        problems = self.problems_at(pos)
        if problems:
            # every finding there, one a line ("not on this board" and "not used" can share)
            text = "\n".join(translate_message(p.message) for p in problems)
            QToolTip.showText(at, text, self.editor)
            return
        if not self.editor.callTipActive() and not self.editor.autoCActive():
            self.request_docs(pos, at)

    # ----------------------------------------------------------------- go to definition
    def request_definition(self) -> None:
        text, line, column, _pos = self._where()
        ctx, path = self.context(), self._path()
        self._ask(
            "definition",
            lambda: completion.definition(text, line, column, ctx, path),
            self._go,
            caret_bound=True,
        )

    def _go(self, loc: completion.Location | None) -> None:
        if loc is None:
            QToolTip.showText(
                self.editor.mapToGlobal(self._point(self.editor.currentPos())),
                QCoreApplication.translate("EditorAssist", "No definition found"),
                self.editor,
            )
            return
        if not loc.path or loc.path == self._path():
            self.editor.set_cursor_position(loc.line, loc.column)
            self.editor.ensure_line_visible(loc.line)
            return
        self.open_location(loc)

    # ----------------------------------------------------------------- checks
    def request_check(self) -> None:
        text = self.editor.text()
        ctx = self.context()
        self._ask("check", lambda: _check_if_parses(text, ctx), self._show_problems, False)

    def _show_problems(self, problems: list[Problem] | None) -> None:
        if problems is None:
            # a half-typed line ("machine.") does not parse: the last findings stay (their
            # squiggles move with the text), rather than vanishing at every keystroke
            return
        self.problems = problems
        editor = self.editor
        editor.setIndicatorCurrent(CHECK_INDICATOR)
        editor.indicatorClearRange(0, editor.length())
        for p in problems:
            if p.line >= editor.lineCount():
                continue
            base = editor.indexPositionFromLine(p.line, _UTF32)
            start = editor.to_byte(base + p.column)
            end = editor.to_byte(base + max(p.end_column, p.column + 1))
            editor.indicatorFillRange(start, max(1, end - start))

    def problems_at(self, byte_pos: int) -> list[Problem]:
        """The findings under a position, the board's first (they say more than pyflakes)."""
        line = self.editor.lineFromPosition(byte_pos)
        column = self.editor.to_char(byte_pos) - self.editor.to_char(
            self.editor.positionFromLine(line)
        )
        found = [p for p in self.problems if p.line == line and p.column <= column <= p.end_column]
        return sorted(found, key=lambda p: p.origin != "board")


_UTF32 = int(_S.LineCharacterIndexType.Utf32)


def _check_if_parses(text: str, ctx: Context) -> list[Problem] | None:
    """Assist thread: the findings, or None when the text does not parse."""
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    return completion.check(text, ctx)


def _word_before(text: str) -> str:
    i = len(text)
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:]



class AssistHub(QObject):
    """The assistance of every editor of an EditorTabs: one EditorAssist per tab, the board
    (from the connected session, else the last one, else the default), the working folder
    and the board's /lib names; opening go to definition's targets."""

    def __init__(self, tabs: EditorTabs) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.state = AssistState(working_folder=str(tabs.preferences.working_folder()))
        self._assists: dict[CodeEditor, EditorAssist] = {}
        tabs.editor_opened.connect(self._attach)
        tabs.editor_closed.connect(lambda e: self._assists.pop(e, None))
        controller = tabs.controller
        if controller is not None and hasattr(controller, "connected"):
            controller.connected.connect(lambda *_a: self._board_connected())
        # jedi's first answer for a board loads its stubs (about a second): that is done on the
        # assist thread when the user first types in an editor, not at start: jedi, its stubs
        # and the process it asks about compiled modules hold ~40 MB, which a Hotaru opened to
        # run a file or use the console never needs
        self._typing_seen = False

    def _attach(self, editor: CodeEditor) -> None:
        def path(e: CodeEditor = editor) -> str | None:
            doc = self.tabs.document(e)
            return str(doc.local_path) if doc is not None and doc.local_path else None

        assist = EditorAssist(editor, self.state, path)
        editor.charAdded.connect(self._typed)
        assist.open_location = self.open_location
        self._assists[editor] = assist

    def assist(self, editor: CodeEditor | None = None) -> EditorAssist | None:
        editor = editor or self.tabs.current_editor()
        return self._assists.get(editor) if editor is not None else None

    def _typed(self, *_args: object) -> None:
        if not self._typing_seen:  # the first character typed in any editor: load jedi now
            self._typing_seen = True
            self.warm_up()

    def warm_up(self) -> None:
        ctx = Context(self.state.board)
        assist_thread().submit(Request("warm", lambda: completion.warm_up(ctx), lambda _r: None))

    def set_board(self, key: str) -> None:
        if key != self.state.board:
            self.state.board = key
            if self._typing_seen:  # (else the first typing loads this board's stubs)
                self.warm_up()
            for assist in self._assists.values():
                assist.request_check()

    def set_lib_modules(self, names: frozenset[str]) -> None:
        """Module names in the board's /lib (``name.py``, ``name.mpy`` or a package)."""
        self.state.lib_modules = names

    def watch_board_files(self, model: Any) -> None:
        """Follow the Files pane's BoardModel: the modules its listings of / and /lib show
        (``name.py``, ``name.mpy``, packages) complete after ``import`` and are not flagged."""

        def listed(path: str) -> None:
            if path.rstrip("/") not in ("", "/lib"):
                return
            names: set[str] = set()
            for folder in ("/", "/lib"):
                node = model.node_for_path(folder)
                for child in (node.children or []) if node is not None else []:
                    stem, dot, ext = child.name.rpartition(".")
                    if child.is_dir and child.name.isidentifier():
                        names.add(child.name)
                    elif dot and ext in ("py", "mpy") and stem.isidentifier():
                        names.add(stem)
            self.set_lib_modules(frozenset(names))

        model.listed.connect(listed)

    def _board_connected(self) -> None:
        session = getattr(self.tabs.controller, "session", None)
        info = getattr(session, "info", None)
        if info is not None:
            self.set_board(completion.board_key_from_info(info))

    def open_location(self, loc: completion.Location) -> None:
        """A definition in another file: the user's module in a normal tab, a stub in a
        read-only one (titled by its module, never saved)."""
        if not loc.read_only:
            editor = self.tabs.open_local(loc.path)
        else:
            editor = self._stub_tab(Path(loc.path))
        if editor is not None:
            editor.set_cursor_position(loc.line, loc.column)
            editor.ensure_line_visible(loc.line)

    def _stub_tab(self, path: Path) -> CodeEditor | None:
        for editor in self.tabs.editors():
            if editor.property("stub_path") == str(path):
                self.tabs.setCurrentWidget(editor)
                return editor
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return None
        # "machine-stubs/__init__.pyi" -> "machine.pyi"; "rp2-stubs/asm_pio.pyi" stays
        name = path.parent.name[: -len("-stubs")] + ".pyi" if path.name == "__init__.pyi" else (
            path.name
        )
        editor = self.tabs.new_file(text, name)
        editor.setProperty("stub_path", str(path))
        editor.setReadOnly(True)
        editor.setSavePoint()  # nothing to save: closing it never asks
        return editor
