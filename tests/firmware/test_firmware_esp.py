"""ide.firmware.esp against the simulated ESP ROM loader, driven by the real esptool."""

from __future__ import annotations

import hashlib
import io
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ide.firmware import esp, esp_image
from ide.firmware.errors import Cancelled, FirmwareError, ImageRejected
from tests.helpers.esp_rom_sim import EspRomSim
from tests.helpers.firmware_images import app_offset, build_test_image

MB = 1024 * 1024


@pytest.fixture
def make_sim():
    sims: list[EspRomSim] = []

    def start(chip: str, **kwargs) -> EspRomSim:
        sim = EspRomSim(chip, **kwargs).start()
        sims.append(sim)
        return sim

    yield start
    for sim in sims:
        sim.close()


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("images")
    out = {}
    for chip in ("ESP32", "ESP32-S3"):
        path = folder / f"{chip}.bin"
        path.write_bytes(build_test_image(chip, 1536 * 1024, seed=len(chip)))
        out[chip] = path
    return out


def test_detect_chip_reads_chip_features_flash_and_mac(make_sim):
    sim = make_sim("esp32s3", mac=bytes.fromhex("a0b1c2d3e4f5"))
    lines = []
    info = esp.detect_chip(sim.port, on_log=lines.append)
    assert info.name == "ESP32-S3"
    assert info.flash_size == 4 * MB
    assert info.mac == "a0:b1:c2:d3:e4:f5"
    assert "Wi-Fi" in info.features and info.has_psram
    assert info.flash_offset == 0x0
    assert any("ESP32-S3" in str(m) for m in lines)
    assert 0x14 in sim.commands  # asked with GET_SECURITY_INFO

    sim32 = make_sim("esp32")
    info32 = esp.detect_chip(sim32.port)
    assert info32.name == "ESP32" and info32.revision == "v3.0"
    assert "BT" in info32.features and info32.flash_offset == 0x1000


@pytest.mark.timeout(60)
@pytest.mark.parametrize("chip,sim_chip,offset", [("ESP32", "esp32", 0x1000),
                                                  ("ESP32-S3", "esp32s3", 0x0)])  # fmt: skip
def test_flash_writes_image_byte_for_byte(make_sim, images, chip, sim_chip, offset, tmp_path):
    flash_file = tmp_path / "flash.bin"
    rng = random.Random(7)
    flash_file.write_bytes(rng.randbytes(4 * MB))  # old contents everywhere
    sim = make_sim(sim_chip, flash_file=flash_file)
    seen: list[tuple[int, int]] = []
    log = []
    info = esp.flash(sim.port, images[chip], progress=lambda d, t: seen.append((d, t)),
                     on_log=log.append)  # fmt: skip
    assert info.name == chip
    sim.flash.flush()
    saved = flash_file.read_bytes()
    image = images[chip].read_bytes()
    assert saved[offset : offset + len(image)] == image
    # erase=True: everything else is erased (NOR: 0xFF), no old data survives
    assert saved[:offset] == b"\xff" * offset
    assert saved[offset + len(image) :] == b"\xff" * (4 * MB - offset - len(image))
    assert sim.erase_all_count == 1
    assert seen[0] == (0, 0)  # "busy" while the chip erases
    assert seen[-1][0] == seen[-1][1] > 0 and len(seen) > 10
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert any("verified" in str(m) for m in log)
    assert all(m.context in ("Firmware", "Esptool") for m in log)


