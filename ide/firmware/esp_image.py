"""Checks on an ESP firmware image, made before anything on the board is erased.

An ESP application image starts with the magic byte 0xE9, a segment count, flash mode,
flash size/frequency and entry point (8 bytes). Every chip after the ESP8266 follows with
a 16-byte extended header whose bytes 4..5 hold the id of the chip the image was built for.
A MicroPython ``firmware.bin`` for an ESP32-family chip is a merged image: bootloader at the
flash offset, partition table at 0x8000, application at 0x10000; we follow the partition
table to check that the application is complete, so a truncated download is caught.

The ESP8266 has no extended header: its segments follow the 8-byte header directly and load
into the ESP8266's own RAM (which tells its images apart from the others'). MicroPython's
ESP8266 ``firmware.bin`` is that image at 0x0, 0xFF padding up to 0x9000 whose last word
holds the length of everything up to the end of the irom0 code (raw code from 0x9000), then
the MD5 of those bytes: a truncated or damaged download is caught with them.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from ide.firmware.errors import ImageRejected as ImageRejected  # raised here; tests catch it here
from ide.firmware.errors import rejected
from ide.text import QT_TRANSLATE_NOOP

IMAGE_MAGIC = 0xE9
HEADER_LEN = 8
EXTENDED_HEADER_LEN = 16
PARTITION_TABLE_ADDR = 0x8000
PARTITION_MAGIC = b"\xaa\x50"

# Chip ids in the extended image header (public values from Espressif's image format).
IMAGE_CHIP_IDS: dict[str, int] = {
    "ESP32": 0,
    "ESP32-S2": 2,
    "ESP32-C3": 5,
    "ESP32-S3": 9,
    "ESP32-C2": 12,
    "ESP32-C6": 13,
    "ESP32-H2": 16,
    "ESP32-P4": 18,
    "ESP32-C61": 20,
    "ESP32-C5": 23,
}
CHIP_FOR_ID = {v: k for k, v in IMAGE_CHIP_IDS.items()}

# ESP8266: where its image segments may load (DRAM, IRAM; esptool's memory map).
ESP8266_LOAD_RANGES = ((0x3FFE8000, 0x40000000), (0x40100000, 0x40108000))
# The flash size code in the high nibble of header byte 3 (esptool's ESP8266 table; the
# "-c1" layouts are never what a flash chip reports).
ESP8266_FLASH_SIZE_CODES: dict[int, int] = {
    256 << 10: 0x10,
    512 << 10: 0x00,
    1 << 20: 0x20,
    2 << 20: 0x30,
    4 << 20: 0x40,
    8 << 20: 0x80,
    16 << 20: 0x90,
}
# Boards with 8 or 16 MB get 4 MB in the header: MicroPython's ESP8266 port does not handle the
# 8/16 MB size codes (it takes them for a small flash; users report boot loops, MicroPython issue
# #2335), so such boards are flashed as 4 MB, as its users do.
ESP8266_MAX_FLASH_SIZE = 4 << 20
# MicroPython's ESP8266 firmware.bin: irom0 code at 0x9000, total length in the word before.
ESP8266_IROM_AT = 0x9000

# Where MicroPython's firmware.bin goes, per chip (micropython.org's instructions; they
# match each chip's bootloader offset).
FLASH_OFFSETS: dict[str, int] = {
    "ESP8266": 0x0,
    "ESP32": 0x1000,
    "ESP32-S2": 0x1000,
    "ESP32-S3": 0x0,
    "ESP32-C2": 0x0,
    "ESP32-C3": 0x0,
    "ESP32-C6": 0x0,
    "ESP32-H2": 0x0,
    "ESP32-C5": 0x2000,
    "ESP32-P4": 0x2000,
}


@dataclass(frozen=True)
class ImageInfo:
    chip_id: int | None  # None for ESP8266 images (no extended header)
    chip_name: str | None


CHECKSUM_SEED = 0xEF  # the ROM's checksum: 0xEF XOR every byte of every segment's data
DIGEST_LEN = 32  # SHA-256 appended after the checksum when the extended header says so


@dataclass(frozen=True)
class _Parsed:
    """Where one image's parts lie in the file, and what it says of itself."""

    end: int  # offset just past the image (checksum, padding and digest included)
    checksum_ok: bool
    digest_ok: bool | None  # None: no SHA-256 appended


