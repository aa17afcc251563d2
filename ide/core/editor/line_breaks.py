"""Breaking text into lines of a given width, by Japanese and Chinese typesetting rules too.

Japanese and Chinese have no spaces to break at: a line may end anywhere, but never so that the
next begins with a closing mark ("。", "）") or the line ends with an opening one ("「"), and never
inside a word of Latin letters ("Python", "machine.py"). Used for the editor's error box (widths
in pixels) and for an example's translated comments (widths in columns).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# These never begin a line (closing marks, the full stop and comma, small kana, the long-vowel
# mark) and these never end one (opening brackets).
NO_LINE_START = frozenset(
    "。、，．,.：；:;！？!?）)」』】〕〉》］}”’・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ々"
)
NO_LINE_END = frozenset("（(「『【〔〈《［{“‘")


def _ascii_word(char: str) -> bool:
    """Part of a word of Latin letters or digits a wrapped line should not split ("print(")."""
    return char.isascii() and (char.isalnum() or char in "_.()")


def break_at(line: str, after: str) -> int:
    """Where to break ``line`` (``after`` comes next) when not at a space: not inside a word of
    Latin letters ("Python", "machine.py"), and not so that a line begins with a closing mark or
    ends with an opening one; moved back until all three hold. Where that leaves less than half
    the line, the marks' rules alone; where even they do, the line's end."""
    for whole_words in (True, False):
        at = _rule_break(line, after, whole_words)
        if at > len(line) // 2:
            return at
    return len(line)


def _rule_break(line: str, after: str, whole_words: bool) -> int:
    def first(at: int) -> str:  # what would begin the next line
        return line[at] if at < len(line) else after

    at = len(line)
    while True:
        was = at
        while whole_words and at > 0 and _ascii_word(line[at - 1]) and _ascii_word(first(at)):
            at -= 1
        while at > 0 and first(at) in NO_LINE_START:
            at -= 1
        while at > 0 and line[at - 1] in NO_LINE_END:
            at -= 1
        if at == was:
            return at


def wrap_paragraph(paragraph: str, fits: Callable[[str], bool]) -> list[str]:
    """``paragraph`` (one line of text) as lines each of which ``fits``. Breaks at a space in the
    line's second half, else before a word of Latin letters or digits in it, else anywhere but
    before a closing mark or after an opening one (see :func:`break_at`)."""
    lines: list[str] = []
    line = ""
    for char in paragraph:
        if line and not fits(line + char):
            space = line.rfind(" ")
            then = line[space + 1 : space + 2] or char  # (what would begin the next line)
            if char != " " and space > len(line) // 2 and then not in NO_LINE_START:
                lines.append(line[:space])
                line = line[space + 1 :]
            else:
                at = break_at(line, char)
                lines.append(line[:at])
                line = line[at:]
            if char == " " and not line:  # (a space at a break is not drawn)
                continue
        line += char
    lines.append(line)
    return lines


def columns(text: str) -> int:
    """How many columns ``text`` takes in a monospaced editor: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
