"""Host side of a folder listing: parse what helpers.LISTDIR printed into Entry objects.

Each entry is one record, ``<D|F><size><repr(name)>`` followed by NUL. The name travels escaped
by repr(), so newlines, carriage returns and tabs in it cannot be split or garbled by the
board's stdout (which turns "\\n" into "\\r\\n"), and a raw NUL cannot occur inside a record.
Names that are not valid UTF-8 on the board arrive with replacement characters (the output is
decoded with errors="replace"); a record that is not a clean literal is kept as its raw text
rather than failing the whole listing.
"""

from __future__ import annotations

import ast
import re

from ide.board.types import Entry

_RECORD = re.compile(r"([DF])(-?\d+)(.+)", re.DOTALL)


def _join(folder: str, name: str) -> str:
    if folder in ("", "."):
        return name
    return folder.rstrip("/") + "/" + name if folder != "/" else "/" + name


def _name(text: str) -> str:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        value = None
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    # not a literal (a board printing odd bytes raw): show what came, without its quotes
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def parse_listing(out: str, folder: str) -> list[Entry]:
    """Entries of ``folder`` from the LISTDIR helper's output ``out``, in the board's order.

    Anything that is not a record (stray output between records) is ignored."""
    entries = []
    for record in out.split("\0"):
        m = _RECORD.fullmatch(record.strip("\r\n"))
        if m is None:
            continue
        name = _name(m.group(3))
        if name:
            entries.append(Entry(name, _join(folder, name), m.group(1) == "D", int(m.group(2))))
    return entries
