"""ide.firmware.catalog against a local HTTP catalogue, and ide.firmware.uf2 on a folder."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from ide.firmware import catalog, uf2
from ide.firmware.errors import Cancelled, CatalogError, ImageRejected
from tests.helpers.firmware_images import make_uf2
from tests.helpers.firmware_server import FirmwareServer


@pytest.fixture
def server():
    srv = FirmwareServer().start()
    yield srv
    srv.close()


@pytest.fixture
def cat(server, tmp_path) -> catalog.Catalog:
    return catalog.Catalog(server.base_url, cache=tmp_path / "cache", timeout=5)


def make_drive(folder: Path, board_id: str = "RPI-RP2") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    model = "Raspberry Pi RP2" if board_id.startswith("RPI") else "Raspberry Pi RP2350"
    (folder / "INFO_UF2.TXT").write_text(
        f"UF2 Bootloader v3.0\nModel: {model}\nBoard-ID: {board_id}\n"
    )
    (folder / "INDEX.HTM").write_text("<html>redirect</html>")
    return folder


# ----- catalogue ---------------------------------------------------------------------------
def test_board_list_and_firmware_versions(cat):
    listing = cat.boards()
    ids = [b.id for b in listing.items]
    assert ids == ["ESP32_GENERIC", "ESP32_GENERIC_S3", "RPI_PICO", "RPI_PICO2"]
    assert {b.id: b.name for b in listing.items}["ESP32_GENERIC_S3"] == "ESP32-S3"
    assert not listing.from_cache and listing.notice is None

    fw = cat.firmware("ESP32_GENERIC_S3").items
    assert all(f.ext == "bin" for f in fw)  # the .elf links are not firmware
    assert fw[0].preview and fw[0].version.startswith("v1.26.0")  # newest first
    best = catalog.latest_stable(fw)
    assert best is not None and best.version == "v1.25.0" and best.variant == ""
    spiram = catalog.latest_stable(fw, "SPIRAM_OCT")
    assert spiram is not None and spiram.variant == "SPIRAM_OCT"
    assert catalog.latest_stable(fw, "NO_SUCH_VARIANT") == best


def test_suggest_board_for_chips():
    assert catalog.suggest_board("ESP32-S3", has_psram=True) == ("ESP32_GENERIC_S3", "SPIRAM_OCT")
    assert catalog.suggest_board("ESP32") == ("ESP32_GENERIC", "")
    assert catalog.suggest_board("RP2350") == ("RPI_PICO2", "")
    # the standard ESP8266 build wants 2 MB+; ESP-01-sized boards get the small variants
    assert catalog.suggest_board("ESP8266", flash_size=4 << 20) == ("ESP8266_GENERIC", "")
    assert catalog.suggest_board("ESP8266", flash_size=2 << 20) == ("ESP8266_GENERIC", "")
    assert catalog.suggest_board("ESP8266", flash_size=1 << 20) == ("ESP8266_GENERIC", "FLASH_1M")
    assert catalog.suggest_board("ESP8266", flash_size=512 << 10) == (
        "ESP8266_GENERIC",
        "FLASH_512K",
    )
    assert catalog.suggest_board("ESP8266") == ("ESP8266_GENERIC", "")  # size unknown


def test_offline_uses_the_cache_and_says_so(cat, server, tmp_path):
    cat.boards()
    cat.firmware("RPI_PICO")
    server.up = False
    listing = cat.boards()
    assert listing.from_cache and listing.notice is not None
    assert "Offline" in str(listing.notice) and listing.fetched_at.year >= 2024
    assert len(cat.firmware("RPI_PICO").items) == 2
    fresh = catalog.Catalog(server.base_url, cache=tmp_path / "empty", timeout=5)
    with pytest.raises(CatalogError) as err:
        fresh.boards()
    assert "firmware file you already have" in str(err.value.message)


def test_download_with_progress_and_hash_check(cat):
    fw = catalog.latest_stable(cat.firmware("ESP32_GENERIC_S3").items)
    seen = []
    path = cat.download(fw, progress=lambda d, t: seen.append((d, t)))
    assert path.read_bytes()[0] == 0xE9 and path.stat().st_size == 192 * 1024
    assert seen[-1] == (192 * 1024, 192 * 1024)
    assert not list(path.parent.glob("*.part"))
    assert cat.download(fw) == path  # second time: from the cache


def test_corrupt_or_truncated_download_is_never_kept(cat, server):
    items = cat.firmware("ESP32_GENERIC_S3").items
    fw = catalog.latest_stable(items)
    server.corrupt.add(fw.filename)
    with pytest.raises(CatalogError, match="checksum"):
        cat.download(fw)
    files = cat.cache / "files"
    assert not (files / fw.filename).exists() and not list(files.glob("*.part"))

    other = catalog.latest_stable(items, "SPIRAM_OCT")
    server.truncate.add(other.filename)
    with pytest.raises(CatalogError):
        cat.download(other)
    assert not (files / other.filename).exists() and not list(files.glob("*.part"))


def test_a_damaged_download_is_refused_even_without_a_published_hash(cat, server):
    fw = catalog.latest_stable(cat.firmware("ESP32_GENERIC_S3").items)
    server.unpublished.add(fw.filename)
    server.corrupt.add(fw.filename)  # one byte flipped inside the bootloader image
    fw = catalog.latest_stable(cat.firmware("ESP32_GENERIC_S3").items)
    assert fw.sha256 is None
    with pytest.raises(CatalogError, match="checksum does not match"):
        cat.download(fw)
    assert not list((cat.cache / "files").glob("*"))


def test_download_cancel_leaves_nothing(cat):
    fw = catalog.latest_stable(cat.firmware("ESP32_GENERIC_S3").items)
    with pytest.raises(Cancelled):
        cat.download(fw, cancel=lambda: True)
    assert not list((cat.cache / "files").glob("*"))


def test_plain_http_is_refused_except_locally(tmp_path):
    remote = catalog.Catalog("http://micropython.org", cache=tmp_path)
    with pytest.raises(CatalogError, match="insecure"):
        remote.boards()


# ----- UF2 -----------------------------------------------------------------------------------
def test_find_drives_reads_info_uf2(tmp_path, monkeypatch):
    pico = make_drive(tmp_path / "RPI-RP2")
    pico2 = make_drive(tmp_path / "RP2350", "RP2350")
    other = tmp_path / "USBSTICK"
    other.mkdir()
    monkeypatch.setenv(uf2.DRIVES_ENV, f"{pico}:{pico2}:{other}")
    drives = {d.path: d for d in uf2.find_drives()}
    assert set(drives) == {pico, pico2}
    assert drives[pico].chip == "RP2040" and drives[pico].board_id == "RPI-RP2"
    assert drives[pico2].chip == "RP2350"


def test_find_drives_reads_the_mount_table(tmp_path, monkeypatch):
    """A BOOTSEL drive mounted anywhere (not only /media or a drive letter) is found through the
    operating system's mount table; other filesystems in it are not looked at."""
    import psutil

    pico = make_drive(tmp_path / "somewhere" / "RPI-RP2")
    ext4 = make_drive(tmp_path / "not-fat")
    table = [
        SimpleNamespace(device=str(pico), mountpoint=str(pico), fstype="vfat"),
        SimpleNamespace(device="/dev/sda1", mountpoint=str(ext4), fstype="ext4"),
    ]
    monkeypatch.delenv(uf2.DRIVES_ENV, raising=False)
    monkeypatch.setattr(psutil, "disk_partitions", lambda all=False: table)
    assert [d.path for d in uf2.find_drives()] == [pico]


