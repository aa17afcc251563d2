"""Completion, signatures, documentation and go to definition over jedi and the board's stubs.
Qt-free; every function may take a while (the first call for a board loads its stubs), so the
UI calls them off the GUI thread.

Positions: ``line`` is 0-based, ``column`` is a character index in that line (a Python string
index, as in ide.ui.editor.CodeEditor).
"""

from __future__ import annotations

import functools
import re
import sysconfig
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

import jedi
from jedi.api.classes import BaseName

from ide.core.completion import stubs
from ide.core.completion.boards import Context, board

# jedi's own typeshed describes CPython: a name found only there (os.fork, sys.platlibdir) does
# not exist on a board, so completion leaves it out -- except the builtins (str.upper, len).
_JEDI_TYPESHED = Path(jedi.__file__).resolve().parent / "third_party" / "typeshed"
# jedi also reads CPython's own library for a module the stubs describe (random.py beside
# random's stub: random.betavariate, random._accumulate): none of it is on a board either.
_CPYTHON_LIBRARY = tuple(
    {
        folder
        for key, p in sysconfig.get_paths().items()
        if key in ("stdlib", "platstdlib", "purelib", "platlib")
        for folder in (Path(p), Path(p).resolve())  # (as jedi may name it: either)
    }
)
_SHORT_DOC = 300  # characters of a docstring kept in a Completion (the popup's detail line)
_DETAILED = 10  # completions that get a signature and a short doc (the rest only a name)

_F = TypeVar("_F", bound=Callable[..., object])

_IMPORT_LINE = re.compile(r"^\s*(?:import\s+(?:[\w.]+\s*(?:as\s+\w+\s*)?,\s*)*|from\s+)([\w]*)$")


@dataclass(frozen=True)
class Completion:
    name: str  # "Pin"
    kind: str  # jedi's type: module, class, function, instance, keyword, param, property ...
    signature: str  # "Pin(id, /, mode=-1, ...)" for callables, "" otherwise
    doc: str  # the first paragraph of the docstring, at most _SHORT_DOC characters
    prefix_length: int  # characters before the cursor that the name replaces


@dataclass(frozen=True)
class Signature:
    label: str  # "Pin(id: Any, /, mode: int=-1, ...)"
    params: tuple[tuple[int, int], ...]  # each parameter's [start, end) in label
    index: int | None  # the parameter the cursor is in (None: past the last)
    doc: str


@dataclass(frozen=True)
class Doc:
    name: str
    signature: str
    text: str  # the whole docstring (English, from the stubs or the user's code)


@dataclass(frozen=True)
class Location:
    path: str
    line: int  # 0-based
    column: int
    read_only: bool  # a stub (ours or jedi's): shown, never edited


def as_context(board: str | Context) -> Context:
    """A board name is a Context with no folder of the user's."""
    return board if isinstance(board, Context) else Context(board)


_projects: dict[tuple[str, str | None], jedi.Project] = {}
_projects_lock = threading.Lock()
# jedi is not thread-safe (its parser and inference caches are process-wide): the editor
# calls it from one thread, but a script or a test may call from another at the same time
_jedi_lock = threading.RLock()


def _serialised(fn: _F) -> _F:
    @functools.wraps(fn)
    def call(*args: object, **kwargs: object) -> object:
        with _jedi_lock:
            return fn(*args, **kwargs)

    return cast(_F, call)


def _project(ctx: Context) -> jedi.Project:
    key = (board(ctx.board).key, ctx.folder)
    with _projects_lock:
        project = _projects.get(key)
        if project is None:
            folder = stubs.stub_folder(key[0])
            # sys_path is replaced, not extended: the PC's site-packages are not on a board
            sys_path = ([ctx.folder] if ctx.folder else []) + [str(folder)]
            project = jedi.Project(
                ctx.folder or str(folder), sys_path=sys_path, smart_sys_path=False
            )
            _projects[key] = project
    return project


def _script(source: str, ctx: Context, path: str | None = None) -> jedi.Script:
    # jedi's default environment asks a subprocess about compiled modules. Its in-process
    # InterpreterEnvironment would be faster but swaps sys.path while it looks a module up,
    # so an import on another thread at that moment (the GUI's) fails: never use it here.
    return jedi.Script(source, path=path, project=_project(ctx))


def _jedi_pos(source: str, line: int, column: int) -> tuple[int, int]:
    """jedi wants a 1-based line and a column inside it; clamp what the caller gave."""
    lines = source.split("\n")
    line = min(max(line, 0), len(lines) - 1)
    return line + 1, min(max(column, 0), len(lines[line]))


def _foreign(name: BaseName) -> bool:
    """True for a name that exists only in CPython (see _JEDI_TYPESHED, _CPYTHON_LIBRARY)."""
    path = name.module_path
    if name.module_name == "builtins" or name.type == "keyword":
        return False
    if path is None:
        # no file: either this very text (an untitled tab) or a compiled CPython module
        return bool(name.in_builtin_module())
    found = Path(path)
    return found.is_relative_to(_JEDI_TYPESHED) or any(
        found.is_relative_to(folder) for folder in _CPYTHON_LIBRARY
    )


def short_doc(text: str) -> str:
    """The first paragraph of a docstring, on one line."""
    paragraph = text.strip().split("\n\n", 1)[0]
    one_line = " ".join(paragraph.split())
    return one_line if len(one_line) <= _SHORT_DOC else one_line[: _SHORT_DOC - 1] + "…"


