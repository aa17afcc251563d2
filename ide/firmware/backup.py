"""Copy every file on a MicroPython board to this computer, before an install erases them.

    copied = copy_board_files(session, Path("~/board-backup").expanduser())

``session`` is anything with ``walk(path, depth, enter)`` (ide.board's folder walk) and
``read_file(path) -> bytes``: an ide.board session. The folder tree is kept; a name this
computer cannot hold as it is (a separator, "..", a NUL) is skipped and reported, never written
outside ``dest``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ide.firmware.cancel import CancelCheck, check_cancel

MAX_DEPTH = 32  # littlefs/FAT folders nest far less; a loop in a broken listing stops here


class _Entry(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def path(self) -> str: ...

    @property
    def is_dir(self) -> bool: ...


class BoardFiles(Protocol):
    """What the copy needs of a board session (ide.board's Session: one listing per folder,
    breadth first, never going into a folder ``enter`` refuses)."""

    def walk(
        self,
        path: str = "/",
        depth: int | None = None,
        enter: Callable[[_Entry], bool] | None = None,
    ) -> Iterator[tuple[str, int, Sequence[_Entry]]]: ...

    def read_file(self, path: str) -> bytes: ...


@dataclass
class Backup:
    """What was copied (paths on this computer) and what was skipped (paths on the board)."""

    folder: Path
    copied: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _safe(name: str) -> bool:
    """A name that stays one path component inside the destination on every OS."""
    bad = ("/", "\\", "\0", ":")  # ":" would be a drive or a stream on Windows
    return bool(name) and name not in (".", "..") and not any(c in name for c in bad)


def copy_board_files(
    session: BoardFiles,
    dest: Path,
    *,
    on_file: Callable[[str], None] | None = None,
    cancel: CancelCheck = None,
) -> Backup:
    """Copy the board's whole file tree (from "/") into ``dest`` (created if needed).

    ``on_file(board_path)`` before each file; ``cancel`` stops between files. Board errors
    propagate (the caller shows them): a backup that failed must not look complete.
    """
    result = Backup(dest)
    dest.mkdir(parents=True, exist_ok=True)
    local = {"/": dest}  # board folder -> the local folder it is copied into
    # a folder whose name is skipped is not gone into; below MAX_DEPTH nothing is listed
    for board_dir, depth, entries in session.walk("/", MAX_DEPTH, lambda e: _safe(e.name)):
        local_dir = local[board_dir]
        for entry in entries:
            check_cancel(cancel)
            if not _safe(entry.name) or depth >= MAX_DEPTH:
                result.skipped.append(entry.path)
                continue
            target = local_dir / entry.name
            if entry.is_dir:
                target.mkdir(exist_ok=True)
                local[entry.path] = target
                continue
            if on_file is not None:
                on_file(entry.path)
            data = session.read_file(entry.path)  # verified by the session (hash or length)
            target.write_bytes(data)
            result.copied.append(target)
    return result
