"""Compile on upload, in the Files pane's upload plan (no Qt; runs on the controller's worker).

:func:`compile_items` turns each planned ``lib/x.py`` (see ``compile.should_compile``) into an
item that sends ``lib/x.mpy`` with the compiled bytes; a file that does not compile is taken
out of the plan (nothing of it is uploaded) and listed with the compiler's message.

The board imports ``x.py`` before ``x.mpy`` (py/builtinimport.c: stat_file_py_or_mpy), so a
``x.py`` left on the board would shadow the new ``x.mpy``. :func:`check_shadowing` removes it only
when it is the file this upload replaces: the same board path as the local ``x.py`` being
uploaded, the upload Hotaru would otherwise have written over. Its fate follows the usual rules
of an upload: the same content as the local source -> removed without asking (nothing is lost:
the source is on this computer); different -> the usual "already exists and is different.
Replace it?" question, about ``x.py``; Skip leaves both files on the board as they were. The
``.py`` is removed only after its ``.mpy`` is written and verified, so a cut cable leaves the
old state (the .py still imported). Nothing else on the board is touched: not a ``.py`` of a
name this upload does not carry, not a ``.py`` outside the uploaded folders, and never when
the setting is off.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ide.text import Message

from .compile import (
    CompileError,
    Compiler,
    compiled_path,
    for_board,
    installed_compilers,
    should_compile,
)
from .plan import CLASH, NEW, UNCHANGED, FileItem, Plan, sha256_file


def item_bytes(item: FileItem) -> bytes:
    """What goes to the board for ``item``: the compiled bytes, else the local file's."""
    return item.data if item.data is not None else Path(item.source).read_bytes()


def local_hash(item: FileItem) -> str:
    """Hex SHA-256 of what ``item`` sends (compared with the board's file)."""
    if item.data is not None:
        return hashlib.sha256(item.data).hexdigest()
    return sha256_file(Path(item.source))


def compile_items(
    s: Any,  # noqa: ANN401 - the ide.board session
    plan: Plan,
    compilers: Callable[[], list[Compiler]] = installed_compilers,
) -> None:
    """Compile the plan's lib .py files for the board ``s`` (asked once what it loads)."""
    targets = {str(i.target) for i in plan.items}
    todo = [
        i
        for i in plan.items
        if should_compile(str(i.target))
        # a folder that carries its own x.mpy beside x.py goes as it is: both are the user's
        and compiled_path(str(i.target)) not in targets
    ]
    if not todo:
        return
    compiling = for_board(s, compilers)
    if not compiling.ready:
        plan.compile_note = compiling.reason
        return
    failed: set[int] = set()
    for item in todo:
        try:
            source = Path(item.source).read_bytes()
        except OSError:
            continue  # uploaded as it is: the copy step reports the file it can't read
        try:
            data = compiling.compile(source, str(item.target), shown=str(item.source))
        except CompileError as exc:
            plan.not_compiled.append((str(item.source), exc.message))
            failed.add(id(item))
            continue
        item.replaces = str(item.target)
        item.target = compiled_path(str(item.target))
        item.data = data
        item.size = len(data)
        plan.compiled += 1
    plan.items = [i for i in plan.items if id(i) not in failed]


def check_shadowing(
    items: list[FileItem],
    board_entry: Callable[[str], Any],
    board_hashes: Callable[[list[str]], dict[str, str | None]],
) -> None:
    """After classify: decide about each compiled item's ``x.py`` on the board.

    ``board_entry(path)`` is the board's listing entry for a path (None when absent);
    ``board_hashes(paths)`` the board's SHA-256 of files. Sets ``replaces`` to None where no
    ``x.py`` is there; makes the item a clash about ``x.py`` where it differs from the local
    source; keeps an unchanged ``.mpy`` in the upload while a ``.py`` still shadows it."""
    same_size: list[FileItem] = []
    for item in items:
        if item.replaces is None:
            continue
        entry = board_entry(item.replaces)
        if entry is None or entry.is_dir:
            item.replaces = None  # nothing shadows the .mpy (a folder x.py is no module)
            continue
        if entry.size is not None and entry.size == _local_size(item):
            same_size.append(item)
        else:
            _clash_about_source(item)
    if not same_size:
        return
    hashes = board_hashes([str(i.replaces) for i in same_size])
    for item in same_size:
        remote = hashes.get(str(item.replaces))
        if remote is not None and remote == _local_sha256(item):
            if item.status == UNCHANGED:
                item.status = NEW  # the .mpy is there already, but the .py must still go
        else:
            _clash_about_source(item)


def _local_sha256(item: FileItem) -> str | None:
    try:
        return sha256_file(Path(item.source))
    except OSError:
        return None


def _local_size(item: FileItem) -> int | None:
    try:
        return Path(item.source).stat().st_size
    except OSError:
        return None  # gone meanwhile: "different", so the user is asked


def _clash_about_source(item: FileItem) -> None:
    if item.status in (NEW, UNCHANGED, CLASH):
        item.status = CLASH
        item.clash_with = item.replaces


@dataclass
class SavedSource:
    """What "Save to board" of a lib .py wrote: the .mpy, or the .py and why not compiled."""

    written: str
    note: Message | None = None


def save_compiled(
    s: Any,  # noqa: ANN401 - the ide.board session
    source: bytes,
    board_path: str,
    shown: str,
    compilers: Callable[[], list[Compiler]] = installed_compilers,
) -> SavedSource:
    """An editor tab's text (its local .py is ``shown``) saved to ``board_path`` compiled.

    CompileError leaves the board as it was. Where this board can't be given .mpy, the .py
    is written as it is and ``note`` says why. A ``board_path`` .py already there is removed
    after the .mpy is written: it would be imported instead (saving to that name replaced it
    anyway before this setting)."""
    compiling = for_board(s, compilers)
    if not compiling.ready:
        s.write_file(board_path, source)
        return SavedSource(board_path, compiling.reason)
    data = compiling.compile(source, board_path, shown)
    target = compiled_path(board_path)
    s.write_file(target, data)
    if s.exists(board_path) and not s.stat(board_path).is_dir:
        s.remove(board_path)
    return SavedSource(target)