def test_install_copies_with_progress(tmp_path):
    drive = uf2.drive_at(make_drive(tmp_path / "RPI-RP2"))
    payload = bytes(range(256)) * 1000
    src = tmp_path / "RPI_PICO-20250415-v1.25.0.uf2"
    src.write_bytes(make_uf2(payload))
    seen = []
    written = uf2.install(src, drive, progress=lambda d, t: seen.append((d, t)), chunk=32 * 1024)
    assert written.read_bytes() == src.read_bytes()
    assert len(seen) > 3 and seen[-1] == (src.stat().st_size,) * 2


def test_uf2_checks_family_and_form(tmp_path):
    pico = uf2.drive_at(make_drive(tmp_path / "a"))
    pico2 = uf2.drive_at(make_drive(tmp_path / "b", "RP2350"))
    rp2350_file = make_uf2(b"\x01" * 2000, family=uf2.RP2350_ARM_S)
    rp2040_file = make_uf2(b"\x01" * 2000)
    uf2.check_uf2(rp2350_file, pico2)
    uf2.check_uf2(rp2040_file, pico)
    with pytest.raises(ImageRejected, match="RP2040"):
        uf2.check_uf2(rp2350_file, pico)
    with pytest.raises(ImageRejected, match="RP2350"):
        uf2.check_uf2(rp2040_file, pico2)
    with pytest.raises(ImageRejected, match="512-byte"):
        uf2.check_uf2(rp2040_file[:-100], pico)
    with pytest.raises(ImageRejected, match="incomplete"):
        uf2.check_uf2(rp2040_file[:-512], pico)
    damaged = bytearray(rp2040_file)
    damaged[512] ^= 0xFF
    with pytest.raises(ImageRejected, match="damaged"):
        uf2.check_uf2(bytes(damaged), pico)
    src = tmp_path / "wrong.uf2"
    src.write_bytes(rp2350_file)
    with pytest.raises(ImageRejected):
        uf2.install(src, pico)
    assert not list(pico.path.glob("*.uf2"))  # nothing copied


