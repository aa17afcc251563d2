"""What to install: a package name, URL or local file/folder -> the files, dependencies
included, downloaded and checked on this computer before the board is touched."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ide.core.packages.errors import BadPackage, Cancelled, HashMismatch, NotFound, pkg_message
from ide.core.packages.index import Index, file_url, load_index, package_json_url
from ide.core.packages.sources import GITHUB_GITLAB, Downloader, Hosts, is_remote, rewrite_url
from ide.text import QT_TRANSLATE_NOOP, Message

#: progress(step, done, total): what is happening, counted in steps or bytes
Progress = Callable[[Message, int, int], None]
SKIP_DIRS = {"__pycache__", ".git"}


@dataclass(frozen=True)
class PlannedFile:
    path: str  # relative to the lib folder, "/"-separated ("ssd1306.mpy", "umqtt/simple.py")
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class ResolvedPackage:
    name: str
    version: str
    source: str  # what to ask for again on update: index name, URL or local path
    build: str  # "py", an mpy version ("6"), "url" or "local"
    files: list[PlannedFile] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


def safe_relative(path: str, origin: str) -> str:
    """``path`` if it stays inside the lib folder, else BadPackage (a package.json is data)."""
    parts = PurePosixPath(path).parts
    if (
        not path
        or "\\" in path
        or path.startswith("/")
        or any(p in ("", ".", "..") for p in parts)
        or any(ord(c) < 32 for c in path)
    ):
        raise BadPackage(
            pkg_message(
                QT_TRANSLATE_NOOP("Packages", "{origin} names an unsafe file path: {path}"),
                origin=origin,
                path=path,
            )
        )
    return "/".join(parts)


def _name_from(url: str) -> str:
    """A package name for a URL install: the folder holding package.json, else the repo."""
    body = re.sub(r"^(github:|gitlab:|https?://)", "", url.rstrip("/"))
    parts = [p for p in body.split("/") if p]
    if parts and parts[-1].endswith(".json"):
        parts = parts[:-1]
    if parts and parts[-1].endswith((".py", ".mpy")):
        return parts[-1].rsplit(".", 1)[0]
    return parts[-1] if parts else "package"


class Resolver:
    """Collects every file of a package and its dependencies. ``mpy`` is the board's bytecode
    version (None: source only)."""

    def __init__(
        self,
        downloader: Downloader,
        index_url: str,
        mpy: int | None,
        *,
        hosts: Hosts = GITHUB_GITLAB,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> None:
        self.downloader = downloader
        self.index_url = index_url.rstrip("/")
        self.mpy = mpy
        self.hosts = hosts
        self.progress = progress
        self.cancel = cancel
        self._index: Index | None = None
        self._seen: set[str] = set()
        self.packages: list[ResolvedPackage] = []

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = load_index(self.index_url, self.downloader)
        return self._index

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled(pkg_message(QT_TRANSLATE_NOOP("Packages", "Cancelled.")))

    def _say(self, step: Message) -> None:
        if self.progress is not None:
            self.progress(step, len(self.packages), len(self.packages) + 1)

    def resolve(self, name_or_url: str, version: str | None = None) -> list[ResolvedPackage]:
        """Every package to install, the one asked for first, then its dependencies."""
        self._add(name_or_url.strip(), version)
        return self.packages

    def _add(self, source: str, version: str | None) -> None:
        key = source.lower()
        if key in self._seen:  # a dependency shared by two packages, or a cycle
            return
        self._seen.add(key)
        self._check_cancel()
        self._say(pkg_message(QT_TRANSLATE_NOOP("Packages", "Downloading {name}…"), name=source))
        if is_remote(source):
            if source.endswith((".py", ".mpy")):
                self._single_url(source, version)
            else:
                url = source if source.endswith(".json") else source.rstrip("/") + "/package.json"
                self._package_json(_name_from(source), source, url, version, "url")
        elif Path(source).expanduser().exists():
            self._local(Path(source).expanduser())
        elif source.endswith(".json"):
            raise NotFound(
                pkg_message(QT_TRANSLATE_NOOP("Packages", "Not found: {url}"), url=source)
            )
        else:
            self._from_index(source, version)

    def _from_index(self, name: str, version: str | None) -> None:
        if "@" in name and version is None:  # "ssd1306@0.1.0", as mip accepts it
            name, version = name.split("@", 1)
        if version == "latest":
            version = None
        entry = self.index.find(name)
        if entry is None:
            raise NotFound(
                pkg_message(
                    QT_TRANSLATE_NOOP(
                        "Packages", "There is no package called “{name}” in {index}."
                    ),
                    name=name,
                    index=self.index_url,
                )
            )
        build = entry.build_for(self.mpy)
        if version is not None and version not in entry.versions.get(build, ()):
            raise NotFound(
                pkg_message(
                    QT_TRANSLATE_NOOP("Packages", "{name} has no version {version}."),
                    name=entry.name,
                    version=version,
                )
            )
        url = package_json_url(self.index_url, entry.name, build, version)
        self._package_json(entry.name, entry.name, url, version, build, entry.version)

    def _package_json(
        self,
        name: str,
        source: str,
        url: str,
        version: str | None,
        build: str,
        listed_version: str = "",
    ) -> None:
        if is_remote(url):
            doc = _json(self.downloader.get(rewrite_url(url, version, self.hosts)).data, url)
            base = url.rpartition("/")[0]  # relative "urls" are relative to package.json
        else:
            try:
                doc = _json(Path(url).read_bytes(), url)
            except OSError as e:
                raise NotFound(
                    pkg_message(QT_TRANSLATE_NOOP("Packages", "Not found: {url}"), url=url)
                ) from e
            base = str(Path(url).parent)
        pkg = ResolvedPackage(
            name, _str(doc.get("version")) or listed_version or (version or ""), source, build
        )
        self.packages.append(pkg)
        for item in _pairs(doc, "hashes", url):
            path, short = safe_relative(item[0], url), item[1].lower()
            if not re.fullmatch(r"[0-9a-f]{2,64}", short):
                raise BadPackage(
                    pkg_message(
                        QT_TRANSLATE_NOOP("Packages", "The package {name} is damaged."), name=name
                    ),
                    f"hash {short!r}",
                )
            self._check_cancel()
            data = self.downloader.get(file_url(self.index_url, short), immutable=True).data
            if not hashlib.sha256(data).hexdigest().startswith(short):
                raise HashMismatch(
                    pkg_message(
                        QT_TRANSLATE_NOOP(
                            "Packages",
                            "{path} of {name} is damaged: its checksum does not match the "
                            "index. Nothing was installed.",
                        ),
                        path=path,
                        name=name,
                    )
                )
            pkg.files.append(PlannedFile(path, data))
        for item in _pairs(doc, "urls", url):
            path, file_ref = safe_relative(item[0], url), item[1]
            if not is_remote(file_ref):
                file_ref = f"{base}/{file_ref}"
            self._check_cancel()
            if is_remote(file_ref):
                data = self.downloader.get(rewrite_url(file_ref, version, self.hosts)).data
            else:
                data = _read_local(Path(file_ref))
            pkg.files.append(PlannedFile(path, data))
        for dep_name, dep_version in _pairs(doc, "deps", url):
            pkg.deps.append(dep_name)
            self._add(dep_name, dep_version or None)

    def _single_url(self, url: str, version: str | None) -> None:
        name = url.rsplit("/", 1)[-1]
        data = self.downloader.get(rewrite_url(url, version, self.hosts)).data
        pkg = ResolvedPackage(_name_from(url), version or "", url, "url")
        pkg.files.append(PlannedFile(safe_relative(name, url), data))
        self.packages.append(pkg)

    def _local(self, path: Path) -> None:
        if path.is_file() and path.suffix == ".json":
            self._package_json(_name_from(path.parent.name), str(path), str(path), None, "local")
            return
        pkg = ResolvedPackage(path.stem if path.is_file() else path.name, "", str(path), "local")
        if path.is_file():
            if path.suffix not in (".py", ".mpy"):
                raise BadPackage(
                    pkg_message(
                        QT_TRANSLATE_NOOP(
                            "Packages", "Only .py and .mpy files can be installed: {path}"
                        ),
                        path=path.name,
                    )
                )
            pkg.files.append(PlannedFile(safe_relative(path.name, str(path)), _read_local(path)))
        else:
            # a folder becomes a package folder of the same name in lib (import name.module)
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path.parent)
                if file.is_file() and not SKIP_DIRS.intersection(rel.parts):
                    pkg.files.append(
                        PlannedFile(safe_relative(rel.as_posix(), str(path)), _read_local(file))
                    )
        self.packages.append(pkg)


def _read_local(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise NotFound(
            pkg_message(QT_TRANSLATE_NOOP("Packages", "Not found: {url}"), url=str(path)), str(e)
        ) from e


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _json(data: bytes, url: str) -> dict[str, object]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise BadPackage(
            pkg_message(
                QT_TRANSLATE_NOOP("Packages", "{url} is not a package description."), url=url
            ),
            str(e),
        ) from e
    if not isinstance(doc, dict):
        raise BadPackage(
            pkg_message(
                QT_TRANSLATE_NOOP("Packages", "{url} is not a package description."), url=url
            )
        )
    return doc


def _pairs(doc: dict[str, object], key: str, url: str) -> list[tuple[str, str]]:
    """doc[key] as [[str, str], ...] (mip's "hashes", "urls", "deps")."""
    value = doc.get(key, [])
    out: list[tuple[str, str]] = []
    if isinstance(value, list):
        for item in value:
            if (
                isinstance(item, list | tuple)
                and len(item) == 2
                and isinstance(item[0], str)
                and isinstance(item[1], str)
            ):
                out.append((item[0], item[1]))
                continue
            raise BadPackage(
                pkg_message(
                    QT_TRANSLATE_NOOP("Packages", "{url} is not a package description."), url=url
                ),
                f"{key}: {item!r}",
            )
    return out
