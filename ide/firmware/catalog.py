"""The micropython.org firmware catalogue: board list, firmware files per board, downloads.

micropython.org lists boards at ``/download/`` (links ``/download/<BOARD>/``) and, on each
board's page, the firmware files by version, named
``<BOARD>[-<VARIANT>]-<YYYYMMDD>-v<version>[-preview...].<bin|uf2>``. We read those links
(the file names carry everything we need), keep each page in the cache with the date it was
fetched, and fall back to the cache when offline (saying so). Downloads go to a ``.part``
file, are checked (size against Content-Length, SHA-256 where the page publishes one, and
the firmware format) and only then renamed into place: a partial download is never used.

Only HTTPS is used, except to a server on this computer (tests).
"""

from __future__ import annotations

import hashlib
import html
import http.client
import json
import re
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from ide import __version__ as _ide_version
from ide.firmware.cancel import CancelCheck, Progress, check_cancel
from ide.firmware.errors import Cancelled, CatalogError, ImageRejected, fw_message
from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message

DEFAULT_BASE = "https://micropython.org"
TIMEOUT = 15.0
T = TypeVar("T")

_FILE_RE = re.compile(
    r"^(?P<board>[A-Za-z0-9_]+)(?:-(?P<variant>[A-Za-z0-9_]+))?-(?P<date>\d{8})-"
    r"(?P<version>v\d+\.\d+(?:\.\d+)?(?:-[A-Za-z0-9_.+]+)?)\.(?P<ext>bin|uf2)$"
)
_LINK_RE = re.compile(r"<a\s([^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_ATTR_RE = re.compile(r'([a-zA-Z0-9_:-]+)\s*=\s*"([^"]*)"')
_BOARD_HREF_RE = re.compile(r"(?:^|/download/)([A-Za-z0-9_]+)/?$")
_TAG_RE = re.compile(r"<[^>]+>")
_NAME_RE = re.compile(r'class="[^"]*name[^"]*"[^>]*>(.*?)</', re.IGNORECASE | re.DOTALL)

# MicroPython's generic board (and variant) for a chip; the user may pick another board.
GENERIC_BOARDS: dict[str, str] = {
    "ESP32": "ESP32_GENERIC",
    "ESP32-S2": "ESP32_GENERIC_S2",
    "ESP32-S3": "ESP32_GENERIC_S3",
    "ESP32-C2": "ESP32_GENERIC_C2",
    "ESP32-C3": "ESP32_GENERIC_C3",
    "ESP32-C5": "ESP32_GENERIC_C5",
    "ESP32-C6": "ESP32_GENERIC_C6",
    "ESP32-P4": "ESP32_GENERIC_P4",
    "ESP8266": "ESP8266_GENERIC",
    "RP2040": "RPI_PICO",
    "RP2350": "RPI_PICO2",
}


@dataclass(frozen=True)
class Board:
    id: str  # "ESP32_GENERIC_S3"
    name: str  # "ESP32-S3" (as the page names it)
    url: str


@dataclass(frozen=True)
class Firmware:
    board: str
    variant: str  # "" for the standard build, else e.g. "SPIRAM"
    version: str  # "v1.25.0" or "v1.26.0-preview.123.gabc"
    date: str  # "20250415"
    url: str
    filename: str
    ext: str  # "bin" or "uf2"
    sha256: str | None = None
    size: int | None = None

    @property
    def preview(self) -> bool:
        return "preview" in self.version

    @property
    def version_key(self) -> tuple[int, ...]:
        nums = re.findall(r"\d+", self.version.split("-")[0])
        return tuple(int(n) for n in nums) + (0 if self.preview else 1,)


@dataclass
class Listing(Generic[T]):
    items: list[T]
    fetched_at: datetime
    from_cache: bool = False
    notice: Message | None = None  # e.g. "offline: using the list saved on ..."


def suggest_board(
    chip: str, has_psram: bool = False, flash_size: int | None = None
) -> tuple[str, str]:
    """(board id, variant) of MicroPython's generic build for ``chip``.

    The standard ESP8266 build needs 2 MB of flash or more; smaller boards (ESP-01 and
    friends) get MicroPython's FLASH_1M / FLASH_512K variants.
    """
    board = GENERIC_BOARDS.get(chip, "")
    variant = ""
    if has_psram and chip == "ESP32":
        variant = "SPIRAM"
    elif has_psram and chip == "ESP32-S3":
        variant = "SPIRAM_OCT"
    elif chip == "ESP8266" and flash_size is not None and flash_size < 2 << 20:
        variant = "FLASH_512K" if flash_size <= 512 << 10 else "FLASH_1M"
    return board, variant


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG_RE.sub(" ", fragment)).split())


def parse_board_list(page: str, base_url: str) -> list[Board]:
    """Boards linked from the /download/ page (first link text that is not empty wins)."""
    boards: dict[str, Board] = {}
    for attrs, inner in _LINK_RE.findall(page):
        href = dict(_ATTR_RE.findall(attrs)).get("href", "")
        path = urllib.parse.urlparse(href).path if "://" in href else href
        if "/download/" not in path and "/" in path.rstrip("/"):
            continue
        match = _BOARD_HREF_RE.search(path)
        if not match or not re.search(r"[A-Z]", match.group(1)):
            continue
        board_id = match.group(1)
        named = _NAME_RE.search(inner)  # a card: prefer its "...name" element
        name = _text(named.group(1) if named else inner) or board_id
        if board_id not in boards or boards[board_id].name == board_id:
            url = urllib.parse.urljoin(base_url.rstrip("/") + "/download/", href)
            boards[board_id] = Board(board_id, name, url)
    return sorted(boards.values(), key=lambda b: b.id)


def parse_firmware_links(page: str, page_url: str) -> list[Firmware]:
    """Every .bin / .uf2 firmware link on a board page, newest first."""
    found: dict[str, Firmware] = {}
    for attrs, _inner in _LINK_RE.findall(page):
        values = dict(_ATTR_RE.findall(attrs))
        href = html.unescape(values.get("href", ""))
        filename = urllib.parse.unquote(href.rsplit("/", 1)[-1])
        match = _FILE_RE.match(filename)
        if not match or _needs_other_bootloader(match["board"], match["variant"] or ""):
            continue
        size = values.get("data-size")
        found[filename] = Firmware(
            board=match["board"],
            variant=match["variant"] or "",
            version=match["version"],
            date=match["date"],
            url=urllib.parse.urljoin(page_url, href),
            filename=filename,
            ext=match["ext"],
            sha256=(values.get("data-sha256") or None),
            size=int(size) if size and size.isdigit() else None,
        )
    return sorted(found.values(), key=lambda f: (f.version_key, f.date), reverse=True)


def _needs_other_bootloader(board: str, variant: str) -> bool:
    """Builds that cannot boot on their own from 0x0 / the usual offset: the old ESP8266
    "OTA" builds need the yaota8266 bootloader flashed first. Never offered."""
    return board.upper().startswith("ESP8266") and variant.upper() == "OTA"  # old names: lower


def latest_stable(items: list[Firmware], variant: str = "") -> Firmware | None:
    """The newest non-preview build of ``variant`` (falls back to the standard build)."""
    for wanted in (variant, ""):
        stable = [f for f in items if f.variant == wanted and not f.preview]
        if stable:
            return max(stable, key=lambda f: (f.version_key, f.date))
    return None


class Catalog:
    """Fetches and caches the catalogue. ``base_url`` is micropython.org unless testing."""

    def __init__(
        self, base_url: str = DEFAULT_BASE, cache: Path | None = None, timeout: float = TIMEOUT
    ) -> None:
        if cache is None:
            from ide.paths import cache_dir

            cache = cache_dir() / "firmware"
        self.base_url = base_url.rstrip("/")
        self.cache = Path(cache)
        self.timeout = timeout

    # ----- pages --------------------------------------------------------------------
    def _check_url(self, url: str) -> None:
        parts = urllib.parse.urlparse(url)
        local = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme != "https" and not (parts.scheme == "http" and local):
            raise CatalogError(
                fw_message(
                    QT_TRANSLATE_NOOP(
                        "Firmware", "Refusing to download over an insecure connection: {url}"
                    ),
                    url=url,
                )  # fmt: skip
            )

    def _open(self, url: str) -> http.client.HTTPResponse:
        self._check_url(url)
        request = urllib.request.Request(url, headers={"User-Agent": f"Hotaru/{_ide_version}"})
        context = ssl.create_default_context() if url.startswith("https:") else None
        # http(s) only (_check_url), so urlopen's untyped result is an HTTPResponse
        response: http.client.HTTPResponse = urllib.request.urlopen(
            request, timeout=self.timeout, context=context
        )
        return response

    def _page(self, key: str, url: str) -> tuple[str, datetime, bool, Message | None]:
        pages = self.cache / "pages"
        body_file, meta_file = pages / f"{key}.html", pages / f"{key}.json"
        try:
            with self._open(url) as response:
                raw = response.read()
            text = raw.decode("utf-8", errors="replace")
            now = datetime.now(UTC)
            pages.mkdir(parents=True, exist_ok=True)
            tmp = body_file.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(body_file)
            meta_file.write_text(json.dumps({"url": url, "fetched": now.isoformat()}))
            return text, now, False, None
        except (urllib.error.URLError, OSError, TimeoutError, http.client.HTTPException) as exc:
            reason = str(getattr(exc, "reason", exc))
            try:
                text = body_file.read_text(encoding="utf-8")
                fetched = datetime.fromisoformat(json.loads(meta_file.read_text())["fetched"])
            except (OSError, ValueError, KeyError):
                raise CatalogError(
                    with_os_details(  # i18n: the OS's English words on a line of their own
                        fw_message(
                            QT_TRANSLATE_NOOP(
                                "Firmware",
                                "Could not reach micropython.org ({reason}) and no firmware "
                                "list is saved on this computer. You can still install a "
                                "firmware file you already have.",
                            ),
                            reason=os_reason(exc),
                        ),
                        exc,
                    ),
                    reason,
                ) from exc
            notice = fw_message(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "Offline: showing the firmware list saved on {date}.",
                ),
                date=fetched.strftime("%Y-%m-%d"),
            )
            return text, fetched, True, notice

    def boards(self) -> Listing[Board]:
        text, when, cached, notice = self._page("index", f"{self.base_url}/download/")
        return Listing(parse_board_list(text, self.base_url), when, cached, notice)

    def firmware(self, board_id: str) -> Listing[Firmware]:
        if not re.fullmatch(r"[A-Za-z0-9_]+", board_id):
            raise ValueError(f"bad board id {board_id!r}")
        url = f"{self.base_url}/download/{board_id}/"
        text, when, cached, notice = self._page(f"board-{board_id}", url)
        return Listing(parse_firmware_links(text, url), when, cached, notice)

    # ----- downloads ----------------------------------------------------------------
    def cached_file(self, fw: Firmware) -> Path | None:
        path = self.cache / "files" / fw.filename
        if not path.is_file():
            return None
        try:
            self._verify(path.read_bytes(), fw, expected_size=None)
        except CatalogError:
            path.unlink(missing_ok=True)
            return None
        return path

    def _verify(self, data: bytes, fw: Firmware, expected_size: int | None) -> None:
        for want in (expected_size, fw.size):
            if want is not None and len(data) != want:
                raise CatalogError(
                    fw_message(
                        QT_TRANSLATE_NOOP(
                            "Firmware",
                            "The download is incomplete ({got} of {want} bytes). Try again.",
                        ),
                        got=len(data),
                        want=want,
                    )
                )
        if fw.sha256 and hashlib.sha256(data).hexdigest() != fw.sha256.lower():
            raise CatalogError(
                fw_message(
                    QT_TRANSLATE_NOOP(
                        "Firmware",
                        "The downloaded file is damaged (its checksum does not match). Try again.",
                    )
                )
            )
        try:
            if fw.ext == "uf2":
                from ide.firmware.uf2 import check_uf2

                check_uf2(data)
            else:
                from ide.firmware.esp_image import check_integrity

                check_integrity(data)  # checksums and SHA-256: a page without a hash too
        except ImageRejected as exc:
            raise CatalogError(exc.message, exc.detail) from exc

    def download(
        self, fw: Firmware, progress: Progress | None = None, cancel: CancelCheck = None
    ) -> Path:
        """The firmware file on disk (from the cache if already there and sound)."""
        cached = self.cached_file(fw)
        if cached is not None:
            if progress is not None:
                size = cached.stat().st_size
                progress(size, size)
            return cached
        files = self.cache / "files"
        files.mkdir(parents=True, exist_ok=True)
        final = files / fw.filename
        part = files / (fw.filename + ".part")
        try:
            with self._open(fw.url) as response, open(part, "wb") as out:
                length = response.headers.get("Content-Length") or ""
                announced = int(length) if length.isdigit() else None
                total = announced if announced is not None else (fw.size or 0)
                done = 0
                while True:
                    check_cancel(cancel)
                    chunk = response.read(64 * 1024)
                    if not chunk:
                        break
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, max(total, done))
            data = part.read_bytes()
            self._verify(data, fw, announced)
            part.replace(final)
            return final
        except (Cancelled, CatalogError):
            part.unlink(missing_ok=True)
            raise
        except (urllib.error.URLError, OSError, TimeoutError, http.client.HTTPException) as exc:
            part.unlink(missing_ok=True)
            reason = str(getattr(exc, "reason", exc))
            raise CatalogError(
                with_os_details(
                    fw_message(
                        QT_TRANSLATE_NOOP("Firmware", "The download failed: {reason}"),
                        reason=os_reason(exc),
                    ),
                    exc,
                ),
                reason,
            ) from exc
