"""Going under MicroPython, when Ctrl-C, a reset and a replug never reach a prompt: one
strategy per board family (STRATEGIES), each saving the user's files before anything is changed.

- "esp": the chip's ROM loader (esptool) reads the filesystem partition; the files go to a
  folder, the partition is written back with main.py renamed and checked. Where that cannot be
  done in place, and only with the user's yes (a question in context QUESTION_CTX, saying what
  happens and that the files are safe in the folder): erase the flash, install MicroPython (a
  firmware the caller finds: the catalogue's for the chip, or a file the user picks; refused
  before anything is erased when it fails ide.firmware.esp_image's checks), wait for the fresh
  board to make its filesystem, and put the files back over the REPL, each checked.
- "pico": ide.core.rescue.pico: the user puts the Pico in BOOTSEL mode (a live wait for it),
  then ide.firmware.picoboot.rescue_pico copies the files through PICOBOOT and, with the
  user's yes, writes the filesystem back with main.py renamed.
"""

from __future__ import annotations

import glob
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ide.core.rescue.restore import BoardFiles, restore_files
from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Rescue"
QUESTION_CTX = "RescueQuestion"  # a yes/no the user must answer (the dialog shows Yes/No)
BOOT_WAIT_S = 40.0  # a fresh ESP32 formats its filesystem at its first start: wait this long
Progress = Callable[[Message], None]
Ask = Callable[[Message], bool]

ESPRESSIF_VID = 0x303A  # native USB (ESP32-S2/S3/C3/C6)
PICO_VID = 0x2E8A  # Raspberry Pi
# USB-serial bridges on most ESP boards (CP210x, CH340/CH9102, FTDI): an ESP most likely; the
# ROM loader answering is what decides
BRIDGE_VIDS = {0x10C4, 0x1A86, 0x0403}


def _m(source: str, **args: object) -> Message:
    return message(CTX, source, **args)


def _q(source: str, **args: object) -> Message:
    return message(QUESTION_CTX, source, **args)


def is_question(msg: Message) -> bool:
    """A yes/no question (consent to go on), not an instruction to act on."""
    return msg.context == QUESTION_CTX


class Board(BoardFiles, Protocol):
    def close(self) -> None: ...


@dataclass
class UnderResult:
    """What going under MicroPython did."""

    family: str = ""
    folder: Path | None = None  # where the files are on this computer
    copied: list[str] = field(default_factory=list)  # board paths saved in the folder
    skipped: list[str] = field(default_factory=list)  # board paths this computer could not save
    raw_image: Path | None = None  # the raw partition, when its files could not be read
    renamed: list[tuple[str, str]] = field(default_factory=list)
    written_back: bool = False  # fixed in place: the board's filesystem has the rename
    reinstalled: bool = False  # flash erased and MicroPython installed again
    restored: list[str] = field(default_factory=list)  # board paths put back and checked
    failed: list[str] = field(default_factory=list)  # put back but did not check out
    declined: bool = False  # the user said no (to copying the files, or later to erasing)
    declined_copy: bool = False  # no to the first question: nothing was read or changed
    nothing_saved_warning: bool = False  # no way under here: "erase" would lose every file
    error: Message | None = None

    @property
    def fixed(self) -> bool:
        """The board starts without the culprit now."""
        if self.written_back:
            return True
        return self.reinstalled and not self.failed


@dataclass
class UnderPlan:
    """How to go under MicroPython on one board; built by the UI (or a script)."""

    port: str
    folder: Path
    family: str = ""  # "esp", "pico"; "" = find out from the port's USB ids
    # the firmware for the detected chip (ide.firmware.esp.ChipInfo): the catalogue's, or a
    # file the user picks (offline); None = none (the files stay safe in the folder)
    get_firmware: Callable[[Any], Path | None] | None = None
    open_board: Callable[[str], Board] | None = None  # default: ide.board.connect
    on_log: Callable[[Message], None] | None = None  # esptool's own lines
    # set by the UI when the user gives up (Escape): ends a wait for the user (the Pico's
    # BOOTSEL wait) and reading (the Pico's and the ESP's flash, between pieces), never a write
    cancel: threading.Event | None = None