@pytest.mark.timeout(60)
def test_without_erase_only_the_image_region_changes(make_sim, images):
    sim = make_sim("esp32s3", fill=0x00)  # old data: all zeros (a write alone can't fix)
    image = images["ESP32-S3"].read_bytes()
    esp.flash(sim.port, images["ESP32-S3"], erase=False, baud=115200)
    assert bytes(sim.flash[: len(image)]) == image  # sectors written are erased first
    end = -(-len(image) // 0x1000) * 0x1000
    assert bytes(sim.flash[end : end + 4096]) == b"\x00" * 4096  # beyond: untouched
    assert sim.erase_all_count == 0


def test_s3_image_offered_to_esp32_is_refused_and_flash_untouched(make_sim, images):
    sim = make_sim("esp32", fill=0x5A)
    before = bytes(sim.flash)
    with pytest.raises(ImageRejected) as err:
        esp.flash(sim.port, images["ESP32-S3"])
    assert "ESP32-S3" in str(err.value.message) and "ESP32" in str(err.value.message)
    assert err.value.message.context == "Firmware"
    assert bytes(sim.flash) == before
    for op in (0xD0, 0xD1, 0x02, 0x03, 0x10, 0x11):  # no erase, no write ever sent
        assert op not in sim.commands


def test_image_too_big_or_truncated_or_not_firmware_is_refused(make_sim, images, tmp_path):
    sim = make_sim("esp32s3", flash_size=2 * MB)
    before = bytes(sim.flash)
    big = tmp_path / "big.bin"
    big.write_bytes(build_test_image("ESP32-S3", 3 * MB))
    with pytest.raises(ImageRejected, match="does not fit"):
        esp.flash(sim.port, big)
    cut = tmp_path / "cut.bin"
    cut.write_bytes(images["ESP32-S3"].read_bytes()[: 700 * 1024])
    with pytest.raises(ImageRejected, match="incomplete"):
        esp.flash(sim.port, cut)
    text = tmp_path / "notes.bin"
    text.write_bytes(b"hello, this is not firmware" * 100)
    with pytest.raises(ImageRejected, match="0xE9"):
        esp.flash(sim.port, text)
    assert bytes(sim.flash) == before


def _damaged_copies(image: bytes, chip: str) -> dict[str, bytes]:
    """One bit flipped inside the app; two flips the checksum cannot see (same bit in two
    bytes: the XOR cancels out) but the SHA-256 does; the file cut inside the app."""
    app = app_offset(chip)
    flipped = bytearray(image)
    flipped[app + 0x2345] ^= 0x04
    twice = bytearray(image)
    twice[app + 0x100] ^= 0x80
    twice[app + 0x200] ^= 0x80
    boot = bytearray(image)
    boot[0x100] ^= 0x01  # the bootloader is checked as well
    return {
        "bit flipped in the app": bytes(flipped),
        "checksum fooled": bytes(twice),
        "bit flipped in the bootloader": bytes(boot),
        "truncated": image[: app + 0x8000],
    }


@pytest.mark.timeout(60)
@pytest.mark.parametrize("chip,sim_chip", [("ESP32", "esp32"), ("ESP32-S3", "esp32s3")])
def test_a_damaged_image_is_refused_before_the_flash_is_touched(
    make_sim, images, chip, sim_chip, tmp_path
):
    sim = make_sim(sim_chip, fill=0x5A)  # the user's files: anything but erased flash
    before = bytes(sim.flash)
    expected = {
        "bit flipped in the app": "checksum does not match (at 0x10000)",
        "checksum fooled": "SHA-256 digest does not match (at 0x10000)",
        "bit flipped in the bootloader": "checksum does not match (at 0x",
        "truncated": "incomplete",
    }
    for name, data in _damaged_copies(images[chip].read_bytes(), chip).items():
        path = tmp_path / "damaged.bin"
        path.write_bytes(data)
        with pytest.raises(ImageRejected) as err:
            esp.flash(sim.port, path)
        text = str(err.value.message)
        assert expected[name] in text, (name, text)
        assert err.value.message.context == "Firmware"
        assert sim.changes == [] and bytes(sim.flash) == before, name
    esp.flash(sim.port, images[chip], baud=115200)  # the valid image still goes in
    assert (
        bytes(sim.flash[0x10000:0x10100])
        == images[chip].read_bytes()[app_offset(chip) : app_offset(chip) + 0x100]
    )


@pytest.mark.timeout(60)
def test_cancel_during_write_stops_and_raises(make_sim, images):
    sim = make_sim("esp32")
    stop = threading.Event()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done > total // 4:
            stop.set()

    with pytest.raises(Cancelled):
        esp.flash(sim.port, images["ESP32"], progress=progress, cancel=stop)
    assert seen and seen[-1] < images["ESP32"].stat().st_size
    # the port was released: a new install on the same port works
    info = esp.detect_chip(sim.port)
    assert info.name == "ESP32"


def test_cancel_before_start_touches_nothing(make_sim, images):
    sim = make_sim("esp32", fill=0x11)
    before = bytes(sim.flash)
    with pytest.raises(Cancelled):
        esp.flash(sim.port, images["ESP32"], cancel=lambda: True)
    assert bytes(sim.flash) == before


@pytest.mark.timeout(60)
def test_speed_falls_back_to_115200_when_the_link_cannot_go_faster(make_sim, images):
    sim = make_sim("esp32s3", max_baud=115200)
    log = []
    esp.flash(sim.port, images["ESP32-S3"], baud=921600, on_log=log.append)
    assert any("115200" in str(m) and "921600" in str(m) for m in log)
    image = images["ESP32-S3"].read_bytes()
    assert bytes(sim.flash[: len(image)]) == image
    assert sim.resets >= 1


def test_no_board_on_the_port_gives_a_beginner_message(tmp_path):
    master, slave = os.openpty()  # a port where nobody answers
    try:
        with pytest.raises(FirmwareError) as err:
            esp.detect_chip(os.ttyname(slave))
        assert "BOOT" in str(err.value.message)
    finally:
        os.close(master)
        os.close(slave)


def test_simulator_slip_escapes_both_ways(make_sim):
    """Payload bytes C0 and DB travel escaped; a DB DD DC sequence must not become C0."""
    import serial

    sim = make_sim("esp32")
    with serial.Serial(sim.port, 115200, timeout=2) as port:
        # WRITE_REG to a scratch register with a value full of C0/DB bytes, then read it back
        import struct

        value = 0xC0DBDDDC
        body = struct.pack("<IIII", 0x3FF00000, value, 0xFFFFFFFF, 0)
        packet = struct.pack("<BBHI", 0, 0x09, len(body), 0) + body
        wire = packet.replace(b"\xdb", b"\xdb\xdd").replace(b"\xc0", b"\xdb\xdc")
        port.write(b"\xc0" + wire + b"\xc0")
        read = struct.pack("<BBHI", 0, 0x0A, 4, 0) + struct.pack("<I", 0x3FF00000)
        port.write(b"\xc0" + read.replace(b"\xdb", b"\xdb\xdd").replace(b"\xc0", b"\xdb\xdc")
                   + b"\xc0")  # fmt: skip
        raw = b""
        while raw.count(b"\xc0") < 4:
            chunk = port.read(1)
            assert chunk, "the simulator did not answer"
            raw += chunk
    frames = [f for f in raw.split(b"\xc0") if f]
    reply = frames[1].replace(b"\xdb\xdc", b"\xc0").replace(b"\xdb\xdd", b"\xdb")
    assert struct.unpack("<I", reply[4:8])[0] == value
    assert sim.read_reg(0x3FF00000) == value


def test_firmware_package_is_qt_free_and_loads_esptool_only_when_used():
    import subprocess
    import sys

    code = (
        "import sys; from ide.firmware import esp, uf2, catalog, esp_image; "
        "print(sorted(m for m in ('esptool', 'PySide6', 'serial') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout.strip()  # fmt: skip
    assert out == "[]"


def test_image_for_a_newer_chip_revision_is_refused_before_erasing(make_sim, tmp_path):
    sim = make_sim("esp32", fill=0x77)  # the simulated chip is revision v3.0
    before = bytes(sim.flash)
    image = tmp_path / "rev4.bin"
    image.write_bytes(build_test_image("ESP32", 300 * 1024, min_rev_full=400))
    with pytest.raises(ImageRejected, match="revision"):
        esp.flash(sim.port, image)
    assert bytes(sim.flash) == before and 0xD0 not in sim.commands


# ----- ESP8266 -----------------------------------------------------------------------------
ESP8266_SIZE = 620 * 1024  # about MicroPython's ESP8266_GENERIC firmware.bin
NEVER_BEFORE_A_REFUSAL = (0xD0, 0xD1, 0x03, 0x10, 0x11)  # erase, write, compressed write


@pytest.fixture(scope="module")
def esp8266_image(tmp_path_factory) -> Path:
    data = bytearray(build_test_image("ESP8266", ESP8266_SIZE, seed=8266))
    # byte 23 = 1: in an ESP32-family header the "SHA-256 appended" flag, here a code byte;
    # esptool rewrites such a header as if it were an ESP32 one when it sets the flash size
    checksum_at = esp_image._parse(bytes(data), 0, False).end - 1
    data[checksum_at] ^= data[23] ^ 1
    data[23] = 1
    total = ESP8266_SIZE - 16
    data[total:] = hashlib.md5(data[4:total]).digest()
    path = tmp_path_factory.mktemp("esp8266") / "ESP8266_GENERIC.bin"
    path.write_bytes(bytes(data))
    return path


def _as_written_on_4mb(image: bytes) -> bytes:
    """The image as micropython.org has it written: flash size 4 MB in the header."""
    return image[:3] + bytes([0x40 | (image[3] & 0x0F)]) + image[4:]


def test_esp8266_image_is_micropythons_layout_and_valid_for_esptool(esp8266_image):
    from esptool.bin_image import ESP8266ROMFirmwareImage

    data = esp8266_image.read_bytes()
    assert data[0] == 0xE9 and data[3] == 0x20  # V1 header, built for 1 MB (as MicroPython)
    image = ESP8266ROMFirmwareImage(io.BytesIO(data))
    image.verify()  # esptool's own parser: segments and checksum
    assert image.checksum == image.calculate_checksum()
    assert [hex(s.addr) for s in image.segments] == ["0x40100000", "0x3ffe8000", "0x3ffe8500"]
    total = int.from_bytes(data[0x8FFC:0x9000], "little")
    assert total == len(data) - 16 and hashlib.md5(data[4:total]).digest() == data[total:]
    info = esp_image.check_image(data, "ESP8266", offset=0, flash_size=4 * MB)
    assert info.chip_name == "ESP8266" and info.chip_id is None


def test_detect_chip_finds_an_esp8266(make_sim):
    sim = make_sim("esp8266", mac=bytes.fromhex("5ccf7f0a1b2c"))
    lines = []
    info = esp.detect_chip(sim.port, on_log=lines.append)
    assert info.name == "ESP8266" and info.description == "ESP8266EX"
    assert info.features == ("Wi-Fi", "160MHz") and not info.has_psram
    assert info.mac == "5c:cf:7f:0a:1b:2c"
    assert info.flash_size == 4 * MB and info.crystal_mhz == 26
    assert info.flash_offset == 0x0 and info.revision == ""
    summary = str(info.summary())
    assert "ESP8266 (ESP8266EX), 4 MB flash" in summary, summary
    assert 0x40001000 in sim.regs and sim.refused == [0x14] * len(sim.refused)


@pytest.mark.timeout(60)
def test_esp8266_flash_writes_micropython_at_0x0_byte_for_byte(make_sim, esp8266_image, tmp_path):
    flash_file = tmp_path / "flash.bin"
    flash_file.write_bytes(random.Random(5).randbytes(4 * MB))  # old contents everywhere
    sim = make_sim("esp8266", flash_file=flash_file)
    seen: list[tuple[int, int]] = []
    log = []
    info = esp.flash(sim.port, esp8266_image, progress=lambda d, t: seen.append((d, t)),
                     on_log=log.append)  # fmt: skip
    assert info.name == "ESP8266"
    sim.flash.flush()
    saved = flash_file.read_bytes()
    image = esp8266_image.read_bytes()
    # byte for byte at 0x0; the header's flash size is the detected 4 MB (byte 3 only)
    assert saved[: len(image)] == _as_written_on_4mb(image)
    assert saved[3] == 0x40 and saved[4 : len(image)] == image[4:]
    assert saved[len(image) :] == b"\xff" * (4 * MB - len(image))  # erased, nothing old left
    assert sim.erase_all_count == 1
    # the ESP8266 ROM only ever saw what it knows (detection's GET_SECURITY_INFO aside):
    # baud change, compressed writes and MD5 went to the stub
    assert set(sim.refused) == {0x14}
    assert 0x0F in sim.commands and 0x10 in sim.commands and 0x13 in sim.commands
    assert seen[0] == (0, 0) and seen[-1][0] == seen[-1][1] > 0
    assert any("verified" in str(m) for m in log)


BOARD_NAMES = {"esp8266": "ESP8266", "esp32": "ESP32", "esp32s3": "ESP32-S3"}


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "sim_chip,image_chip",
    [("esp8266", "ESP32"), ("esp8266", "ESP32-S3"), ("esp32", "ESP8266"), ("esp32s3", "ESP8266")],
)
def test_esp8266_and_esp32_images_are_refused_on_each_other_before_erasing(
    make_sim, images, esp8266_image, sim_chip, image_chip
):
    sim = make_sim(sim_chip, fill=0x5A)
    before = bytes(sim.flash)
    path = esp8266_image if image_chip == "ESP8266" else images[image_chip]
    with pytest.raises(ImageRejected) as err:
        esp.flash(sim.port, path)
    text = str(err.value.message)
    assert f"for an {image_chip}, but the board is an {BOARD_NAMES[sim_chip]}." in text, text
    assert bytes(sim.flash) == before and sim.changes == []
    for op in NEVER_BEFORE_A_REFUSAL:  # no erase, no write ever sent
        assert op not in sim.commands
    # (the ESP8266 ROM's only FLASH_BEGIN is esptool's flash attach: 0 bytes at 0x0)


def test_esp8266_truncated_or_damaged_or_too_big_image_is_refused(
    make_sim, esp8266_image, tmp_path
):
    data = esp8266_image.read_bytes()
    sim = make_sim("esp8266", flash_size=1 * MB)
    before = bytes(sim.flash)
    cut = tmp_path / "cut.bin"
    for size in (len(data) - 1, 300 * 1024):  # MD5 cut short; the program cut short
        cut.write_bytes(data[:size])
        with pytest.raises(ImageRejected, match="incomplete"):
            esp.flash(sim.port, cut)
    damaged = bytearray(data)
    damaged[0x20000] ^= 0x01
    cut.write_bytes(bytes(damaged))
    with pytest.raises(ImageRejected, match="damaged"):
        esp.flash(sim.port, cut)
    big = tmp_path / "big.bin"
    big.write_bytes(build_test_image("ESP8266", 1536 * 1024))
    with pytest.raises(ImageRejected, match="does not fit"):
        esp.flash(sim.port, big)
    assert bytes(sim.flash) == before and sim.changes == []


@pytest.mark.timeout(60)
def test_esp8266_speed_falls_back_to_115200(make_sim, esp8266_image):
    sim = make_sim("esp8266", max_baud=115200)
    log = []
    esp.flash(sim.port, esp8266_image, erase=False, baud=921600, on_log=log.append)
    assert any("115200" in str(m) and "921600" in str(m) for m in log)
    image = esp8266_image.read_bytes()
    assert bytes(sim.flash[: len(image)]) == _as_written_on_4mb(image)
    assert sim.resets >= 1 and set(sim.refused) == {0x14}


@pytest.mark.timeout(90)
def test_plain_esptool_cli_flashes_the_esp8266_simulator(make_sim, tmp_path):
    """An independent client: micropython.org's command line for the ESP8266."""
    image = tmp_path / "firmware.bin"
    data = build_test_image("ESP8266", ESP8266_SIZE, seed=3)
    image.write_bytes(data)
    sim = make_sim("esp8266", fill=0x00)
    done = subprocess.run(
        [sys.executable, "-m", "esptool", "--port", sim.port, "--baud", "460800",
         "write-flash", "--flash-size", "detect", "0", str(image)],
        capture_output=True, text=True, timeout=80,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Detecting chip type... ESP8266" in done.stdout
    assert "Hash of data verified." in done.stdout
    # esptool's own --flash-size detect gives the header our wizard writes
    assert bytes(sim.flash[: len(data)]) == _as_written_on_4mb(data)
    assert esp_image.with_esp8266_flash_size(data, 4 * MB) == _as_written_on_4mb(data)
    assert set(sim.refused) == {0x14}


def test_esp8266_md5_leaves_out_the_header_bytes_tools_rewrite(esp8266_image):
    """MicroPython's ESP8266 firmware.bin ends with an MD5 of everything from byte 4 to its
    length word's end: the first 4 bytes (magic, segments, flash mode, size/speed) are left
    out, since flash tools rewrite them. A file whose header was rewritten (as esptool's
    --flash-size does, or as read back from a board) is still whole; any other change is not."""
    data = esp8266_image.read_bytes()
    total = int.from_bytes(data[0x8FFC:0x9000], "little")
    assert hashlib.md5(data[4:total]).digest() == data[total:]
    assert hashlib.md5(data[:total]).digest() != data[total:]  # the header is not in it
    for size_and_speed in (0x00, 0x2F, 0x40, 0x9F):  # 512K..16M, any speed
        rewritten = data[:3] + bytes([size_and_speed]) + data[4:]
        esp_image.check_image(rewritten, "ESP8266", offset=0, flash_size=4 * MB)
    flash_mode = data[:2] + bytes([3]) + data[3:]  # DOUT instead of QIO
    esp_image.check_image(flash_mode, "ESP8266", offset=0, flash_size=4 * MB)
    damaged = bytearray(data)
    damaged[0x9100] ^= 0x01  # one bit in the irom0 code
    with pytest.raises(esp_image.ImageRejected, match="damaged"):
        esp_image.check_image(bytes(damaged), "ESP8266", offset=0, flash_size=4 * MB)


@pytest.mark.parametrize(
    ("flash", "code"),
    [(512 * 1024, 0x00), (1 * MB, 0x20), (2 * MB, 0x30), (4 * MB, 0x40), (8 * MB, 0x40),
     (16 * MB, 0x40)],
)  # fmt: skip
def test_esp8266_header_flash_size_caps_at_4mb(esp8266_image, flash: int, code: int):
    """8 and 16 MB boards are flashed as 4 MB: MicroPython's ESP8266 port does not handle the
    8/16 MB size codes in the header."""
    data = esp8266_image.read_bytes()
    written = esp_image.with_esp8266_flash_size(data, flash)
    assert written[3] == code | (data[3] & 0x0F)
    assert written[:3] == data[:3] and written[4:] == data[4:]


@pytest.mark.timeout(120)
def test_throttled_simulator_moves_bytes_at_the_baud_rate_esptool_set(make_sim, tmp_path):
    """With ``throttle`` the ROM simulator carries bytes no faster than the line: the install
    takes at least the wire time of what crossed it, at 115200 until the speed changes."""
    import time

    from tests.helpers.esp_rom_sim import WireClock

    clock = WireClock(115200)
    t0 = time.monotonic()
    clock.carry(1152)  # 11520 bits at 115200 baud: 0.1 s of line time
    clock.carry(1152)
    assert time.monotonic() - t0 >= 0.2 and clock.busy_seconds == pytest.approx(0.2)

    sim = make_sim("esp32", throttle=True)
    image = tmp_path / "small.bin"
    image.write_bytes(build_test_image("ESP32", 96 * 1024, seed=5))
    t0 = time.monotonic()
    esp.flash(sim.port, image, erase=False, baud=460800)
    elapsed = time.monotonic() - t0
    assert 0x0F in sim.commands  # the speed went up to 460800 on the way
    assert sim._rx.busy_seconds > 0.1 and sim._tx.busy_seconds > 0
    assert elapsed >= max(sim._rx.busy_seconds, sim._tx.busy_seconds)
    assert bytes(sim.flash[0x1000 : 0x1000 + 96 * 1024]) == image.read_bytes()
