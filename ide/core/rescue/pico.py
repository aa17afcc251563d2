"""Going under MicroPython on a Raspberry Pi Pico (the "pico" strategy of ide.core.rescue.under):
the boot ROM's BOOTSEL mode, where MicroPython does not run at all, so a main.py that switches
Ctrl-C off before USB is up cannot hold the board.

1. Ask the user (an instruction, not a question: the dialog shows it in bold and the rescue
   waits) to unplug the Pico, hold BOOTSEL and plug it in again; then wait, live, for the
   BOOTSEL device to appear (ide.firmware.picoboot_usb.find_bootsel polled: the USB device
   list only, nothing is opened while waiting).
2. ide.firmware.picoboot.rescue_pico on the rescue's thread: every file copied to the plan's
   folder (the raw filesystem beside it), then - only with the user's yes, asked as a
   question - the filesystem written back with the culprits renamed (main.py; boot.py when its
   text can hold the board) and the Pico restarted into MicroPython.
3. The UnderResult says what was saved where and what was renamed. When the Pico is not fixed,
   rescue_pico's reason (which says what is safe and what erasing would lose) becomes the
   report's error, and only then does the dialog offer the installer with "erase all flash".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ide.core.rescue.under import (
    QUESTION_CTX,
    Ask,
    Progress,
    UnderPlan,
    UnderResult,
    culprits,
)
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Rescue"
BOOTSEL_WAIT_S = 120.0  # finding the button and plugging the cable in takes a beginner a while
POLL_S = 0.2  # how often the USB device list is read while waiting (cheap: no device opened)

Finder = Callable[[], list[Any]]


def _m(source: str, **args: object) -> Message:
    return message(CTX, source, **args)


def as_question(msg: Message) -> Message:
    """rescue_pico's yes/no question (built in ide.firmware, context "Firmware") as a question
    the dialog answers with Yes/No: the same sentence, still translated in its own context."""
    return message(QUESTION_CTX, QT_TRANSLATE_NOOP("RescueQuestion", "{question}"), question=msg)


def wait_for_bootsel(
    find: Finder,
    wait_s: float = BOOTSEL_WAIT_S,
    cancel: threading.Event | None = None,
) -> list[Any]:
    """Poll ``find`` until a Pico in BOOTSEL mode is there (its devices), or [] after ``wait_s``
    or once ``cancel`` is set. A device list that cannot be read (no libusb) ends the wait at
    once with [None]: rescue_pico then says why in words."""
    stop = cancel or threading.Event()  # its wait() is the pause between polls
    waited = 0.0
    while True:
        try:
            found = find()
        except Exception:  # noqa: BLE001 - no USB access at all: rescue_pico names the cause
            return [None]
        if found:
            return found
        if waited >= wait_s or stop.wait(POLL_S):
            return []
        waited += POLL_S  # counted, not read from a clock: the wait is as long under load


def pico(
    plan: UnderPlan,
    step: Progress,
    ask: Ask,
    *,
    find: Finder | None = None,
    wait_s: float | None = None,
) -> UnderResult:
    """The "pico" strategy: BOOTSEL mode, then rescue_pico. ``find``: the BOOTSEL device
    finder (default ide.firmware.picoboot_usb.find_bootsel); ``wait_s``: how long to wait for
    the user to plug the Pico in with BOOTSEL held (default BOOTSEL_WAIT_S)."""
    from ide.firmware import picoboot

    finder = find or picoboot.find_bootsel
    result = UnderResult(family="pico", folder=plan.folder)
    if not wait_for_bootsel(finder, 0.0):  # already in BOOTSEL mode: no need to ask
        if not ask(
            _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "MicroPython does not answer, so Hotaru will read your files through the "
                    "Pico's own bootloader. Unplug the Pico's USB cable. Hold down the BOOTSEL "
                    "button (the white button on the Pico) and, while you hold it, plug the "
                    "cable in again. Then let go of the button.",
                )
            )
        ):
            result.declined = result.declined_copy = True
            return result
        step(_m(QT_TRANSLATE_NOOP("Rescue", "Waiting for the Pico in BOOTSEL mode…")))
        if not wait_for_bootsel(finder, wait_s or BOOTSEL_WAIT_S, plan.cancel):
            result.error = _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "No Pico in BOOTSEL mode appeared, so nothing was read or changed. Try "
                    "again and keep BOOTSEL held down while you plug the cable in. If it still "
                    "does not appear, try another USB cable: many cables only charge.",
                )
            )
            step(result.error)
            return result
    # a new instruction in place of "hold BOOTSEL": what matters now (the answer means nothing)
    ask(
        _m(
            QT_TRANSLATE_NOOP(
                "Rescue",
                "The Pico is in BOOTSEL mode. Keep it plugged in until Hotaru has finished. A "
                "drive may appear on this computer: leave it alone.",
            )
        )
    )
    answers: list[bool] = []

    def yes_no(msg: Message) -> bool:
        answers.append(ask(as_question(msg)))
        return answers[-1]

    rom = picoboot.rescue_pico(
        plan.folder, ask=yes_no, progress=step, disable=culprits, cancel=plan.cancel
    )
    result.folder = rom.folder  # None when nothing was read: no folder to show
    result.copied = list(rom.copied)
    result.skipped = list(rom.not_copied)
    result.renamed = list(rom.renamed)
    result.written_back = rom.written
    result.declined = False in answers  # the files are copied; the board was left as it was
    if not rom.copied and rom.image is not None and rom.image.exists():
        result.raw_image = rom.image  # the filesystem could not be opened: its bytes are kept
    result.error = rom.reason
    for line in rom.summary():
        step(line)
    return result
