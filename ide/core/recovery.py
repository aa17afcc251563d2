"""Crash recovery: copies of unsaved editor text kept in a per-user folder (no Qt here).

Layout under the recovery root (``ide.paths.recovery_dir()``)::

    <session>.lock          held (flock / msvcrt lock) by the running Hotaru that owns <session>
    <session>/<key>.txt     a tab's unsaved text, UTF-8
    <session>/<key>.json    its sidecar: title, where the original lives, when, and the
                            original's state (mtime, size, SHA-256) when the tab was loaded or saved

Each running Hotaru owns one session. The operating system drops a process's locks when it
dies, even by ``kill -9``, so a session whose lock can be taken belongs to a Hotaru that did not
close normally: its entries are offered back at the next start (``RecoveryStore.claim_orphans``).
A second Hotaru running at the same time never sees the first one's live entries.

Every file is written to a temporary name and moved over the old one with ``os.replace``, so a
crash mid-write leaves the previous copy whole. ``Writer`` runs those writes on a thread of its
own; the caller snapshots the text first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

SIDECAR_VERSION = 1
_TEXT, _SIDECAR, _LOCK = ".txt", ".json", ".lock"


# --------------------------------------------------------------------------- the original file
@dataclass(frozen=True)
class FileState:
    """What a file looked like: enough to tell later whether someone else changed it."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_path(cls, path: str | Path) -> FileState | None:
        """The file's state now; None when it can't be read (missing, a folder, no access)."""
        try:
            mtime_ns = os.stat(path).st_mtime_ns  # before reading: a later write shows as a change
            data = Path(path).read_bytes()
        except OSError:
            return None
        return cls(mtime_ns, len(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def of_bytes(cls, data: bytes) -> FileState:
        """A file known only by its content (a board file as it was read)."""
        return cls(0, len(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def from_json(cls, value: object) -> FileState | None:
        if not isinstance(value, dict):
            return None
        try:
            return cls(int(value["mtime_ns"]), int(value["size"]), str(value["sha256"]))
        except (KeyError, TypeError, ValueError):
            return None


def changed_since(path: str | Path, state: FileState | None) -> bool:
    """True when the file at ``path`` is no longer the one ``state`` describes: its content
    differs, it is gone, or it exists though it did not (``state`` None). A file only touched
    (same bytes, new mtime) has not changed."""
    try:
        st = os.stat(path)
    except OSError:
        return state is not None
    if state is None:
        return True
    if st.st_size == state.size and st.st_mtime_ns == state.mtime_ns:
        return False  # the cheap answer; reading the file is needed only when they differ
    now = FileState.of_path(path)
    return now is None or now.sha256 != state.sha256


# --------------------------------------------------------------------------- one entry
@dataclass
class EntryInfo:
    """The sidecar of one recovered text."""

    title: str
    local_path: str | None = None  # a file on this computer
    board_path: str | None = None  # or a file on a board...
    board: str | None = None  # ...which one: its port (and name) when the text was saved
    saved_at: float = 0.0  # time.time() of the snapshot
    original: FileState | None = None  # the original when loaded or last saved
    version: int = SIDECAR_VERSION

    def to_json(self) -> str:
        data = asdict(self)
        data["original"] = asdict(self.original) if self.original is not None else None
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str, fallback_title: str) -> EntryInfo:
        """Parse a sidecar; anything missing or malformed falls back to "an untitled text"."""
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return cls(title=fallback_title)

        def string(name: str) -> str | None:
            value = data.get(name)
            return value if isinstance(value, str) and value else None

        saved_at = data.get("saved_at")
        return cls(
            title=string("title") or fallback_title,
            local_path=string("local_path"),
            board_path=string("board_path"),
            board=string("board"),
            saved_at=float(saved_at) if isinstance(saved_at, int | float) else 0.0,
            original=FileState.from_json(data.get("original")),
        )


@dataclass
class Entry:
    """A text left behind by a Hotaru that did not close normally."""

    folder: Path
    key: str
    info: EntryInfo

    @property
    def text_path(self) -> Path:
        return self.folder / (self.key + _TEXT)

    def text(self) -> str:
        """The recovered text (undecodable bytes, which we never write, become U+FFFD)."""
        return self.text_path.read_bytes().decode("utf-8", errors="replace")

    def changed_on_disk(self) -> bool:
        """For a file on this computer: did it change (or vanish) since the tab loaded or saved
        it? Saving the recovered text over it would lose that change. False for others."""
        if self.info.local_path is None:
            return False
        return changed_since(self.info.local_path, self.info.original)


# --------------------------------------------------------------------------- files
def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader (or a crash) sees the old or the new file,
    never half of one: a temporary file in the same folder, flushed to disk, then os.replace."""
    fd, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # a power cut after the rename must not leave an empty file
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _lock(fd: int) -> bool:
    """Take the lock on an open file without waiting. False: someone holds it."""
    try:
        if sys.platform == "win32":  # the spelling mypy understands (os.name is the same test)
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _try_lock(path: Path) -> int | None:
    """Open and lock ``path`` (created if missing); the open descriptor, or None if held."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    if _lock(fd):
        return fd
    os.close(fd)
    return None


def _unlock(fd: int) -> None:
    # closing the descriptor drops the lock on every platform
    with contextlib.suppress(OSError):
        os.close(fd)


# --------------------------------------------------------------------------- sessions
class Session:
    """The recovery folder of the running Hotaru. Its lock is held until ``close``."""

    def __init__(self, folder: Path, lock_path: Path, lock_fd: int) -> None:
        self.folder = folder
        self._lock_path = lock_path
        self._lock_fd: int | None = lock_fd

    def write(self, key: str, text: str, info: EntryInfo) -> None:
        """Keep ``text`` under ``key`` (text first: the sidecar only describes it)."""
        self.folder.mkdir(parents=True, exist_ok=True)  # removed by hand? made again
        atomic_write(self.folder / (key + _TEXT), text.encode("utf-8"))
        atomic_write(self.folder / (key + _SIDECAR), info.to_json().encode("utf-8"))

    def remove(self, key: str) -> None:
        """Forget ``key`` (saved, or its changes discarded)."""
        for suffix in (_SIDECAR, _TEXT):  # sidecar first: a lone text is still offered back
            with contextlib.suppress(FileNotFoundError):
                (self.folder / (key + suffix)).unlink()

    def keys(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*" + _TEXT))

    def close(self, clean: bool = True) -> None:
        """End the session. ``clean``: every text was saved or discarded, remove them all.
        Not clean: leave the entries for the next start, as a crash would."""
        if self._lock_fd is None:
            return
        if clean:
            shutil.rmtree(self.folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                self._lock_path.unlink()  # POSIX: unlinking a held lock file is fine
        _unlock(self._lock_fd)
        self._lock_fd = None
        if clean:  # Windows cannot delete a file that is still open: try again now
            with contextlib.suppress(OSError):
                self._lock_path.unlink()


class Orphan:
    """A session whose Hotaru died, claimed (locked) by this one until ``finish``."""

    def __init__(self, folder: Path, lock_path: Path, lock_fd: int) -> None:
        self.folder = folder
        self._lock_path = lock_path
        self._lock_fd: int | None = lock_fd
        self.entries: list[Entry] = _read_entries(folder)

    def discard(self, entry: Entry) -> None:
        """The user said no to this text, or it is safe in a new session: delete it."""
        for suffix in (_SIDECAR, _TEXT):
            with contextlib.suppress(FileNotFoundError):
                (entry.folder / (entry.key + suffix)).unlink()
        if entry in self.entries:
            self.entries.remove(entry)

    def finish(self) -> None:
        """Let go of the session: removed when nothing is left in it, else kept for the next
        start (the user chose to decide later)."""
        if self._lock_fd is None:
            return
        empty = not self.entries
        if empty:
            shutil.rmtree(self.folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                self._lock_path.unlink()
        _unlock(self._lock_fd)
        self._lock_fd = None
        if empty:
            with contextlib.suppress(OSError):
                self._lock_path.unlink()


def _read_entries(folder: Path) -> list[Entry]:
    """The entries in ``folder``, oldest snapshot first; a text without a (readable) sidecar is
    still offered, as an untitled one."""
    entries = []
    for text in sorted(folder.glob("*" + _TEXT)):
        key = text.stem
        try:
            sidecar = (folder / (key + _SIDECAR)).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            sidecar = ""
        info = EntryInfo.from_json(sidecar, fallback_title=key)
        if not info.saved_at:
            with contextlib.suppress(OSError):
                info.saved_at = text.stat().st_mtime
        entries.append(Entry(folder, key, info))
    entries.sort(key=lambda e: e.info.saved_at)
    return entries


class RecoveryStore:
    """The recovery root: start this process's session, find those of dead ones."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def start_session(self) -> Session:
        """A new session for this process, locked before anyone can see it."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():x}-{os.getpid()}"
        lock_path = self.root / (name + _LOCK)
        # Made under a temporary name, locked, then renamed: another Hotaru scanning now never
        # sees this session's lock file unlocked (and would otherwise claim it as a dead one).
        fd, temp = tempfile.mkstemp(prefix=".new-", suffix=".tmp", dir=self.root)
        if not _lock(fd):  # nobody else knows the file: cannot happen
            os.close(fd)
            raise OSError(f"could not lock {temp}")
        try:
            os.replace(temp, lock_path)
        except OSError:  # Windows won't rename an open file: lock the final name directly
            _unlock(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            fd2 = _try_lock(lock_path)
            if fd2 is None:
                raise
            fd = fd2
        folder = self.root / name
        folder.mkdir(exist_ok=True)
        return Session(folder, lock_path, fd)

    def claim_orphans(self, exclude: Session | None = None) -> list[Orphan]:
        """The sessions whose Hotaru is gone, each locked for this process until finished.
        Sessions with no entries are removed on the way."""
        if not self.root.is_dir():
            return []
        orphans: list[Orphan] = []
        names = {p.name[: -len(_LOCK)] for p in self.root.glob("*" + _LOCK)}
        names |= {p.name for p in self.root.iterdir() if p.is_dir()}
        for name in sorted(names):
            if name.startswith(".") or (exclude is not None and name == exclude.folder.name):
                continue
            lock_path = self.root / (name + _LOCK)
            fd = _try_lock(lock_path)
            if fd is None:
                continue  # a running Hotaru's (or another one is offering it right now)
            orphan = Orphan(self.root / name, lock_path, fd)
            if orphan.entries:
                orphans.append(orphan)
            else:
                orphan.finish()
        return orphans


# --------------------------------------------------------------------------- the writer thread
@dataclass
class Writer:
    """Runs file jobs one at a time on a thread of its own. Jobs have keys: a job submitted
    while an older one with the same key still waits replaces it (only the newest text of a
    tab matters), keeping the older one's place in the queue."""

    on_error: Callable[[str, OSError], None] | None = None
    _pending: dict[str, Callable[[], None]] = field(default_factory=dict)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _running: bool = False
    _closed: bool = False
    _thread: threading.Thread | None = None

    def __post_init__(self) -> None:
        # a daemon thread: never keeps a dying process alive; close() drains it first
        self._thread = threading.Thread(target=self._run, name="hotaru-recovery", daemon=True)
        self._thread.start()

    def submit(self, key: str, job: Callable[[], None]) -> None:
        with self._cond:
            if self._closed:
                return
            self._pending[key] = job
            self._cond.notify_all()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far has run. False if ``timeout`` ran out."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._running, timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Run what is queued, then stop the thread. False if that took longer than
        ``timeout`` (the jobs left then die with the process)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return  # closed and drained
                key = next(iter(self._pending))
                job = self._pending.pop(key)
                self._running = True
            try:
                job()
            except OSError as exc:  # disk full, no access: reported, the next job still runs
                if self.on_error is not None:
                    self.on_error(key, exc)
            finally:
                with self._cond:
                    self._running = False
                    self._cond.notify_all()
