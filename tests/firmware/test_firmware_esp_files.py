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


def _image(version: int = 0x00020000, files: dict[str, bytes] = FILES) -> bytes:
    fs = littlefs.LittleFS(
        block_size=BLOCK,
        block_count=VFS_SIZE // BLOCK,
        read_size=32,
        prog_size=32,
        lookahead_size=32,
        disk_version=version,
    )
    fs.mkdir("lib")
    for name, data in files.items():
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


# ----- FAT ("ffat") partitions ------------------------------------------------------------------
# MicroPython's ESP32 build formats "ffat" with os.VfsFat.mkfs on 512-byte blocks (ports/esp32
# flashbdev: block_size=512). The simulator's os.VfsFat is a stand-in that keeps files in a
# folder and writes no FAT bytes, so the image is made with the library (ChaN's FatFs f_mkfs,
# the code MicroPython's oofatfs comes from: one FAT, no partition table) with the board's
# geometry, not by MicroPython itself.
FAT_OFFSET, FAT_SIZE = 0x210000, 0x40000


def _fat_table() -> bytes:
    def entry(name: str, ptype: int, sub: int, offset: int, size: int) -> bytes:
        return struct.pack("<2sBBII16sI", b"\xaa\x50", ptype, sub, offset, size, name.encode(), 0)

    table = entry("nvs", 1, 2, 0x9000, 0x6000) + entry("factory", 0, 0, 0x10000, 0x1F0000)
    table += entry("ffat", 1, 0x81, FAT_OFFSET, FAT_SIZE)
    return table + b"\xff" * (0xC00 - len(table))


def _fat_files(image: bytes) -> dict[str, bytes]:
    from ide.firmware.fat_image import FatImage

    with FatImage(image) as fat:
        paths, _ = fat.files()
        return {p.lstrip("/"): fat.read(p) for p in paths}


def test_a_fat_image_is_copied_and_main_disabled(tmp_path):
    from ide.firmware.fat_image import make_fat

    for sector in (512, 4096):  # MicroPython's ffat; other builds' native flash sector
        dest = tmp_path / str(sector)
        # FatFs wants at least 128 sectors for FAT12: a 4096-byte-sector image is larger
        image = make_fat(FAT_SIZE if sector == 512 else 128 * sector, FILES, sector=sector)
        assert image[510:512] == b"\x55\xaa" and image[54:57] == b"FAT"  # no partition table
        new, result = rescue_image(image, dest, kind="fat")
        for name, data in FILES.items():
            assert (dest / name).read_bytes() == data
        assert result.renamed == [("main.py", "main_disabled.py")]
        after = _fat_files(new)
        assert after == {
            "main_disabled.py": FILES["main.py"],
            "data.csv": FILES["data.csv"],
            "lib/sensor.py": FILES["lib/sensor.py"],
        }


def test_files_come_off_a_fat_board_through_the_rom_loader(tmp_path):
    from ide.firmware.fat_image import make_fat

    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = make_fat(FAT_SIZE, FILES)
        result = rescue_files(rom.port, tmp_path)
        flashed = bytes(rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE])
    assert result.kind == "fat" and result.partition == "ffat" and result.written_back
    for name, data in FILES.items():
        assert (tmp_path / name).read_bytes() == data
    assert result.renamed == [("main.py", "main_disabled.py")]
    assert _fat_files(flashed) == {
        "main_disabled.py": FILES["main.py"],
        "data.csv": FILES["data.csv"],
        "lib/sensor.py": FILES["lib/sensor.py"],
    }


def test_a_damaged_filesystem_is_saved_raw_and_left_alone(tmp_path):
    import pytest

    from ide.firmware.esp_files import InPlaceImpossible

    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        junk = bytes(range(256)) * (VFS_SIZE // 256)  # neither littlefs nor FAT
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = junk
        with pytest.raises(InPlaceImpossible) as caught:
            rescue_files(rom.port, tmp_path)
        untouched = bytes(rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE])
    result = caught.value.result
    assert result.raw_image is not None and result.raw_image.read_bytes() == junk
    assert untouched == junk  # nothing written
    assert "cannot be opened" in str(caught.value)


class _BadFlash(EspRomSim):
    """A chip whose flash no longer takes writes in the filesystem partition (worn out)."""

    def program(self, offset: int, data: bytes) -> None:
        if FAT_OFFSET <= offset < FAT_OFFSET + FAT_SIZE:
            data = bytes(b & 0xF0 for b in data)  # bits that stay low
        super().program(offset, data)


