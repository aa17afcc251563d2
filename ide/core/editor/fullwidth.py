"""Full-width look-alikes and CPython's syntax messages, said in the beginner's language.

The mistake Japanese and Chinese beginners make most: the input method is still in full-width
mode, so ``print（"hello"）`` has a full-width （ that CPython calls "invalid character '（'
(U+FF08)". :func:`explain` turns the common CPython messages into a translatable sentence
(ide.text.Message, context "Syntax"), and :func:`fix_lookalikes` puts the half-width ASCII
character in place of each look-alike, in code only: a string literal or a comment keeps its
Japanese punctuation ("こんにちは。" stays). Pure Python, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

from ide.core.editor.syntax import SyntaxProblem
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Syntax"

# The input method's punctuation and its ASCII twin. Full-width digits, letters and signs
# (U+FF01..U+FF5E) are added below by arithmetic: each is its ASCII character + 0xFEE0.
_PUNCTUATION = {
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "。": ".",
    "、": ",",
    "\u3000": " ",  # the ideographic (full-width) space
}
LOOKALIKES: dict[str, str] = {
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
    **_PUNCTUATION,
}

_PREFIX = re.compile(r"[rRbBuUfF]{0,2}$")  # string prefixes before a quote: r"", rb'', f""


def _code_spans(source: str) -> list[tuple[int, int]]:
    """(start, end) index ranges of ``source`` that are code: not inside a string literal
    (ASCII quotes, single or triple) and not in a comment. A scan, not the tokenize module:
    tokenize stops at the very invalid character this module is about."""
    spans: list[tuple[int, int]] = []
    i, start, n = 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "#":
            spans.append((start, i))
            end = source.find("\n", i)
            i = start = n if end < 0 else end
            continue
        if ch in "\"'":
            spans.append((start, i))
            quote = source[i : i + 3] if source[i : i + 3] == ch * 3 else ch
            i += len(quote)
            while i < n:
                if source[i] == "\\":  # an escaped quote (also in raw strings) does not end it
                    i += 2
                elif source.startswith(quote, i):
                    i += len(quote)
                    break
                elif source[i] == "\n" and len(quote) == 1:
                    break  # unterminated: the string ends with its line, code goes on
                else:
                    i += 1
            start = i
            continue
        i += 1
    spans.append((start, n))
    return [(a, b) for a, b in spans if b > a]


def _line_range(source: str, line: int) -> tuple[int, int]:
    """Index range of the 1-based ``line`` (without its newline)."""
    start = 0
    for _ in range(line - 1):
        found = source.find("\n", start)
        if found < 0:
            return len(source), len(source)
        start = found + 1
    end = source.find("\n", start)
    return start, len(source) if end < 0 else end


def lookalikes_in(source: str, line: int | None = None) -> list[int]:
    """Indexes of the full-width look-alikes in code (all lines, or the 1-based ``line``)."""
    low, high = _line_range(source, line) if line is not None else (0, len(source))
    return [
        i
        for a, b in _code_spans(source)
        for i in range(max(a, low), min(b, high))
        if source[i] in LOOKALIKES
    ]


def fix_lookalikes(source: str, line: int | None = None) -> tuple[str, int]:
    """``source`` with each look-alike in code replaced by its ASCII character (on the 1-based
    ``line`` only, or everywhere), and how many were replaced."""
    where = lookalikes_in(source, line)
    chars = list(source)
    for i in where:
        chars[i] = LOOKALIKES[source[i]]
    return "".join(chars), len(where)


# CPython's wording (3.10+) -> our sentence. Each pattern names its captured arguments.
_INVALID_CHARACTER = re.compile(
    r"invalid (?:non-printable )?character (?:'(.)' )?\(?U\+([0-9A-F]+)"
)
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^unexpected indent"),
        QT_TRANSLATE_NOOP(
            "Syntax",
            "This line is indented (it starts with spaces) but nothing above asks for it. "
            "Remove the spaces at its start.",
        ),
    ),
    (
        re.compile(r"^expected an indented block"),
        QT_TRANSLATE_NOOP(
            "Syntax",
            "The line after a line ending in a colon : must be indented: start it with four "
            "spaces.",
        ),
    ),
    (
        re.compile(r"^unindent does not match"),
        QT_TRANSLATE_NOOP(
            "Syntax",
            "The indentation (the spaces at the start of the line) does not match the lines "
            "around it. Lines of one block start with the same number of spaces.",
        ),
    ),
    (
        re.compile(r"^expected ':'"),
        QT_TRANSLATE_NOOP(
            "Syntax", "A colon : is missing at the end of this line (after if, for, def …)."
        ),
    ),
    (
        re.compile(r"^unterminated (?:triple-quoted )?string literal"),
        QT_TRANSLATE_NOOP(
            "Syntax",
            "A string is not closed: a quotation mark \" or ' is missing at its end.",
        ),
    ),
    (
        re.compile(r"^'(?P<bracket>[(\[{])' was never closed"),
        QT_TRANSLATE_NOOP(
            "Syntax", "The bracket {bracket} opened here is never closed: add its partner."
        ),
    ),
    (
        re.compile(r"^closing parenthesis '(?P<bracket>[)\]}])' does not match"),
        QT_TRANSLATE_NOOP(
            "Syntax", "The bracket {bracket} here does not match the kind of bracket it closes."
        ),
    ),
    (
        re.compile(r"^unmatched '(?P<bracket>[)\]}])'"),
        QT_TRANSLATE_NOOP("Syntax", "The bracket {bracket} here has no partner that opens it."),
    ),
    (
        re.compile(r"^invalid syntax"),
        QT_TRANSLATE_NOOP(
            "Syntax",
            "Python cannot read this line. Look for a missing or extra character around the "
            "mark: a bracket, a quotation mark, a comma or a colon.",
        ),
    ),
)


def _lookalike_message(char: str) -> Message:
    if char == "\u3000":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Syntax",
                "A full-width space was typed with the Japanese or Chinese input on. Python "
                "needs the half-width space. Switch the input to half-width and type it again, "
                "or press “Fix this line”.",
            ),
        )
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Syntax",
            "A full-width {char} was typed with the Japanese or Chinese input on. Python "
            "needs the half-width {ascii}. Switch the input to half-width and type it again, "
            "or press “Fix this line”.",
        ),
        char=char,
        ascii=LOOKALIKES[char],
    )


def lookalike_problem(source: str) -> SyntaxProblem | None:
    """The first full-width look-alike left in code after ``source`` compiled, said as CPython
    would. CPython reads ``ｐｒｉｎｔ`` as ``print`` (identifiers are NFKC-normalised) but
    MicroPython does not: on the board it is an unknown name, so the check stops it here."""
    where = lookalikes_in(source)
    if not where:
        return None
    index = where[0]
    line = source.count("\n", 0, index) + 1
    column = index - (source.rfind("\n", 0, index) + 1)
    char = source[index]
    text = f"invalid character '{char}' (U+{ord(char):04X})"
    return SyntaxProblem(line, column, text, "SyntaxError")


def offending_lookalike(problem: SyntaxProblem) -> str | None:
    """The full-width character CPython complains about, when it is a look-alike."""
    found = _INVALID_CHARACTER.search(problem.message)
    if found is None:
        return None
    char = found.group(1) or chr(int(found.group(2), 16))
    char = unicodedata.normalize("NFC", char)
    return char if char in LOOKALIKES else None


def explain(problem: SyntaxProblem) -> Message | None:
    """A beginner's sentence for ``problem``, or None when CPython's message is not one of the
    common ones (the caller then shows CPython's own words)."""
    char = offending_lookalike(problem)
    if char is not None:
        return _lookalike_message(char)
    for pattern, source in _MESSAGES:
        found = pattern.search(problem.message)
        if found:
            return message(CTX, source, **found.groupdict())
    return None
