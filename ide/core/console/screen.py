"""The console's terminal model: the VT100 subset MicroPython's REPL sends, as lines.

pyte's parser (``pyte.ByteStream``) turns the board's bytes into events: it copes with
UTF-8 characters and escape sequences split across reads. pyte's own ``Screen`` is a
fixed grid, which is the wrong model for a scrolling console with soft-wrapped lines and a
scrollback cap, so :class:`ConsoleScreen` listens instead. MicroPython only ever edits the
line the cursor is on (``\\b``, ``\\r``, ``ESC[K``, ``ESC[nD``, ``ESC[nC``, SGR colours), so
the model is: finished lines, which never change again, and the current line with a cursor
column. The widget drains the finished lines and redraws the current line.

Qt-free, so it is tested without a display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple


class Style(NamedTuple):
    """How a run of characters looks. Colours: None (default), 0-255 (xterm palette), '#rrggbb'."""

    fg: int | str | None = None
    bg: int | str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False


DEFAULT_STYLE = Style()

#: The widest line, as a terminal's width: the cursor never moves past it (ESC[9999C stops at
#: the last column) and text reaching it wraps onto a new line. Without it, 4 kB of
#: ``ESC[9999Cx`` made a 5,000,000-character line.
MAX_COLUMNS = 4096


@dataclass(frozen=True)
class Line:
    """A finished line: its text and its styled runs as (start, end, style)."""

    text: str
    runs: tuple[tuple[int, int, Style], ...]


def _runs(text: str, styles: list[Style] | None) -> tuple[tuple[int, int, Style], ...]:
    if not text:
        return ()
    if styles is None:
        return ((0, len(text), DEFAULT_STYLE),)
    runs = []
    start = 0
    current = styles[0]
    for i in range(1, len(text)):
        if styles[i] != current:
            runs.append((start, i, current))
            start, current = i, styles[i]
    runs.append((start, len(text), current))
    return tuple(runs)


def _noop(*_args: Any, **_kwargs: Any) -> None:
    return None


class ConsoleScreen:
    """Receives bytes from the board; keeps finished lines and the line being edited."""

    def __init__(self) -> None:
        self._chars: list[str] = []
        # Per-character styles of the current line; None while it is all DEFAULT_STYLE
        # (the common case, which keeps a flood of plain output cheap).
        self._styles: list[Style] | None = None
        self.col = 0
        self.style = DEFAULT_STYLE
        self._finished: list[Line] = []
        self._finished_chars = 0  # characters in _finished: what drawing them will cost
        self.current_changed = True
        # pyte (and the wcwidth tables it loads, ~40 ms) comes in with the board's first
        # bytes, not while the window is being built
        self._stream: Any = None

    # -- the widget's side ---------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        if self._stream is None:
            import pyte

            self._stream = pyte.ByteStream(self, strict=False)
        self._stream.feed(data)

    def forget_partial_input(self) -> None:
        """The link dropped: a half-received escape sequence or UTF-8 character, and the colour
        in force, end with it, so the next board's bytes start from a clean state."""
        self._stream = None
        self.style = DEFAULT_STYLE

    def take_finished(self, limit: int | None = None) -> list[Line]:
        """The lines finished since the last call (only the last ``limit`` of them)."""
        lines, self._finished = self._finished, []
        self._finished_chars = 0
        if limit is not None and len(lines) > limit:
            lines = lines[-limit:]
        return lines

    @property
    def pending_lines(self) -> int:
        return len(self._finished)

    @property
    def pending_chars(self) -> int:
        """Characters in the finished lines not taken yet (a line's end counts as one)."""
        return self._finished_chars + len(self._finished)

    def current_line(self) -> Line:
        text = "".join(self._chars)
        return Line(text, _runs(text, self._styles))

    # -- pyte listener events ------------------------------------------------------------

    def __getattr__(self, name: str) -> Any:
        # Every other event pyte may dispatch (cursor up, scroll regions, titles, ...) is
        # something MicroPython never sends to a console: ignore it.
        if name.startswith("_"):
            raise AttributeError(name)
        return _noop

    def draw(self, text: str) -> None:
        while self.col + len(text) > MAX_COLUMNS:
            # The line is full: as a terminal wraps at its width, the rest goes on a new line
            # (only what fits each time: a flood of text without newlines stays bounded).
            room = max(0, MAX_COLUMNS - self.col)
            if room:
                self.draw(text[:room])
                text = text[room:]
            self.linefeed()
        chars = self._chars
        col = self.col
        if col > len(chars):
            self._pad(col)
        end = col + len(text)
        chars[col:end] = text
        if self.style != DEFAULT_STYLE and self._styles is None:
            self._styles = [DEFAULT_STYLE] * len(chars)
        if self._styles is not None:
            self._styles[col:end] = [self.style] * len(text)
            del self._styles[len(chars) :]
            self._styles.extend([DEFAULT_STYLE] * (len(chars) - len(self._styles)))
        self.col = end
        self.current_changed = True

    def _pad(self, width: int) -> None:
        missing = width - len(self._chars)
        if missing > 0:
            self._chars.extend(" " * missing)
            if self._styles is not None:
                self._styles.extend([DEFAULT_STYLE] * missing)

    def linefeed(self) -> None:
        # MicroPython sends "\r\n"; a bare "\n" also starts a new line at column 0.
        text = "".join(self._chars)
        self._finished.append(Line(text, _runs(text, self._styles)))
        self._finished_chars += len(text)
        self._chars = []
        self._styles = None
        self.col = 0
        self.current_changed = True

    def carriage_return(self) -> None:
        self.col = 0
        self.current_changed = True

    def backspace(self) -> None:
        if self.col > 0:
            self.col -= 1
            self.current_changed = True

    def tab(self) -> None:
        target = min((self.col // 8 + 1) * 8, MAX_COLUMNS)
        self._pad(target)
        self.col = target
        self.current_changed = True

    def cursor_back(self, count: int | None = None, *_: Any, **__: Any) -> None:
        self.col = max(0, self.col - (count or 1))
        self.current_changed = True

    def cursor_forward(self, count: int | None = None, *_: Any, **__: Any) -> None:
        self.col = min(self.col + (count or 1), MAX_COLUMNS - 1)  # stops at the last column
        self.current_changed = True

    def cursor_to_column(self, column: int | None = None, *_: Any, **__: Any) -> None:
        self.col = min(max(0, (column or 1) - 1), MAX_COLUMNS - 1)
        self.current_changed = True

    def erase_in_line(self, how: int = 0, *_: Any, **__: Any) -> None:
        chars = self._chars
        if how == 0:  # cursor to end of line
            del chars[self.col :]
            if self._styles is not None:
                del self._styles[self.col :]
        elif how == 1:  # start of line to cursor
            stop = min(self.col + 1, len(chars))
            chars[:stop] = " " * stop
            if self._styles is not None:
                self._styles[:stop] = [DEFAULT_STYLE] * stop
        else:  # the whole line
            self._chars = []
            self._styles = None
        self.current_changed = True

    def erase_in_display(self, how: int = 0, *_: Any, **__: Any) -> None:
        if how in (0, 2, 3):
            self.erase_in_line(0 if how == 0 else 2)

    def select_graphic_rendition(self, *attrs: int, private: bool = False) -> None:
        if private:
            return
        self.style = _apply_sgr(self.style, list(attrs) or [0])

    def reset(self) -> None:
        self.style = DEFAULT_STYLE


# SGR codes that switch one attribute on or off
_SGR_FLAGS = {
    1: ("bold", True), 3: ("italic", True), 4: ("underline", True), 7: ("reverse", True),
    22: ("bold", False), 23: ("italic", False), 24: ("underline", False), 27: ("reverse", False),
}  # fmt: skip


def _apply_sgr(style: Style, attrs: list[int]) -> Style:
    fg, bg = style.fg, style.bg
    flags = {"bold": style.bold, "italic": style.italic, "underline": style.underline,
             "reverse": style.reverse}  # fmt: skip
    i = 0
    while i < len(attrs):
        a = attrs[i]
        if a == 0:
            return _apply_sgr(DEFAULT_STYLE, attrs[i + 1 :])
        elif a in _SGR_FLAGS:
            name, on = _SGR_FLAGS[a]
            flags[name] = on
        elif 30 <= a <= 37:
            fg = a - 30
        elif a == 39:
            fg = None
        elif 40 <= a <= 47:
            bg = a - 40
        elif a == 49:
            bg = None
        elif 90 <= a <= 97:
            fg = a - 90 + 8
        elif 100 <= a <= 107:
            bg = a - 100 + 8
        elif a in (38, 48):
            colour: int | str | None = None
            mode = attrs[i + 1] if i + 1 < len(attrs) else None
            if mode == 5:
                if i + 2 < len(attrs):
                    colour = attrs[i + 2] % 256
                i += 2
            elif mode == 2:
                r, g, b = (attrs[i + 2 : i + 5] + [0, 0, 0])[:3]
                colour = f"#{r % 256:02x}{g % 256:02x}{b % 256:02x}"
                i += 4
            if a == 38:
                fg = colour
            else:
                bg = colour
        i += 1
    return Style(fg, bg, **flags)


# -- tracebacks ----------------------------------------------------------------------------

FILE_LINE_RE = re.compile(r'File "([^"]+)", line (\d+)')


def file_links(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, filename, line) of each ``File "...", line N`` in a line of output."""
    if 'File "' not in text:
        return []
    return [(m.start(), m.end(), m.group(1), int(m.group(2))) for m in FILE_LINE_RE.finditer(text)]


TRACEBACK_HEADER = "Traceback (most recent call last):"


class TracebackWatcher:
    """Collects a traceback from finished lines; returns its text once the error line arrives."""

    def __init__(self) -> None:
        self._lines: list[str] | None = None

    def feed_line(self, text: str) -> str | None:
        # The header may end a line the program began: an input() prompt ("Name? ") stopped
        # by Ctrl-C, or print(..., end=""); a board adds no newline before it.
        if text.endswith(TRACEBACK_HEADER):
            self._lines = [TRACEBACK_HEADER]
            return None
        if self._lines is None:
            return None
        self._lines.append(text)
        if text[:1].isspace():
            if len(self._lines) > 200:  # not a traceback after all
                self._lines = None
            return None
        done, self._lines = "\n".join(self._lines), None
        return done
