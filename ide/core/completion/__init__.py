"""The editor's knowledge of MicroPython, Qt-free: completion, signature help, documentation,
go to definition and checks as you type, for one board's port and version.

    complete(source, line, column, board)  -> list[Completion]
    signature(source, line, column, board) -> Signature | None
    docs(source, line, column, board)      -> Doc | None
    definition(source, line, column, board) -> Location | None
    check(source, board)                   -> list[Problem]

``line`` is 0-based, ``column`` a character index. ``board`` is a board name ("rp2-pico",
"rp2-pico-w", "esp32", "esp8266"; see boards.BOARDS) or a Context that adds the folder of the
user's own modules and the names in the board's /lib. board_key_from_info() maps a connected
board's ide.board.BoardInfo to a name. Calls can take tens of milliseconds (the first for a
board, longer): the UI runs them off the GUI thread.

jedi and pyflakes are imported on first use of a function that needs them (module
``__getattr__``), so importing this package -- or ide.core.completion.boards -- stays cheap
for the window's start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ide.core.completion.boards import (
    BOARDS,
    DEFAULT_BOARD,
    Board,
    Context,
    board_key,
    board_key_from_info,
)

if TYPE_CHECKING:
    from ide.core.completion.checks import Problem, check
    from ide.core.completion.engine import (
        Completion,
        Doc,
        Location,
        Signature,
        complete,
        definition,
        docs,
        signature,
        warm_up,
    )

_LAZY = {
    "Problem": "checks",
    "check": "checks",
    "Completion": "engine",
    "Doc": "engine",
    "Location": "engine",
    "Signature": "engine",
    "complete": "engine",
    "definition": "engine",
    "docs": "engine",
    "signature": "engine",
    "warm_up": "engine",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"ide.core.completion.{module}"), name)


__all__ = [
    "BOARDS",
    "DEFAULT_BOARD",
    "Board",
    "Completion",
    "Context",
    "Doc",
    "Location",
    "Problem",
    "Signature",
    "board_key",
    "board_key_from_info",
    "check",
    "complete",
    "definition",
    "docs",
    "signature",
    "warm_up",
]
