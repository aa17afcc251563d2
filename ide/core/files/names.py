"""Board paths and the safety of names that come back from the board.

Qt-free (pure logic), so the rules are unit-tested on their own. A board's listing is data
from outside: a damaged file system, a hostile script or a bug can hand back a name such as
``../../escape.txt``, ``/etc/passwd``, ``a\\b`` or one with control characters. Such a name is
shown in the board tree but never becomes part of a local path: :func:`local_target` refuses it
and the UI says why.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ide.text import QT_TRANSLATE_NOOP, Message, message

_CTX = "FilesNames"

_DRIVE = re.compile(r"^[A-Za-z]:")
# Characters Windows refuses in a file name (besides separators and control characters).
_WINDOWS_BAD = set('<>:"|?*')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


class UnsafeName(ValueError):
    """A board name that must not become (part of) a local path; ``.message`` says why."""

    def __init__(self, name: str, reason: Message) -> None:
        super().__init__(f"{name!r}: {reason}")
        self.name = name
        self.message = reason


def board_join(folder: str, name: str) -> str:
    """``folder`` + ``name`` as an absolute board path ("/" is the root)."""
    folder = folder or "/"
    if folder.endswith("/"):
        return folder + name
    return folder + "/" + name


def board_parent(path: str) -> str:
    """The folder holding ``path`` ("/" for top-level entries and for "/" itself)."""
    path = path.rstrip("/")
    if not path:
        return "/"
    head = path.rsplit("/", 1)[0]
    return head or "/"


def board_basename(path: str) -> str:
    """The last part of a board path."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def is_inside(path: str, folder: str) -> bool:
    """True when board ``path`` is ``folder`` or lies below it."""
    folder = folder.rstrip("/")
    return path == folder or path.startswith(folder + "/") or folder == ""


def display_name(name: str) -> str:
    """``name`` with control characters made visible (for the tree and messages)."""
    if all(ch.isprintable() for ch in name):
        return name
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in name)


def has_lone_surrogate(name: str) -> bool:
    """True when ``name`` holds a lone UTF-16 surrogate: what Python makes of file-name bytes that
    are not UTF-8 (os.listdir on Linux, ``surrogateescape``). Such a name has no UTF-8 form, so
    a board (whose file system stores UTF-8) would store something else and list it back
    different from what was written: it is refused before anything is written."""
    return any("\ud800" <= ch <= "\udfff" for ch in name)


def not_text_reason() -> Message:
    """The reason given for a name with a lone surrogate (see :func:`has_lone_surrogate`)."""
    return message(
        _CTX,
        QT_TRANSLATE_NOOP(
            "FilesNames",
            "the name contains bytes that are not valid text (UTF-8); rename it on this "
            "computer first",
        ),
    )


def unsafe_reason(name: str, windows: bool | None = None) -> Message | None:
    """Why ``name`` (one path component from the board) is unsafe locally, or None if it is fine.

    ``windows``: the rules of a Windows target (drive letters, reserved names, ``<>:"|?*``);
    by default those of this computer. On Linux and macOS ``a:b`` is an ordinary name."""
    if windows is None:
        windows = sys.platform.startswith("win")
    if name in ("", ".", ".."):
        return message(_CTX, QT_TRANSLATE_NOOP("FilesNames", "the name is empty, '.' or '..'"))
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        return message(
            _CTX, QT_TRANSLATE_NOOP("FilesNames", "the name contains control characters")
        )
    if has_lone_surrogate(name):
        return not_text_reason()
    # "C:x" is drive-relative only on Windows; elsewhere the colon is an ordinary character.
    if name.startswith(("/", "\\")) or (windows and _DRIVE.match(name)):
        return message(_CTX, QT_TRANSLATE_NOOP("FilesNames", "the name is an absolute path"))
    if "/" in name or "\\" in name:
        return message(_CTX, QT_TRANSLATE_NOOP("FilesNames", "the name contains a path separator"))
    if windows:
        if any(ch in _WINDOWS_BAD for ch in name) or name.endswith((" ", ".")):
            return message(
                _CTX, QT_TRANSLATE_NOOP("FilesNames", "the name is not allowed on this computer")
            )
        if name.split(".")[0].upper() in _WINDOWS_RESERVED:
            return message(
                _CTX, QT_TRANSLATE_NOOP("FilesNames", "the name is reserved on this computer")
            )
    return None


def local_target(root: Path, parts: list[str], windows: bool | None = None) -> Path:
    """The local path for board names ``parts`` below the chosen folder ``root``.

    Raises :class:`UnsafeName` for a name that is unsafe on its own, and also when the joined
    path would (through a symbolic link in ``root``) resolve outside ``root``.
    """
    for part in parts:
        reason = unsafe_reason(part, windows)
        if reason is not None:
            raise UnsafeName(part, reason)
    base = Path(os.path.realpath(root))
    target = base.joinpath(*parts)
    resolved = Path(os.path.realpath(target))
    if resolved != base and base not in resolved.parents:
        raise UnsafeName(
            "/".join(parts),
            message(
                _CTX, QT_TRANSLATE_NOOP("FilesNames", "the path leads outside the chosen folder")
            ),
        )
    return target


def valid_new_board_name(name: str) -> Message | None:
    """Why ``name`` (typed by the user for a new file, folder or rename) can't be used, or None."""
    if not name.strip():
        return message(_CTX, QT_TRANSLATE_NOOP("FilesNames", "Please type a name."))
    if name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        return message(
            _CTX, QT_TRANSLATE_NOOP("FilesNames", "A name can't be '.' or '..' or contain / or \\.")
        )
    if any(ord(ch) < 0x20 for ch in name):
        return message(
            _CTX, QT_TRANSLATE_NOOP("FilesNames", "A name can't contain control characters.")
        )
    if has_lone_surrogate(name):
        return message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "FilesNames", "A name can't contain characters that are not valid text (UTF-8)."
            ),
        )
    return None
