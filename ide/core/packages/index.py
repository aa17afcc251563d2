"""micropython-lib's package index (the mip v2 layout), read and searched.

{index}/index.json                                  {"v": 2, "updated": ..., "packages": [
                                                      {name, version, description, author,
                                                       license, versions: {"py"|"6": [...]},
                                                       path}]}
{index}/package/{py|mpy version}/{name}/{version|latest}.json
                                                    {"v": 1, "version", "hashes": [[path,
                                                     short sha256]], "urls": [[path, url]],
                                                     "deps": [[name, version]]}
{index}/file/{first 2 of hash}/{short hash}         the file's bytes
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ide.core.packages.errors import BadPackage, pkg_message
from ide.core.packages.sources import Downloader
from ide.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class IndexEntry:
    """One package the index lists."""

    name: str
    version: str = ""
    description: str = ""
    author: str = ""
    license: str = ""
    #: build ("py" or an mpy version such as "6") -> versions published for it
    versions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""  # where it lives in micropython-lib's tree (index v2)

    def build_for(self, mpy: int | None) -> str:
        """The build to install on a board of bytecode version ``mpy``: its .mpy build when
        published, else "py" (source, any board)."""
        if mpy is not None and str(mpy) in self.versions:
            return str(mpy)
        return "py"


@dataclass(frozen=True)
class Index:
    url: str
    entries: tuple[IndexEntry, ...]
    fetched_at: float  # when this copy was downloaded (seconds since 1970)
    offline: bool  # True: the network failed and this is the cached copy

    def find(self, name: str) -> IndexEntry | None:
        for entry in self.entries:
            if entry.name == name:
                return entry
        lowered = name.lower()  # "SSD1306" from a lesson still finds ssd1306
        return next((e for e in self.entries if e.name.lower() == lowered), None)

    def search(self, query: str) -> list[IndexEntry]:
        """Entries whose name or description contains every word of ``query`` (any case):
        exact name first, then names starting with it, names containing it, descriptions."""
        words = query.lower().split()
        if not words:
            return sorted(self.entries, key=lambda e: e.name.lower())
        phrase = " ".join(words)

        def rank(entry: IndexEntry) -> int:
            name = entry.name.lower()
            if name == phrase:
                return 0
            return 1 if name.startswith(phrase) else 2 if phrase in name else 3

        hits = [
            e
            for e in self.entries
            if all(w in e.name.lower() or w in e.description.lower() for w in words)
        ]
        return sorted(hits, key=lambda e: (rank(e), e.name.lower()))


def _bad_index(url: str, detail: str) -> BadPackage:
    return BadPackage(
        pkg_message(
            QT_TRANSLATE_NOOP("Packages", "The package index at {url} could not be read."), url=url
        ),
        detail,
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def parse_index(url: str, data: bytes, fetched_at: float, offline: bool) -> Index:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise _bad_index(url, str(e)) from e
    packages = doc.get("packages") if isinstance(doc, dict) else None
    if not isinstance(packages, list):
        raise _bad_index(url, "no package list")
    entries = []
    for item in packages:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue  # one odd entry does not hide the others
        raw_versions = item.get("versions")
        versions: dict[str, tuple[str, ...]] = {}
        if isinstance(raw_versions, dict):
            for build, listed in raw_versions.items():
                if isinstance(listed, list):
                    versions[str(build)] = tuple(str(v) for v in listed)
        entries.append(
            IndexEntry(
                name=item["name"],
                version=_text(item.get("version")),
                description=_text(item.get("description")),
                author=_text(item.get("author")),
                license=_text(item.get("license")),
                versions=versions,
                path=_text(item.get("path")),
            )
        )
    return Index(url, tuple(entries), fetched_at, offline)


def load_index(index_url: str, downloader: Downloader) -> Index:
    """The index at ``index_url`` (fresh, or the cached copy when offline)."""
    url = index_url.rstrip("/") + "/index.json"
    got = downloader.get(url)
    return parse_index(index_url, got.data, got.fetched_at, got.from_cache)


def package_json_url(index_url: str, name: str, build: str, version: str | None) -> str:
    return f"{index_url.rstrip('/')}/package/{build}/{name}/{version or 'latest'}.json"


def file_url(index_url: str, short_hash: str) -> str:
    return f"{index_url.rstrip('/')}/file/{short_hash[:2]}/{short_hash}"
