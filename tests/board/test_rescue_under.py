"""Rescue below MicroPython (ide.core.rescue.under), as the next step of the one guided
sequence: an ESP board whose port never gives a prompt is read through its ROM loader (the ROM
simulator, driven by real esptool); where its filesystem cannot be fixed in place, the flash is
erased, MicroPython installed (a test image) and the files put back on the board that then
boots (a real simulated MicroPython behind the ROM simulator's port), each checked."""

from __future__ import annotations

import pytest

from ide.board.transports.serial import SerialTransport
from ide.core.rescue import rescue
from ide.core.rescue.report import Cause
from ide.core.rescue.under import UnderPlan, go_under, is_question
from tests.firmware.test_firmware_esp_files import (
    FAT_OFFSET,
    FAT_SIZE,
    FILES,
    VFS_OFFSET,
    VFS_SIZE,
    _BadFlash,
    _fat_table,
    _image,
    _read,
    _table,
)
from tests.helpers.esp_rom_sim import EspRomSim
from tests.helpers.firmware_images import build_test_image


class User:
    """Answers the questions (yes/no per question, in order) and never replugs."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.questions: list[str] = []

    def __call__(self, msg) -> bool:
        if not is_question(msg):
            return False  # "unplug and plug in again": not this time
        self.questions.append(str(msg))
        return self.answers.pop(0)


def _rescue(port: str, plan: UnderPlan, user: User):
    transport = SerialTransport(port)
    transport.open()
    steps = []
    try:
        report = rescue(
            transport, steps.append, user, under=lambda step, ask: go_under(plan, step, ask)
        )
    finally:
        transport.close()
    return report, [str(s) for s in steps]


def test_a_board_that_never_answers_is_fixed_through_its_rom_loader(tmp_path):
    user = User(True)
    with EspRomSim("esp32") as rom:  # no application: the port never gives a prompt
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        plan = UnderPlan(rom.port, tmp_path / "saved", family="esp")
        report, steps = _rescue(rom.port, plan, user)
        flashed = bytes(rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE])
    assert not report.ok and report.fixed, steps
    assert len(user.questions) == 1 and str(tmp_path / "saved") in user.questions[0]
    for name, data in FILES.items():
        assert (tmp_path / "saved" / name).read_bytes() == data
    assert _read(flashed)["main_disabled.py"] == FILES["main.py"]
    assert report.cause == Cause.KBD_INTR  # from the saved main.py
    text = " ".join(str(m) for m in report.summary())
    assert str(tmp_path / "saved") in text and "main_disabled.py" in text
    assert "save it as main.py" in text and "No file was deleted" in text
    assert any("bootloader" in s for s in steps)


def test_a_board_the_user_does_not_want_touched_is_left_alone(tmp_path):
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        before = bytes(rom.flash)
        report, _steps = _rescue(rom.port, UnderPlan(rom.port, tmp_path, family="esp"), User(False))
        assert bytes(rom.flash) == before
    assert report.under.declined and not report.fixed
    text = " ".join(str(m) for m in report.summary())
    assert "erase all flash" in text  # never empty
    assert "nothing on the board was read or changed" in text, text  # (no to the first question)
    assert not any(tmp_path.iterdir())


@pytest.fixture
def bad_fat_board(sim):
    """An ESP32 whose filesystem cannot be written in place; after an install it boots a real
    (simulated) MicroPython with an empty filesystem."""
    with _BadFlash("esp32", app_port=sim.port) as rom:
        from ide.firmware.fat_image import make_fat

        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = make_fat(FAT_SIZE, FILES)
        yield rom


@pytest.mark.timeout(180)
def test_erase_reinstall_and_put_every_file_back(bad_fat_board, sim, tmp_path):
    from ide.board import connect

    rom = bad_fat_board
    firmware = tmp_path / "ESP32_GENERIC.bin"
    firmware.write_bytes(build_test_image("ESP32", 128 * 1024))
    chips = []

    def get_firmware(chip):
        chips.append(chip.name)
        return firmware

    user = User(True, True)
    plan = UnderPlan(rom.port, tmp_path / "saved", family="esp", get_firmware=get_firmware)
    result = go_under(plan, lambda m: None, user)
    assert chips == ["ESP32"] and len(user.questions) == 2
    consent = user.questions[1]
    assert "erase" in consent and str(tmp_path / "saved") in consent
    assert "ESP32_GENERIC.bin" in consent and "main.py → main_disabled.py" in consent
    assert rom.erase_all_count == 1 and result.reinstalled, result.error
    assert sorted(result.restored) == ["/data.csv", "/lib/sensor.py", "/main_disabled.py"]
    assert not result.failed and result.fixed
    board = connect(rom.port, timeout=10.0, auto_reconnect=False)  # the board as it boots now
    try:
        assert board.read_file("/main_disabled.py") == FILES["main.py"]
        assert board.read_file("/data.csv") == FILES["data.csv"]
        assert board.read_file("/lib/sensor.py") == FILES["lib/sensor.py"]
        assert not board.exists("/main.py")
    finally:
        board.close()


def test_a_damaged_firmware_file_is_never_flashed(bad_fat_board, tmp_path):
    rom = bad_fat_board
    image = bytearray(build_test_image("ESP32", 128 * 1024))
    image[0x3000] ^= 0x10  # one bit flipped inside the app
    firmware = tmp_path / "damaged.bin"
    firmware.write_bytes(bytes(image))
    user = User(True, True)
    plan = UnderPlan(rom.port, tmp_path / "saved", family="esp", get_firmware=lambda c: firmware)
    result = go_under(plan, lambda m: None, user)
    assert rom.erase_all_count == 0 and not result.reinstalled
    assert len(user.questions) == 1  # never asked to erase with a file that fails its checks
    assert result.error is not None
    for name, data in FILES.items():
        assert (tmp_path / "saved" / name).read_bytes() == data


def test_a_boot_py_that_can_hold_the_board_is_disabled_too(tmp_path):
    import littlefs

    from ide.core.rescue.under import culprits
    from ide.firmware.esp_files import BLOCK, rescue_image

    fs = littlefs.LittleFS(
        block_size=BLOCK, block_count=16, read_size=32, prog_size=32, lookahead_size=32
    )
    files = {
        "boot.py": b"import micropython\nmicropython.kbd_intr(-1)\nwhile True:\n    pass\n",
        "main.py": b"print('hi')\n",
        "config.py": b"while True: pass\n",  # not run at start: left alone
    }
    for name, data in files.items():
        with fs.open(name, "wb") as f:
            f.write(data)
    _new, result = rescue_image(bytes(fs.context.buffer), tmp_path, culprits)
    assert sorted(result.renamed) == [
        ("boot.py", "boot_disabled.py"),
        ("main.py", "main_disabled.py"),
    ]
    plain = {"boot.py": b"import esp\nesp.osdebug(None)\n", "main.py": b"x = 1\n"}
    assert culprits(plain) == ("main.py",)  # a harmless boot.py stays


@pytest.mark.timeout(180)
def test_a_filesystem_that_cannot_be_read_is_saved_raw_and_the_erase_question_says_so(
    sim, tmp_path
):
    from ide.core.rescue.report import RescueReport

    firmware = tmp_path / "ESP32_GENERIC.bin"
    firmware.write_bytes(build_test_image("ESP32", 128 * 1024))
    junk = bytes(range(256)) * (VFS_SIZE // 256)
    with EspRomSim("esp32", app_port=sim.port) as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = junk
        user = User(True, True)
        plan = UnderPlan(
            rom.port, tmp_path / "saved", family="esp", get_firmware=lambda c: firmware
        )
        result = go_under(plan, lambda m: None, user)
        assert rom.erase_all_count == 1
    raw = tmp_path / "saved" / f"vfs-partition-0x{VFS_OFFSET:X}.bin"
    assert raw.read_bytes() == junk and result.raw_image == raw
    erase = user.questions[1]
    assert "No file could be copied" in erase and str(raw) in erase and "gone" in erase
    assert result.reinstalled and not result.restored
    text = " ".join(str(m) for m in RescueReport(under=result).summary())
    assert str(raw) in text and "empty filesystem" in text
    assert "No file was deleted" not in text  # the erase took what could not be read


def test_the_erase_question_names_the_files_that_could_not_be_copied(tmp_path):
    from tests.firmware.test_firmware_esp_files import _fat_with_a_name_this_computer_cannot_read

    firmware = tmp_path / "ESP32_GENERIC.bin"
    firmware.write_bytes(build_test_image("ESP32", 128 * 1024))
    with _BadFlash("esp32") as rom:  # the write-back fails: only an erase would fix it
        rom.flash[0x8000 : 0x8000 + 0xC00] = _fat_table()
        rom.flash[FAT_OFFSET : FAT_OFFSET + FAT_SIZE] = _fat_with_a_name_this_computer_cannot_read()
        user = User(True, False)
        plan = UnderPlan(
            rom.port, tmp_path / "saved", family="esp", get_firmware=lambda c: firmware
        )
        result = go_under(plan, lambda m: None, user)
        assert rom.erase_all_count == 0
    consent = user.questions[1]
    assert "/?" in consent and "lost if the flash is erased" in consent
    assert result.raw_image is not None and str(result.raw_image) in consent


def test_a_report_after_an_erase_that_left_files_behind_never_says_nothing_was_deleted(tmp_path):
    from ide.core.rescue.report import RescueReport
    from ide.core.rescue.under import UnderResult

    under = UnderResult(
        family="esp",
        folder=tmp_path,
        copied=["/main.py"],
        skipped=["/?"],
        renamed=[("main.py", "main_disabled.py")],
        reinstalled=True,
        restored=["/main_disabled.py"],
    )
    text = " ".join(str(m) for m in RescueReport(under=under).summary())
    assert under.fixed and "main_disabled.py" in text and "/?" in text
    assert "No file was deleted" not in text


def test_a_second_run_never_writes_over_the_first_runs_copies(tmp_path):
    plan = UnderPlan("", tmp_path / "saved", family="esp")
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        plan.port = rom.port
        first = go_under(plan, lambda m: None, User(True))
        second = go_under(plan, lambda m: None, User(True))  # "Try again": the same plan
    assert first.folder == tmp_path / "saved" and second.folder == tmp_path / "saved (2)"
    assert (first.folder / "main.py").read_bytes() == FILES["main.py"]  # as the first read it
    assert (second.folder / "main_disabled.py").read_bytes() == FILES["main.py"]
    assert not (first.folder / "main_disabled.py").exists()


def test_a_raw_image_beside_the_folder_counts_as_taken(tmp_path):
    from ide.core.rescue.under import unused_folder

    (tmp_path / "saved-pico-filesystem.bin").write_bytes(b"old")  # a damaged Pico's bytes
    assert unused_folder(tmp_path / "saved") == tmp_path / "saved (2)"
    assert unused_folder(tmp_path / "new [1]") == tmp_path / "new [1]"  # glob characters


def test_escape_stops_an_esp_read_between_pieces_with_nothing_written(tmp_path, monkeypatch):
    import threading

    from ide.firmware import esp_files

    monkeypatch.setattr(esp_files, "READ_CHUNK", 16 * 1024)  # the 64 kB partition in 4 pieces
    cancel = threading.Event()
    steps = []

    def step(msg):
        steps.append(msg)
        if "Reading the board's flash" in msg.source:
            cancel.set()  # Escape during the read, after the first piece

    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        rom.changes.clear()
        plan = UnderPlan(rom.port, tmp_path / "saved", family="esp", cancel=cancel)
        result = go_under(plan, step, User(True))
        changes = list(rom.changes)
        reads = rom.commands.count(0xD2)  # READ_FLASH
    reading = [m for m in steps if "Reading the board's flash" in m.source]
    assert [m.args for m in reading] == [{"done": 16, "total": 64}]  # progress, then stopped
    assert reads == 2  # the partition table and one piece: the rest was never asked for
    assert changes == [] and not result.written_back and not result.copied
    assert result.error is not None and "nothing on the board was changed" in str(result.error)


def test_an_esp_rescue_reports_how_far_its_read_and_write_are(tmp_path):
    steps = []
    with EspRomSim("esp32") as rom:
        rom.flash[0x8000 : 0x8000 + 0xC00] = _table()
        rom.flash[VFS_OFFSET : VFS_OFFSET + VFS_SIZE] = _image()
        plan = UnderPlan(rom.port, tmp_path / "saved", family="esp")
        result = go_under(plan, steps.append, User(True))
    assert result.written_back
    sources = [m.source for m in steps]
    assert "Reading the board's flash: {done} of {total} KB…" in sources
    assert "Writing the changed sectors back: {done} of {total}…" in sources


def test_no_to_the_copy_says_how_to_copy_after_all(tmp_path):
    """The user said no to reading the board through its bootloader: the report only said
    "copy what you need first if you can", while that copy is the one way there is."""
    from ide.core.rescue.report import RescueReport
    from ide.core.rescue.under import UnderResult

    said_no = RescueReport(
        ok=False, under=UnderResult(family="esp", declined=True, declined_copy=True)
    )
    text = " ".join(str(m) for m in said_no.summary())
    assert "nothing on the board was read or changed" in text and "Try again" in text, text
    assert "erase all flash" in text  # the last resort is still named
    # copied first, then no to the erase: the files are safe, nothing to add about copying
    copied = UnderResult(family="esp", declined=True, copied=["main.py"], folder=tmp_path)
    text = " ".join(str(m) for m in RescueReport(ok=False, under=copied).summary())
    assert "Try again" not in text, text
    # the flash was read (no file system on it: nothing to copy) and the user said no to the
    # erase: not "nothing was read", and not "answer yes to copy" (yes erases)
    no_erase = UnderResult(family="esp", declined=True)
    text = " ".join(str(m) for m in RescueReport(ok=False, under=no_erase).summary())
    assert "nothing on the board was read" not in text and "Try again" not in text, text