def test_a_write_back_that_does_not_read_back_right_says_so_with_the_files_safe(tmp_path):
    import pytest

    from ide.firmware.esp_files import InPlaceImpossible
    from ide.firmware.fat_image import make_fat

    with _BadFlash("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = make_fat(FAT_SIZE, FILES)
        with pytest.raises(InPlaceImpossible) as caught:
            rescue_files(rom.port, tmp_path)
    for name, data in FILES.items():
        assert (tmp_path / name).read_bytes() == data  # copied before anything was written
    assert not caught.value.result.written_back


def test_fat_ignores_letter_case_so_main_py_is_found_whatever_its_case(tmp_path):
    from ide.firmware.fat_image import make_fat

    image = make_fat(FAT_SIZE, {"Main.py": FILES["main.py"], "main_disabled.py": b"old\n"})
    new, result = rescue_image(image, tmp_path, kind="fat")
    assert result.renamed == [("Main.py", "main_disabled_2.py")]  # never over the old one
    after = _fat_files(new)
    assert after == {"main_disabled_2.py": FILES["main.py"], "main_disabled.py": b"old\n"}


def _fat_with_a_name_this_computer_cannot_read() -> bytes:
    """A FAT image whose "CAFÉ.PY" has a short name in the board's code page (0x90: É in CP437),
    which fatfs-ng's name decoding cannot read (it builds only ASCII names itself)."""
    from ide.firmware.fat_image import make_fat

    image = bytearray(make_fat(FAT_SIZE, {**FILES, "CAFEX.PY": b"print('cafe')\n"}))
    at = image.find(b"CAFEX   PY ")  # an 8.3 name: no long-name entry beside it
    image[at + 4] = 0x90
    return bytes(image)


def test_a_fat_file_whose_name_cannot_be_read_here_is_counted_not_silently_left_out(tmp_path):
    image = _fat_with_a_name_this_computer_cannot_read()
    _new, result = rescue_image(image, tmp_path, kind="fat")
    assert sorted(result.copied) == ["/data.csv", "/lib/sensor.py", "/main.py"]
    assert result.skipped == ["/?"]  # an erase would lose it: the rescue must know it is there


def test_a_file_left_on_the_board_keeps_the_raw_partition_in_the_folder(tmp_path):
    image = _fat_with_a_name_this_computer_cannot_read()
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = image
        result = rescue_files(rom.port, tmp_path)
    assert result.written_back and result.skipped == ["/?"]
    assert result.raw_image is not None and result.raw_image.read_bytes() == image


def test_a_file_this_computer_refuses_is_skipped_and_the_others_are_still_copied(tmp_path):
    # the folder already holds a folder where data.csv would go: this computer's OSError, as
    # Windows gives for a name such as "data?.csv" or "CON"
    (tmp_path / "data.csv").mkdir()
    _new, result = rescue_image(_image(), tmp_path)
    assert result.skipped == ["/data.csv"]
    assert sorted(result.copied) == ["/lib/sensor.py", "/main.py"]
    assert (tmp_path / "lib" / "sensor.py").read_bytes() == FILES["lib/sensor.py"]


def test_the_files_come_off_at_the_install_speed_not_the_rom_loaders(tmp_path):
    from ide.firmware.esp import DEFAULT_BAUD

    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        result = rescue_files(rom.port, tmp_path)
        asked = list(rom.baud_changes)
    assert result.written_back and asked == [DEFAULT_BAUD]


def test_a_link_too_slow_for_the_install_speed_falls_back_and_still_rescues(tmp_path):
    from ide.firmware.esp import DEFAULT_BAUD

    with EspRomSim("esp32", max_baud=115200) as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        result = rescue_files(rom.port, tmp_path)
        flashed = bytes(rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE])
        asked = list(rom.baud_changes)
    assert asked == [DEFAULT_BAUD]  # tried once; the chip went deaf, so on at the ROM's speed
    assert result.written_back and _read(flashed)["main_disabled.py"] == FILES["main.py"]


