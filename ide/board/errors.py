"""Errors raised by ide.board. Each carries a translatable :class:`ide.text.Message`.

Every wait on the port ends, at the latest after its timeout, in one of these:

- :class:`Timeout`: the board stopped answering in the middle of an operation.
- :class:`NotResponding`: the board never answered at all; ``.diagnosis`` says why we think so.
- :class:`Disconnected`: the port vanished (unplugged, reset) or the session was closed/released.
- :class:`PortBusy`: another program holds the port.
- :class:`PermissionDenied`: the operating system refuses to open the port (see ``.message``).
- :class:`Busy`: a user program is running; stop it first (file operations never garble it).
- :class:`RemoteError`: Python code on the board raised; ``.traceback`` holds the board's text.
- :class:`Cancelled`: a progress callback asked to stop a transfer.
- :class:`VerifyFailed`: a transfer arrived damaged (hash or size mismatch); nothing was replaced.
"""

from __future__ import annotations

import re

from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "BoardError"


class BoardError(Exception):
    """Base of every ide.board error; ``message`` is for the user, ``str(e)`` is English."""

    default = QT_TRANSLATE_NOOP("BoardError", "The board did not do what was asked.")

    def __init__(self, msg: Message | str | None = None, *, detail: str = "") -> None:
        if msg is None:
            msg = message(CTX, self.default)
        elif isinstance(msg, str):
            msg = message(CTX, QT_TRANSLATE_NOOP("BoardError", "{text}"), text=msg)
        self.message: Message = msg
        self.detail = detail
        super().__init__(str(msg) + (f" ({detail})" if detail else ""))


class Timeout(BoardError):
    default = QT_TRANSLATE_NOOP("BoardError", "The board stopped answering (timed out).")


class Disconnected(BoardError):
    default = QT_TRANSLATE_NOOP("BoardError", "The board is not connected.")


class PortBusy(BoardError):
    default = QT_TRANSLATE_NOOP(
        "BoardError",
        "The port is in use by another program (another IDE, a serial monitor, mpremote?). "
        "Close it and try again.",
    )


class PermissionDenied(BoardError):
    default = QT_TRANSLATE_NOOP("BoardError", "You are not allowed to open this port.")


class Busy(BoardError):
    default = QT_TRANSLATE_NOOP(
        "BoardError", "A program is running on the board. Stop it first, then try again."
    )


class BadPath(BoardError, ValueError):
    """A path that cannot name a file on the board (it contains NUL): refused before anything
    is sent, since the board would cut the name at the NUL and act on another file."""

    default = QT_TRANSLATE_NOOP(
        "BoardError", "A file name on the board cannot contain the NUL character."
    )


class Cancelled(BoardError):
    default = QT_TRANSLATE_NOOP("BoardError", "The transfer was cancelled.")


class VerifyFailed(BoardError):
    default = QT_TRANSLATE_NOOP(
        "BoardError", "The file arrived damaged; the board's copy was left unchanged."
    )


class NotResponding(BoardError):
    """The board gave no usable answer. ``diagnosis`` is one of the class constants."""

    SILENT = "silent"  # no byte at all: wrong port, no MicroPython, or Ctrl-C disabled
    BOOTLOADER = "bootloader"  # the ESP ROM loader says "waiting for download"
    IGNORES_CTRL_C = "ignores-ctrl-c"  # keeps printing, Ctrl-C has no effect
    GARBAGE = "garbage"  # bytes that are not MicroPython's (wrong baud rate? other firmware?)

    default = QT_TRANSLATE_NOOP("BoardError", "The board does not respond.")

    def __init__(
        self, msg: Message | str | None = None, *, diagnosis: str = SILENT, detail: str = ""
    ) -> None:
        super().__init__(msg, detail=detail)
        self.diagnosis = diagnosis

    @property
    def hard_reset_may_help(self) -> bool:
        return self.diagnosis in (self.IGNORES_CTRL_C, self.SILENT)


_EXC_LINE = re.compile(r"^(\w+(?:\.\w+)*)(?::\s*(.*))?$")


class RemoteError(BoardError):
    """Code on the board raised. ``traceback`` is the board's text, ``exc_type`` its class name,
    ``errno`` the OSError number when there is one."""

    def __init__(self, traceback: str, msg: Message | None = None) -> None:
        self.traceback = traceback
        last = traceback.strip().splitlines()[-1] if traceback.strip() else ""
        m = _EXC_LINE.match(last)
        self.exc_type = m.group(1) if m else ""
        value = (m.group(2) or "") if m else last
        self.errno: int | None = None
        if self.exc_type == "OSError":
            n = re.match(r"\[Errno (\d+)\]|(\d+)$", value)
            if n:
                self.errno = int(n.group(1) or n.group(2))
        if msg is None:
            msg = message(
                CTX,
                QT_TRANSLATE_NOOP("BoardError", "The board reported an error: {error}"),
                error=last,
            )
        super().__init__(msg)
        self.args = (str(msg) + "\n" + traceback,)


ENOENT = 2
EEXIST = 17
ENOSPC = 28
