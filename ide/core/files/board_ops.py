"""What the Files pane asks of the board session, as plain functions (no Qt).

Every function here takes the ``ide.board`` session as its first argument and runs on the
SessionController's worker thread (``controller.submit(lambda s: fn(s, ...))``); the pane gets
the result back on the GUI thread. Paths sent to the board always go through ``repr()``.

Cancelling: the transfer functions take ``cancelled() -> bool``. The progress callback handed
to ``Session.write_file`` / ``read_file`` returns False once it is True: that is the backend's
documented way to stop a transfer (it then raises ``ide.board.Cancelled`` after abandoning its
temporary file, so the old file on the board stays as it was). Never raise anything else from a
progress callback: the backend would be left mid-protocol. Downloads write to a temporary
local file and replace the target only when complete, so a cancelled download leaves the old
local file intact too.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ide.board.files import walk
from ide.text import QT_TRANSLATE_NOOP, Message, error_message, message

from .mpy_upload import check_shadowing, compile_items, item_bytes, local_hash
from .names import (
    UnsafeName,
    board_basename,
    board_join,
    board_parent,
    display_name,
    is_inside,
    local_target,
)
from .plan import (
    BLOCKED,
    FileItem,
    Plan,
    Summary,
    classify,
    scan_local,
    sha256_file,
)

Progress = Callable[[int, int], None]


class TransferCancelled(Exception):
    """Raised between files once the user pressed Cancel (never from a progress callback)."""


class _Overall:
    """Overall progress of a transfer of several files, for ``progress(done, total)``.

    ``base`` is what the files before the current one added up to; ``file_progress`` is the
    per-file callback handed to the backend (False once cancelled: its documented cancel)."""

    def __init__(
        self, items: Sequence[FileItem], progress: Progress, cancelled: Callable[[], bool]
    ) -> None:
        self.total = sum(i.size for i in items)
        self.base = 0
        self._progress = progress
        self._cancelled = cancelled

    def file_progress(self, done: int, _total: int) -> bool:
        if self._cancelled():
            return False  # the backend stops, cleans up and raises its Cancelled
        self._progress(self.base + done, self.total)
        return True

    def report(self) -> None:
        self._progress(self.base, self.total)


def sort_entries(entries: Iterable[Any]) -> list[Any]:
    """Folders first, then files, each by name without regard to case."""
    return sorted(entries, key=lambda e: (not e.is_dir, e.name.casefold(), e.name))


def list_folder(s: Any, path: str) -> list[Any]:
    """One folder's entries, sorted for the tree."""
    return sort_entries(s.listdir(path))


def free_space(s: Any) -> tuple[int, int, int] | None:
    """(total, used, free) of the board's file system, or None when the board can't say."""
    try:
        total, used, free = s.disk_usage("/")
        return int(total), int(used), int(free)
    except Exception:  # noqa: BLE001 - a board without statvfs still browses fine
        return None


def board_hashes(s: Any, paths: Sequence[str]) -> dict[str, str | None]:
    """Hex SHA-256 of board files (None where the board has no hashlib or can't read one)."""
    try:
        hashes: dict[str, str | None] = s.hashes(paths)
        return hashes
    except Exception:  # noqa: BLE001 - no hash means "changed": the user is asked
        return {p: None for p in paths}


def walk_board(s: Any, path: str, depth: int | None = None) -> tuple[list[Any], list[Any]]:
    """All folders and files below board folder ``path`` (one listing per folder).

    ``depth`` limits how many levels of folders below ``path`` are listed too (0: ``path``
    alone; None: every level); deeper folders are in the result but not gone into."""
    folders: list[Any] = []
    files: list[Any] = []
    for _folder, _level, entries in walk(lambda p: list_folder(s, p), path, depth):
        for e in entries:
            (folders if e.is_dir else files).append(e)
    return folders, files


def folder_stats(s: Any, path: str) -> tuple[int, int, int]:
    """(files, folders, total bytes) below a board folder, for Properties."""
    folders, files = walk_board(s, path)
    return len(files), len(folders), sum(max(e.size or 0, 0) for e in files)


def _in_the_way() -> Message:
    """Why a folder can't be copied: a file of the same name is where it goes."""
    return message(
        "FilesBoard", QT_TRANSLATE_NOOP("FilesBoard", "a file with this name is in the way")
    )


# ----------------------------------------------------------------------------- uploads


