"""The board side: where lib is, what is installed, and the all-or-nothing install.

Metadata Hotaru leaves (so the Installed list can show versions and Uninstall knows the files):
``{lib}/.hotaru-packages/{name}.json`` = {"name", "version", "source", "build", "files":
[paths relative to lib], "deps": [names]}. mip and mpremote write none; files they installed
are listed by their name in lib, without a version.

An install writes every new file beside its target as ``{target}.hotaru-new`` (each one
verified by ide.board's own transfer), then one small program ON the board renames them all
into place, keeping replaced files as ``{target}.hotaru-old`` until every rename succeeded
(and renaming them back if one fails). Because that program runs on the board, a cable pulled
during the commit does not stop it halfway. Cancel or a failure before the commit removes the
``.hotaru-new`` files and the folders the install made: lib is as it was.
"""

from __future__ import annotations

import bisect
import itertools
import json
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ide.board.types import Entry
from ide.core.packages.errors import BoardFailed, Cancelled, NoSpace, pkg_message
from ide.core.packages.resolve import PlannedFile, Progress, ResolvedPackage
from ide.text import QT_TRANSLATE_NOOP

META_DIR = ".hotaru-packages"
NEW = ".hotaru-new"
OLD = ".hotaru-old"
BLOCK = 4096  # littlefs/FAT block on ESP32 and Pico: every file takes whole blocks


class BoardSession(Protocol):
    """The part of ide.board.Session the package manager uses (ide.board's session fits)."""

    def exec(self, code: str, timeout: float | None = None) -> str: ...
    def eval(self, expr: str, timeout: float | None = None) -> Any: ...  # noqa: ANN401
    def listdir(self, path: str = "/") -> Sequence[Entry]: ...
    def exists(self, path: str) -> bool: ...
    def mkdir(self, path: str, parents: bool = True) -> None: ...
    def remove(self, path: str) -> None: ...
    def rmtree(self, path: str) -> None: ...
    def disk_usage(self, path: str = "/") -> tuple[int, int, int]: ...
    def hashes(self, paths: Sequence[str]) -> dict[str, str | None]: ...
    def read_file(self, path: str, progress: Any = None) -> bytes: ...  # noqa: ANN401
    def write_file(self, path: str, data: bytes | str, progress: Any = None) -> None: ...  # noqa: ANN401


@dataclass(frozen=True)
class Installed:
    """A package in the board's lib folder."""

    name: str
    version: str | None  # None: installed without Hotaru's metadata (by hand, mip, mpremote)
    files: tuple[str, ...]  # relative to lib
    source: str = ""
    build: str = ""
    deps: tuple[str, ...] = ()


@dataclass
class Report:
    """What an install did."""

    packages: list[ResolvedPackage] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # board paths
    unchanged: list[str] = field(default_factory=list)  # hash already matched: not sent
    removed: list[str] = field(default_factory=list)  # an old version's files no longer used
    offline_since: float | None = None  # the cache stood in for the network (its date)


def lib_dir(session: BoardSession) -> str:
    """The board's lib folder: the first sys.path entry ending in /lib (not in /rom),
    else /lib."""
    paths = session.eval("__import__('sys').path")
    for p in paths if isinstance(paths, list) else []:
        if isinstance(p, str) and p.endswith("/lib") and not p.startswith("/rom"):
            return p
    return "/lib"


def mpy_version(session: BoardSession) -> int | None:
    """The bytecode version the board loads (.mpy files of another version fail to import)."""
    value = session.eval("getattr(__import__('sys').implementation, '_mpy', 0) & 0xFF")
    return value if isinstance(value, int) and value > 0 else None


def meta_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) or "package"


def _join(lib: str, rel: str) -> str:
    return lib.rstrip("/") + "/" + rel


