"""Files off an ESP board through the ROM loader: the simulator's flash holds a partition table
and a littlefs "vfs" partition built here from real files; rescue_files copies them all to a
folder and writes the partition back with main.py renamed."""

from __future__ import annotations

import struct

import littlefs

from ide.firmware.esp_files import BLOCK, parse_table, rescue_files, rescue_image
from tests.helpers.esp_rom_sim import EspRomSim

VFS_OFFSET, VFS_SIZE = 0x200000, 0x10000

FILES = {
    "main.py": b"import micropython\nmicropython.kbd_intr(-1)\nwhile True: pass\n",
    "data.csv": b"1,2,3\n" * 50,
    "lib/sensor.py": b"def read():\n    return 42\n",
}


def _table() -> bytes:
    def entry(name: str, ptype: int, sub: int, offset: int, size: int) -> bytes:
        return struct.pack("<2sBBII16sI", b"\xaa\x50", ptype, sub, offset, size, name.encode(), 0)

    table = entry("nvs", 1, 2, 0x9000, 0x6000) + entry("factory", 0, 0, 0x10000, 0x1F0000)
    table += entry("vfs", 1, 0x81, VFS_OFFSET, VFS_SIZE)
    return table + b"\xff" * (0xC00 - len(table))


def _image(version: int = 0x00020000) -> bytes:
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=VFS_SIZE // BLOCK,
        read_size=32,
        prog_size=32,
        lookahead_size=32,
        disk_version=version,
    )
    fs.mkdir("lib")
    for name, data in FILES.items():
        with fs.open(name, "wb") as f:
            f.write(data)
    return bytes(fs.context.buffer)


def _read(image: bytes) -> dict[str, bytes]:
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=len(image) // BLOCK,
        read_size=32,
        prog_size=32,
        lookahead_size=32,
        mount=False,
    )
    fs.context.buffer = bytearray(image)
    fs.mount()
    out = {}
    for root, _d, files in fs.walk("/"):
        for n in files:
            path = f"{root.rstrip('/')}/{n}".lstrip("/")
            with fs.open(path, "rb") as f:
                out[path] = f.read()
    return out


def test_the_partition_table_is_read():
    parts = parse_table(_table())
    assert [p.name for p in parts] == ["nvs", "factory", "vfs"]
    assert parts[2].offset == VFS_OFFSET and parts[2].size == VFS_SIZE


def test_an_image_is_copied_and_main_disabled_in_the_version_read(tmp_path):
    new, result = rescue_image(_image(), tmp_path)
    assert sorted(result.copied) == ["/data.csv", "/lib/sensor.py", "/main.py"]
    for name, data in FILES.items():
        assert (tmp_path / name).read_bytes() == data
    assert result.renamed == [("main.py", "main_disabled.py")]
    assert result.disk_version == 0x00020000
    after = _read(new)
    assert after["main_disabled.py"] == FILES["main.py"] and "main.py" not in after
    fs = littlefs.LittleFS(block_size=BLOCK, block_count=VFS_SIZE // BLOCK, mount=False)
    fs.context.buffer = bytearray(new)
    fs.mount()
    assert fs.fs_stat().disk_version == 0x00020000  # old firmware can still mount it


def test_files_come_off_a_board_through_the_rom_loader(tmp_path):
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        result = rescue_files(rom.port, tmp_path)
        flashed = bytes(rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE])
    for name, data in FILES.items():
        assert (tmp_path / name).read_bytes() == data
    assert result.renamed == [("main.py", "main_disabled.py")]
    after = _read(flashed)
    assert after == {
        "main_disabled.py": FILES["main.py"],
        "data.csv": FILES["data.csv"],
        "lib/sensor.py": FILES["lib/sensor.py"],
    }
