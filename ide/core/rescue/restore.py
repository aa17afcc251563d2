"""Put the files saved in a folder back on a board that answers again (after an erase and a
fresh MicroPython), the culprit under its disabled name, each file checked after writing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class BoardFiles(Protocol):
    """What the restore needs of an ide.board session."""

    def mkdir(self, path: str, parents: bool = True) -> None: ...
    def write_file(self, path: str, data: bytes | str) -> None: ...
    def hashes(self, paths: Sequence[str]) -> dict[str, str | None]: ...
    def read_file(self, path: str) -> bytes: ...


@dataclass
class Restored:
    written: list[str] = field(default_factory=list)  # board paths, as written (renamed ones too)
    failed: list[str] = field(default_factory=list)  # board paths that did not check out


def restore_files(
    board: BoardFiles,
    folder: Path,
    paths: Sequence[str],
    renamed: Sequence[tuple[str, str]] = (),
    on_file: Callable[[str], None] | None = None,
) -> Restored:
    """Write each of ``paths`` (board paths such as "/lib/x.py", saved under ``folder``) back
    to the board; a path named in ``renamed`` (was, now: top-level names) goes under its new
    name. Each file is checked afterwards (SHA-256 on the board, or read back where the board
    has no hashlib). A file that cannot be written or checked is in ``failed`` and the
    others still go: this never raises, so the caller can always say where the copies are."""
    result = Restored()
    new_name = {"/" + was: "/" + now for was, now in renamed}
    made: set[str] = set()
    wanted: dict[str, bytes] = {}
    for path in paths:
        target = new_name.get(path, path)
        try:
            data = (folder / path.lstrip("/")).read_bytes()
            parent = target.rsplit("/", 1)[0]
            if parent and parent not in made:
                board.mkdir(parent, parents=True)
                made.add(parent)
            if on_file is not None:
                on_file(target)
            board.write_file(target, data)
        except Exception:  # noqa: BLE001 - a full filesystem, a lost port: the next files still go
            result.failed.append(target)  # its copy in the folder is what counts
            continue
        wanted[target] = data
    try:
        found = board.hashes(list(wanted))
    except Exception:  # noqa: BLE001 - no answer: each file is read back instead
        found = {}
    for target, data in wanted.items():
        try:
            digest = found.get(target)
            if digest is None:  # no hashlib on the board: read it back
                ok = board.read_file(target) == data
            else:
                ok = digest == hashlib.sha256(data).hexdigest()
        except Exception:  # noqa: BLE001 - a file that cannot be read back did not check out
            ok = False
        (result.written if ok else result.failed).append(target)
    return result