def _parse(data: bytes, start: int, extended: bool) -> _Parsed | None:
    """The image starting at ``start`` checked against its own checksum and digest, or None if
    it is cut short (or is no image at all)."""
    if start + HEADER_LEN > len(data) or data[start] != IMAGE_MAGIC:
        return None
    count = data[start + 1]
    if not 0 < count <= 16:
        return None
    pos = start + HEADER_LEN
    hash_appended = False
    if extended:
        if pos + EXTENDED_HEADER_LEN > len(data):
            return None
        # the extended header's last byte: 1 = a SHA-256 of the whole image follows it
        hash_appended = data[pos + 15] == 1
        pos += EXTENDED_HEADER_LEN
    checksum = CHECKSUM_SEED
    for _ in range(count):
        if pos + 8 > len(data):
            return None
        _addr, length = struct.unpack_from("<II", data, pos)
        pos += 8
        if pos + length > len(data):
            return None
        checksum ^= _xor_fold(data, pos, length)
        pos += length
    # the checksum is the last byte of the 16-byte block the segments end in (relative to
    # the image's start: the image is placed 16-aligned, so file and image agree)
    pos = start + ((pos - start) // 16 * 16 + 15)
    if pos >= len(data):
        return None
    checksum_ok = data[pos] == checksum
    pos += 1
    digest_ok: bool | None = None
    if hash_appended:
        if pos + DIGEST_LEN > len(data):
            return None
        # the digest covers the image from its first byte through the checksum byte
        digest_ok = hashlib.sha256(data[start:pos]).digest() == data[pos : pos + DIGEST_LEN]
        pos += DIGEST_LEN
    return _Parsed(pos, checksum_ok, digest_ok)


def _xor_fold(data: bytes, pos: int, length: int) -> int:
    """XOR of ``data[pos:pos+length]``, one byte."""
    chunk = data[pos : pos + length]
    pad = -len(chunk) % 8
    # XOR of all 8-byte words, then of the word's 8 bytes: the same as XOR of every byte
    words = memoryview(chunk + b"\0" * pad).cast("Q")
    acc = 0
    for word in words:
        acc ^= word
    folded = 0
    for b in acc.to_bytes(8, "little"):
        folded ^= b
    return folded


def _verify(data: bytes, start: int, extended: bool, flash_at: int) -> None:
    """Refuse the image at ``start`` if it is cut short or fails its checksum or SHA-256;
    ``flash_at`` (where it will lie in flash) names it in the message."""
    parsed = _parse(data, start, extended)
    if parsed is None:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The firmware file is incomplete (it ends inside the program). Download it again.",
            )
        )
    if not parsed.checksum_ok:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The firmware file is damaged: its checksum does not match (at {where}). "
                "Nothing on the board was changed. Download it again.",
            ),
            where=f"0x{flash_at:X}",
        )
    if parsed.digest_ok is False:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The firmware file is damaged: its SHA-256 digest does not match (at "
                "{where}). Nothing on the board was changed. Download it again.",
            ),
            where=f"0x{flash_at:X}",
        )


def _check_partitions(data: bytes, offset: int) -> None:
    """If the file carries a partition table, every app it lists must be complete and pass its
    checksum and SHA-256 (the apps are ESP32-family images, with the extended header)."""
    table = PARTITION_TABLE_ADDR - offset
    if table < 0 or table + 32 > len(data) or data[table : table + 2] != PARTITION_MAGIC:
        return
    for pos in range(table, min(table + 0xC00, len(data) - 31), 32):
        entry = data[pos : pos + 32]
        if entry[:2] != PARTITION_MAGIC:
            break
        ptype = entry[2]
        (addr, _size) = struct.unpack_from("<II", entry, 4)
        start = addr - offset
        if ptype != 0 or start >= len(data) or start < 0:
            continue  # data partition, or an app slot the file leaves empty (e.g. ota_1)
        if data[start] == 0xFF:
            continue
        _verify(data, start, extended=True, flash_at=addr)


def is_esp8266_image(data: bytes) -> bool:
    """True if ``data`` starts like an ESP8266 image: its first segment loads into ESP8266 RAM.

    In the other chips' images those bytes are the extended header (WP pin 0xEE or 0 and
    SPI drive settings), never an address in these ranges.
    """
    if len(data) < HEADER_LEN + 8 or data[0] != IMAGE_MAGIC:
        return False
    addr = struct.unpack_from("<I", data, HEADER_LEN)[0]
    return any(lo <= addr < hi for lo, hi in ESP8266_LOAD_RANGES)


