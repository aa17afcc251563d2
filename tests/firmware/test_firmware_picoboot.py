"""Files off a Pico in BOOTSEL mode: Hotaru's PICOBOOT client (over real pyusb) talks to
tests/helpers/picoboot_sim.py (which the independent pypicoboot reads the same way), whose
flash holds MicroPython's littlefs built here from real files; rescue_pico copies them all
to a folder and writes the region back with main.py and boot.py renamed, or says plainly why
not without writing."""

from __future__ import annotations

import errno
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ide.firmware import rp2_flash
from ide.firmware.picoboot import XIP_BASE, open_error, rescue_pico
from ide.firmware.picoboot_usb import PicobootError, find_bootsel, opened
from tests.helpers.picoboot_sim import PicobootSim, micropython_flash

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
FILES = {
    "main.py": b"import micropython\nmicropython.kbd_intr(-1)\nwhile True:\n    pass\n",
    "boot.py": b"# boot.py\n",
    "data.csv": bytes(range(256)) * 300,  # binary, several blocks
    "lib/sensor.py": "def read():\n    return '温度'\n".encode(),
    "lib/deep/x.txt": b"",
}
PICO = {"flash_size": 2 * MB, "fs_offset": 0xA0000}
PICO_REGION = 2 * MB - PICO["fs_offset"]


def _files(image: bytes | bytearray) -> dict[str, bytes]:
    """Every file of a region image, mounted the way MicroPython's rp2 port mounts it."""
    fs = rp2_flash.mount(bytes(image))
    out = {}
    for root, _dirs, names in fs.walk("/"):
        for n in names:
            path = f"{root.rstrip('/')}/{n}".lstrip("/")
            with fs.open(path, "rb") as f:
                out[path] = f.read()
    return out


def _local(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _rescue(sim: PicobootSim, dest: Path, answer: bool = True, **kw: object):
    asked, steps = [], []

    def ask(msg):
        asked.append(msg)
        return answer

    result = rescue_pico(dest, ask=ask, progress=steps.append, **kw)
    return result, asked, steps


def _writes(sim: PicobootSim) -> list[tuple[str, int, int]]:
    return [entry for entry in sim.log if entry[0] in ("FLASH_ERASE", "WRITE")]


@pytest.mark.parametrize(
    "chip, flash_size, fs_offset, board, version",
    [
        ("RP2040", 2 * MB, 0xA0000, "Raspberry Pi Pico", 0x00020001),
        ("RP2040", 2 * MB, 0x12C000, "Raspberry Pi Pico W", 0x00020001),
        ("RP2350", 4 * MB, 0x100000, "Raspberry Pi Pico 2", 0x00020001),
        ("RP2040", 2 * MB, 0xA0000, "Raspberry Pi Pico", 0x00020000),  # v1.15-era firmware
    ],
)
def test_files_come_off_a_pico_in_bootsel_and_main_is_disabled(
    tmp_path, monkeypatch, chip, flash_size, fs_offset, board, version
):
    flash = micropython_flash(
        FILES, flash_size=flash_size, fs_offset=fs_offset, disk_version=version
    )
    before = bytes(flash)
    sim = PicobootSim(flash, chip=chip)
    sim.install(monkeypatch)
    dest = tmp_path / "pico"
    result, asked, steps = _rescue(sim, dest)

    assert result.reason is None and result.ok and result.written and result.rebooted
    assert (result.chip, result.board) == (chip, board)
    assert result.region == (fs_offset, flash_size - fs_offset)
    assert _local(dest) == FILES  # byte for byte, folders kept
    assert result.image.read_bytes() == before[fs_offset:]  # the region as it was
    assert result.renamed == [("main.py", "main_disabled.py"), ("boot.py", "boot_disabled.py")]
    assert len(asked) == 1 and "main_disabled.py" in str(asked[0])
    assert any("Reading the Pico's flash" in str(s) for s in steps)

    # the region still mounts, in the on-disk version it had, with the two files renamed
    after = _files(sim.flash[fs_offset:])
    expected = dict(FILES)
    expected["main_disabled.py"] = expected.pop("main.py")
    expected["boot_disabled.py"] = expected.pop("boot.py")
    assert after == expected
    assert rp2_flash.mount(bytes(sim.flash[fs_offset:])).fs_stat().disk_version == version
    assert sim.flash[:fs_offset] == before[:fs_offset]  # the firmware is untouched
    assert sim.overwrites == 0  # only erased pages were programmed
    assert sim.log[0][0] == "EXCLUSIVE_ACCESS"
    assert sim.rebooted is not None and not sim.present  # back to MicroPython
    assert sim.violations == []  # every data phase and acknowledgement was done
    # nothing but the changed pages was written
    assert all(XIP_BASE + fs_offset <= addr for _name, addr, _size in _writes(sim))


def test_a_board_laid_out_its_own_way_is_found_by_its_superblock(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, flash_size=2 * MB, fs_offset=0x100000))
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert result.ok and result.board == "" and result.region == (0x100000, MB)
    assert _local(tmp_path / "pico") == FILES


