"""Files off a Raspberry Pi Pico whose MicroPython never answers, through the boot ROM's
PICOBOOT USB interface (the Pico is in BOOTSEL mode: BOOTSEL held while plugging it in).

A main.py that switches Ctrl-C off before the USB port is up cannot be caught by any Ctrl-C
timing; in BOOTSEL mode MicroPython does not run at all. Here the littlefs region of the flash
(ide.firmware.rp2_flash) is read through Hotaru's PICOBOOT client (ide.firmware.picoboot_usb,
over pyusb and libusb), its files are copied
to a folder on this computer, and the region is written back with main.py and boot.py renamed
to ..._disabled.py. Nothing is deleted; a region that does not mount is never written.

    result = rescue_pico(Path("~/pico-files").expanduser(), ask=..., progress=...)

Opening the device: on Linux the user needs a udev rule for 2e8a:0003/000f (else "access
denied"); on Windows the RP2040's BOOTSEL interface has no driver until WinUSB is installed
for "RP2 Boot (Interface 1)" (Zadig), while the RP2350's ROM asks Windows for WinUSB itself;
macOS needs nothing. libusb itself comes from the libusb-package wheel where the system has
none.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ide.firmware import rp2_flash
from ide.firmware.cancel import CancelCheck, check_cancel
from ide.firmware.errors import Cancelled, fw_message
from ide.firmware.picoboot_usb import (
    BOOTSEL_PIDS,
    VENDOR,
    XIP_BASE,
    Picoboot,
    chip_of,
    find_bootsel,
    open_bootsel,
)
from ide.text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "BOOTSEL_PIDS",
    "VENDOR",
    "XIP_BASE",
    "PicoRescue",
    "find_bootsel",
    "image_path",
    "open_error",
    "rescue_pico",
]

CHUNK = 4096  # one READ command, one bulk transfer: a sector
PROGRESS_EVERY = 64 * 1024  # a progress step per 64 kB read
UDEV_RULE = 'SUBSYSTEM=="usb", ATTRS{idVendor}=="2e8a", MODE="0660", TAG+="uaccess"'
# The flash size when the chip's contents do not show it (erased boot pages): the size every
# official board of that chip has. Reads past the real end repeat the flash, so a too large
# guess only makes the search for the filesystem longer.
DEFAULT_FLASH = {"RP2040": 2 * 1024 * 1024, "RP2350": 4 * 1024 * 1024}

Progress = Callable[[Message], None]
Ask = Callable[[Message], bool]


@dataclass
class PicoRescue:
    """What rescue_pico did. ``ok``: the files are copied (and, when ``written``, the
    filesystem was written back with ``renamed`` done). ``reason``: why it stopped, in words
    for the user, saying what is safe and what would be lost. ``notes``: more to tell."""

    ok: bool = False
    chip: str = ""  # "RP2040" / "RP2350"
    board: str = ""  # "Raspberry Pi Pico W"..., "" when the layout was found by scanning
    region: tuple[int, int] | None = None  # (offset in flash, size) of the filesystem
    folder: Path | None = None
    image: Path | None = None  # the region as read, byte for byte
    copied: list[str] = field(default_factory=list)
    not_copied: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    disk_version: int = 0
    written: bool = False
    rebooted: bool = False
    reason: Message | None = None
    notes: list[Message] = field(default_factory=list)

    def summary(self) -> list[Message]:
        """The lines to show the user: the reason or what was done, then the notes."""
        lines: list[Message] = [] if self.reason is None else [self.reason]
        if self.copied and self.folder is not None:
            lines.append(
                fw_message(
                    QT_TRANSLATE_NOOP("Firmware", "Copied {count} files to {folder}."),
                    count=len(self.copied),
                    folder=str(self.folder),
                )
            )
        if self.written:
            for was, now in self.renamed:
                lines.append(
                    fw_message(
                        QT_TRANSLATE_NOOP("Firmware", "Renamed {old} to {new} on the board."),
                        old=was,
                        new=now,
                    )
                )
        return lines + self.notes


def image_path(dest: Path) -> Path:
    """Where the raw copy of the region goes: beside ``dest``, not in it (a folder of the
    user's files that may be copied back to a board as it is)."""
    return dest.with_name(dest.name + "-pico-filesystem.bin")


def open_error(exc: BaseException, chip: str, platform: str = sys.platform) -> Message:
    """Why a Pico in BOOTSEL mode that is present could not be opened, and what to do."""
    code = getattr(exc, "errno", None)
    if type(exc).__name__ == "NoBackendError":
        return fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Hotaru cannot talk to USB devices on this computer: the libusb library is "
                "missing. Reinstall Hotaru, or install libusb.",
            )
        )
    if code == errno.EBUSY:
        return fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Another program is using the Pico's BOOTSEL interface (picotool, or another "
                "IDE). Close it and try again.",
            )
        )
    if platform == "win32" and (
        isinstance(exc, NotImplementedError) or code in (errno.EACCES, errno.ENOENT, errno.ENOSYS)
    ):
        if chip == "RP2040":
            return fw_message(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "Windows has no driver for the Pico's BOOTSEL interface, so Hotaru cannot "
                    'open it. Install the WinUSB driver for "RP2 Boot (Interface 1)" once '
                    "with Zadig (zadig.akeo.ie), then unplug the Pico and plug it in again "
                    "with BOOTSEL held.",
                )
            )
        return fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Windows did not let Hotaru open the Pico's BOOTSEL interface. Unplug the "
                "Pico, plug it in again with BOOTSEL held, and try again.",
            )
        )
    if code in (errno.EACCES, errno.EPERM) and platform.startswith("linux"):
        return fw_message(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "This user may not open the Pico in BOOTSEL mode. Create the file "
                "/etc/udev/rules.d/60-pico.rules containing the line {rule} , run "
                '"sudo udevadm control --reload", then unplug the Pico and plug it in again '
                "with BOOTSEL held.",
            ),
            rule=UDEV_RULE,
        )
    return fw_message(
        QT_TRANSLATE_NOOP(
            "Firmware", "The Pico in BOOTSEL mode could not be opened. Details: {details}"
        ),
        details=str(exc) or type(exc).__name__,
    )