def test_uf2_blocks_are_checked_one_by_one(tmp_path):
    pico = uf2.drive_at(make_drive(tmp_path / "a"))
    good = make_uf2(b"\x01" * 5000)
    uf2.check_uf2(good, pico)
    blocks = [good[i : i + 512] for i in range(0, len(good), 512)]

    def numbered(block: bytes, number: int) -> bytes:
        return block[:20] + number.to_bytes(4, "little") + block[24:]

    # a block missing although the size is whole: the numbering has a hole
    with pytest.raises(ImageRejected, match="incomplete"):
        uf2.check_uf2(b"".join(blocks[:3] + blocks[4:]), pico)
    # one block twice in place of another: count fine, numbering not
    with pytest.raises(ImageRejected, match="damaged"):
        uf2.check_uf2(b"".join(blocks[:3] + [numbered(blocks[3], 2)] + blocks[4:]), pico)
    # an address outside the RP2040's flash (RAM at 0x20000000), and past its 16 MB
    with pytest.raises(ImageRejected, match="outside the board's flash"):
        uf2.check_uf2(make_uf2(b"\x01" * 600, base=0x20000000), pico)
    with pytest.raises(ImageRejected, match="0x11000000"):
        uf2.check_uf2(make_uf2(b"\x01" * 600, base=0x11000000), pico)
    # two families in one file: each sequence complete on its own
    data = make_uf2(b"\x01" * 600, family=uf2.RP2XXX_DATA)
    arm = make_uf2(b"\x02" * 900, family=uf2.RP2350_ARM_S, base=0x10100000)
    pico2 = uf2.drive_at(make_drive(tmp_path / "b", "RP2350"))
    uf2.check_uf2(data + arm, pico2)
    with pytest.raises(ImageRejected, match="incomplete"):
        uf2.check_uf2(data + arm[512:], pico2)
    # a damaged file on the drive: nothing copied
    src = tmp_path / "holes.uf2"
    src.write_bytes(b"".join(blocks[:3] + blocks[4:]))
    with pytest.raises(ImageRejected):
        uf2.install(src, pico)
    assert not list(pico.path.glob("*.uf2"))


def test_uf2_install_cancel_removes_partial_copy(tmp_path):
    drive = uf2.drive_at(make_drive(tmp_path / "RPI-RP2"))
    src = tmp_path / "fw.uf2"
    src.write_bytes(make_uf2(b"\x02" * 100_000))
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        stop.set()

    with pytest.raises(Cancelled):
        uf2.install(src, drive, progress=progress, cancel=stop, chunk=16 * 1024)
    assert not (drive.path / "fw.uf2").exists()


def test_esp8266_ota_builds_are_never_offered():
    """Old ESP8266 "OTA" builds need the yaota8266 bootloader first; alone at 0x0 they do not
    boot, so a beginner must not be able to pick one. ESP32 variants are unaffected."""
    page = "".join(
        f'<a href="/resources/firmware/{name}">{name}</a>'
        for name in (
            "ESP8266_GENERIC-20250415-v1.25.0.bin",
            "ESP8266_GENERIC-OTA-20240105-v1.22.1.bin",
            "ESP8266_GENERIC-FLASH_1M-20250415-v1.25.0.bin",
            "ESP32_GENERIC-OTA-20250415-v1.25.0.bin",
            "esp8266-ota-20220618-v1.19.1.bin",  # the older naming
        )
    )
    found = catalog.parse_firmware_links(page, "https://micropython.org/download/x/")
    assert sorted((f.board, f.variant) for f in found) == [
        ("ESP32_GENERIC", "OTA"),
        ("ESP8266_GENERIC", ""),
        ("ESP8266_GENERIC", "FLASH_1M"),
    ]


class _DriveThatVanishes:
    """What the OS does with a file on a Pico's drive when the drive goes away: the write
    after ``gone_after`` bytes fails, and the drive's folder is no longer there."""

    def __init__(self, drive: Path, gone_after: int) -> None:
        self.drive = drive
        self.gone_after = gone_after
        self.written = 0

    def __call__(self, path, mode="r", *args, **kwargs):
        assert mode == "wb"
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if hasattr(self, "_scratch"):
            self._scratch.close()
        return False

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.gone_after:
            import shutil

            shutil.rmtree(self.drive, ignore_errors=True)
            raise OSError(5, "Input/output error")
        self.written += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:  # (os.fsync after each chunk: a real file's, here a scratch one)
        import tempfile

        if not hasattr(self, "_scratch"):
            self._scratch = tempfile.TemporaryFile()
        return self._scratch.fileno()


