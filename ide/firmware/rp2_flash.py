"""Where MicroPython keeps its files in a Raspberry Pi Pico's flash, and the littlefs work on a
copy of that region: find it, open it, copy the files out, rename the program that holds the
board, and plan a write-back that a cut cable cannot turn into a lost filesystem. Pure: no
USB (ide.firmware.picoboot moves the bytes).

Facts from MicroPython's ports/rp2 (rp2_flash.c, boards/*/mpconfigboard.cmake, modules/_boot.py):
the filesystem is the END of the flash (MICROPY_HW_FLASH_STORAGE_BASE defaults to the flash
size minus MICROPY_HW_FLASH_STORAGE_BYTES), formatted at first boot as
``VfsLfs2(rp2.Flash(), progsize=256)``: littlefs v2, block 4096 (one flash sector), read size
32, prog size 256 (a flash page), lookahead 32, block_cycles 100, cache min(4096, 4 * 256).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ide.firmware.renames import free_name

BLOCK = 4096  # a flash sector: littlefs block, and the unit FLASH_ERASE takes
PAGE = 256  # a flash page: littlefs prog size on rp2, and the unit WRITE takes
READ_SIZE, PROG_SIZE, LOOKAHEAD, BLOCK_CYCLES = 32, 256, 32, 100
MB = 1024 * 1024


@dataclass(frozen=True)
class Layout:
    board: str
    flash_size: int
    offset: int  # from the start of flash (XIP_BASE + offset when addressed over PICOBOOT)
    size: int


# MICROPY_HW_FLASH_STORAGE_BYTES of each board, at the end of its flash.
LAYOUTS = (
    Layout("Raspberry Pi Pico", 2 * MB, 2 * MB - 1408 * 1024, 1408 * 1024),
    Layout("Raspberry Pi Pico W", 2 * MB, 2 * MB - 848 * 1024, 848 * 1024),
    Layout("Raspberry Pi Pico 2", 4 * MB, 4 * MB - 3 * MB, 3 * MB),
    Layout("Raspberry Pi Pico 2 W", 4 * MB, 4 * MB - 2560 * 1024, 2560 * 1024),
)

ReadAt = Callable[[int, int], bytes]  # (offset from the start of flash, size) -> bytes
# What to rename: fixed names, or a choice made from the start-up files' contents
# ({"main.py": bytes, "boot.py": bytes}, those present) once they are read.
Disable = tuple[str, ...] | Callable[[dict[str, bytes]], tuple[str, ...]]
STARTUP = ("boot.py", "main.py")  # what MicroPython runs at start, from the top folder


def superblock_blocks(head: bytes) -> int | None:
    """The block count a littlefs v2 superblock at the start of ``head`` (a metadata block's
    first bytes) declares, or None when it is not one with 4096-byte blocks. Layout: revision
    (4), tag (4), "littlefs" (8), tag (4), then version, block_size, block_count (little-endian)."""
    if len(head) < 32 or head[8:16] != b"littlefs":
        return None
    version, block_size, block_count = struct.unpack_from("<III", head, 20)
    if version >> 16 != 2 or block_size != BLOCK or block_count < 2:
        return None
    return int(block_count)


def locate(read_at: ReadAt, flash_size: int) -> tuple[int, int, str] | None:
    """(offset, size, board name or "") of the littlefs region in a flash of ``flash_size``:
    the known boards' places first (two small reads each), then every sector from the end
    down (a board built with its own MICROPY_HW_FLASH_STORAGE_BYTES). The superblock's block
    count decides the size. None: no littlefs superblock anywhere."""
    tried: set[int] = set()
    for lay in LAYOUTS:
        if lay.offset + lay.size > flash_size:
            continue
        tried.add(lay.offset)
        found = _superblock_at(read_at, lay.offset, flash_size)
        if found is not None:
            return lay.offset, found, lay.board
    # The superblock is in block 0 and/or 1 of the region (a metadata pair), so a hit at
    # ``pos`` is block 0 or block 1. MicroPython ends the region at the end of flash: the
    # reading that does so wins; else block 1 when block 0 holds one too; else block 0.
    for pos in range(flash_size - 2 * BLOCK, BLOCK - 1, -BLOCK):
        count = superblock_blocks(read_at(pos, 32))
        if count is None:
            continue
        size = count * BLOCK
        starts = [s for s in (pos - BLOCK, pos) if s >= 0 and s + size <= flash_size]
        if not starts:
            continue
        ends = [s for s in starts if s + size == flash_size]
        if ends:
            start = ends[0]
        elif pos - BLOCK in starts and superblock_blocks(read_at(pos - BLOCK, 32)) == count:
            start = pos - BLOCK
        else:
            start = starts[-1]
        if start not in tried:
            return start, size, ""
    return None


def _superblock_at(read_at: ReadAt, offset: int, flash_size: int) -> int | None:
    for block in (0, 1):  # either half of the pair may hold the newest copy; both name the size
        count = superblock_blocks(read_at(offset + block * BLOCK, 32))
        if count is not None and offset + count * BLOCK <= flash_size:
            return count * BLOCK
    return None


def mount(image: bytes | bytearray, version: int | None = None) -> Any:
    """A littlefs-python filesystem over a copy of ``image``, configured as MicroPython's rp2
    port mounts it. ``version``: the on-disk version to write (keep the one that was read:
    littlefs-python writes 2.1 by default, which older firmware cannot mount)."""
    import littlefs

    kwargs: dict[str, Any] = {}
    if version is not None:
        kwargs["disk_version"] = version
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=len(image) // BLOCK,
        read_size=READ_SIZE,
        prog_size=PROG_SIZE,  # the same as the board: it appends in whole 256-byte pages
        lookahead_size=LOOKAHEAD,
        block_cycles=BLOCK_CYCLES,
        cache_size=min(BLOCK, 4 * PROG_SIZE),
        mount=False,
        **kwargs,
    )
    fs.context.buffer = bytearray(image)
    fs.mount()
    return fs


@dataclass
class ImageRescue:
    copied: list[str] = field(default_factory=list)  # board paths copied to the folder
    not_copied: list[str] = field(default_factory=list)  # names this computer cannot hold
    renamed: list[tuple[str, str]] = field(default_factory=list)
    disk_version: int = 0


def _target(dest: Path, path: str) -> Path | None:
    """Where the board file ``path`` goes under ``dest``; None for a name that would land
    outside it (littlefs names are bytes: "..", a drive letter, a backslash on Windows)."""
    target = dest.joinpath(*path.strip("/").split("/"))
    try:
        target.resolve().relative_to(dest.resolve())
    except ValueError:
        return None
    return target


def copy_files(fs: Any, dest: Path, result: ImageRescue) -> None:
    """Every file of the mounted ``fs`` to ``dest`` (folders kept), byte for byte."""
    for root, _dirs, files in fs.walk("/"):
        for name in files:
            path = f"{root.rstrip('/')}/{name}"
            target = _target(dest, path)
            try:
                if target is None:
                    raise OSError(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():
                    # the folder is new for each rescue, so this is another board file that
                    # this computer's disk takes for the same name ("Main.py" and "main.py" on
                    # Windows and macOS, é composed or not on macOS): writing would lose the
                    # first copy, and with it the file after an erase
                    raise FileExistsError(path)
                with fs.open(path, "rb") as f:
                    target.write_bytes(f.read())
            except OSError:
                result.not_copied.append(path)
                continue
            result.copied.append(path)


def rescue_image(
    image: bytes, dest: Path, disable: Disable = ("main.py", "boot.py")
) -> tuple[bytes, ImageRescue]:
    """Copy every file of a littlefs region image to ``dest`` and rename ``disable`` (at the
    top level; a callable chooses from the start-up files' contents) in it: (the new image,
    what was done). Raises littlefs.LittleFSError when the image does not mount. The new image
    is in the on-disk version that was read."""
    result = ImageRescue()
    fs = mount(image)
    result.disk_version = fs.fs_stat().disk_version
    fs.unmount()
    fs = mount(image, result.disk_version)
    dest.mkdir(parents=True, exist_ok=True)
    copy_files(fs, dest, result)
    names = set(fs.listdir("/"))
    if callable(disable):
        startup = {}
        for name in STARTUP:
            if name in names:
                with fs.open(name, "rb") as f:
                    startup[name] = f.read()
        disable = disable(startup)
    for was in disable:
        if was in names:
            now = free_name(names, was)
            fs.rename(was, now)
            names.add(now)
            result.renamed.append((was, now))
    fs.unmount()
    return bytes(fs.context.buffer), result


@dataclass(frozen=True)
class SectorWrite:
    offset: int  # of the sector, from the start of the region
    erase: bool  # False: only erased pages are programmed (an append, as littlefs does)
    pages: tuple[tuple[int, bytes], ...]  # (offset from the start of the region, 256 bytes)


def plan_writes(old: bytes, new: bytes) -> list[SectorWrite]:
    """The flash operations that turn ``old`` into ``new``, sector by sector, touching only
    what changed. A sector whose changed pages were all erased (0xFF) in ``old`` is only
    programmed: that is how littlefs appends a commit on the board, and a cut there leaves a
    half commit that littlefs's checksum rejects, so the filesystem reads as before. A sector
    that must be erased is a free block or the stale half of a metadata pair in a littlefs
    diff; those go first, so the commit that makes the new state visible comes last."""
    erase_first: list[SectorWrite] = []
    program_only: list[SectorWrite] = []
    blank = b"\xff" * PAGE
    for sector in range(0, len(new), BLOCK):
        was, now = old[sector : sector + BLOCK], new[sector : sector + BLOCK]
        if was == now:
            continue
        changed = [p for p in range(0, BLOCK, PAGE) if was[p : p + PAGE] != now[p : p + PAGE]]
        if all(was[p : p + PAGE] == blank for p in changed):
            pages = tuple((sector + p, now[p : p + PAGE]) for p in changed)
            program_only.append(SectorWrite(sector, False, pages))
        else:
            # after an erase every page that is not blank in the new sector is programmed
            pages = tuple(
                (sector + p, now[p : p + PAGE])
                for p in range(0, BLOCK, PAGE)
                if now[p : p + PAGE] != blank
            )
            erase_first.append(SectorWrite(sector, True, pages))
    return erase_first + program_only
