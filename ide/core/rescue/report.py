"""What a rescue found and did, in words for a beginner."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

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

    @property
    def explanation(self) -> Message:
        return message(CTX, EXPLANATIONS[self.cause])

    def summary(self) -> list[Message]:
        """The report's sentences, in order: what happened, what was disabled, how to undo."""
        out: list[Message] = []
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
        if not self.renamed:
            out.append(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Rescue", "The board answers again. No file needed to be disabled."
                    ),
                )
            )
        for was, now in self.renamed:
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
        if self.renamed:
            out.append(self.explanation)
            for was, now in self.renamed:
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
        out.append(message(CTX, QT_TRANSLATE_NOOP("Rescue", "No file was deleted.")))
        return out
