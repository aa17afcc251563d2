"""Transfer planning: what to copy where, what is unchanged, what clashes (pure logic, no Qt).

An upload or download is planned in three steps:

1. *scan*: the sources are walked into a list of folders to create and files to copy
   (:func:`scan_local` for uploads; the board side is walked by ``board_ops.plan_download``);
2. *classify*: each file is ``new``, ``unchanged`` (same size and same SHA-256 on both sides:
   skipped without asking, counted for the "skipped N unchanged" line), ``clash`` (the target
   exists and differs: ask) or ``blocked`` (a folder is in the way, or the name is unsafe);
3. *resolve*: :class:`ClashResolver` asks overwrite / skip / overwrite all / skip all / cancel
   for each clash, remembering an "all" answer.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message, message

from .names import board_join, has_lone_surrogate, not_text_reason

_CTX = "FilesPlan"

# Folders and files nobody wants on the board when uploading a project folder.
SKIPPED_LOCAL_NAMES = frozenset(
    {"__pycache__", ".git", ".hg", ".svn", ".DS_Store", "Thumbs.db", ".ipynb_checkpoints"}
)

NEW = "new"
UNCHANGED = "unchanged"
CLASH = "clash"
BLOCKED = "blocked"


@dataclass
class FileItem:
    """One file to copy. ``source``/``target`` are a local Path or a board path (str)."""

    source: Path | str
    target: Path | str
    size: int
    status: str = NEW
    reason: Message | None = None  # why it is blocked
    # Compile on upload (ide.core.files.mpy_upload): the bytes to send instead of the source
    # file's, the board .py this .mpy stands for (removed after the .mpy is written when it is
    # on the board: the board imports x.py before x.mpy), the file a clash question is about.
    data: bytes | None = None
    replaces: str | None = None
    clash_with: str | None = None


@dataclass
class Plan:
    """Folders to create (parents first), files to copy, and what was refused on the way."""

    folders: list[Path | str] = field(default_factory=list)
    items: list[FileItem] = field(default_factory=list)
    refused: list[tuple[str, Message]] = field(default_factory=list)  # (shown name, why)
    not_compiled: list[tuple[str, Message]] = field(default_factory=list)  # compile errors
    compile_note: Message | None = None  # why nothing was compiled (setting on)
    compiled: int = 0  # files that go as .mpy

    @property
    def clashes(self) -> list[FileItem]:
        return [i for i in self.items if i.status == CLASH]

    @property
    def unchanged(self) -> list[FileItem]:
        return [i for i in self.items if i.status == UNCHANGED]


def sha256_file(path: Path, chunk: int = 1 << 16) -> str:
    """Hex SHA-256 of a local file."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def scan_local(sources: Iterable[Path], board_dir: str) -> Plan:
    """Walk local files and folders dropped onto board folder ``board_dir``.

    A file ``x`` becomes ``board_dir/x``; a folder ``proj`` becomes ``board_dir/proj`` with its
    whole tree (symbolic links to folders are not followed; caches and VCS folders are left out).
    """
    plan = Plan()
    seen: set[str] = set()
    for src in sources:
        src = Path(src)
        if src.name in SKIPPED_LOCAL_NAMES:
            continue
        if has_lone_surrogate(src.name):
            # Not UTF-8: the board would store (and list back) another name. Refused up front.
            plan.refused.append((str(src), not_text_reason()))
            continue
        if src.is_dir():
            top = board_join(board_dir, src.name)
            plan.folders.append(top)
            for root, dirs, files in os.walk(src):
                for d in dirs:
                    if has_lone_surrogate(d):
                        plan.refused.append((os.path.join(root, d), not_text_reason()))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in SKIPPED_LOCAL_NAMES
                    and not os.path.islink(os.path.join(root, d))
                    and not has_lone_surrogate(d)
                )
                rel = Path(root).relative_to(src).parts
                folder = top
                for part in rel:
                    folder = board_join(folder, part)
                if rel:
                    plan.folders.append(folder)
                for name in sorted(files):
                    if name in SKIPPED_LOCAL_NAMES:
                        continue
                    if has_lone_surrogate(name):
                        plan.refused.append((os.path.join(root, name), not_text_reason()))
                        continue
                    _add_local_file(plan, Path(root, name), board_join(folder, name), seen)
        elif src.is_file():
            _add_local_file(plan, src, board_join(board_dir, src.name), seen)
        else:
            plan.refused.append(
                (str(src), message(_CTX, QT_TRANSLATE_NOOP("FilesPlan", "not a file or folder")))
            )
    return plan