def test_what_to_rename_can_be_chosen_from_the_start_up_files(tmp_path, monkeypatch):
    """The rescue sequence renames boot.py only when its text can hold the board: rescue_pico
    hands the chooser the start-up files as they are on the board."""
    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.install(monkeypatch)
    seen = []

    def choose(startup: dict[str, bytes]) -> tuple[str, ...]:
        seen.append(startup)
        return ("main.py",)

    result, _asked, _steps = _rescue(sim, tmp_path / "pico", disable=choose)
    assert seen == [{"main.py": FILES["main.py"], "boot.py": FILES["boot.py"]}]
    assert result.written and result.renamed == [("main.py", "main_disabled.py")]
    after = _files(sim.flash[PICO["fs_offset"] :])
    assert after["boot.py"] == FILES["boot.py"] and after["main_disabled.py"] == FILES["main.py"]


def test_the_user_can_keep_the_board_as_it_is(tmp_path, monkeypatch):
    flash = micropython_flash(FILES, **PICO)
    before = bytes(flash)
    sim = PicobootSim(flash)
    sim.install(monkeypatch)
    result, asked, _steps = _rescue(sim, tmp_path / "pico", answer=False)
    assert result.ok and not result.written and result.renamed == []
    assert _local(tmp_path / "pico") == FILES
    assert _writes(sim) == [] and bytes(sim.flash) == before
    assert "left as it was" in str(result.summary()[-1])


def test_a_region_that_does_not_mount_is_never_written(tmp_path, monkeypatch):
    flash = micropython_flash(FILES, **PICO)
    start = PICO["fs_offset"]
    for block in (0, 1):  # the superblocks still say "littlefs", their commits are garbage
        at = start + block * rp2_flash.BLOCK
        flash[at + 32 : at + rp2_flash.BLOCK] = bytes(rp2_flash.BLOCK - 32)
    before = bytes(flash)
    sim = PicobootSim(flash)
    sim.install(monkeypatch)
    result, asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and asked == [] and _writes(sim) == []
    assert bytes(sim.flash) == before
    assert "damaged" in str(result.reason) and "would lose every file" in str(result.reason)
    assert result.image.read_bytes() == before[start:]  # the raw bytes are kept
    assert sim.rebooted is None  # left in BOOTSEL mode for the next step (reinstall)


def test_flash_without_a_filesystem_is_said_plainly(tmp_path, monkeypatch):
    flash = micropython_flash({}, **PICO)
    flash[PICO["fs_offset"] :] = b"\xff" * (2 * MB - PICO["fs_offset"])
    sim = PicobootSim(flash)
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and _writes(sim) == []
    assert "No MicroPython filesystem was found" in str(result.reason)


