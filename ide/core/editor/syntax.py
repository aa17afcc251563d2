"""A local Python syntax check, run before sending a program to the board.

Uses CPython's own ``compile()``: MicroPython's grammar is a subset of Python 3's, so what
CPython rejects the board would reject too, and nothing has to travel over the wire to find
out. Pure Python, no Qt.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass


@dataclass(frozen=True)
class SyntaxProblem:
    """Where the source stops being Python: 1-based line, 0-based column (characters)."""

    line: int
    column: int | None
    message: str
    kind: str  # "SyntaxError", "IndentationError", "TabError"


def check_source(source: str, filename: str = "<editor>") -> SyntaxProblem | None:
    """None when ``source`` compiles, else the first problem CPython reports."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        line = exc.lineno or 1
        column = exc.offset - 1 if exc.offset and exc.offset > 0 else None
        return SyntaxProblem(line, column, exc.msg or "invalid syntax", type(exc).__name__)
    except ValueError as exc:  # e.g. "source code string cannot contain null bytes"
        index = source.find("\0")
        line = source.count("\n", 0, index) + 1 if index >= 0 else 1
        column = index - (source.rfind("\n", 0, index) + 1) if index >= 0 else None
        return SyntaxProblem(line, column, str(exc), "SyntaxError")
    return None