def _check_esp8266_trailer(data: bytes) -> None:
    """MicroPython's length word before 0x9000 and its MD5 after the code, where present."""
    if len(data) < ESP8266_IROM_AT:
        return
    (total,) = struct.unpack_from("<I", data, ESP8266_IROM_AT - 4)
    if not ESP8266_IROM_AT < total < 1 << 24:
        return  # 0xFF padding: an image without MicroPython's trailer
    if len(data) < total or total < len(data) < total + 16:  # program or MD5 cut short
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The firmware file is incomplete (it ends inside the program). Download it again.",
            )
        )
    digest = data[total : total + 16]
    # The MD5 leaves out the first 4 bytes: flash tools rewrite the header's mode/size/speed
    # (MicroPython's build and the board's own esp.check_fw() hash from byte 4 on too).
    if len(digest) == 16 and hashlib.md5(data[4:total]).digest() != digest:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware", "The firmware file is damaged or incomplete. Download it again."
            )
        )


def with_esp8266_flash_size(data: bytes, flash_size: int | None) -> bytes:
    """``data`` with the flash size in its header set to ``flash_size`` (ESP8266 images).

    The ESP8266's SDK takes the flash size from this header (MicroPython's builds say 1 MB),
    so micropython.org has it written as detected; unknown sizes leave the image unchanged.
    """
    if flash_size is not None and flash_size > ESP8266_MAX_FLASH_SIZE:
        flash_size = ESP8266_MAX_FLASH_SIZE  # 8/16 MB boards: see ESP8266_MAX_FLASH_SIZE
    code = ESP8266_FLASH_SIZE_CODES.get(flash_size or 0)
    if code is None or not is_esp8266_image(data):
        return data
    byte = code | (data[3] & 0x0F)  # keep the flash frequency
    return data if data[3] == byte else data[:3] + bytes([byte]) + data[4:]


def inspect(data: bytes) -> ImageInfo:
    """Basic facts from an image's header; raises ImageRejected if it is no ESP image."""
    if len(data) < HEADER_LEN + EXTENDED_HEADER_LEN:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware", "The file is too small to be a firmware image ({size} bytes)."
            ),
            size=len(data),
        )
    if data[0] != IMAGE_MAGIC:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This file is not an ESP firmware image (it does not start with 0xE9). "
                "Choose a .bin file made for your board.",
            )
        )
    if is_esp8266_image(data):
        return ImageInfo(None, "ESP8266")
    chip_id = struct.unpack_from("<H", data, HEADER_LEN + 4)[0]
    return ImageInfo(chip_id, CHIP_FOR_ID.get(chip_id))


def check_integrity(data: bytes) -> ImageInfo:
    """Refuse a damaged or incomplete image whatever the board (a download, before it is kept):
    the image at the start and, in the ESP32 family, every app of its partition table pass
    their checksum and SHA-256; the file lies at the offset its chip id says."""
    info = inspect(data)
    extended = info.chip_name != "ESP8266"
    offset = FLASH_OFFSETS.get(info.chip_name or "", 0)
    _verify(data, 0, extended, flash_at=offset)
    if extended:
        _check_partitions(data, offset)
    else:
        _check_esp8266_trailer(data)
    return info


def check_image(data: bytes, chip_name: str, *, offset: int, flash_size: int | None) -> ImageInfo:
    """Refuse an image that is not for ``chip_name`` or does not fit; raises ImageRejected."""
    info = inspect(data)
    extended = chip_name != "ESP8266"
    esp8266_image = info.chip_name == "ESP8266"
    if extended:  # an ESP8266 image, or another chip's id in the extended header
        known = chip_name in IMAGE_CHIP_IDS
        wrong_chip = esp8266_image or (known and info.chip_name != chip_name)
    else:
        wrong_chip = not esp8266_image
    if wrong_chip:
        if info.chip_name is not None:
            raise rejected(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "This firmware is for an {image_chip}, but the board is an {chip}. "
                    "Choose the firmware for {chip}.",
                ),
                image_chip=info.chip_name,
                chip=chip_name,
            )
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This firmware was not built for an {chip} (its header names chip id "
                "{chip_id}). Choose the firmware for {chip}.",
            ),
            chip=chip_name,
            chip_id=info.chip_id,
        )
    # the image at the start of the file (an ESP32's bootloader, the ESP8266's whole image)
    _verify(data, 0, extended, flash_at=offset)
    if extended:
        _check_partitions(data, offset)
    else:
        _check_esp8266_trailer(data)
    if flash_size is not None and offset + len(data) > flash_size:
        raise rejected(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The firmware ({size} KB at offset {offset}) does not fit in this board's "
                "{flash} KB of flash.",
            ),
            size=len(data) // 1024,
            offset=f"0x{offset:X}",
            flash=flash_size // 1024,
        )
    return info
