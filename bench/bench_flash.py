"""Flashing benchmark: the install wizard's path (ide.firmware.esp.flash) against the plain
esptool command line (``python -m esptool ... write-flash``), on the same simulated chip.

The simulated ROM loader (tests/helpers/esp_rom_sim.py) runs in its own process on a pty, so neither
side shares a process with it. Both erase the whole flash, write a 1.5 MB MicroPython-like
image compressed at 460800 baud, verify it and reset. Every figure is the median of --runs.

A pty has no line speed, so by default the simulator is throttled to the baud rate esptool
sets (115200 until the stub raises it, then --baud, both directions): the figures are what a
board on a real 460800-baud link would cost. ``--no-throttle`` measures the software's own
overhead alone (the bytes then move as fast as the pty carries them).

    python bench/bench_flash.py [--runs 3] [--chip esp32|esp32s3|esp8266] [--size-kb 1536]
                                [--baud 460800] [--no-throttle]

For the ESP8266 (default image 620 KB, MicroPython's layout) the CLI gets
``--flash-size detect``, as micropython.org's instructions say; the wizard does the same.

Prints the ratio wizard / CLI (target: <= 1.1). The CLI's time includes starting Python and
importing esptool, as a user running it would pay; the wizard pays for its own detection
(flash size, image checks) inside the same process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ide.firmware import esp, esp_image  # noqa: E402
from tests.helpers.firmware_images import build_test_image  # noqa: E402

CHIP_NAMES = {"esp32": "ESP32", "esp32s3": "ESP32-S3", "esp8266": "ESP8266"}


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


class SimProcess:
    def __init__(self, chip: str, flash_file: Path, throttle: bool) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "helpers" / "esp_rom_sim.py"), "--chip", chip,
             "--flash-file", str(flash_file), *(["--throttle"] if throttle else [])],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        self.port = self.proc.stdout.readline().strip()
        if not self.port.startswith("/dev/"):
            raise SystemExit("the ESP simulator did not start")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chip", default="esp32", choices=sorted(CHIP_NAMES))
    parser.add_argument("--size-kb", type=int, help="image size (1536; ESP8266: 620)")
    parser.add_argument("--baud", type=int, default=460800)
    parser.add_argument(
        "--no-throttle",
        action="store_true",
        help="let bytes move as fast as the pty carries them (software overhead only)",
    )
    args = parser.parse_args()
    name = CHIP_NAMES[args.chip]
    offset = esp_image.FLASH_OFFSETS[name]
    size_kb = args.size_kb or (620 if name == "ESP8266" else 1536)
    detect = ["--flash-size", "detect"] if name == "ESP8266" else []

    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "firmware.bin"
        data = build_test_image(name, size_kb * 1024)
        image.write_bytes(data)
        expected = esp_image.with_esp8266_flash_size(data, 4 << 20)  # others: unchanged
        flash_file = Path(tmp) / "flash.bin"
        sim = SimProcess(args.chip, flash_file, throttle=not args.no_throttle)
        try:

            def wizard() -> None:
                esp.flash(sim.port, image, erase=True, baud=args.baud)

            def cli() -> None:
                subprocess.run(
                    [sys.executable, "-m", "esptool", "--port", sim.port, "--baud",
                     str(args.baud), "write-flash", "--erase-all", *detect,
                     f"0x{offset:x}", str(image)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )  # fmt: skip

            # one warm-up each (page cache, pty), then alternate-free medians
            wizard()
            cli()
            t_wizard, all_wizard = median_time(wizard, args.runs)
            assert flash_file.read_bytes()[offset : offset + len(data)] == expected
            t_cli, all_cli = median_time(cli, args.runs)
            assert flash_file.read_bytes()[offset : offset + len(data)] == expected
        finally:
            sim.close()

    kb = len(data) / 1024
    line = "no throttle: software overhead only" if args.no_throttle else "throttled to the baud"
    print(f"{name}, {kb:.0f} KB image, erase + compressed write + verify at {args.baud} baud")
    print(f"  simulator line speed: {line}")
    print(f"  wizard (ide.firmware.esp.flash): {t_wizard:6.2f} s  runs {fmt(all_wizard)}")
    print(f"  esptool CLI (subprocess):        {t_cli:6.2f} s  runs {fmt(all_cli)}")
    print(f"  ratio wizard / CLI: {t_wizard / t_cli:.2f} (target <= 1.1)")


def fmt(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