def family_of(port: str) -> str:
    """ "esp", "pico" or "" from the port's USB vendor id (pyserial's port list)."""
    if port == "simulator" or "://" in port:
        return ""
    try:
        from serial.tools import list_ports

        info = next((p for p in list_ports.comports() if p.device == port), None)
    except Exception:  # noqa: BLE001 - no port list here: unknown
        return ""
    vid = getattr(info, "vid", None)
    if vid == PICO_VID:
        return "pico"
    if vid == ESPRESSIF_VID or vid in BRIDGE_VIDS:
        return "esp"
    return ""


def go_under(plan: UnderPlan, step: Progress, ask: Ask) -> UnderResult:
    """Run the family's strategy. A port whose USB ids say nothing (a plain serial adapter, a
    pty) gets the ESP strategy: it asks first, and then the chip answering the ROM loader is
    what tells; anything else only says what is left."""
    family = plan.family or family_of(plan.port) or "esp"
    # "Try again" runs with the same plan: never over the copies an earlier run made (after a
    # write-back that failed half-way they, and its raw image, are the good ones)
    plan = replace(plan, folder=unused_folder(plan.folder))
    strategy = STRATEGIES.get(family)
    if strategy is None:
        step(
            _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "Hotaru does not know how to reach this kind of board below MicroPython.",
                )
            )
        )
        return UnderResult(family=family, nothing_saved_warning=True)
    return strategy(plan, step, ask)


# ----- ESP: the ROM loader -------------------------------------------------------------------
def _esp(plan: UnderPlan, step: Progress, ask: Ask) -> UnderResult:
    from ide.firmware.errors import Cancelled, FirmwareError
    from ide.firmware.esp_files import InPlaceImpossible, rescue_files

    result = UnderResult(family="esp", folder=plan.folder)
    if not ask(
        _q(
            QT_TRANSLATE_NOOP(
                "RescueQuestion",
                "MicroPython does not answer. Hotaru can restart the chip in its bootloader, "
                "below MicroPython, copy every file on the board to {folder}, and then rename "
                "the program that keeps the board busy (main.py becomes main_disabled.py; "
                "nothing is deleted). Nothing on the board is changed before your files are safe "
                "there. Go on?",
            ),
            folder=str(plan.folder),
        )
    ):
        result.declined = result.declined_copy = True
        return result
    step(
        _m(
            QT_TRANSLATE_NOOP(
                "Rescue", "Restarting the chip in its bootloader and copying the board's files…"
            )
        )
    )
    try:
        rom = rescue_files(
            plan.port,
            plan.folder,
            on_log=plan.on_log,
            disable=culprits,
            progress=step,  # "Reading the board's flash: 640 of 2048 KB…", updated in place
            cancel=plan.cancel,  # Escape: stops the read between pieces, never the write
        )
    except InPlaceImpossible as exc:
        _take(result, exc.result)
        step(exc.message)
        _say_saved(result, step)
        _reinstall(plan, step, ask, result)
        return result
    except Cancelled:
        result.error = _m(
            QT_TRANSLATE_NOOP("Rescue", "Stopped while reading: nothing on the board was changed.")
        )
        step(result.error)
        return result
    except FirmwareError as exc:  # no ESP answered, or nothing could be read
        result.error = exc.message
        result.nothing_saved_warning = True
        step(exc.message)
        return result
    _take(result, rom)
    _say_saved(result, step)
    result.written_back = rom.written_back
    for was, now in result.renamed:
        step(
            _m(
                QT_TRANSLATE_NOOP("Rescue", "{was} renamed to {now} on the board."),
                was=was,
                now=now,
            )
        )
    return result


