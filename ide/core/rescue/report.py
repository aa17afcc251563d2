"""What a rescue found and did, in words for a beginner."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ide.core.rescue.under import UnderResult
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Rescue"


class Cause(StrEnum):
    BOOT_ERROR = "boot-error"  # boot.py raised an error
    KBD_INTR = "kbd-intr"  # the program switched Ctrl-C off: micropython.kbd_intr(-1)
    DEEPSLEEP = "deepsleep"  # machine.deepsleep() at the start: the board is asleep at once
    FLOOD = "flood"  # a loop printing without a pause
    LOOP = "loop"  # a while True: with no way out
    UNKNOWN = "unknown"  # it never returned to the prompt


EXPLANATIONS: dict[Cause, str] = {
    Cause.BOOT_ERROR: QT_TRANSLATE_NOOP(
        "Rescue",
        "boot.py stopped with an error. boot.py runs first at every start, so the board "
        "stumbled before your program could even begin.",
    ),
    Cause.KBD_INTR: QT_TRANSLATE_NOOP(
        "Rescue",
        "The program calls micropython.kbd_intr(-1), which switches Ctrl-C off, and then "
        "runs forever: nothing could stop it from the computer.",
    ),
    Cause.DEEPSLEEP: QT_TRANSLATE_NOOP(
        "Rescue",
        "The program calls machine.deepsleep() at the start. In deep sleep the board does not "
        "listen to the computer, and when it wakes up it starts the program again, which puts "
        "it straight back to sleep.",
    ),
    Cause.FLOOD: QT_TRANSLATE_NOOP(
        "Rescue",
        "The program prints without a pause, so fast that the board has no time to listen to "
        "the computer. Add time.sleep(0.1) in the loop.",
    ),
    Cause.LOOP: QT_TRANSLATE_NOOP(
        "Rescue",
        "The program runs a while True: loop with no pause and no way out. Add a "
        "time.sleep() in the loop, so the board has time to listen to Stop.",
    ),
    Cause.UNKNOWN: QT_TRANSLATE_NOOP(
        "Rescue",
        "The program never returned to the prompt (>>>), so the board could not take new commands.",
    ),
}


@dataclass
class RescueReport:
    ok: bool = False  # the board answers at its prompt now
    how: str = ""  # "ctrl-c", "reset", "power", "replug": what brought the prompt back
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (was, now)
    cause: Cause = Cause.UNKNOWN
    traceback: str = ""  # the error the board printed, when there was one
    files_before: list[tuple[str, int]] = field(default_factory=list)  # (name, size) at "/"
    files_after: list[tuple[str, int]] = field(default_factory=list)
    steps: list[Message] = field(default_factory=list)
    under: UnderResult | None = None  # what going under MicroPython did, when it came to that

    @property
    def fixed(self) -> bool:
        """The board answers, or starts without its culprit after going under MicroPython."""
        return self.ok or (self.under is not None and self.under.fixed)

    @property
    def explanation(self) -> Message:
        return message(CTX, EXPLANATIONS[self.cause])

    def summary(self) -> list[Message]:
        """The report's sentences, in order: what happened, what was disabled, how to undo."""
        out: list[Message] = []
        if not self.ok and self.under is not None and self.under.family:
            return self._under_summary(self.under)
        if not self.ok:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board did not answer, even after a restart. The last resort is to "
                        'install MicroPython again with "erase all flash": every file on the '
                        "board is lost then, so copy what you need first if you can.",
                    ),
                )
            )
            return out
        out += self._renames(self.renamed)
        out.append(message(CTX, QT_TRANSLATE_NOOP("Rescue", "No file was deleted.")))
        return out

    def _renames(self, renamed: list[tuple[str, str]]) -> list[Message]:
        out: list[Message] = []
        if not renamed:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue", "The board answers again. No file needed to be disabled."
                    ),
                )
            )
        for was, now in renamed:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue", "{was} was renamed to {now}, so it does not run at start-up."
                    ),
                    was=was,
                    now=now,
                )
            )
        if renamed:
            out.append(self.explanation)
            for was, now in renamed:
                out.append(
                    message(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "Rescue",
                            "To run it again after fixing it: open {now} from the board, correct "
                            "it, and save it as {was}.",
                        ),
                        was=was,
                        now=now,
                    )
                )
        return out

    def _under_summary(self, under: UnderResult) -> list[Message]:
        """What going under MicroPython did: where the files are, what was renamed."""
        out: list[Message] = []
        folder = str(under.folder)
        if under.copied:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "MicroPython never answered, so Hotaru read the board's files through "
                        "the chip's bootloader instead. {count} files were copied to {folder}.",
                    ),
                    count=len(under.copied),
                    folder=folder,
                )
            )
        if under.raw_image is not None:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board's filesystem could not be read file by file; its raw contents "
                        "are saved as {file}.",
                    ),
                    file=str(under.raw_image),
                )
            )
        if under.skipped:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue", "These could not be copied (their names do not fit here): {files}"
                    ),
                    files=", ".join(under.skipped),
                )
            )
        if under.reinstalled and under.copied:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board was erased and MicroPython installed again; {count} files "
                        "were put back and checked.",
                    ),
                    count=len(under.restored),
                )
            )
        elif under.reinstalled:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board was erased and MicroPython installed again, with a new, "
                        "empty filesystem.",
                    ),
                )
            )
        if under.failed:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "These files did not check out on the board; the copies in {folder} are "
                        "good: {files}",
                    ),
                    folder=folder,
                    files=", ".join(under.failed),
                )
            )
        if under.fixed:
            if under.copied:  # an erase with nothing saved must not say "nothing deleted"
                out += self._renames(under.renamed)
                if not (under.reinstalled and under.skipped):  # nor one that left files behind
                    out.append(message(CTX, QT_TRANSLATE_NOOP("Rescue", "No file was deleted.")))
            return out
        if under.error is not None:
            out.append(under.error)
        if under.declined_copy:
            # the user said no to the copy: "copy what you need first" alone left them without
            # the one way there is to copy from a board that never answers
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "You stopped the rescue: nothing on the board was read or changed. "
                        "Try again and answer yes to copy your files to this computer through "
                        "the chip's bootloader before anything is erased.",
                    ),
                )
            )
        if under.nothing_saved_warning or not (under.copied or under.raw_image is not None):
            # nothing saved (no way under, the ROM loader silent, or the user said no): the
            # last resort, saying what it costs
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board did not answer, even after a restart. The last resort is to "
                        'install MicroPython again with "erase all flash": every file on the '
                        "board is lost then, so copy what you need first if you can.",
                    ),
                )
            )
        elif under.folder is not None and (under.copied or under.raw_image is not None):
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue",
                        "The board is not fixed yet, but your files are safe in {folder}.",
                    ),
                    folder=folder,
                )
            )
        return out