def plan_upload(s: Any, sources: Iterable[Path], board_dir: str, compile_mpy: bool = False) -> Plan:
    """Plan copying local ``sources`` into ``board_dir``: what is new, unchanged, clashing.

    ``compile_mpy`` (the "compile on upload" setting): .py files below a lib folder go as .mpy
    compiled for this board, and a shadowing .py of the same name is removed (mpy_upload)."""
    plan = scan_local(sources, board_dir)
    if compile_mpy:
        compile_items(s, plan)
    listings: dict[str, dict[str, Any]] = {}

    def listing(folder: str) -> dict[str, Any]:
        if folder not in listings:
            listings[folder] = {e.path: e for e in s.listdir(folder)}
        return listings[folder]

    listing(board_dir)
    blocked_dirs: list[str] = []
    for folder in plan.folders:
        parent = board_parent(str(folder))
        if parent not in listings:
            continue  # the parent will be created, so this folder is new too
        entry = listings[parent].get(str(folder))  # listings are keyed by board path (str)
        if entry is None:
            continue
        if entry.is_dir:
            listing(str(folder))
        else:
            blocked_dirs.append(str(folder))
            plan.refused.append((str(folder), _in_the_way()))
    for item in plan.items:
        if any(is_inside(str(item.target), d) for d in blocked_dirs):
            item.status = BLOCKED

    def target_kind(item: FileItem) -> tuple[str | None, int | None]:
        entries = listings.get(board_parent(str(item.target)))
        entry = entries.get(str(item.target)) if entries else None
        if entry is None:
            return None, None
        return ("dir" if entry.is_dir else "file"), entry.size

    def same_content(cands: list[FileItem]) -> set[int]:
        hashes = board_hashes(s, [str(c.target) for c in cands])
        same = set()
        for c in cands:
            remote = hashes.get(str(c.target))
            if remote is not None and remote == local_hash(c):
                same.add(id(c))
        return same

    classify(plan.items, target_kind, same_content)
    if plan.compiled:

        def board_entry(path: str) -> Any:  # noqa: ANN401 - a listing entry
            entries = listings.get(board_parent(path))
            return entries.get(path) if entries else None

        check_shadowing(plan.items, board_entry, lambda paths: board_hashes(s, paths))
    plan.folders = [f for f in plan.folders if not _exists_in(listings, str(f))]
    plan.folders = [f for f in plan.folders if not any(is_inside(str(f), d) for d in blocked_dirs)]
    return plan


def _exists_in(listings: dict[str, dict[str, Any]], path: str) -> bool:
    entries = listings.get(board_parent(path))
    return bool(entries and path in entries)


def run_upload(
    s: Any,
    folders: Sequence[str],
    items: Sequence[FileItem],
    progress: Progress,
    cancelled: Callable[[], bool],
) -> Summary:
    """Create ``folders`` and write ``items`` to the board, reporting overall progress."""
    summary = Summary()
    overall = _Overall(items, progress, cancelled)
    try:
        for folder in folders:
            if cancelled():
                raise TransferCancelled()
            s.mkdir(folder, parents=True)
        overall.report()
        if hasattr(s, "write_files"):
            _upload_batches(s, items, overall, summary, cancelled)
            return summary
        for item in items:
            if cancelled():
                raise TransferCancelled()
            try:
                data = item_bytes(item)
            except OSError as exc:
                summary.failed.append((str(item.source), str(exc)))
                overall.base += item.size
                continue
            try:
                s.write_file(str(item.target), data, progress=overall.file_progress)
            except Exception:
                if cancelled():
                    raise TransferCancelled() from None
                raise
            overall.base += item.size
            _count_copied(s, item, len(data), summary)
            overall.report()
    except TransferCancelled:
        summary.cancelled = True
    return summary


BATCH_BYTES = 256 * 1024  # files per stream: bounded host memory, a cancel check in between


def _upload_batches(
    s: Any,
    items: Sequence[FileItem],
    overall: _Overall,
    summary: Summary,
    cancelled: Callable[[], bool],
) -> None:
    """The files of ``items`` in streams of up to BATCH_BYTES (Session.write_files: one helper
    call per stream, compressed where the board can, each file committed on its own)."""
    batch: list[tuple[FileItem, bytes]] = []

    def flush() -> None:
        if not batch:
            return
        if cancelled():
            raise TransferCancelled()
        try:
            s.write_files(
                [(str(item.target), data) for item, data in batch],
                progress=overall.file_progress,
            )
        except Exception:
            if cancelled():
                raise TransferCancelled() from None
            raise
        for item, data in batch:
            overall.base += len(data)
            _count_copied(s, item, len(data), summary)
        batch.clear()
        overall.report()

    size = 0
    for item in items:
        try:
            data = item_bytes(item)
        except OSError as exc:
            summary.failed.append((str(item.source), str(exc)))
            overall.base += item.size
            continue
        if batch and size + len(data) > BATCH_BYTES:
            flush()
            size = 0
        batch.append((item, data))
        size += len(data)
    flush()


