"""The install as one Qt-free function: download -> check -> write.

    plan = InstallPlan(kind="esp", port="/dev/ttyUSB0", chip=esp.detect_chip(port),
                       firmware_path=Path("ESP32_GENERIC-v1.25.0.bin"))
    run_install(plan, progress=..., on_log=..., on_step=..., cancel=...)

:class:`InstallPlan` is everything the user chose (the install wizard keeps its state in one;
a test or a script fills one by hand). :func:`run_install` is what the wizard's Install page
runs on its worker thread; progress, log lines and steps come back through callbacks, and
``cancel`` (a callable or threading.Event) stops it between steps and blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ide.firmware import esp, esp_image, uf2
from ide.firmware.cancel import CancelCheck, Progress, check_cancel
from ide.firmware.catalog import Catalog, Firmware
from ide.firmware.errors import FirmwareError, fw_message
from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message

Kind = Literal["esp", "uf2"]
Step = Literal["download", "check", "write"]
StepCallback = Callable[[Step], None]
LogCallback = Callable[[Message], None]


@dataclass
class InstallPlan:
    """What to install where: the install wizard's state, filled page by page."""

    kind: Kind = "esp"
    port: str | None = None  # the ESP's serial port
    drive: uf2.Uf2Drive | None = None  # the Pico's BOOTSEL drive
    chip: esp.ChipInfo | None = None  # what detect_chip found (ESP)
    firmware: Firmware | None = None  # from the catalogue (downloaded by run_install) ...
    firmware_path: Path | None = None  # ... or a file on this computer
    offset: int | None = None  # None: the chip's usual offset
    erase: bool = True  # erase the whole flash first (the board's files are lost)
    baud: int = esp.DEFAULT_BAUD

    @property
    def chip_name(self) -> str | None:
        """The chip the firmware must fit: the detected ESP, or the drive's RP2040/RP2350."""
        if self.kind == "uf2":
            return self.drive.chip if self.drive is not None else None
        return self.chip.name if self.chip is not None else None


def check_file(plan: InstallPlan, data: bytes) -> None:
    """Refuse a firmware file that does not fit the plan's board; raises ImageRejected.

    Nothing is touched: this runs before the port is opened or the drive written.
    """
    if plan.kind == "uf2":
        uf2.check_uf2(data, plan.drive)
        return
    chip = plan.chip
    if chip is None:
        esp_image.inspect(data)  # chip unknown yet: esp.flash checks again once it is
        return
    offset = chip.flash_offset if plan.offset is None else plan.offset
    esp_image.check_image(data, chip.name, offset=offset, flash_size=chip.flash_size)


def run_install(
    plan: InstallPlan,
    *,
    catalog: Catalog | None = None,
    progress: Progress | None = None,
    on_log: LogCallback | None = None,
    on_step: StepCallback | None = None,
    cancel: CancelCheck = None,
) -> esp.ChipInfo | Path:
    """Download (if the plan names a catalogue firmware), check, then write.

    Returns the ChipInfo (ESP) or the file written on the drive (UF2). Raises ImageRejected
    (nothing touched), Cancelled, CatalogError or FirmwareError.
    """

    def step(name: Step) -> None:
        check_cancel(cancel)
        if on_step is not None:
            on_step(name)

    def say(msg: Message) -> None:
        if on_log is not None:
            on_log(msg)

    path = plan.firmware_path
    if plan.firmware is not None:
        if catalog is None:
            raise ValueError("a catalogue firmware needs the catalogue to download it")
        step("download")
        say(
            fw_message(
                QT_TRANSLATE_NOOP("Firmware", "Downloading {name}..."), name=plan.firmware.filename
            )
        )
        path = catalog.download(plan.firmware, progress=progress, cancel=cancel)
    if path is None:
        raise ValueError("the plan names no firmware")
    step("check")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FirmwareError(
            with_os_details(  # i18n: the OS's English words on a line of their own
                fw_message(
                    QT_TRANSLATE_NOOP("Firmware", "Cannot read {path}: {error}"),
                    path=str(path),
                    error=os_reason(exc),
                ),
                exc,
            ),
            str(exc),
        ) from exc
    check_file(plan, data)
    step("write")
    if plan.kind == "uf2":
        if plan.drive is None:
            raise ValueError("a UF2 install needs the drive")
        say(
            fw_message(
                QT_TRANSLATE_NOOP("Firmware", "Copying {name} to {drive}..."),
                name=Path(path).name,
                drive=str(plan.drive.path),
            )
        )
        return uf2.install(path, plan.drive, progress=progress, cancel=cancel)
    if plan.port is None:
        raise ValueError("an ESP install needs the port")
    return esp.flash(
        plan.port,
        path,
        offset=plan.offset,
        erase=plan.erase,
        baud=plan.baud,
        progress=progress,
        cancel=cancel,
        on_log=on_log,
    )
