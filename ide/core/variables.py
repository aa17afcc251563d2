"""The Variables view's model: the board's globals as rows, from one raw-REPL round trip.

Qt-free. :func:`fetch` runs ide.board.variables' snippet through ``session.exec`` (the
caller runs it as one job of the SessionController's queue) and turns the board's answer
into :class:`Variable` rows; the board has already shortened every value.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Protocol

from ide.board.variables import CHILDREN, WIDTH, globals_code

Path = tuple[str | int, ...]


class Executes(Protocol):
    """What fetch() needs of a board session."""

    def exec(self, code: str, timeout: float | None = None) -> str: ...


@dataclass(frozen=True)
class Variable:
    """One global, or one child of an expanded value."""

    label: str  # the global's name, "[2]" for an item, repr() of a dict key, an attribute
    type_name: str  # "int", "list", "module", a class's name ...
    value: str  # short form, cut on the board ("..." where it was)
    length: int  # len() of the value, -1 where it has none
    expandable: bool  # it has items or attributes to show (asked for on demand)
    path: Path  # how the board finds it again: (name,) or (name, position, ...)

    @property
    def hidden_by_default(self) -> bool:
        """Names starting with "_" and modules are hidden unless the user asks for them."""
        return self.type_name == "module" or (len(self.path) == 1 and self.label.startswith("_"))

    @property
    def more(self) -> int:
        """Children not listed when this value was expanded (the board sends CHILDREN)."""
        return max(0, self.length - CHILDREN) if self.type_name in _SIZED else 0


_SIZED = {"list", "tuple", "dict", "set", "frozenset"}


def parse(output: str, parent: Path = ()) -> list[Variable]:
    """The rows in the snippet's output; ValueError when it is not what the snippet prints."""
    try:
        rows = ast.literal_eval(output.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        raise ValueError(f"not a list of variables: {output[:80]!r}") from exc
    if not isinstance(rows, list):
        raise ValueError(f"not a list of variables: {output[:80]!r}")
    found: list[Variable] = []
    for position, row in enumerate(rows):
        if not (isinstance(row, tuple) and len(row) == 5):
            raise ValueError(f"not a variable: {row!r:.80}")
        label, type_name, value, length, expandable = row
        if not (
            isinstance(label, str) and isinstance(type_name, str) and isinstance(value, str)
            and isinstance(length, int) and isinstance(expandable, bool)
        ):  # fmt: skip
            raise ValueError(f"not a variable: {row!r:.80}")
        path: Path = (*parent, position) if parent else (label,)
        found.append(Variable(label, type_name, value, length, expandable, path))
    return found


def fetch(
    session: Executes, path: Path = (), width: int = WIDTH, timeout: float = 10.0
) -> list[Variable]:
    """The board's globals (``path == ()``) or the children of the value at ``path``: one
    round trip, whatever their size."""
    return parse(session.exec(globals_code(path, width), timeout), path)


def visible(variables: list[Variable], show_hidden: bool) -> list[Variable]:
    """The rows to show: all of them, or those not hidden by default."""
    return variables if show_hidden else [v for v in variables if not v.hidden_by_default]
