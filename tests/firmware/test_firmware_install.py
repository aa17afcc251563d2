"""ide.firmware.install.run_install headless: download -> check -> write, no Qt anywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ide.firmware import catalog, esp, uf2
from ide.firmware.errors import ImageRejected
from ide.firmware.install import InstallPlan, run_install
from tests.helpers.esp_rom_sim import EspRomSim
from tests.helpers.firmware_images import app_offset, build_test_image, make_uf2
from tests.helpers.firmware_server import FirmwareServer


@pytest.fixture
def sim():
    s = EspRomSim("esp32s3", fill=0x5A).start()
    yield s
    s.close()


@pytest.mark.timeout(90)
def test_catalogue_firmware_is_downloaded_checked_and_written(sim, tmp_path):
    server = FirmwareServer().start()
    try:
        cat = catalog.Catalog(server.base_url, cache=tmp_path / "cache", timeout=5)
        firmware = catalog.latest_stable(cat.firmware("ESP32_GENERIC_S3").items, "")
        assert firmware is not None
        plan = InstallPlan(kind="esp", port=sim.port, chip=esp.detect_chip(sim.port),
                           firmware=firmware, baud=115200)  # fmt: skip
        steps: list[str] = []
        log: list[object] = []
        seen: list[tuple[int, int]] = []
        info = run_install(
            plan,
            catalog=cat,
            progress=lambda d, t: seen.append((d, t)),
            on_log=log.append,
            on_step=steps.append,
        )
        image = server.files[firmware.filename]
    finally:
        server.close()
    assert isinstance(info, esp.ChipInfo) and info.name == "ESP32-S3"
    assert steps == ["download", "check", "write"]
    assert bytes(sim.flash[: len(image)]) == image
    assert any("verified" in str(m) for m in log)
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_a_damaged_local_file_stops_at_the_check(sim, tmp_path):
    data = bytearray(build_test_image("ESP32-S3", 256 * 1024))
    data[app_offset("ESP32-S3") + 0x800] ^= 0x20
    path = tmp_path / "damaged.bin"
    path.write_bytes(bytes(data))
    chip = esp.detect_chip(sim.port)
    steps: list[str] = []
    with pytest.raises(ImageRejected, match="checksum"):
        run_install(InstallPlan(port=sim.port, chip=chip, firmware_path=path),
                    on_step=steps.append)  # fmt: skip
    assert steps == ["check"]  # refused before the port was opened to write
    assert sim.changes == []


def test_uf2_plan_copies_to_the_drive(tmp_path):
    folder = tmp_path / "RPI-RP2"
    folder.mkdir()
    (folder / "INFO_UF2.TXT").write_text("Model: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n")
    drive = uf2.drive_at(folder)
    source = tmp_path / "pico.uf2"
    source.write_bytes(make_uf2(b"\x07" * 3000))
    written = run_install(InstallPlan(kind="uf2", drive=drive, firmware_path=source))
    assert isinstance(written, Path) and written.read_bytes() == source.read_bytes()


def test_install_module_loads_no_qt():
    code = (
        "import sys, ide.firmware.install; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'esptool'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