def _m(source: str, **args: Any) -> Message:
    return fw_message(source, **args)


def rescue_pico(
    dest: Path,
    *,
    ask: Ask,
    progress: Progress,
    device: str | None = None,
    disable: rp2_flash.Disable = ("main.py", "boot.py"),
    reboot: bool = True,
    cancel: CancelCheck = None,
) -> PicoRescue:
    """Copy every file of a Pico in BOOTSEL mode to ``dest`` and write its filesystem back with
    ``disable`` renamed (main.py -> main_disabled.py, boot.py -> boot_disabled.py; or a
    callable that chooses from the start-up files' contents, see rp2_flash.Disable), then
    restart it into MicroPython. Never raises for a board or USB failure: the result's
    ``reason`` says what happened, what is safe and what would be lost.

    How the rescue sequence calls it (ide/core/rescue): when MicroPython never answered and
    the board is a Pico, ask the user to unplug it and plug it in with BOOTSEL held (poll
    ``find_bootsel()`` to see it arrive), then call this on the sequence's worker with
    ``progress`` (each step, a Message) and ``ask`` (a yes/no question, a Message; False
    keeps the board as it is). ``dest``: a new folder for this rescue (a file already there
    is never overwritten: that board file is listed as not copied); the raw region goes beside
    it (image_path). ``device``: a USB serial number when several Picos are in BOOTSEL
    mode. ``cancel`` (a callable or Event) is checked while reading, never while writing: a
    cancelled rescue has written nothing.
    Show ``result.summary()``. When ``result.ok`` is False the files may still be in
    ``result.folder`` (``result.copied``) and the raw region in ``result.image``; only then
    offer erasing/reinstalling, saying ``result.reason``.

    Order, so that a cut cable never costs a file: read the whole region, save it raw beside
    ``dest``, copy every file out, and only then write, sector by sector, only what changed
    (see rp2_flash.plan_writes), reading it back afterwards."""
    result = PicoRescue()
    progress(_m(QT_TRANSLATE_NOOP("Firmware", "Looking for a Pico in BOOTSEL mode…")))
    try:
        found = find_bootsel(device)
    except Exception as exc:  # noqa: BLE001 - no libusb, no USB access at all
        result.reason = open_error(exc, "")
        return result
    if not found:
        result.reason = _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "No Pico in BOOTSEL mode was found. Unplug the Pico, hold its BOOTSEL button "
                "while plugging it in again, then release the button and try again.",
            )
        )
        return result
    if len(found) > 1:
        result.reason = _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Several Picos are in BOOTSEL mode. Leave only the one to rescue plugged in "
                "and try again.",
            )
        )
        return result
    result.chip = chip_of(found[0])
    try:
        link = open_bootsel(found[0])
    except Exception as exc:  # noqa: BLE001 - permissions, drivers, another program
        result.reason = open_error(exc, result.chip)
        return result
    try:
        _rescue(link, dest, ask, progress, disable, result, cancel)
        if reboot and result.reason is None:
            _reboot(link, progress, result)
    finally:
        link.close()
    return result


def _read(link: Picoboot, offset: int, size: int, progress: Progress, cancel: CancelCheck) -> bytes:
    parts = []
    for pos in range(0, size, CHUNK):
        check_cancel(cancel)
        parts.append(link.read(XIP_BASE + offset + pos, min(CHUNK, size - pos)))
        done = min(pos + CHUNK, size)
        if done % PROGRESS_EVERY and done != size:
            continue
        progress(
            _m(
                QT_TRANSLATE_NOOP("Firmware", "Reading the Pico's flash: {done} of {total} KB…"),
                done=done // 1024,
                total=size // 1024,
            )
        )
    return b"".join(parts)