def _add_local_file(plan: Plan, path: Path, remote: str, seen: set[str]) -> None:
    if remote in seen:
        return
    seen.add(remote)
    try:
        size = path.stat().st_size
    except OSError as exc:
        plan.refused.append(
            (
                str(path),
                with_os_details(  # i18n: the OS's English words on a line of their own
                    message(
                        _CTX,
                        QT_TRANSLATE_NOOP("FilesPlan", "can't be read: {error}"),
                        error=os_reason(exc),
                    ),
                    exc,
                ),
            )
        )
        return
    plan.items.append(FileItem(path, remote, size))


def classify(
    items: Iterable[FileItem],
    target_kind: Callable[[FileItem], tuple[str | None, int | None]],
    same_content: Callable[[list[FileItem]], set[int]],
) -> None:
    """Set each item's status.

    ``target_kind(item)`` -> ("file" | "dir" | None, size) for the item's target;
    ``same_content(candidates)`` -> ids (``id(item)``) of candidates whose target has equal hash.
    Only targets of equal size are hashed.
    """
    candidates: list[FileItem] = []
    for item in items:
        if item.status == BLOCKED:
            continue
        kind, size = target_kind(item)
        if kind is None:
            item.status = NEW
        elif kind == "dir":
            item.status = BLOCKED
            item.reason = message(
                _CTX, QT_TRANSLATE_NOOP("FilesPlan", "a folder with this name is in the way")
            )
        elif size is None or size < 0 or size == item.size:  # equal or unknown: compare hashes
            item.status = CLASH
            candidates.append(item)
        else:
            item.status = CLASH
    if candidates:
        same = same_content(candidates)
        for item in candidates:
            if id(item) in same:
                item.status = UNCHANGED


class Choice(Enum):
    OVERWRITE = "overwrite"
    SKIP = "skip"
    OVERWRITE_ALL = "overwrite_all"
    SKIP_ALL = "skip_all"
    CANCEL = "cancel"


class ClashResolver:
    """Asks about each clash in turn; an "all" answer sticks for the rest of the transfer."""

    def __init__(self, ask: Callable[[FileItem, int], Choice]) -> None:
        self._ask = ask  # ask(item, clashes_left_after_this) -> Choice
        self.policy: Choice | None = None

    def resolve(self, items: list[FileItem]) -> tuple[list[FileItem], int] | None:
        """(items to copy, number of clashes skipped), or None when the user cancelled."""
        clashes = [i for i in items if i.status == CLASH]
        keep: set[int] = set()
        skipped = 0
        for n, item in enumerate(clashes):
            choice = self.policy or self._ask(item, len(clashes) - n - 1)
            if choice == Choice.CANCEL:
                return None
            if choice in (Choice.OVERWRITE_ALL, Choice.SKIP_ALL):
                self.policy = choice
            if choice in (Choice.OVERWRITE, Choice.OVERWRITE_ALL):
                keep.add(id(item))
            else:
                skipped += 1
        todo = [i for i in items if i.status == NEW or id(i) in keep]
        return todo, skipped


@dataclass
class Summary:
    """What a finished (or cancelled) transfer did, for the line under the trees."""

    copied: int = 0
    bytes: int = 0
    unchanged: int = 0
    skipped: int = 0
    refused: list[tuple[str, Message]] = field(default_factory=list)
    failed: list[tuple[str, Message | str]] = field(default_factory=list)
    cancelled: bool = False
    compiled: int = 0  # of the copied files, those sent as .mpy
    not_compiled: list[tuple[str, Message]] = field(default_factory=list)  # and not sent
    compile_note: Message | None = None


class ProgressMeter:
    """Bytes done of total, speed over the last few seconds, and time left."""

    def __init__(
        self, total: int, clock: Callable[[], float] = time.monotonic, window: float = 4.0
    ) -> None:
        self.total = max(0, total)
        self.done = 0
        self._clock = clock
        self._window = window
        self._start = clock()
        self._samples: deque[tuple[float, int]] = deque([(self._start, 0)])

    def update(self, done: int) -> None:
        now = self._clock()
        self.done = min(max(done, 0), self.total) if self.total else max(done, 0)
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self._window:
            self._samples.popleft()

    @property
    def rate(self) -> float:
        """Bytes per second (0.0 until there is something to measure)."""
        t0, d0 = self._samples[0]
        t1, d1 = self._samples[-1]
        if t1 - t0 <= 0:
            return 0.0
        return max(0.0, (d1 - d0) / (t1 - t0))

    @property
    def eta(self) -> float | None:
        """Seconds left, or None while unknown."""
        rate = self.rate
        if rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / rate)

    @property
    def fraction(self) -> float:
        return 1.0 if not self.total else self.done / self.total