def test_a_copy_already_in_the_folder_is_never_written_over(tmp_path):
    # "Main.py" and "main.py" on the board's littlefs are one name on a case-blind disk
    # (Windows, macOS): the second must not replace the first's copy (shown here by hand)
    (tmp_path / "data.csv").write_bytes(b"the other file's copy")
    _new, result = rescue_image(_image(), tmp_path)
    assert result.skipped == ["/data.csv"]
    assert (tmp_path / "data.csv").read_bytes() == b"the other file's copy"


# ----- the write-back: only the sectors that changed, in a cut-safe order -----------------------
class _CutRecorder(EspRomSim):
    """Keeps the partition as it stands after every erase and every write into it: the flash
    a cut cable would leave at that moment (the worst: a sector erased, not yet written)."""

    def __init__(self, *args: object, region: tuple[int, int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.region = region
        self.states: list[bytes] = []

    def program(self, offset: int, data: bytes) -> None:
        super().program(offset, data)
        self._keep(offset)

    def erase(self, offset: int, size: int) -> None:
        super().erase(offset, size)
        self._keep(offset)

    def _keep(self, offset: int) -> None:
        start, size = self.region
        if start <= offset < start + size:
            self.states.append(bytes(self.flash[start : start + size]))


def _written_sectors(rom: EspRomSim, start: int, size: int) -> set[int]:
    return {
        (at - start) // BLOCK
        for kind, off, n in rom.changes
        if kind == "write"
        for at in range(off - off % BLOCK, off + n, BLOCK)
        if start <= at < start + size
    }


def test_only_the_sectors_that_changed_are_written_back(tmp_path):
    image = _image()
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = image
        rom.changes.clear()
        rescue_files(rom.port, tmp_path)
        flashed = bytes(rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE])
    changed = {
        s // BLOCK
        for s in range(0, VFS_SIZE, BLOCK)
        if image[s : s + BLOCK] != flashed[s : s + BLOCK]
    }
    assert changed and _written_sectors(rom, VFS_OFFSET, VFS_SIZE) == changed


def test_a_fat_rename_writes_only_the_directory_sector(tmp_path):
    from ide.firmware.fat_image import make_fat

    image = make_fat(FAT_SIZE, FILES)
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = image
        rom.changes.clear()
        rescue_files(rom.port, tmp_path)
    assert len(_written_sectors(rom, FAT_OFFSET, FAT_SIZE)) == 1


def test_a_write_back_cut_at_any_moment_leaves_every_file_mountable(tmp_path):
    # more to rename than main.py: boot.py too, and files in a folder, so more than one
    # block may change; after every write the partition must mount with every file
    files = dict(FILES, **{"boot.py": b"import main\n", "lib/more.py": b"x = 1\n" * 300})
    image = _image(files=files)
    with _CutRecorder("esp32", region=(VFS_OFFSET, VFS_SIZE)) as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = image
        rescue_files(rom.port, tmp_path, disable=("main.py", "boot.py"))
    assert rom.states
    renamed = {"main.py": "main_disabled.py", "boot.py": "boot_disabled.py"}
    # littlefs appends the renames to the directory's live block; erasing that block to
    # write it would leave its stale half (an older, emptier directory): the write-back goes
    # to the stale half instead, and every moment of it shows every file
    for state in rom.states:
        seen = _read(state)
        for name, data in files.items():
            now = renamed.get(name, name)
            assert seen.get(name, seen.get(now)) == data, name
    assert set(_read(rom.states[-1])) == {renamed.get(n, n) for n in files}


def test_the_filesystem_is_opened_as_micropython_configures_it():
    # extmod vfs_lfsx: cache min(block, 4 * max(read, prog)) = 128, block_cycles 100 (as on rp2)
    from ide.firmware.esp_files import _mount

    fs = _mount(_image())
    assert fs.cfg.cache_size == 128 and fs.cfg.block_size == BLOCK
    assert fs.cfg.read_size == fs.cfg.prog_size == fs.cfg.lookahead_size == 32


def test_the_plain_main_py_rename_is_cut_safe_too(tmp_path):
    with _CutRecorder("esp32", region=(VFS_OFFSET, VFS_SIZE)) as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        result = rescue_files(rom.port, tmp_path)
    assert result.written_back and rom.states
    for state in rom.states:
        seen = _read(state)
        assert seen.get("main.py", seen.get("main_disabled.py")) == FILES["main.py"]
        assert seen["data.csv"] == FILES["data.csv"]
        assert seen["lib/sensor.py"] == FILES["lib/sensor.py"]
