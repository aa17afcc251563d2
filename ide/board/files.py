"""File operations on the board: listings, stat, mkdir/remove/rename, transfers, hashes.

Each operation runs one or more board-side snippets (ide.board.helpers; every value enters them
through repr()) inside the session's operation. Board errors about a path become RemoteErrors
with a plain-words message (no such file, already exists, storage full).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from ide.board import helpers, listing, transfer, transfer_stream
from ide.board.errors import (
    EEXIST,
    ENOENT,
    ENOSPC,
    BadPath,
    BoardError,
    RemoteError,
    VerifyFailed,
)
from ide.board.repl import RawRepl, literal
from ide.board.types import BoardInfo, Entry
from ide.text import QT_TRANSLATE_NOOP, message

CTX = "BoardSession"
HASH_BATCH = 40  # files hashed per round trip

Progress = Callable[[int, int], Any]


class FilesHost(Protocol):
    """What file operations need of the session."""

    repl: RawRepl
    info: BoardInfo
    timeout: float

    @property
    def flow_controlled(self) -> bool: ...

    def operation(self) -> AbstractContextManager[None]: ...

    def cancel_requested(self) -> bool: ...


def not_found(path: str) -> RemoteError:
    return RemoteError(
        f"OSError: [Errno {ENOENT}] ENOENT",
        message(
            CTX,
            QT_TRANSLATE_NOOP("BoardSession", "There is no file or folder {path} on the board."),
            path=path,
        ),
    )


def file_error(e: RemoteError, path: str) -> RemoteError:
    """``e`` with a plain-words message where its errno says what happened to ``path``."""
    if e.errno == ENOENT:
        err = not_found(path)
    elif e.errno == EEXIST:
        err = RemoteError(
            e.traceback,
            message(CTX, QT_TRANSLATE_NOOP("BoardSession", "{path} already exists."), path=path),
        )
    elif e.errno == ENOSPC:
        err = RemoteError(
            e.traceback,
            message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The board's storage is full.")),
        )
    else:
        return e
    err.errno = e.errno
    return err


def check_paths(*paths: object) -> None:
    """BadPath for a path with NUL in it (the board's file API would cut it there)."""
    for p in paths:
        if isinstance(p, str) and "\x00" in p:
            raise BadPath(detail=repr(p))


E = TypeVar("E", bound=Entry)


def walk(
    listdir: Callable[[str], Sequence[E]],
    path: str = "/",
    depth: int | None = None,
    enter: Callable[[E], bool] | None = None,
) -> Iterator[tuple[str, int, Sequence[E]]]:
    """Every folder below board folder ``path``, breadth first, one listing each: yields
    ``(folder, level, entries)``, level 0 being ``path`` itself, entries in ``listdir``'s order.

    ``depth`` (None: no limit) is the deepest level listed: folders found there are entries but
    are not listed. ``enter(entry)`` False keeps a folder out of the walk (it is still an entry).
    """
    todo: deque[tuple[str, int]] = deque([(path, 0)])
    while todo:
        folder, level = todo.popleft()
        entries = listdir(folder)
        yield folder, level, entries
        if depth is None or level < depth:
            todo.extend(
                (e.path, level + 1) for e in entries if e.is_dir and (enter is None or enter(e))
            )


class BoardFiles:
    """The board's file system, through the session's operations."""

    def __init__(self, host: FilesHost) -> None:
        self._host = host

    def _progress(self, progress: Progress | None) -> Progress:
        """``progress`` that also asks to cancel once the session's interrupt() (Stop) asked
        for it: a transfer then ends as cancelled, the old file intact."""

        def check(done: int, total: int) -> Any:
            if self._host.cancel_requested():
                return False
            return None if progress is None else progress(done, total)

        return check

    def _run(self, template: str, path: str, *args: object, timeout: float | None = None) -> str:
        """Run one snippet inside an operation; file errors explained for ``path``."""
        check_paths(path, *args)
        with self._host.operation():
            try:
                return self._host.repl.exec(helpers.call(template, *args), timeout)
            except RemoteError as e:
                raise file_error(e, path) from e

    def listdir(self, path: str = "/") -> list[Entry]:
        """One folder, one round trip. Sorted: folders first, then by name."""
        out = self._run(helpers.LISTDIR, path, path)
        entries = listing.parse_listing(out, path)
        entries.sort(key=lambda e: (not e.is_dir, e.name.lower(), e.name))
        return entries

    def _stat(self, path: str) -> tuple[bool, int] | None:
        found = literal(self._run(helpers.STAT, path, path))
        if found is None:
            return None
        try:
            is_dir, size = found
            return bool(is_dir), int(size)
        except (TypeError, ValueError) as e:
            raise BoardError(detail=f"unexpected stat answer {found!r}") from e

    def stat(self, path: str) -> Entry:
        found = self._stat(path)
        if found is None:
            raise not_found(path)
        name = path.rstrip("/").rpartition("/")[2] or "/"
        return Entry(name, path, found[0], found[1])

    def exists(self, path: str) -> bool:
        return self._stat(path) is not None

    def mkdir(self, path: str, parents: bool = True) -> None:
        self._run(helpers.MKDIR, path, path, parents)

    def remove(self, path: str) -> None:
        self._run(helpers.REMOVE, path, path)

    def rmtree(self, path: str) -> None:
        """Remove a file or a folder with everything in it."""
        self._run(helpers.RMTREE, path, path, timeout=max(self._host.timeout, 60.0))

    def rename(self, src: str, dst: str) -> None:
        self._run(helpers.RENAME, src, src, dst)

    def disk_usage(self, path: str = "/") -> tuple[int, int, int]:
        """(total, used, free) bytes of the filesystem holding ``path``."""
        value = literal(self._run(helpers.DISK, path, path))
        try:
            total, used, free = (int(v) for v in value)
        except (TypeError, ValueError) as e:
            raise BoardError(detail=f"unexpected disk usage answer {value!r}") from e
        return total, used, free

    def hashes(self, paths: Sequence[str]) -> dict[str, str | None]:
        """Hex SHA-256 of board files (None where the board has no hashlib or can't read one),
        one round trip per HASH_BATCH files."""
        check_paths(*paths)
        if not self._host.info.has_hashlib:  # probed at connect: no need to ask for Nones
            return {p: None for p in paths}
        out: dict[str, str | None] = {}
        for i in range(0, len(paths), HASH_BATCH):
            chunk = [str(p) for p in paths[i : i + HASH_BATCH]]
            values = literal(self._run(helpers.HASHES, chunk[0] if chunk else "/", chunk))
            if not isinstance(values, list) or len(values) != len(chunk):
                raise BoardError(detail="unexpected hash answer")
            out.update(zip(chunk, values, strict=True))
        return out

    def read_file(self, path: str, progress: Progress | None = None) -> bytes:
        """The whole file, verified (sha256 where the board has hashlib, else length).

        ``progress(done, total)`` is called as bytes arrive; returning False or raising
        :class:`Cancelled` stops the transfer and raises Cancelled."""
        check_paths(path)
        host = self._host
        with host.operation():
            try:
                try:
                    return self._download(path, progress)
                except VerifyFailed:
                    # The sieve that takes the board's own log lines out of the stream
                    # (idflog.py) may have taken a log-shaped line of the file itself: read it
                    # once more with the sieve off. The checksum still guards that try.
                    link = host.repl.link
                    link.divert_logs(False)
                    try:
                        return self._download(path, progress)
                    finally:
                        link.divert_logs(True)
            except RemoteError as e:
                raise file_error(e, path) from e

    def _download(self, path: str, progress: Progress | None) -> bytes:
        host = self._host
        if host.info.fast_transfer:
            return transfer.download_fast(host.repl, host.info, path, self._progress(progress))
        return transfer.download_portable(host.repl, path, self._progress(progress))

    def write_file(self, path: str, data: bytes | str, progress: Progress | None = None) -> None:
        """Write ``data`` to ``path``: into a temporary file beside it, verified, then renamed
        over the target. On any failure (cut link, full disk, cancel) the old file stays as it
        was and no temporary file is left. ``progress`` as for :meth:`read_file`. A str is
        written as UTF-8."""
        check_paths(path)
        host = self._host
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        with host.operation():
            try:
                if host.info.fast_transfer and transfer_stream.has_deflate(host.repl):
                    self._write_stream([(path, data)], progress)  # compressed where it pays
                elif host.info.fast_transfer:
                    chunk = transfer.upload_chunk(host.repl, host.flow_controlled)
                    transfer.upload_fast(
                        host.repl,
                        host.info,
                        path,
                        data,
                        chunk,
                        self._progress(progress),
                        host.flow_controlled,
                    )
                else:
                    transfer.upload_portable(
                        host.repl, host.info, path, data, self._progress(progress)
                    )
            except RemoteError as e:
                raise file_error(e, path) from e

    # -- many files as one stream (ide.board.transfer_stream) ---------------------------------
    def _write_stream(self, files: Sequence[tuple[str, bytes]], progress: Progress | None) -> None:
        host = self._host
        chunk = transfer.upload_chunk(host.repl, host.flow_controlled)
        try:
            transfer_stream.upload_files(
                host.repl,
                host.info,
                files,
                chunk,
                self._progress(progress),
                flow_controlled=host.flow_controlled,
            )
        except RemoteError as e:
            raise file_error(e, getattr(e, "path", files[0][0])) from e

    def write_files(
        self, files: Sequence[tuple[str, bytes | str]], progress: Progress | None = None
    ) -> None:
        """Write many files in one operation: on a board with the fast helpers, one helper call
        for all of them (compressed where the board has deflate); each file is still verified
        and renamed over its target on its own, so a cut or error leaves every file old or new
        (those before the failing one are new). Folders must exist. ``progress`` counts the
        bytes of all files together."""
        items = [(p, d.encode("utf-8") if isinstance(d, str) else bytes(d)) for p, d in files]
        check_paths(*(p for p, _d in items))
        host = self._host
        if not host.info.fast_transfer:  # old firmware: one file at a time, the portable way
            total = sum(len(d) for _p, d in items)
            base = 0
            for path, data in items:
                offset = base

                def part(done: int, _n: int, offset: int = offset) -> Any:
                    return progress(offset + done, total) if progress else None

                self.write_file(path, data, part)
                base += len(data)
            return
        with host.operation():
            self._write_stream(items, progress)
