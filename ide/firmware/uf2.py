"""Install MicroPython on a Raspberry Pi Pico (RP2040) or Pico 2 (RP2350) through UF2.

Holding BOOTSEL while plugging the board in makes it appear as a USB drive holding
``INFO_UF2.TXT`` (``Board-ID: RPI-RP2`` for the RP2040, ``Board-ID: RP2350...`` for the
RP2350). Copying a .uf2 file onto that drive installs it; the board then restarts.

    drives = find_drives()
    install("RPI_PICO-v1.25.0.uf2", drives[0], progress=..., cancel=...)

A .uf2 is checked first: every 512-byte block well formed, numbered and complete, and its
family id one the drive's chip accepts.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from ide.firmware.cancel import CancelCheck, Progress, check_cancel
from ide.firmware.errors import Cancelled, FirmwareError, fw_message, rejected
from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message

BLOCK = 512
MAGIC_START0 = 0x0A324655  # "UF2\n"
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_NOT_MAIN_FLASH = 0x00000001
FLAG_FAMILY_ID = 0x00002000
MAX_PAYLOAD = 476

RP2040_FAMILY = 0xE48BFF56
RP2XXX_ABSOLUTE = 0xE48BFF57
RP2XXX_DATA = 0xE48BFF58
RP2350_ARM_S = 0xE48BFF59
RP2350_RISCV = 0xE48BFF5A
RP2350_ARM_NS = 0xE48BFF5B

FAMILIES: dict[str, frozenset[int]] = {
    "RP2040": frozenset({RP2040_FAMILY}),
    "RP2350": frozenset({RP2XXX_ABSOLUTE, RP2XXX_DATA, RP2350_ARM_S, RP2350_RISCV, RP2350_ARM_NS}),
}
# The parenthesised words are translated; chip names stay as they are.
FAMILY_NAMES: dict[int, Message | str] = {
    RP2040_FAMILY: "RP2040",
    RP2XXX_ABSOLUTE: fw_message(QT_TRANSLATE_NOOP("Firmware", "{chip} (absolute)"), chip="RP2xxx"),
    RP2XXX_DATA: fw_message(QT_TRANSLATE_NOOP("Firmware", "{chip} (data)"), chip="RP2xxx"),
    RP2350_ARM_S: fw_message(QT_TRANSLATE_NOOP("Firmware", "{chip} (Arm)"), chip="RP2350"),
    RP2350_RISCV: fw_message(QT_TRANSLATE_NOOP("Firmware", "{chip} (RISC-V)"), chip="RP2350"),
    RP2350_ARM_NS: fw_message(
        QT_TRANSLATE_NOOP("Firmware", "{chip} (Arm, non-secure)"), chip="RP2350"
    ),
}
INFO_FILE = "INFO_UF2.TXT"
DRIVES_ENV = "HOTARU_UF2_DRIVES"  # extra folders to look at (os.pathsep separated)


@dataclass(frozen=True)
class Uf2Drive:
    path: Path
    board_id: str  # "RPI-RP2", "RP2350"
    model: str  # "Raspberry Pi RP2"
    chip: str  # "RP2040" or "RP2350"

    @property
    def accepted_families(self) -> frozenset[int]:
        return FAMILIES[self.chip]


def _listed(items: list[Message | str]) -> Message | str:
    """``items`` as one phrase, "a, b, c"; the separator is the translator's (an arg that is a
    Message is translated by the UI too)."""
    first, *rest = items
    if not rest:
        return first
    return fw_message(
        QT_TRANSLATE_NOOP("Firmware", "{first}, {rest}"),
        first=first,
        rest=_listed(rest),
    )


def parse_info(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def drive_at(path: str | Path) -> Uf2Drive | None:
    """The Pico-family UF2 drive mounted at ``path``, or None."""
    folder = Path(path)
    try:
        text = (folder / INFO_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = parse_info(text)
    board_id = fields.get("Board-ID", "")
    if board_id.startswith("RPI-RP2"):
        chip = "RP2040"
    elif board_id.startswith("RP2350"):
        chip = "RP2350"
    else:
        return None
    return Uf2Drive(folder, board_id, fields.get("Model", ""), chip)


def _candidate_folders() -> list[Path]:
    found: list[Path] = []
    extra = os.environ.get(DRIVES_ENV, "")
    found += [Path(p) for p in extra.split(os.pathsep) if p]
    return found + mounted_folders()


def mounted_folders() -> list[Path]:
    """Mount points of the removable-looking filesystems in the operating system's own mount
    table (psutil), instead of guessing folders and drive letters: a BOOTSEL drive is FAT."""
    import psutil  # imported here: only the firmware wizard looks for drives

    try:
        # all=False: physical devices only (no proc, tmpfs, network shares ...)
        parts = psutil.disk_partitions(all=False)
    except OSError:
        return []
    fat = ("vfat", "fat", "fat12", "fat16", "fat32", "msdos", "msdosfs", "exfat")
    # Windows reports FAT drives as "FAT"/"FAT32"; the fstype can be empty for a drive whose
    # medium is being read, so an empty one is looked at too (INFO_UF2.TXT decides)
    return [
        Path(p.mountpoint)
        for p in parts
        if p.mountpoint and (not p.fstype or p.fstype.lower() in fat)
    ]


def find_drives() -> list[Uf2Drive]:
    """Every mounted RP2040/RP2350 BOOTSEL drive (plus folders named in $HOTARU_UF2_DRIVES)."""
    drives: list[Uf2Drive] = []
    seen: set[Path] = set()
    for folder in _candidate_folders():
        try:
            key = folder.resolve()
        except OSError:
            continue
        if key in seen:
            continue
        seen.add(key)
        drive = drive_at(folder)
        if drive is not None:
            drives.append(drive)
    return drives


# Where a block may write: the chip's flash as the boot ROM maps it (XIP from 0x10000000; the
# RP2040 addresses up to 16 MB, the RP2350 up to 32 MB over its two chip selects).
FLASH_BASE = 0x10000000
FLASH_WINDOW: dict[str, int] = {"RP2040": 16 << 20, "RP2350": 32 << 20}


def check_uf2(data: bytes, drive: Uf2Drive | None = None) -> None:
    """Refuse a malformed .uf2 or one for another chip; raises ImageRejected.

    Every block: both start magics and the end magic, a payload that fits, a block number
    below its count; per family, blocks 0..count-1 each present once with one count; every
    address inside the chip's flash (the drive's chip; the widest window without a drive).
    """
    if data[:8] != struct.pack("<2I", MAGIC_START0, MAGIC_START1):
        # not a damaged UF2 but another kind of file (an ESP .bin, a zip, a text): said so
        # ("block 0 is damaged" or "download it again" sent the beginner the wrong way)
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This is not a UF2 file. A Pico needs MicroPython's .uf2 file for its board "
                "(.bin files are for ESP boards).",
            )
        )
    if len(data) % BLOCK:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This is not a complete UF2 file (its size, {size} bytes, is not a whole "
                "number of 512-byte blocks). Download it again.",
            ),
            size=len(data),
        )
    window = FLASH_WINDOW[drive.chip] if drive is not None else max(FLASH_WINDOW.values())
    families: set[int] = set()
    # per family (None: blocks without a family id): the count they announce, numbers seen
    sequences: dict[int | None, tuple[int, set[int]]] = {}
    for n in range(len(data) // BLOCK):
        block = data[n * BLOCK : (n + 1) * BLOCK]
        m0, m1, flags, addr, size, number, count, family = struct.unpack_from("<8I", block)
        (m_end,) = struct.unpack_from("<I", block, BLOCK - 4)
        if m0 != MAGIC_START0 or m1 != MAGIC_START1 or m_end != MAGIC_END:
            raise rejected(
                QT_TRANSLATE_NOOP(
                    "Firmware", "This is not a UF2 firmware file (block {n} is damaged)."
                ),
                n=n,
            )
        if size > MAX_PAYLOAD or count == 0 or number >= count:
            raise rejected(
                QT_TRANSLATE_NOOP("Firmware", "The UF2 file is damaged (block {n})."), n=n
            )
        if flags & FLAG_NOT_MAIN_FLASH:
            continue  # comments, file containers: the boot ROM skips them
        if not (FLASH_BASE <= addr and addr + size <= FLASH_BASE + window):
            raise rejected(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "The UF2 file is damaged: block {n} writes at {addr}, outside the "
                    "board's flash. Nothing was copied.",
                ),
                n=n,
                addr=f"0x{addr:08X}",
            )
        key = family if flags & FLAG_FAMILY_ID else None
        if key is not None:
            families.add(key)
        if family == RP2XXX_ABSOLUTE and number == 0 and count == 2:
            continue  # RP2350-E10 workaround block: a sequence of its own
        want, seen = sequences.setdefault(key, (count, set()))
        if count != want or number in seen:
            raise rejected(
                QT_TRANSLATE_NOOP("Firmware", "The UF2 file is damaged (block {n})."), n=n
            )
        seen.add(number)
    if not sequences:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The UF2 file is incomplete ({have} of {want} blocks). Download it again.",
            ),
            have=0,
            want=0,
        )
    for want, seen in sequences.values():
        if len(seen) != want:  # numbers are below the count and unique: all there or not
            raise rejected(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "The UF2 file is incomplete ({have} of {want} blocks). Download it again.",
                ),
                have=len(seen),
                want=want,
            )
    if drive is not None:
        useful = families & drive.accepted_families - {RP2XXX_ABSOLUTE}
        if not useful or not families <= drive.accepted_families:
            names = [FAMILY_NAMES.get(f, f"0x{f:08x}") for f in sorted(families)]
            raise rejected(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "This UF2 file is for {families}, but the board is an {chip}. "
                    "Choose the firmware for {chip}.",
                ),
                families=_listed(names) if names else "?",
                chip=drive.chip,
            )


def install(
    uf2_path: str | Path,
    drive: Uf2Drive,
    progress: Progress | None = None,
    *,
    cancel: CancelCheck = None,
    chunk: int = 64 * 1024,
) -> Path:
    """Check ``uf2_path`` against ``drive`` and copy it there; returns the file written.

    ``progress(done, total)`` after every chunk; ``cancel`` stops between chunks (the
    partial copy is removed; a Pico ignores an incomplete UF2).
    """
    source = Path(uf2_path)
    data = source.read_bytes()
    check_uf2(data, drive)
    check_cancel(cancel)
    target = drive.path / (source.stem[:60] + ".uf2")
    total = len(data)
    handed = 0  # where the chunk being written ends: all of it handed over once == total
    try:
        with open(target, "wb") as out:
            done = 0
            while done < total:
                check_cancel(cancel)
                handed = min(total, done + chunk)
                out.write(data[done:handed])
                out.flush()
                # to the drive now, chunk by chunk: else the OS holds the whole file in its
                # cache and sends it at close, so an unplug half-way would fail only there,
                # "after" the last chunk (taken for success), and the bar would show nothing
                os.fsync(out.fileno())
                done = handed
                if progress is not None:
                    progress(done, total)
    except Cancelled:
        target.unlink(missing_ok=True)
        raise
    except OSError as exc:
        if not drive.path.exists():
            if handed >= total:
                # the board restarts as soon as it has every block: the drive vanishes
                return target
            # gone before the last block was sent: unplugged (or reset) half-way
            raise FirmwareError(
                fw_message(
                    QT_TRANSLATE_NOOP(
                        "Firmware",
                        "The drive {drive} disappeared before the copy was finished: was the "
                        "Pico unplugged? MicroPython is not installed. Put the Pico in BOOTSEL "
                        "mode again (hold BOOTSEL while you plug it in) and install again.",
                    ),
                    drive=str(drive.path),
                ),
                str(exc),
            ) from exc
        raise FirmwareError(
            with_os_details(  # i18n: the OS's English words on a line of their own
                fw_message(
                    QT_TRANSLATE_NOOP(
                        "Firmware", "Could not copy the firmware to {drive}: {error}"
                    ),
                    drive=str(drive.path),
                    error=os_reason(exc),
                ),
                exc,
            ),
            str(exc),
        ) from exc
    return target
