"""A FAT filesystem image (an ESP32 "ffat" partition) opened on this computer: list, read,
rename, and the image's bytes back.

How MicroPython makes it (ports/esp32: flashbdev finds "ffat" with block_size=512, inisetup
formats it with os.VfsFat.mkfs): FAT12/16 from ChaN's FatFs f_mkfs (FM_FAT | FM_SFD: no
partition table, one FAT, cluster size chosen by FatFs) on 512-byte sectors. The sector size
is read from the boot sector, so 4096-byte images (other builds) open too.

fatfs-ng wraps ChaN's FatFs itself (the code MicroPython's oofatfs comes from), so what it
writes is what the board's own FatFs reads. Its volume table is process-wide ("0:"): one image
is open at a time (``_lock``).
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

_lock = threading.Lock()  # FatFs keeps its volumes in C globals: one image at a time
SECTOR_SIZES = (512, 1024, 2048, 4096)
UNREADABLE_NAME = "?"  # stands for an entry whose name cannot be read on this computer


class FatUnreadable(Exception):
    """Not a FAT image this computer can open (no boot sector, damaged, odd geometry)."""


def looks_like_fat(image: bytes) -> bool:
    """A FAT boot sector at the start: the 55 AA signature and a sane sector size."""
    if len(image) < 512 or image[510:512] != b"\x55\xaa":
        return False
    return int.from_bytes(image[11:13], "little") in SECTOR_SIZES


class FatImage:
    """``with FatImage(data) as fat: fat.files(); fat.read(p); fat.rename(a, b)``; ``fat.data``
    is the image as it is now (after the ``with`` block: with every change written)."""

    def __init__(self, image: bytes) -> None:
        if not looks_like_fat(image):
            raise FatUnreadable("no FAT boot sector")
        self.sector = int.from_bytes(image[11:13], "little")
        if len(image) % self.sector:
            image = image[: len(image) - len(image) % self.sector]  # whole sectors only
        self.storage = bytearray(image)
        self._part: Any = None

    def __enter__(self) -> FatImage:
        from fatfs import RamDisk, create_extended_partition

        _lock.acquire()
        try:
            self._part = create_extended_partition(RamDisk(self.storage, sector_size=self.sector))
            self._part.mount()
        except Exception as exc:  # noqa: BLE001 - FatFs says only "error code 13"
            self._part = None
            _lock.release()
            raise FatUnreadable(str(exc)) from exc
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._part is not None:
                self._part.unmount()  # flushes FatFs's sector window into ``storage``
        finally:
            self._part = None
            _lock.release()

    @property
    def data(self) -> bytes:
        return bytes(self.storage)

    def _p(self) -> Any:
        if self._part is None:
            raise RuntimeError("use FatImage in a with block")
        return self._part

    def files(self) -> tuple[list[str], list[str]]:
        """(every file's path from "/", entries that could not be listed or named here).

        fatfs-ng's own listdir/walk silently leave out an entry whose name it cannot decode
        (a non-ASCII short name) and a folder it cannot open: a file that would then be in
        neither list, so an erase would lose it unsaid. Here each such entry is counted in
        the second list (UNREADABLE_NAME in its folder)."""
        found: list[str] = []
        skipped: list[str] = []
        self._walk("/", found, skipped)
        return found, skipped

    def _walk(self, folder: str, found: list[str], skipped: list[str]) -> None:
        from fatfs.wrapper import (
            PY_FR_OK,
            DIR_Handle,
            FILINFO_Handle,
            pyf_closedir,
            pyf_opendir,
            pyf_readdir,
        )

        prefix = folder.rstrip("/")
        handle, info = DIR_Handle(), FILINFO_Handle()
        if pyf_opendir(handle, self._p()._adjust_path(folder)) != PY_FR_OK:
            skipped.append(prefix + "/")  # the folder itself: whatever it holds is not copied
            return
        subfolders: list[str] = []
        try:
            while pyf_readdir(handle, info) == PY_FR_OK:
                try:
                    name = info.get_name()
                except UnicodeError:  # a name FatFs hands over in bytes that are not UTF-8
                    skipped.append(f"{prefix}/{UNREADABLE_NAME}")
                    continue
                if not name:
                    break  # FatFs's end of the folder
                if name in (".", ".."):
                    continue
                if "\ufffd" in name:
                    skipped.append(f"{prefix}/{UNREADABLE_NAME}")
                elif info.is_directory():
                    subfolders.append(f"{prefix}/{name}")
                else:
                    found.append(f"{prefix}/{name}")
        finally:
            pyf_closedir(handle)
        for sub in subfolders:
            self._walk(sub, found, skipped)

    def listdir(self, path: str = "/") -> list[str]:
        return list(self._p().listdir(path))

    def read(self, path: str) -> bytes:
        try:
            return bytes(self._p().read_file(path))
        except UnicodeError as exc:  # the wrapper opens ASCII names only
            raise FatUnreadable(f"cannot open {path!r} here") from exc

    def rename(self, was: str, now: str) -> None:
        self._p().rename(was, now)


def make_fat(size: int, files: dict[str, bytes], sector: int = 512) -> bytes:
    """A FAT image of ``size`` bytes formatted as MicroPython's VfsFat.mkfs does it (FatFs
    f_mkfs, one FAT, no partition table, on ``sector``-byte sectors) holding ``files``."""
    from fatfs import RamDisk, create_extended_partition
    from fatfs.wrapper import pyf_mkfs

    storage = bytearray(b"\xff" * size)  # erased flash
    with _lock:
        part = create_extended_partition(RamDisk(storage, sector_size=sector))
        # one FAT, alignment and cluster size left to FatFs (f_mkfs's au=0), a work area as
        # large as a sector (FatFs refuses a smaller one)
        result = pyf_mkfs(part.pname, n_fat=1, workarea_size=max(512, sector))
        if result != 0:
            raise FatUnreadable(f"mkfs failed ({result})")
        part.mount()
        try:
            for path, data in files.items():
                folder = path.rsplit("/", 1)[0] if "/" in path.strip("/") else ""
                if folder:
                    part.makedirs("/" + folder.strip("/"), exist_ok=True)
                part.write_file("/" + path.lstrip("/"), data)
        finally:
            part.unmount()
    return bytes(storage)