@pytest.mark.parametrize("cut_after", [1, 2])
def test_a_cut_while_writing_loses_no_file(tmp_path, monkeypatch, cut_after):
    flash = micropython_flash(FILES, **PICO)
    sim = PicobootSim(flash, cut_after=cut_after)
    sim.install(monkeypatch)
    dest = tmp_path / "pico"
    result, _asked, _steps = _rescue(sim, dest)
    assert not result.ok and not result.written and not result.rebooted
    assert "did not finish" in str(result.reason) and str(dest) in str(result.reason)
    assert _local(dest) == FILES  # copied before anything was written
    # littlefs rejects the half-written commit: the board's filesystem still mounts, and
    # every file is there under its old or its new name
    after = _files(sim.flash[PICO["fs_offset"] :])
    assert after["data.csv"] == FILES["data.csv"]
    assert after.get("main.py", after.get("main_disabled.py")) == FILES["main.py"]
    assert after.get("boot.py", after.get("boot_disabled.py")) == FILES["boot.py"]


def test_no_pico_in_bootsel_mode(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.present = False
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and "hold its BOOTSEL button" in str(result.reason)


def test_a_pico_unplugged_while_it_is_read_is_never_written(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO), gone_after_reads=20)
    sim.install(monkeypatch)
    result, asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and asked == [] and _writes(sim) == []
    assert "Reading the Pico's flash failed; nothing was written" in str(result.reason)


def test_cancel_while_reading_writes_nothing(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.install(monkeypatch)
    steps = []
    result = rescue_pico(
        tmp_path / "pico", ask=lambda m: True, progress=steps.append, cancel=lambda: len(steps) > 3
    )
    assert not result.ok and str(result.reason) == "Cancelled." and _writes(sim) == []


def test_a_pico_is_chosen_by_its_serial_number(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO), serial="E6614C311B7F6A2B")
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "other", device="0000000000000000")
    assert not result.ok and "No Pico in BOOTSEL mode" in str(result.reason)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico", device="E6614C311B7F6A2B")
    assert result.ok and _local(tmp_path / "pico") == FILES


SPOTS = [  # (address, size) read by both clients: ROM, flash, flash past its end (it repeats)
    (0x10, 4),
    (XIP_BASE, 4096),
    (XIP_BASE + PICO["fs_offset"], 4096),
    (XIP_BASE + 2 * MB - 256, 256),
    (XIP_BASE + 2 * MB, 512),
]


def _pypicoboot_close(link) -> None:
    """Release pypicoboot's device and join its device watcher (a thread polling the bus every
    0.5 s, stopping at its next turn), so no thread outlives the test."""
    monitor = getattr(link, "_PicoBoot__monitor", None)
    link.close()
    thread = getattr(monitor, "_thread", None)
    if isinstance(thread, threading.Thread):
        thread.join(timeout=5.0)


def test_pypicoboot_reads_and_writes_the_simulator_as_our_client_does(monkeypatch):
    """The simulator is held to an independent PICOBOOT client (pypicoboot, test-only), not
    only to ours: both read the same bytes, see the same flash size, get the same stall (a READ
    outside ROM, RAM and flash: INVALID_ADDRESS, named by GET_COMMAND_STATUS, cleared by
    INTERFACE_RESET), and what one writes the other reads back."""
    from picoboot import PicoBoot
    from picoboot.core.exceptions import PicoBootError

    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.install(monkeypatch)
    scratch = XIP_BASE + 2 * MB - rp2_flash.BLOCK  # the filesystem's last block: free here
    page = bytes(range(256))

    with opened(find_bootsel()[0]) as pico:
        ours = {spot: pico.read(*spot) for spot in SPOTS}
        our_size = pico.flash_size()
        with pytest.raises(PicobootError) as refused:
            pico.read(0x30000000, 4)
        assert (refused.value.command, refused.value.status) == ("READ", "INVALID_ADDRESS")
        assert pico.read(XIP_BASE, 4) == bytes(sim.flash[:4])  # the stall was cleared
        pico.flash_erase(scratch, rp2_flash.BLOCK)
        pico.write(scratch, page)

    link = PicoBoot.open()
    try:
        assert link.memory == our_size == 2 * MB and link.platform.name == "RP2040"
        assert {spot: link.flash_read(*spot) for spot in SPOTS} == ours
        assert ours[SPOTS[-1]] == bytes(sim.flash[:512])  # the flash repeats past its end
        assert link.flash_read(scratch, 512) == page + b"\xff" * 256  # what ours wrote
        with pytest.raises(PicoBootError):
            link.flash_read(0x30000000, 4)
        status = link.get_command_status()
        assert (status["status"], status["cmd_id"]) == (4, 0x84)  # INVALID_ADDRESS, READ
        with pytest.raises(PicoBootError):
            link.flash_read(XIP_BASE, 4)  # still stalled until the interface is reset
        link.interface_reset()
        link.flash_erase(scratch, rp2_flash.BLOCK)
        link.flash_write(scratch, page[::-1])
    finally:
        _pypicoboot_close(link)

    with opened(find_bootsel()[0]) as pico:
        assert pico.read(scratch, 512) == page[::-1] + b"\xff" * 256  # what pypicoboot wrote
    assert sim.violations == []  # both clients end each command as the protocol says