def culprits(startup: dict[str, bytes]) -> tuple[str, ...]:
    """What to disable when MicroPython never answered: main.py, and boot.py too when its own
    text can hold the board (Ctrl-C off, deep sleep, an endless loop): with no prompt ever
    seen there is no traceback to tell which one it was."""
    names = ["main.py"] if "main.py" in startup else []
    boot = startup.get("boot.py", b"").decode("utf-8", "replace")
    if "boot.py" in startup and _may_hang(boot):
        names.append("boot.py")
    return tuple(names)


def _may_hang(source: str) -> bool:
    return bool(
        re.search(r"kbd_intr\(\s*-1\s*\)", source)
        or "deepsleep(" in source
        or re.search(r"^\s*while\s+(True|1)\s*:", source, re.MULTILINE)
    )


def _take(result: UnderResult, rom: Any) -> None:
    result.copied = list(rom.copied)
    result.skipped = list(rom.skipped)
    result.raw_image = rom.raw_image
    result.renamed = list(rom.renamed)


def _say_saved(result: UnderResult, step: Progress) -> None:
    step(
        _m(
            QT_TRANSLATE_NOOP("Rescue", "{count} files copied to {folder}."),
            count=len(result.copied),
            folder=str(result.folder),
        )
    )


def _reinstall(plan: UnderPlan, step: Progress, ask: Ask, result: UnderResult) -> None:
    """Erase, install MicroPython, put the files back; only with the user's yes."""
    from ide.firmware import esp, esp_image
    from ide.firmware.errors import FirmwareError

    try:
        chip = esp.detect_chip(plan.port, on_log=plan.on_log)
        firmware = plan.get_firmware(chip) if plan.get_firmware is not None else None
        if firmware is None:
            step(
                _m(
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "No MicroPython firmware to install, so the board was left as it is. "
                        "Your files are safe in {folder}.",
                    ),
                    folder=str(plan.folder),
                )
            )
            return
        # refuse a damaged or wrong file before asking (and long before anything is erased)
        esp_image.check_image(
            Path(firmware).read_bytes(),
            chip.name,
            offset=chip.flash_offset,
            flash_size=chip.flash_size,
        )
    except FirmwareError as exc:
        result.error = exc.message
        step(exc.message)
        return
    except OSError as exc:
        result.error = with_os_details(  # i18n: the OS's English words on a line of their own
            _m(
                QT_TRANSLATE_NOOP("Rescue", "Cannot read the firmware file: {error}"),
                error=os_reason(exc),
            ),
            exc,
        )
        step(result.error)
        return
    if not ask(_erase_question(result, plan, Path(firmware))):
        result.declined = True
        return
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Erasing the whole flash and installing MicroPython…")))
    try:
        esp.flash(plan.port, firmware, erase=True, on_log=plan.on_log)
    except FirmwareError as exc:
        result.error = exc.message
        step(exc.message)
        return
    result.reinstalled = True
    if not result.copied:
        return
    step(
        _m(QT_TRANSLATE_NOOP("Rescue", "Waiting for MicroPython to start and make its filesystem…"))
    )
    board = _open_fresh(plan)
    if board is None:
        result.error = _m(
            QT_TRANSLATE_NOOP(
                "Rescue",
                "MicroPython was installed but does not answer yet. Your files are safe in "
                "{folder}: copy them back with the Files pane once it does.",
            ),
            folder=str(plan.folder),
        )
        step(result.error)
        return
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Putting your files back on the board…")))
    try:
        done = restore_files(board, plan.folder, result.copied, result.renamed)
    finally:
        board.close()
    result.restored, result.failed = done.written, done.failed
    step(
        _m(
            QT_TRANSLATE_NOOP("Rescue", "{count} files put back and checked."),
            count=len(done.written),
        )
    )


