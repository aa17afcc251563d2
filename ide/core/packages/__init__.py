"""Package manager: micropython-lib's index (or any mip v2 index) onto the board's lib folder,
downloaded by the computer (the board needs no network). Qt-free:

    from ide.board import connect
    from ide.core import packages
    found = packages.search("ssd1306")                 # SearchResult: entries, offline, fetched_at
    with connect("/dev/ttyACM0") as s:
        packages.install(s, "ssd1306")                 # + its dependencies, .mpy for this board
        packages.install(s, "github:org/repo")         # a repo's package.json; also https://...
        packages.install(s, "/home/me/driver.py")      # a local .py/.mpy, folder or package.json
        print(packages.installed(s))                   # [Installed(name, version, files, ...)]
        packages.update(s, "ssd1306"); packages.uninstall(s, "ssd1306")

``index_url`` and ``cache_dir`` are parameters everywhere (a school can host its own index);
``progress(step: Message, done, total)`` and ``cancel() -> bool`` as in the rest of Hotaru.
Errors are PackageError subclasses carrying a Message (ide.core.packages.errors).
See ARCHITECTURE.md "Packages".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ide.core.packages.board import (
    BoardSession,
    Installed,
    Report,
    Transaction,
    lib_dir,
    mpy_version,
)
from ide.core.packages.board import installed as _installed
from ide.core.packages.board import uninstall as _uninstall
from ide.core.packages.errors import (
    BadPackage,
    BoardFailed,
    Cancelled,
    HashMismatch,
    NoNetwork,
    NoSpace,
    NotFound,
    PackageError,
    pkg_message,
)
from ide.core.packages.index import Index, IndexEntry, load_index
from ide.core.packages.resolve import Progress, ResolvedPackage, Resolver
from ide.core.packages.sources import DEFAULT_INDEX, GITHUB_GITLAB, Downloader, Hosts
from ide.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "DEFAULT_INDEX",
    "BadPackage",
    "BoardFacts",
    "BoardFailed",
    "BoardSession",
    "Cancelled",
    "HashMismatch",
    "Hosts",
    "Index",
    "IndexEntry",
    "Installed",
    "NoNetwork",
    "NoSpace",
    "NotFound",
    "PackageError",
    "Plan",
    "Report",
    "SearchResult",
    "apply",
    "board_facts",
    "default_cache_dir",
    "install",
    "installed",
    "lib_dir",
    "outdated",
    "prepare",
    "search",
    "uninstall",
    "update",
]


def default_cache_dir() -> Path:
    """Per-user cache of index pages and package files (ide.paths.cache_dir()/packages)."""
    from ide.paths import cache_dir

    return cache_dir() / "packages"


@dataclass(frozen=True)
class SearchResult:
    entries: list[IndexEntry]
    offline: bool  # the network failed: this is the cached index ...
    fetched_at: float  # ... downloaded then (seconds since 1970)
    index: Index


def search(
    query: str,
    index_url: str = DEFAULT_INDEX,
    cache_dir: Path | None = None,
    *,
    offline: bool = False,
) -> SearchResult:
    """Packages whose name or description matches ``query`` ("" lists all)."""
    index = load_index(index_url, Downloader(cache_dir or default_cache_dir(), offline=offline))
    return SearchResult(index.search(query), index.offline, index.fetched_at, index)


@dataclass(frozen=True)
class BoardFacts:
    lib: str  # the lib folder on sys.path ("/lib")
    mpy: int | None  # the bytecode version its .mpy files must have


def board_facts(session: BoardSession, mpy: bool = True) -> BoardFacts:
    """Where packages go on this board and which .mpy build fits it (one board job)."""
    return BoardFacts(lib_dir(session), mpy_version(session) if mpy else None)


@dataclass(frozen=True)
class Plan:
    """Everything to install, downloaded and hash-checked: no board needed to make it."""

    packages: list[ResolvedPackage]
    offline_since: float | None  # a cached copy stood in for the network (its date)


def prepare(
    name_or_url: str,
    version: str | None,
    facts: BoardFacts,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    index_url: str = DEFAULT_INDEX,
    cache_dir: Path | None = None,
    hosts: Hosts = GITHUB_GITLAB,
    offline: bool = False,
) -> Plan:
    """Resolve and download a package and its dependencies on this computer (the UI runs it
    off the board's queue, so the console stays usable meanwhile)."""
    downloader = Downloader(cache_dir or default_cache_dir(), offline=offline, cancel=cancel)
    resolver = Resolver(
        downloader, index_url, facts.mpy, hosts=hosts, progress=progress, cancel=cancel
    )
    found = resolver.resolve(name_or_url, version)
    return Plan(found, downloader.offline_since)


def apply(
    session: BoardSession,
    plan: Plan,
    facts: BoardFacts,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Report:
    """Put a prepared plan on the board, all or nothing (one board job)."""
    report = Report(packages=plan.packages, offline_since=plan.offline_since)
    Transaction(session, facts.lib, progress, cancel).run(plan.packages, report)
    return report


def install(
    session: BoardSession,
    name_or_url: str,
    version: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    index_url: str = DEFAULT_INDEX,
    cache_dir: Path | None = None,
    hosts: Hosts = GITHUB_GITLAB,
    offline: bool = False,
    mpy: bool = True,
) -> Report:
    """Install a package and its dependencies into the board's lib folder, all or nothing.

    Everything is downloaded and checked (hashes) first; then the board's free space is
    checked; files whose SHA-256 already matches are not sent again. ``mpy=False`` installs
    the .py build even where a .mpy build for the board exists."""
    facts = board_facts(session, mpy)
    plan = prepare(
        name_or_url,
        version,
        facts,
        progress,
        cancel,
        index_url=index_url,
        cache_dir=cache_dir,
        hosts=hosts,
        offline=offline,
    )
    return apply(session, plan, facts, progress, cancel)


def installed(session: BoardSession) -> list[Installed]:
    """What the board's lib folder holds (see ide.core.packages.board.installed)."""
    return _installed(session)


def uninstall(session: BoardSession, name: str) -> list[str]:
    """Remove an installed package; returns the board paths removed."""
    return _uninstall(session, name)


def update(
    session: BoardSession,
    name: str,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    *,
    index_url: str = DEFAULT_INDEX,
    cache_dir: Path | None = None,
    hosts: Hosts = GITHUB_GITLAB,
    offline: bool = False,
) -> Report:
    """Install the newest version of an installed package from where it came from (its
    metadata's source: an index name, a URL, a local path); files the old version had and the
    new one lacks are removed in the same commit."""
    current = next((p for p in _installed(session) if p.name == name), None)
    if current is None or current.version is None:
        # without metadata Hotaru does not know where it came from
        raise NotFound(_not_installed(name))
    return install(
        session,
        current.source or name,
        None,
        progress,
        cancel,
        index_url=index_url,
        cache_dir=cache_dir,
        hosts=hosts,
        offline=offline,
    )


def outdated(board: list[Installed], index: Index) -> dict[str, str]:
    """Installed packages from ``index`` whose index version differs: name -> new version."""
    out: dict[str, str] = {}
    for item in board:
        entry = index.find(item.name)
        if (
            entry is not None
            and item.version is not None
            and item.source == entry.name
            and entry.version
            and entry.version != item.version
        ):
            out[item.name] = entry.version
    return out


def _not_installed(name: str) -> Message:
    return pkg_message(
        QT_TRANSLATE_NOOP(
            "Packages", "{name} was not installed by Hotaru, so it cannot be updated here."
        ),
        name=name,
    )
