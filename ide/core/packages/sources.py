"""Downloads for the package manager: HTTP(S) with a per-user cache, and mip's short URLs.

Every successful download is kept in the cache folder with the date it was fetched
(``<sha256 of the URL>.bin`` + ``.json`` {"url", "fetched_at"}). When the network fails, the
cached copy is used and :attr:`Downloader.offline` records it, so the UI can say "offline,
using the copy from <date>". Files named by their hash (the index's ``file/hh/hash``) never
change, so a cached copy of those is used without asking the network at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ide.core.packages.errors import BadPackage, NoNetwork, NotFound, pkg_message
from ide.text import QT_TRANSLATE_NOOP

#: micropython-lib's index (mip v2 layout), the default of the "index URL" setting
DEFAULT_INDEX = "https://micropython.org/pi/v2"
GITHUB_RAW = "https://raw.githubusercontent.com"
GITLAB = "https://gitlab.com"
TIMEOUT = 15.0  # seconds for one HTTP request (connect and each read)


@dataclass(frozen=True)
class Hosts:
    """Where ``github:`` and ``gitlab:`` short URLs point (tests serve them locally)."""

    github: str = GITHUB_RAW
    gitlab: str = GITLAB


#: the real hosts (the default)
GITHUB_GITLAB = Hosts()


def is_remote(url: str) -> bool:
    """A URL the package manager downloads (rather than a path on this computer)."""
    return url.startswith(("http://", "https://", "github:", "gitlab:"))


def rewrite_url(url: str, branch: str | None = None, hosts: Hosts = Hosts()) -> str:
    """``github:org/repo/path`` -> the raw file on ``branch`` (HEAD when None), likewise
    ``gitlab:``; any other URL unchanged."""
    hosts = hosts or GITHUB_GITLAB
    for prefix, base, raw in (("github:", hosts.github, ""), ("gitlab:", hosts.gitlab, "-/raw/")):
        if not url.startswith(prefix):
            continue
        parts = url[len(prefix) :].split("/")
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise BadPackage(
                pkg_message(
                    QT_TRANSLATE_NOOP("Packages", "Not a repository address: {url}"), url=url
                )
            )
        org, repo, rest = parts[0], parts[1], "/".join(parts[2:])
        return f"{base.rstrip('/')}/{org}/{repo}/{raw}{branch or 'HEAD'}/{rest}"
    return url


@dataclass(frozen=True)
class Fetched:
    data: bytes
    fetched_at: float  # seconds since 1970, when it came from the network
    from_cache: bool


class Downloader:
    """HTTP(S) GET with the cache folder ``cache_dir``. ``offline=True`` never asks the network
    (tests; a user who said so). Not thread-safe: one per install or search."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        offline: bool = False,
        timeout: float = TIMEOUT,
        cancel: Callable[[], bool] | None = None,
    ) -> None:
        self.cache_dir = cache_dir
        self.force_offline = offline
        self.timeout = timeout
        self.cancel = cancel
        #: set when a cached copy stood in for the network: the oldest such copy's date
        self.offline_since: float | None = None

    @property
    def offline(self) -> bool:
        return self.offline_since is not None

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return self.cache_dir / f"{key}.bin", self.cache_dir / f"{key}.json"

    def cached(self, url: str) -> Fetched | None:
        data_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None  # a 160-bit key collision is not expected; never serve another URL
        fetched_at = meta.get("fetched_at")
        when = float(fetched_at) if isinstance(fetched_at, int | float) else 0.0
        return Fetched(data, when, True)

    def _store(self, url: str, data: bytes, when: float) -> None:
        data_path, meta_path = self._paths(url)
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            for path, body in ((data_path, data), (meta_path, _meta(url, when))):
                # temporary name + replace: a reader never sees half a file
                fd, tmp = tempfile.mkstemp(dir=self.cache_dir, suffix=".part")
                with os.fdopen(fd, "wb") as f:
                    f.write(body)
                os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a download next time

    def get(self, url: str, *, immutable: bool = False) -> Fetched:
        """The body at ``url`` (http/https). ``immutable``: named by its content, so a cached
        copy is as good as a fresh one. NotFound on 404; NoNetwork when the network fails and
        nothing is cached."""
        if not url.startswith(("http://", "https://")):
            raise BadPackage(
                pkg_message(QT_TRANSLATE_NOOP("Packages", "Not a web address: {url}"), url=url)
            )
        if immutable or self.force_offline:
            hit = self.cached(url)
            if hit is not None:
                return hit
        if self.force_offline:
            return self._fallback(url, "offline")
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "Hotaru"})
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = _read(response, self.cancel)
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                raise NotFound(
                    pkg_message(QT_TRANSLATE_NOOP("Packages", "Not found: {url}"), url=url)
                ) from e
            return self._fallback(url, f"HTTP {e.code}")
        except (TimeoutError, urllib.error.URLError, OSError) as e:
            return self._fallback(url, str(getattr(e, "reason", e)))
        now = time.time()
        self._store(url, data, now)
        return Fetched(data, now, False)

    def _fallback(self, url: str, reason: str) -> Fetched:
        hit = self.cached(url)
        if hit is None:
            raise NoNetwork(
                pkg_message(
                    QT_TRANSLATE_NOOP(
                        "Packages",
                        "No network: {url} could not be downloaded, and there is no saved copy.",
                    ),
                    url=url,
                ),
                reason,
            )
        if self.offline_since is None or hit.fetched_at < self.offline_since:
            self.offline_since = hit.fetched_at
        return hit


def _meta(url: str, when: float) -> bytes:
    return json.dumps({"url": url, "fetched_at": when}).encode("utf-8")


def _read(response: object, cancel: Callable[[], bool] | None) -> bytes:
    from ide.core.packages.errors import Cancelled

    chunks: list[bytes] = []
    read = getattr(response, "read")  # noqa: B009 - http.client.HTTPResponse.read
    while True:
        if cancel is not None and cancel():
            raise Cancelled(pkg_message(QT_TRANSLATE_NOOP("Packages", "Cancelled.")))
        chunk = read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