def _erase_question(result: UnderResult, plan: UnderPlan, firmware: Path) -> Message:
    """What erasing means here, exactly: the files saved (or that none could be), the firmware,
    the names the files go back under."""
    if not result.copied:
        if result.raw_image is not None:
            saved = _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "Its raw contents are saved as {file}, for someone who can recover files "
                    "from it.",
                ),
                file=str(result.raw_image),
            )
        else:
            saved = _m(QT_TRANSLATE_NOOP("Rescue", "Nothing could be saved."))
        return _q(
            QT_TRANSLATE_NOOP(
                "RescueQuestion",
                "No file could be copied from the board. {saved}\n\nHotaru can now erase the "
                "board's whole flash and install MicroPython from {firmware}: the board then "
                "starts with a new, empty filesystem, and what was on it is gone.\n\nErase and "
                "reinstall now?",
            ),
            saved=saved,
            firmware=firmware.name,
        )
    if result.renamed:
        renames = _m(
            QT_TRANSLATE_NOOP(
                "Rescue",
                "These go back under a new name, so they do not run at start-up: {pairs}.",
            ),
            pairs=", ".join(f"{was} → {now}" for was, now in result.renamed),
        )
    else:
        renames = _m(QT_TRANSLATE_NOOP("Rescue", "No file needs a new name."))
    if result.skipped:  # on the board only: the erase is their end, and the user must know
        renames = _m(
            QT_TRANSLATE_NOOP(
                "Rescue",
                "These could not be copied and are lost if the flash is erased (they are "
                "only in the raw copy {file}): {files}.\n\n{renames}",
            ),
            file=str(result.raw_image),
            files=", ".join(result.skipped),
            renames=renames,
        )
    return _q(
        QT_TRANSLATE_NOOP(
            "RescueQuestion",
            "The board cannot be repaired in place. Your {count} files are safe in {folder}."
            "\n\nHotaru can now erase the board's whole flash, install MicroPython from "
            "{firmware}, let the board start and make a new, empty filesystem, then copy "
            "your {count} files back and check each one.\n\n{renames}\n\nErase and "
            "reinstall now?",
        ),
        count=len(result.copied),
        folder=str(plan.folder),
        firmware=firmware.name,
        renames=renames,
    )


def _open_fresh(plan: UnderPlan) -> Board | None:
    """The freshly installed board at its prompt (its first start formats the filesystem, so
    the first tries may find it busy); None after BOOT_WAIT_S."""
    opener = plan.open_board
    if opener is None:
        from ide.board import connect

        def opener(port: str) -> Board:
            return connect(port, timeout=10.0, auto_reconnect=False)

    deadline = time.monotonic() + BOOT_WAIT_S
    while time.monotonic() < deadline:
        try:
            return opener(plan.port)
        except Exception:  # noqa: BLE001 - still starting: try again
            time.sleep(0.5)
    return None


# ----- Pico: BOOTSEL mode and PICOBOOT (ide.core.rescue.pico) -------------------------------
def _pico(plan: UnderPlan, step: Progress, ask: Ask) -> UnderResult:
    from ide.core.rescue.pico import pico  # it builds on this module's result and culprits

    return pico(plan, step, ask)


Strategy = Callable[[UnderPlan, Progress, Ask], UnderResult]
STRATEGIES: dict[str, Strategy] = {"esp": _esp, "pico": _pico}


def unused_folder(folder: Path) -> Path:
    """``folder``, or ``folder (2)``, ``(3)``... when something by that name is there already:
    the folder itself, or a raw image saved beside it (``<folder>-pico-filesystem.bin``)."""
    candidate, n = folder, 2
    while any(folder.parent.glob(glob.escape(candidate.name) + "*")):
        candidate, n = folder.with_name(f"{folder.name} ({n})"), n + 1
    return candidate


def rescue_folder(base: Path | None = None) -> Path:
    """A new folder for one rescue's files, where the user finds it: Documents/Hotaru rescue/
    <date time> (not created yet)."""
    if base is None:
        import platformdirs

        base = Path(platformdirs.user_documents_dir()) / "Hotaru rescue"
    stamp = time.strftime("%Y-%m-%d %H-%M-%S")
    folder, n = base / stamp, 2
    while folder.exists():
        folder, n = base / f"{stamp} ({n})", n + 1
    return folder