def _rescue(
    link: Picoboot,
    dest: Path,
    ask: Ask,
    progress: Progress,
    disable: rp2_flash.Disable,
    result: PicoRescue,
    cancel: CancelCheck,
) -> None:
    try:
        flash_size = link.flash_size() or DEFAULT_FLASH[link.chip]
        where = rp2_flash.locate(lambda off, n: link.read(XIP_BASE + off, n), flash_size)
        if where is None:
            result.reason = _m(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "No MicroPython filesystem was found in the Pico's flash: MicroPython was "
                    "never started on it, or this board keeps its files elsewhere. Nothing was "
                    "written. Erasing the flash or installing MicroPython afresh would lose "
                    "whatever else the flash holds.",
                )
            )
            return
        offset, size, result.board = where
        result.region = (offset, size)
        old = _read(link, offset, size, progress, cancel)
    except Cancelled as exc:
        result.reason = exc.message
        return
    except Exception as exc:  # noqa: BLE001 - the device went away or refused a read
        result.reason = _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Reading the Pico's flash failed; nothing was written. Details: {details}",
            ),
            details=str(exc) or type(exc).__name__,
        )
        return
    result.folder = dest
    result.image = image_path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    result.image.write_bytes(old)
    progress(_m(QT_TRANSLATE_NOOP("Firmware", "Copying the files to {folder}…"), folder=str(dest)))
    try:
        new, done = rp2_flash.rescue_image(old, dest, disable)
    except Exception:  # noqa: BLE001 - littlefs-python: LittleFSError, or a corrupt tree
        result.reason = _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "The filesystem in the Pico's flash ({size} KB) is damaged and cannot be "
                "opened, so no file could be copied and nothing was written. Its raw bytes "
                "are saved in {image}. Erasing the flash or installing MicroPython afresh "
                "would lose every file on the board.",
            ),
            size=size // 1024,
            image=str(result.image),
        )
        return
    result.copied, result.not_copied = done.copied, done.not_copied
    result.disk_version = done.disk_version
    result.ok = True
    if done.not_copied:
        result.notes.append(
            _m(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "These files have names this computer cannot use and were not copied (they "
                    "stay on the board, and in {image}): {names}",
                ),
                image=str(result.image),
                names=", ".join(done.not_copied),
            )
        )
    if not done.renamed:
        result.notes.append(
            _m(
                QT_TRANSLATE_NOOP(
                    "Firmware", "There is no main.py or boot.py on the board: nothing to rename."
                )
            )
        )
        return
    names = ", ".join(f"{was} → {now}" for was, now in done.renamed)
    if not ask(
        _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Your files are copied to {folder}. Write the board's filesystem back with "
                "{names}, so that MicroPython starts without them? Keep the Pico plugged in "
                "while it writes.",
            ),
            folder=str(dest),
            names=names,
        )
    ):
        result.notes.append(
            _m(
                QT_TRANSLATE_NOOP(
                    "Firmware", "The files were copied; the board was left as it was."
                )
            )
        )
        return
    result.renamed = done.renamed
    _write(link, offset, old, new, progress, result)


def _write(
    link: Picoboot, offset: int, old: bytes, new: bytes, progress: Progress, result: PicoRescue
) -> None:
    plan = rp2_flash.plan_writes(old, new)
    progress(_m(QT_TRANSLATE_NOOP("Firmware", "Writing the Pico's filesystem back…")))
    base = XIP_BASE + offset
    try:
        for step in plan:
            if step.erase:
                link.flash_erase(base + step.offset, rp2_flash.BLOCK)
            for page_at, page in step.pages:
                link.write(base + page_at, page)
        for step in plan:  # read back what was written
            at = step.offset
            if link.read(base + at, rp2_flash.BLOCK) != new[at : at + rp2_flash.BLOCK]:
                raise OSError(errno.EIO, "read back differs")
    except Exception as exc:  # noqa: BLE001 - a cut cable, a refused command
        result.ok = False
        result.renamed = []
        result.reason = _m(
            QT_TRANSLATE_NOOP(
                "Firmware",
                "Writing the Pico's flash did not finish ({details}). Your files are safe in "
                "{folder}, and the filesystem as it was is saved in {image}. The board's "
                "files may be damaged: put the Pico in BOOTSEL mode again and rescue it "
                "again, or install MicroPython afresh and copy the files back.",
            ),
            details=str(exc) or type(exc).__name__,
            folder=str(result.folder),
            image=str(result.image),
        )
        return
    result.written = True


def _reboot(link: Picoboot, progress: Progress, result: PicoRescue) -> None:
    progress(_m(QT_TRANSLATE_NOOP("Firmware", "Restarting the Pico into MicroPython…")))
    try:
        link.reboot(100)  # RP2040: REBOOT to the flash image; RP2350: REBOOT2, normal boot
        result.rebooted = True
    except Exception:  # noqa: BLE001 - it may be gone already
        result.notes.append(
            _m(
                QT_TRANSLATE_NOOP(
                    "Firmware",
                    "The Pico did not restart by itself: unplug it and plug it in again "
                    "(without BOOTSEL).",
                )
            )
        )