def installed(session: BoardSession, lib: str | None = None) -> list[Installed]:
    """What is in lib: packages with Hotaru's metadata (name, version, files), then every other
    top-level entry by its name (a .py/.mpy without its suffix), version unknown."""
    lib = lib or lib_dir(session)
    if not session.exists(lib):
        return []
    out: list[Installed] = []
    owned: set[str] = set()
    meta_folder = _join(lib, META_DIR)
    if session.exists(meta_folder):
        for entry in session.listdir(meta_folder):
            if entry.is_dir or not entry.name.endswith(".json"):
                continue
            item = _read_meta(session, entry.path)
            if item is not None:
                out.append(item)
                owned.update(f.split("/", 1)[0] for f in item.files)
    for entry in session.listdir(lib):
        n = entry.name
        if n == META_DIR or n in owned or n.endswith((NEW, OLD)) or n.startswith("."):
            continue
        stem = n.rsplit(".", 1)[0] if not entry.is_dir and n.endswith((".py", ".mpy")) else n
        out.append(Installed(stem, None, (n,)))
    return sorted(out, key=lambda i: i.name.lower())


def _read_meta(session: BoardSession, path: str) -> Installed | None:
    try:
        doc = json.loads(session.read_file(path).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, OSError):
        return None  # a damaged note: the files still show by name
    if not isinstance(doc, dict) or not isinstance(doc.get("name"), str):
        return None
    files = doc.get("files")
    deps = doc.get("deps")
    return Installed(
        doc["name"],
        str(doc.get("version") or ""),
        tuple(f for f in files if isinstance(f, str)) if isinstance(files, list) else (),
        str(doc.get("source") or ""),
        str(doc.get("build") or ""),
        tuple(d for d in deps if isinstance(d, str)) if isinstance(deps, list) else (),
    )


