"""Files off an ESP board whose MicroPython never answers: through the ROM loader (esptool),
read the partition table and the "vfs" partition, open its littlefs on this computer, copy the
files to a folder, and write the partition back with main.py renamed (never deleted)."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ide.firmware.errors import FirmwareError, fw_message
from ide.text import QT_TRANSLATE_NOOP

TABLE_OFFSET = 0x8000  # where ESP-IDF keeps the partition table
TABLE_SIZE = 0xC00
ENTRY = struct.Struct("<2sBBII16sI")  # magic AA 50, type, subtype, offset, size, name, flags
BLOCK = 4096  # MicroPython's ESP32 VfsLfs2: block 4096, read/prog/lookahead 32


@dataclass(frozen=True)
class Partition:
    name: str
    type: int
    subtype: int
    offset: int
    size: int


def parse_table(data: bytes) -> list[Partition]:
    """The entries of an ESP-IDF partition table (until the first non-entry)."""
    found: list[Partition] = []
    for pos in range(0, len(data) - ENTRY.size + 1, ENTRY.size):
        magic, ptype, sub, offset, size, name, _flags = ENTRY.unpack_from(data, pos)
        if magic != b"\xaa\x50":
            break
        found.append(
            Partition(name.rstrip(b"\0").decode("ascii", "replace"), ptype, sub, offset, size)
        )
    return found


@dataclass
class RomRescue:
    copied: list[str] = field(default_factory=list)  # board paths copied to the folder
    renamed: list[tuple[str, str]] = field(default_factory=list)
    disk_version: int = 0


def _mount(image: bytes, version: int | None = None) -> Any:
    import littlefs

    kwargs: dict[str, Any] = {}
    if version is not None:
        kwargs["disk_version"] = version  # write back in the on-disk version that was read
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=len(image) // BLOCK,
        read_size=32,
        prog_size=32,
        lookahead_size=32,
        mount=False,
        **kwargs,
    )
    fs.context.buffer = bytearray(image)
    fs.mount()
    return fs


def rescue_image(
    image: bytes, dest: Path, disable: tuple[str, ...] = ("main.py",)
) -> tuple[bytes, RomRescue]:
    """Copy every file of a littlefs image to ``dest`` and rename ``disable`` in it: (the new
    image, what was done). Pure: no board."""
    result = RomRescue()
    fs = _mount(image)
    result.disk_version = fs.fs_stat().disk_version
    fs.unmount()
    fs = _mount(image, result.disk_version)
    for root, _dirs, files in fs.walk("/"):
        for name in files:
            path = f"{root.rstrip('/')}/{name}"
            target = dest / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            with fs.open(path, "rb") as f:
                target.write_bytes(f.read())
            result.copied.append(path)
    names = set(fs.listdir("/"))
    for was in disable:
        if was in names:
            stem, n = was[:-3] + "_disabled", 2
            now = stem + ".py"
            while now in names:
                now, n = f"{stem}_{n}.py", n + 1
            fs.rename(was, now)
            names.add(now)
            result.renamed.append((was, now))
    fs.unmount()
    return bytes(fs.context.buffer), result


def rescue_files(port: str, dest: Path, *, on_log: Any = None) -> RomRescue:
    """Through the ESP ROM loader on ``port``: copy the board's files to ``dest`` and write the
    filesystem back with main.py disabled. Raises FirmwareError (FAT boards: not yet)."""
    from esptool.cmds import attach_flash, run_stub, write_flash

    from ide.firmware.esp import _close, _connect, _esptool_session, _translate_error

    with _esptool_session(on_log, None) as target:
        esp = None
        try:
            esp = _connect(port, target)
            esp = run_stub(esp)
            attach_flash(esp)
            parts = parse_table(esp.read_flash(TABLE_OFFSET, TABLE_SIZE))
            vfs = next((p for p in parts if p.name == "vfs"), None)
            if vfs is None:
                raise FirmwareError(
                    fw_message(
                        QT_TRANSLATE_NOOP(
                            "Firmware",
                            'This board keeps no littlefs filesystem (no "vfs" partition): its '
                            "files cannot be read this way.",
                        )
                    )
                )
            image = esp.read_flash(vfs.offset, vfs.size)
            new, result = rescue_image(image, dest)
            if result.renamed:
                write_flash(esp, [(vfs.offset, new)], compress=True)
        except FirmwareError:
            _close(esp, reset=False)
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a Message
            _close(esp, reset=False)
            raise _translate_error(exc, port) from exc
        _close(esp, reset=True)
        return result