def _count_copied(s: Any, item: FileItem, size: int, summary: Summary) -> None:
    """One file is on the board (written and verified): count it; a compiled file's .py that
    would shadow it goes now, never before (a cut before this leaves the old .py in use)."""
    summary.copied += 1
    summary.bytes += size
    if item.data is None:
        return
    summary.compiled += 1
    if item.replaces is not None:
        try:
            s.remove(item.replaces)
        except Exception as exc:  # noqa: BLE001 - said with the file; the others go on
            summary.failed.append((item.replaces, error_message(exc)))


# --------------------------------------------------------------------------- downloads


def plan_download(s: Any, entries: Iterable[Any], local_dir: Path) -> Plan:
    """Plan copying board ``entries`` (files or folders) into local folder ``local_dir``.

    Every name from the board is checked before it becomes part of a local path: an unsafe
    one is refused (with the reason) together with everything below it.
    """
    plan = Plan()
    root = Path(local_dir)

    def add(entry: Any, parts: list[str], shown: str) -> None:
        # ``shown`` names the entry by the names the board gave (what the user sees in the tree)
        try:
            target = local_target(root, parts)
        except UnsafeName as exc:
            plan.refused.append((shown, exc.message))
            return
        if entry.is_dir:
            if target.exists() and not target.is_dir():
                plan.refused.append((shown, _in_the_way()))
                return
            plan.folders.append(target)
            for child in list_folder(s, entry.path):
                add(child, [*parts, child.name], board_join(shown, display_name(child.name)))
        else:
            plan.items.append(FileItem(entry.path, target, max(entry.size or 0, 0)))

    for entry in entries:
        add(entry, [entry.name], display_name(entry.path))

    def target_kind(item: FileItem) -> tuple[str | None, int | None]:
        p = Path(item.target)
        if p.is_dir():
            return "dir", None
        if p.exists():
            return "file", p.stat().st_size
        return None, None

    def same_content(cands: list[FileItem]) -> set[int]:
        hashes = board_hashes(s, [str(c.source) for c in cands])
        return {
            id(c)
            for c in cands
            if hashes.get(str(c.source)) is not None
            and hashes[str(c.source)] == sha256_file(Path(c.target))
        }

    classify(plan.items, target_kind, same_content)
    return plan


def run_download(
    s: Any,
    folders: Sequence[Path],
    items: Sequence[FileItem],
    progress: Progress,
    cancelled: Callable[[], bool],
) -> Summary:
    """Create local ``folders`` and read ``items`` from the board into their local targets."""
    summary = Summary()
    overall = _Overall(items, progress, cancelled)
    try:
        for folder in folders:
            Path(folder).mkdir(parents=True, exist_ok=True)
        overall.report()
        for item in items:
            if cancelled():
                raise TransferCancelled()
            try:
                data = s.read_file(str(item.source), progress=overall.file_progress)
            except Exception:
                if cancelled():
                    raise TransferCancelled() from None
                raise
            try:
                write_local_atomic(Path(item.target), data)
            except OSError as exc:
                summary.failed.append((str(item.target), str(exc)))
            else:
                summary.copied += 1
                summary.bytes += len(data)
            overall.base += item.size
            overall.report()
    except TransferCancelled:
        summary.cancelled = True
    return summary


def write_local_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` next to ``target`` and rename it over; the old file survives a failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".hotaru-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ------------------------------------------------------------------------ small actions


def copy_on_board(s: Any, src: str, dst: str) -> None:
    """Copy one board file (for "make this the main.py")."""
    s.write_file(dst, s.read_file(src))


class NameTaken(Exception):
    """A new file, folder or rename would replace something that is already on the board."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.message = message(
            "FilesBoard",
            QT_TRANSLATE_NOOP("FilesBoard", "“{name}” already exists on the board."),
            name=display_name(path),
        )


def _free(s: Any, path: str) -> None:
    # The tree may not know the folder's contents yet: ask the board itself.
    if s.exists(path):
        raise NameTaken(path)


def new_file(s: Any, folder: str, name: str) -> str:
    path = board_join(folder, name)
    _free(s, path)
    s.write_file(path, b"")
    return path


def new_folder(s: Any, folder: str, name: str) -> str:
    path = board_join(folder, name)
    _free(s, path)
    s.mkdir(path, parents=False)
    return path


def rename(s: Any, src: str, new_name: str) -> str:
    dst = board_join(board_parent(src), new_name)
    if new_name.casefold() != board_basename(src).casefold():  # not just a change of case
        _free(s, dst)
    s.rename(src, dst)
    return dst


def delete(s: Any, path: str, is_dir: bool) -> None:
    if is_dir:
        s.rmtree(path)
    else:
        s.remove(path)