def test_the_rescue_needs_no_pypicoboot(tmp_path, monkeypatch):
    """`pip install hotaru-ide` alone rescues a Pico: pypicoboot (AGPL) is not used."""
    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.install(monkeypatch)
    monkeypatch.setitem(sys.modules, "picoboot", None)  # import picoboot -> ImportError
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert result.ok and result.written and _local(tmp_path / "pico") == FILES


def test_our_client_reads_in_large_transfers_with_a_timeout_on_each(tmp_path, monkeypatch):
    """A 4 kB READ is one bulk transfer of 4096 bytes (not 64-byte packets one by one), every
    USB transfer has a timeout, and no thread runs beside the rescue."""
    sim = PicobootSim(micropython_flash(FILES, **PICO))
    sim.install(monkeypatch)
    transfers: list[tuple[str, int, int]] = []  # (kind, bytes, timeout in ms)
    backend = sim.backend
    for kind in ("bulk_read", "bulk_write", "ctrl_transfer"):
        real = getattr(backend, kind)

        def spy(*args, _real=real, _kind=kind):
            transfers.append((_kind, len(args[-2]), args[-1]))  # (..., data, timeout)
            return _real(*args)

        monkeypatch.setattr(backend, kind, spy)
    threads = set(threading.enumerate())
    seen_while_asked: list[set[threading.Thread]] = []

    def ask(_msg):
        seen_while_asked.append(set(threading.enumerate()))
        return True

    result = rescue_pico(tmp_path / "pico", ask=ask, progress=lambda m: None)
    assert result.ok and result.written
    assert seen_while_asked == [threads]  # nothing polls the bus behind the rescue's back
    assert all(timeout and timeout > 0 for _kind, _n, timeout in transfers), transfers
    reads = [size for name, _addr, size in sim.log if name == "READ"]
    big = [n for kind, n, _t in transfers if kind == "bulk_read" and n == rp2_flash.BLOCK]
    assert reads.count(rp2_flash.BLOCK) >= PICO_REGION // rp2_flash.BLOCK
    assert len(big) == reads.count(rp2_flash.BLOCK)  # one bulk transfer per 4 kB READ
    # each command is: its packet, then one data transfer (if any), then the acknowledgement
    bulk = [t for t in transfers if t[0] != "ctrl_transfer"]
    assert len(bulk) <= 3 * len(sim.log)


def test_opening_and_reading_a_blank_pico_writes_nothing(tmp_path, monkeypatch):
    """Our client writes only what the rescue planned: a Pico with an erased flash is opened,
    measured and searched without one erase or write (pypicoboot writes to a blank board)."""
    flash = bytearray(b"\xff" * (2 * MB))
    sim = PicobootSim(flash)
    sim.install(monkeypatch)
    result, asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and asked == [] and _writes(sim) == []
    assert bytes(sim.flash) == b"\xff" * (2 * MB) and sim.changes == 0
    assert "No MicroPython filesystem was found" in str(result.reason)
    assert sim.rebooted is None  # left in BOOTSEL mode for the installer


def test_the_picoboot_interface_is_found_by_its_descriptor(tmp_path, monkeypatch):
    """Without the USB drive interface PICOBOOT is interface 0; a kernel driver on it is taken
    off for the rescue and given back after (when the Pico stays: a restarted one is gone)."""
    sim = PicobootSim(micropython_flash(FILES, **PICO), drive=False, kernel_driver=True)
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico", reboot=False)
    assert result.ok and result.written and _local(tmp_path / "pico") == FILES
    assert (sim.picoboot_interface, sim.detached, sim.attached) == (0, 1, 1)