def _signature_text(name: BaseName) -> str:
    try:
        sigs = name.get_signatures()
    except Exception:  # jedi can fail inside odd stubs; a missing signature is not an error
        return ""
    return sigs[0].to_string() if sigs else ""


def _doc_text(name: BaseName) -> str:
    try:
        return str(name.docstring(raw=True))
    except Exception:  # as in _signature_text
        return ""


def _import_names(source: str, line: int, column: int, ctx: Context) -> list[Completion] | None:
    """Module names after ``import`` / ``from``: the board's modules (not the PC's), the
    user's files and the board's /lib. None when the cursor is not in such a place."""
    text = source.split("\n")[line][:column]
    m = _IMPORT_LINE.match(text)
    if m is None:
        return None
    typed = m.group(1)
    names = set(stubs.board_modules(ctx.board)) | set(ctx.lib_modules) | local_modules(ctx.folder)
    # "utime" and friends are old aliases: offer the name the documentation uses
    names = {n for n in names if not (n.startswith("u") and n[1:] in names)}
    names = {n for n in names if not n.startswith("_") or typed.startswith("_")}
    return [
        Completion(n, "module", "", "", len(typed))
        for n in sorted(names, key=str.lower)
        if n.lower().startswith(typed.lower())
    ]


def local_modules(folder: str | None) -> set[str]:
    """Importable names in ``folder``: ``name.py`` files and packages."""
    if not folder:
        return set()
    found: set[str] = set()
    try:
        for entry in Path(folder).iterdir():
            if entry.suffix == ".py" and entry.stem.isidentifier():
                found.add(entry.stem)
            elif entry.is_dir() and (entry / "__init__.py").exists() and entry.name.isidentifier():
                found.add(entry.name)
    except OSError:
        pass  # a folder that vanished or cannot be read has no modules
    return found


@_serialised
def complete(
    source: str,
    line: int,
    column: int,
    board: str | Context,
    path: str | None = None,
    detailed: int = _DETAILED,
) -> list[Completion]:
    """Names that fit at (line, column): attributes after a dot, names being typed, modules
    after ``import``. The first ``detailed`` carry their signature and short documentation
    (each costs a few milliseconds; the editor's popup shows names only and asks for none)."""
    ctx = as_context(board)
    jline, jcol = _jedi_pos(source, line, column)
    modules = _import_names(source, jline - 1, jcol, ctx)
    if modules is not None:
        return modules
    names = [
        c
        for c in _script(source, ctx, path).complete(jline, jcol)
        if not _foreign(c) and not c.name.startswith("__")
    ]
    result = []
    for i, c in enumerate(names):
        with_details = i < detailed
        result.append(
            Completion(
                c.name,
                c.type,
                _signature_text(c) if with_details and c.type in ("class", "function") else "",
                short_doc(_doc_text(c)) if with_details else "",
                c.get_completion_prefix_length(),
            )
        )
    return result


@_serialised
def signature(
    source: str, line: int, column: int, board: str | Context, path: str | None = None
) -> Signature | None:
    """The call the cursor is inside: its parameters and which one is being typed."""
    ctx = as_context(board)
    jline, jcol = _jedi_pos(source, line, column)
    sigs = _script(source, ctx, path).get_signatures(jline, jcol)
    if not sigs:
        return None
    sig = sigs[0]
    label = sig.to_string()
    spans: list[tuple[int, int]] = []
    start = label.find("(") + 1
    for p in sig.params:
        text = p.to_string()
        at = label.find(text, start)
        if at < 0:
            continue
        spans.append((at, at + len(text)))
        start = at + len(text)
    return Signature(label, tuple(spans), sig.index, short_doc(_doc_text(sig)))


@_serialised
def docs(
    source: str, line: int, column: int, board: str | Context, path: str | None = None
) -> Doc | None:
    """The documentation of the name at (line, column), None where there is none."""
    ctx = as_context(board)
    jline, jcol = _jedi_pos(source, line, column)
    for name in _script(source, ctx, path).help(jline, jcol):
        if name.type == "keyword":
            continue  # jedi's keyword help is CPython's pydoc text, not the board's
        text = _doc_text(name)
        sig = _signature_text(name)
        if text or sig:
            return Doc(name.name, sig, text)
    return None


@_serialised
def definition(
    source: str, line: int, column: int, board: str | Context, path: str | None = None
) -> Location | None:
    """Where the name at (line, column) is defined: the user's file or a stub (read-only)."""
    ctx = as_context(board)
    jline, jcol = _jedi_pos(source, line, column)
    script = _script(source, ctx, path)
    for name in script.goto(jline, jcol, follow_imports=True, follow_builtin_imports=True):
        if name.line is None or name.in_builtin_module():
            continue
        # no module path: the name is in this very text (an untitled tab's path is "")
        where = str(name.module_path) if name.module_path is not None else (path or "")
        read_only = stubs.is_stub_path(where) or _under(where, _JEDI_TYPESHED)
        return Location(where, name.line - 1, name.column or 0, read_only)
    return None


def _under(path: str, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(folder)
    except ValueError:
        return False
    return True


@_serialised
def warm_up(ctx: Context) -> None:
    """Load the board's stubs and jedi's builtins once, so the first real request is quick."""
    script = _script("import machine, time\nmachine.Pin\ntime.sleep\n''.\n", ctx)
    script.complete(4, 3)
    script.complete(2, 11)