def _meta_file(pkg: ResolvedPackage) -> PlannedFile:
    doc = {
        "name": pkg.name,
        "version": pkg.version,
        "source": pkg.source,
        "build": pkg.build,
        "files": sorted({f.path for f in pkg.files}),
        "deps": pkg.deps,
    }
    data = json.dumps(doc, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    return PlannedFile(f"{META_DIR}/{meta_name(pkg.name)}.json", data)


def _blocks(size: int) -> int:
    return max(1, -(-size // BLOCK)) * BLOCK


# The commit, run on the board. Our own program; every path reaches it through repr().
_COMMIT = """import os
def _e(p):
    try:
        os.stat(p)
        return 1
    except OSError:
        return 0
_d = []
try:
    for _t, _f in {pairs!r}:
        if _e(_f):
            os.rename(_f, _f + {old!r})
            _d.append((0, _f))
        os.rename(_t, _f)
        _d.append((1, _f))
    for _f in {gone!r}:
        if _e(_f):
            os.rename(_f, _f + {old!r})
            _d.append((0, _f))
except Exception as _x:
    for _k, _f in reversed(_d):
        try:
            if _k:
                os.rename(_f, _f + {new!r})
            else:
                os.rename(_f + {old!r}, _f)
        except OSError:
            pass
    print('FAIL', repr(_x))
else:
    for _k, _f in _d:
        if not _k:
            try:
                os.remove(_f + {old!r})
            except OSError:
                pass
    print('OK')
"""


class Transaction:
    """Installs resolved packages into ``lib`` all or nothing (see the module's doc)."""

    def __init__(
        self,
        session: BoardSession,
        lib: str,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> None:
        self.session = session
        self.lib = lib.rstrip("/") or "/"
        self.progress = progress
        self.cancel = cancel
        self._written: list[str] = []  # .hotaru-new files on the board
        self._made: list[str] = []  # folders this install created

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel()

    def _say(self, source: str, done: int, total: int, **args: object) -> None:
        if self.progress is not None:
            self.progress(pkg_message(source, **args), done, total)

    def run(self, packages: list[ResolvedPackage], report: Report) -> None:
        s = self.session
        previous = {i.name: i for i in installed(s, self.lib) if i.version is not None}
        files: dict[str, PlannedFile] = {}
        for pkg in packages:
            for f in pkg.files:
                files[_join(self.lib, f.path)] = f  # a later package wins, as mip does
            meta = _meta_file(pkg)
            files[_join(self.lib, meta.path)] = meta
        keep = set(files)
        gone: list[str] = []
        for pkg in packages:  # files of the version being replaced that the new one lacks
            old = previous.get(pkg.name)
            for rel in old.files if old else ():
                path = _join(self.lib, rel)
                if path not in keep and path not in gone:
                    gone.append(path)
        self._say(QT_TRANSLATE_NOOP("Packages", "Checking the board…"), 0, 1)
        on_board = s.hashes(sorted(files))
        todo = {p: f for p, f in files.items() if on_board.get(p) != f.sha256}
        report.unchanged = sorted(set(files) - set(todo))
        self._check_space(todo)
        if self._cancelled():
            raise _cancelled()
        try:
            self._make_folders(todo)
            self._write(todo)
            self._commit(todo, gone)
        except BaseException:
            self.rollback()
            raise
        report.written = sorted(todo)
        report.removed = gone
        self._tidy_folders(gone)

    def _check_space(self, todo: dict[str, PlannedFile]) -> None:
        need = sum(_blocks(len(f.data)) for f in todo.values())
        if not need:
            return
        where = self.lib if self.session.exists(self.lib) else "/"
        _total, _used, free = self.session.disk_usage(where)
        if need > free:
            raise NoSpace(
                pkg_message(
                    QT_TRANSLATE_NOOP(
                        "Packages",
                        "Not enough space on the board: the package needs {need} KB, {free} KB "
                        "are free. Nothing was installed.",
                    ),
                    need=-(-need // 1024),
                    free=free // 1024,
                )
            )

    def _make_folders(self, todo: dict[str, PlannedFile]) -> None:
        folders = sorted({posixpath.dirname(p) for p in todo})
        wanted: list[str] = []
        for folder in folders:
            while folder and folder != "/" and folder not in wanted:
                wanted.append(folder)
                folder = posixpath.dirname(folder)
        for folder in sorted(wanted, key=lambda f: f.count("/")):
            if not self.session.exists(folder):
                self.session.mkdir(folder, parents=False)
                self._made.append(folder)

    def _write(self, todo: dict[str, PlannedFile]) -> None:
        total = sum(len(f.data) for f in todo.values()) or 1
        # a session with write_files (ide.board) sends everything as one stream; test doubles
        # and older backends have only write_file
        write_files = getattr(self.session, "write_files", None)
        if write_files is not None:
            self._write_stream(write_files, todo, total)
            return
        done = 0
        for path, f in todo.items():
            if self._cancelled():
                raise _cancelled()
            base = done

            def step(sent: int, _size: int, base: int = base, path: str = path) -> bool:
                self._say(
                    QT_TRANSLATE_NOOP("Packages", "Copying {path}…"), base + sent, total, path=path
                )
                return not self._cancelled()  # False: ide.board abandons this file

            self._written.append(path + NEW)  # before the write: a cut link may leave it
            try:
                self.session.write_file(path + NEW, f.data, step)
            except Exception as e:
                if self._cancelled():
                    raise _cancelled() from e
                raise
            done += len(f.data)
        if self._cancelled():
            raise _cancelled()

    def _write_stream(
        self,
        write_files: Callable[[list[tuple[str, bytes]], Callable[[int, int], bool]], None],
        todo: dict[str, PlannedFile],
        total: int,
    ) -> None:
        """All files in one stream (Session.write_files: compressed where the board can)."""
        paths = list(todo)
        self._written += [p + NEW for p in paths]  # before the write: a cut link may leave them
        ends = list(itertools.accumulate(len(todo[p].data) for p in paths))

        def step(sent: int, _size: int) -> bool:
            # the file being copied: the first whose end is beyond what has been sent
            path = paths[min(bisect.bisect_right(ends, sent), len(paths) - 1)]
            self._say(QT_TRANSLATE_NOOP("Packages", "Copying {path}…"), sent, total, path=path)
            return not self._cancelled()  # False: ide.board abandons the stream

        if self._cancelled():
            raise _cancelled()
        try:
            write_files([(p + NEW, todo[p].data) for p in paths], step)
        except Exception as e:
            if self._cancelled():
                raise _cancelled() from e
            raise
        if self._cancelled():
            raise _cancelled()

    def _commit(self, todo: dict[str, PlannedFile], gone: list[str]) -> None:
        self._say(QT_TRANSLATE_NOOP("Packages", "Finishing…"), 1, 1)
        pairs = [(p + NEW, p) for p in todo]
        code = _COMMIT.format(pairs=pairs, gone=gone, old=OLD, new=NEW)
        out = self.session.exec(code, timeout=30)
        if "OK" not in out.split():
            raise BoardFailed(
                pkg_message(
                    QT_TRANSLATE_NOOP(
                        "Packages", "The board could not finish the install; nothing was changed."
                    )
                ),
                out.strip(),
            )
        self._written = []  # they have their real names now

    def rollback(self) -> None:
        """Remove what this install wrote; best effort (the link may be gone)."""
        for path in reversed(self._written):
            try:
                if self.session.exists(path):
                    self.session.remove(path)
            except Exception:  # noqa: BLE001 - a dead link: leftovers are only .hotaru-new
                return
        for folder in reversed(self._made):
            try:
                self.session.rmtree(folder)  # made by this install: only its files were in it
            except Exception:  # noqa: BLE001
                return
        self._written, self._made = [], []

    def _tidy_folders(self, gone: list[str]) -> None:
        for folder in sorted({posixpath.dirname(p) for p in gone}, key=len, reverse=True):
            if folder.rstrip("/") == self.lib or not folder.startswith(self.lib + "/"):
                continue
            try:
                if not self.session.listdir(folder):
                    self.session.rmtree(folder)
            except Exception:  # noqa: BLE001 - an empty folder left behind harms nothing
                pass


def _cancelled() -> Cancelled:
    return Cancelled(
        pkg_message(
            QT_TRANSLATE_NOOP("Packages", "Cancelled. The board's lib folder is as it was.")
        )
    )


def uninstall(session: BoardSession, name: str, lib: str | None = None) -> list[str]:
    """Remove a package: the files its metadata lists (not those another package lists too),
    folders left empty, the metadata; without metadata, the entry ``name`` / ``name.py`` /
    ``name.mpy`` in lib. Returns the board paths removed. Dependencies stay."""
    lib = lib or lib_dir(session)
    packages = installed(session, lib)
    target = next((p for p in packages if p.name == name), None)
    if target is None:
        from ide.core.packages.errors import NotFound

        raise NotFound(
            pkg_message(
                QT_TRANSLATE_NOOP("Packages", "{name} is not installed on the board."), name=name
            )
        )
    others = {f for p in packages if p is not target and p.version is not None for f in p.files}
    removed: list[str] = []
    if target.version is None:
        path = _join(lib, target.files[0])
        session.rmtree(path)  # a file or a whole folder, one round trip
        return [path]
    for rel in target.files:
        if rel in others:
            continue
        path = _join(lib, rel)
        if session.exists(path):
            session.remove(path)
            removed.append(path)
    meta = _join(lib, f"{META_DIR}/{meta_name(target.name)}.json")
    if session.exists(meta):
        session.remove(meta)
    folders = {posixpath.dirname(p) for p in removed} | {posixpath.dirname(meta)}
    for folder in sorted(folders, key=len, reverse=True):
        while folder.startswith(lib.rstrip("/") + "/"):
            try:
                if session.listdir(folder):
                    break
                session.rmtree(folder)
            except Exception:  # noqa: BLE001 - left as it is
                break
            folder = posixpath.dirname(folder)
    return removed
