"""Firmware files for tests and the benchmark: valid ESP images and UF2 files, built here so
the product code carries no test-only builders.

    build_test_image("ESP32", 300 * 1024)  # merged image: bootloader, partition table, app
    make_uf2(payload, family=RP2040_FAMILY)

The ESP images are what esptool's image-info calls valid: every image's checksum (0xEF XOR
every segment byte, in the last byte of the 16-byte block the segments end in) and, in the
ESP32 family, the SHA-256 of the image appended (extended header byte 15 = 1).
"""

from __future__ import annotations

import hashlib
import random
import struct

from ide.firmware.esp_image import (
    ESP8266_IROM_AT,
    EXTENDED_HEADER_LEN,
    FLASH_OFFSETS,
    HEADER_LEN,
    IMAGE_CHIP_IDS,
    IMAGE_MAGIC,
    PARTITION_MAGIC,
    PARTITION_TABLE_ADDR,
)
from ide.firmware.uf2 import (
    FLAG_FAMILY_ID,
    MAGIC_END,
    MAGIC_START0,
    MAGIC_START1,
    MAX_PAYLOAD,
    RP2040_FAMILY,
)

APP_AT = 0x10000  # where MicroPython's ESP32-family app lies in flash (factory partition)


def code_like(rng: random.Random, length: int) -> bytes:
    """Pseudo-random bytes over a small alphabet: compresses roughly like firmware."""
    alphabet = bytes(rng.randrange(256) for _ in range(32))
    table = bytes(alphabet[i % len(alphabet)] for i in range(256))
    return rng.randbytes(length).translate(table)


def _checksum(body: bytes) -> int:
    value = 0xEF
    for b in body:
        value ^= b
    return value


def esp_app_image(
    chip_id: int, body: bytes, *, min_rev_full: int = 0, hash_appended: bool = True
) -> bytes:
    """One ESP32-family image with a single segment holding ``body``."""
    header = struct.pack("<BBBBI", IMAGE_MAGIC, 1, 2, 0x20, 0x40080000)
    ext = struct.pack(
        "<B3sHBHH4sB",
        0xEE,  # WP pin: disabled
        b"\0\0\0",
        chip_id,
        0,
        min_rev_full,
        0xFFFF,  # no maximum revision
        b"\0" * 4,
        1 if hash_appended else 0,
    )
    image = header + ext + struct.pack("<II", 0x3F400020, len(body)) + body
    pad = 15 - len(image) % 16  # the checksum ends the 16-byte block
    image += b"\0" * pad + bytes([_checksum(body)])
    if hash_appended:
        image += hashlib.sha256(image).digest()
    return image


def build_test_image(
    chip_name: str,
    size: int,
    *,
    seed: int = 1,
    min_rev_full: int = 0,
    hash_appended: bool = True,
) -> bytes:
    """A valid merged firmware image of ``size`` bytes for ``chip_name``.

    A bootloader image at the chip's offset, a partition table at 0x8000 and an application
    at 0x10000 filling the rest with compressible pseudo-random code. For the ESP8266:
    MicroPython's layout (see ide.firmware.esp_image's docstring).
    """
    rng = random.Random(seed)
    if chip_name == "ESP8266":
        return _build_esp8266(size, rng)
    offset = FLASH_OFFSETS[chip_name]
    chip_id = IMAGE_CHIP_IDS[chip_name]
    app_at = APP_AT - offset
    boot = esp_app_image(chip_id, code_like(rng, 0x4000), min_rev_full=min_rev_full)
    table_at = PARTITION_TABLE_ADDR - offset
    entry = PARTITION_MAGIC + bytes([0, 0]) + struct.pack("<II", APP_AT, 0x1F0000)
    entry += b"factory".ljust(16, b"\0") + b"\0" * 4
    out = bytearray(b"\xff" * app_at)
    out[: len(boot)] = boot
    out[table_at : table_at + 32] = entry
    overhead = HEADER_LEN + EXTENDED_HEADER_LEN + 8 + 16 + (32 if hash_appended else 0)
    body_len = size - app_at - overhead
    app = esp_app_image(
        chip_id,
        code_like(rng, body_len),
        min_rev_full=min_rev_full,
        hash_appended=hash_appended,
    )
    out += app
    return bytes(out[:size]) + b"\xff" * (size - len(out))


def app_offset(chip_name: str) -> int:
    """Where the application starts inside build_test_image's file."""
    return APP_AT - FLASH_OFFSETS[chip_name]


def _build_esp8266(size: int, rng: random.Random) -> bytes:
    """MicroPython's ESP8266 firmware.bin: V1 image, padding, length word, irom0, MD5."""
    segments = [  # IRAM code, DRAM data, read-only data
        (0x40100000, code_like(rng, 0x6F00)),
        (0x3FFE8000, code_like(rng, 0x500)),
        (0x3FFE8500, code_like(rng, 0x1280)),
    ]
    # 1 MB / 40 MHz in the header, QIO, entry in IRAM: as MicroPython's build leaves it
    image = bytearray(struct.pack("<BBBBI", IMAGE_MAGIC, len(segments), 0, 0x20, 0x40100004))
    for addr, body in segments:
        image += struct.pack("<II", addr, len(body)) + body
    image += b"\0" * (15 - len(image) % 16) + bytes([_checksum(b"".join(b for _, b in segments))])
    irom_len = size - ESP8266_IROM_AT - 16
    if irom_len <= 0:
        raise ValueError(f"an ESP8266 image needs more than {ESP8266_IROM_AT + 16} bytes")
    out = image + b"\xff" * (ESP8266_IROM_AT - 4 - len(image))
    out += struct.pack("<I", ESP8266_IROM_AT + irom_len) + code_like(rng, irom_len)
    return bytes(out) + hashlib.md5(out[4:]).digest()  # from byte 4, as MicroPython's build


def make_uf2(
    payload: bytes,
    family: int = RP2040_FAMILY,
    base: int = 0x10000000,
    *,
    flags: int = FLAG_FAMILY_ID,
) -> bytes:
    """A well-formed UF2 holding ``payload`` (256 bytes per block, as Pico tools write)."""
    pages = [payload[i : i + 256] for i in range(0, len(payload), 256)] or [b""]
    out = bytearray()
    for n, page in enumerate(pages):
        head = struct.pack(
            "<8I", MAGIC_START0, MAGIC_START1, flags, base + n * 256, 256, n, len(pages), family
        )
        body = page.ljust(256, b"\0").ljust(MAX_PAYLOAD, b"\0")
        out += head + body + struct.pack("<I", MAGIC_END)
    return bytes(out)
