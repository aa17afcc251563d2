"""Checks as you type: pyflakes' findings (undefined names, unused imports ...) and names that do
not exist on the chosen board (``import network`` on a plain Pico, ``machine.TouchPad`` on an
RP2040). Qt-free; every finding is an ide.text.Message, translated by the UI.

A source that does not parse gives no findings: the pre-run syntax check (ide.core.editor.
syntax) reports those, and half-typed lines are not worth a squiggle.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import lru_cache

from pyflakes import checker
from pyflakes import messages as pf

from ide.core.completion import stubs
from ide.core.completion.boards import BOARDS, Board, Context, board
from ide.core.completion.engine import as_context, local_modules
from ide.text import QT_TRANSLATE_NOOP, Message, message

_C = "Check"

# pyflakes' message classes we word ourselves (so they are translated); the others keep
# pyflakes' English text.
_WORDED: dict[type[pf.Message], str] = {
    pf.UndefinedName: QT_TRANSLATE_NOOP("Check", "The name “{name}” is not defined"),
    pf.UnusedImport: QT_TRANSLATE_NOOP("Check", "“{name}” is imported but not used"),
    pf.UnusedVariable: QT_TRANSLATE_NOOP(
        "Check", "The variable “{name}” is assigned but never used"
    ),
    pf.RedefinedWhileUnused: QT_TRANSLATE_NOOP(
        "Check", "“{name}” is defined again before the first one is used"
    ),
    pf.UndefinedLocal: QT_TRANSLATE_NOOP(
        "Check", "The local variable “{name}” is used before it is assigned"
    ),
    pf.ImportStarUsed: QT_TRANSLATE_NOOP(
        "Check", "“from {name} import *” hides which names come from where"
    ),
}
_NOT_ON_BOARD = QT_TRANSLATE_NOOP(
    "Check", "{module} is not available on the {board}; the {other} has it"
)
_NOT_MICROPYTHON = QT_TRANSLATE_NOOP(
    "Check", "{module} is part of Python on a computer, not of MicroPython"
)
_ATTR_NOT_ON_BOARD = QT_TRANSLATE_NOOP(
    "Check", "{module}.{name} does not exist on the {where}; the {other} has it"
)
_PLAIN = QT_TRANSLATE_NOOP("Check", "{text}")  # pyflakes' own English, for the rarer findings


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based
    column: int  # characters
    end_column: int  # characters; the squiggle's end on that line
    message: Message
    severity: str  # "warning" (pyflakes, board) -- errors are the syntax check's
    origin: str  # "board" (not on this board) or "pyflakes"


def check(source: str, board_name: str | Context) -> list[Problem]:
    """Findings for ``source`` on the board, sorted by position."""
    ctx = as_context(board_name)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    lines = source.split("\n")
    found = _pyflakes(tree, lines) + _board_checks(tree, lines, ctx)
    return sorted(found, key=lambda p: (p.line, p.column))


def _char_col(lines: list[str], line: int, byte_col: int) -> int:
    """ast's col_offset counts UTF-8 bytes; the editor counts characters."""
    text = lines[line] if 0 <= line < len(lines) else ""
    return len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _word_end(lines: list[str], line: int, col: int) -> int:
    text = lines[line] if 0 <= line < len(lines) else ""
    end = col
    while end < len(text) and (text[end].isalnum() or text[end] in "_."):
        end += 1
    return end if end > col else min(col + 1, len(text))


def _pyflakes(tree: ast.Module, lines: list[str]) -> list[Problem]:
    found = []
    for m in checker.Checker(tree, withDoctest=False).messages:
        line = m.lineno - 1
        col = _char_col(lines, line, m.col)
        wording = _WORDED.get(type(m))
        if wording is not None:
            msg = message(_C, wording, name=str(m.message_args[0]))
        else:
            msg = message(_C, _PLAIN, text=m.message % m.message_args)
        end = _word_end(lines, line, col)
        if isinstance(m, pf.UnusedImport):
            # pyflakes points at the statement; underline the name itself where it is found
            name = str(m.message_args[0]).split(" as ")[-1].split(".")[-1]
            at = lines[line].find(name, col) if line < len(lines) else -1
            if at >= 0:
                col, end = at, at + len(name)
        found.append(Problem(line, col, end, msg, "warning", "pyflakes"))
    return found


@lru_cache(maxsize=256)
def module_names(board_key: str, module: str) -> frozenset[str]:
    """Top-level names the board's stub of ``module`` defines (``from x import *`` followed)."""
    return frozenset(_names(board_key, module, ()))


def _names(board_key: str, module: str, seen: tuple[str, ...]) -> set[str]:
    init = stubs.stub_folder(board_key) / f"{module}-stubs" / "__init__.pyi"
    if module in seen or not init.exists():
        return set()
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"))
    except (SyntaxError, ValueError, OSError):
        return set()
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if alias.name == "*":
                    names |= _names(board_key, node.module, (*seen, module))
                else:
                    names.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _others(here: Board) -> list[Board]:
    """Other boards, the same chip family first ("the Pico W has it" before "the ESP32")."""
    rest = [b for b in BOARDS.values() if b.key != here.key]
    return sorted(rest, key=lambda b: b.cpu != here.cpu)


def _board_checks(tree: ast.Module, lines: list[str], ctx: Context) -> list[Problem]:
    here = board(ctx.board)
    available = stubs.board_modules(here.key)
    own = local_modules(ctx.folder) | set(ctx.lib_modules)
    found: list[Problem] = []
    aliases: dict[str, str] = {}  # local name -> board module ("m" for "import machine as m")

    def at(node: ast.expr | ast.stmt | ast.alias, name: str) -> tuple[int, int, int]:
        line = node.lineno - 1
        col = _char_col(lines, line, node.col_offset)
        text = lines[line] if line < len(lines) else ""
        found_at = text.find(name, col)
        if found_at >= 0:
            return line, found_at, found_at + len(name)
        return line, col, _word_end(lines, line, col)

    def missing_module(node: ast.stmt | ast.alias, module: str) -> None:
        top = module.split(".")[0]
        if top in available or top in own:
            return
        other = next((b for b in _others(here) if top in stubs.board_modules(b.key)), None)
        if other is not None:
            msg = message(_C, _NOT_ON_BOARD, module=top, board=here.title, other=other.title)
        elif top in sys.stdlib_module_names:
            msg = message(_C, _NOT_MICROPYTHON, module=top)
        else:
            return  # maybe a library copied to the board later: no guessing
        found.append(Problem(*at(node, top), msg, "warning", "board"))

    def missing_name(node: ast.expr | ast.stmt | ast.alias, module: str, name: str) -> None:
        if module in own or module not in available or name.startswith("_"):
            return
        if name in module_names(here.key, module):
            return
        for other in _others(here):
            if name in module_names(other.key, module):
                # a different chip is the reason ("not on the RP2040"); on the same chip it is
                # the board ("not on the Raspberry Pi Pico")
                where = here.cpu if other.cpu != here.cpu else here.title
                msg = message(
                    _C, _ATTR_NOT_ON_BOARD, module=module, name=name, where=where,
                    other=other.title,
                )
                found.append(Problem(*at(node, name), msg, "warning", "board"))
                return

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                missing_module(alias, alias.name)
                if alias.name in available and "." not in alias.name:
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            missing_module(node, node.module)
            for alias in node.names:
                if alias.name != "*":
                    missing_name(alias, node.module, alias.name)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            missing_name(node, aliases[node.value.id], node.attr)
    return found