def test_a_pico_another_program_holds_is_named(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO), busy=True)
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and _writes(sim) == [] and sim.log == []
    assert "Another program is using the Pico's BOOTSEL interface" in str(result.reason)


def test_the_rp2350_restarts_with_reboot2(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, flash_size=4 * MB, fs_offset=MB), chip="RP2350")
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert result.rebooted and [e[0] for e in sim.log if e[0].startswith("REBOOT")] == ["REBOOT2"]
    assert sim.rebooted == (0, 100, 0, 0)  # flags 0: a normal boot, after 100 ms


def _translated(source: str, lang: str) -> str:
    root = ET.parse(ROOT / "i18n" / f"hotaru_{lang}.ts").getroot()
    for msg in root.iter("message"):
        if msg.findtext("source") == source:
            tr = msg.find("translation")
            assert tr is not None and tr.get("type") is None, source  # finished
            return tr.text or ""
    raise AssertionError(f"not in the {lang} catalogue: {source}")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux wording")
def test_a_pico_that_cannot_be_opened_says_what_to_do(tmp_path, monkeypatch):
    sim = PicobootSim(micropython_flash(FILES, **PICO), open_error=errno.EACCES)
    sim.install(monkeypatch)
    result, _asked, _steps = _rescue(sim, tmp_path / "pico")
    assert not result.ok and result.chip == "RP2040" and _writes(sim) == []
    assert "udev" in str(result.reason) and 'ATTRS{idVendor}=="2e8a"' in str(result.reason)
    for lang in ("ja", "zh_CN"):
        assert "{rule}" in _translated(result.reason.source, lang)


def test_windows_without_a_driver_names_zadig(monkeypatch):
    unsupported = NotImplementedError("Operation not supported or unimplemented on this platform")
    msg = open_error(unsupported, "RP2040", platform="win32")
    assert "Zadig" in str(msg) and "RP2 Boot (Interface 1)" in str(msg)
    assert "Zadig" not in str(open_error(unsupported, "RP2350", platform="win32"))
    busy = OSError(errno.EBUSY, "Resource busy")
    assert "Another program" in str(open_error(busy, "RP2040", platform="darwin"))
    for lang in ("ja", "zh_CN"):
        assert "Zadig" in _translated(msg.source, lang)


def test_the_write_plan_programs_erased_pages_and_erases_first_where_it_must():
    blank = b"\xff" * rp2_flash.BLOCK
    old = blank + b"\x00" * rp2_flash.BLOCK + blank
    new = (
        b"\x01" * rp2_flash.PAGE
        + blank[rp2_flash.PAGE :]  # sector 0: an append into erased
        + b"\x02" * rp2_flash.BLOCK  # sector 1: rewritten, must be erased
        + blank  # sector 2: unchanged
    )
    plan = rp2_flash.plan_writes(old, new)
    assert [(s.offset, s.erase) for s in plan] == [(rp2_flash.BLOCK, True), (0, False)]
    assert [at for at, _page in plan[1].pages] == [0]
    assert len(plan[0].pages) == rp2_flash.BLOCK // rp2_flash.PAGE


def test_a_copy_already_in_the_folder_is_never_written_over(tmp_path):
    # what a case-blind disk (Windows, macOS) does when the board has both "Data.csv" and
    # "data.csv": the second finds the first's copy there. Here the first copy is put there
    # by hand, as such a disk would show it.
    flash = micropython_flash(FILES, **PICO)
    region = bytes(flash[PICO["fs_offset"] :])
    (tmp_path / "data.csv").write_bytes(b"the other file's copy")
    _new, done = rp2_flash.rescue_image(region, tmp_path)
    assert done.not_copied == ["/data.csv"]
    assert (tmp_path / "data.csv").read_bytes() == b"the other file's copy"
    assert (tmp_path / "lib" / "sensor.py").read_bytes() == FILES["lib/sensor.py"]