def test_a_pico_unplugged_in_the_middle_of_the_copy_is_not_reported_installed(
    tmp_path, monkeypatch
):
    """The drive vanishes by itself once the Pico has every block (it restarts): that is
    success. Gone before the last block was handed over, the Pico was unplugged: MicroPython is
    NOT installed, and the user must be told so (it was reported installed)."""
    from ide.firmware.errors import FirmwareError

    src = tmp_path / "fw.uf2"
    src.write_bytes(make_uf2(b"\x02" * 100_000))  # ~200 kB: 13 chunks of 16 kB
    total = src.stat().st_size

    drive = uf2.drive_at(make_drive(tmp_path / "RPI-RP2"))
    monkeypatch.setattr(uf2, "open", _DriveThatVanishes(drive.path, 48 * 1024), raising=False)
    with pytest.raises(FirmwareError) as caught:
        uf2.install(src, drive, chunk=16 * 1024)
    text = str(caught.value)
    assert "unplugged" in text and "not installed" in text, text

    # the drive gone while the last block was being written: the Pico restarted with it
    drive = uf2.drive_at(make_drive(tmp_path / "again" / "RPI-RP2"))
    last = (total - 1) // (16 * 1024) * (16 * 1024)
    monkeypatch.setattr(uf2, "open", _DriveThatVanishes(drive.path, last), raising=False)
    assert uf2.install(src, drive, chunk=16 * 1024) == drive.path / "fw.uf2"


def test_a_pico_unplugged_while_the_os_still_held_the_copy_is_not_reported_installed(
    tmp_path, monkeypatch
):
    """On Linux and macOS a write only fills the OS's cache: the bytes reach the drive when
    they are synced. An unplug half-way then fails in the sync, not in a write; it must still
    be told apart from the Pico restarting after its last block."""
    from ide.firmware.errors import FirmwareError

    src = tmp_path / "fw.uf2"
    src.write_bytes(make_uf2(b"\x02" * 100_000))  # ~200 kB: 13 chunks of 16 kB
    real_fsync = os.fsync

    def unplugged_at(drive: uf2.Uf2Drive, call: int):
        calls = [0]

        def fsync(fd: int) -> None:
            calls[0] += 1
            if calls[0] == call:  # this chunk was on its way to the Pico when it went
                shutil.rmtree(drive.path)
                raise OSError(errno.EIO, "Input/output error")
            real_fsync(fd)

        return fsync

    drive = uf2.drive_at(make_drive(tmp_path / "RPI-RP2"))
    monkeypatch.setattr(uf2.os, "fsync", unplugged_at(drive, 3))
    with pytest.raises(FirmwareError) as caught:
        uf2.install(src, drive, chunk=16 * 1024)
    assert "unplugged" in str(caught.value), str(caught.value)

    # the last chunk's sync: the Pico had every block and restarted (success)
    chunks = -(-src.stat().st_size // (16 * 1024))
    drive = uf2.drive_at(make_drive(tmp_path / "again" / "RPI-RP2"))
    monkeypatch.setattr(uf2.os, "fsync", unplugged_at(drive, chunks))
    assert uf2.install(src, drive, chunk=16 * 1024) == drive.path / "fw.uf2"


def test_a_file_that_is_no_uf2_at_all_is_called_that(tmp_path):
    """An ESP .bin chosen for a Pico was "not a complete UF2 file ... Download it again" or
    "block 0 is damaged": the beginner downloaded it again, or looked for a damaged file."""
    from tests.helpers.firmware_images import build_test_image

    pico = uf2.drive_at(make_drive(tmp_path / "RPI-RP2"))
    esp_bin = build_test_image("ESP32", 64 * 1024)
    for data in (esp_bin, esp_bin + b"\xff" * 100, b"PK\x03\x04 a zip file"):
        with pytest.raises(ImageRejected) as caught:
            uf2.check_uf2(data, pico)
        text = str(caught.value)
        assert "not a UF2 file" in text and ".uf2" in text, text
        assert "damaged" not in text and "again" not in text, text
    # a real UF2 cut short is still told to be downloaded again
    with pytest.raises(ImageRejected, match="Download it again"):
        uf2.check_uf2(make_uf2(b"\x01" * 3000)[:-100], pico)
