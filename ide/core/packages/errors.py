"""Errors raised by ide.core.packages; each carries a translatable Message for the UI."""

from __future__ import annotations

from typing import Any

from ide.text import Message, message

CONTEXT = "Packages"


def pkg_message(source: str, **args: Any) -> Message:
    """A Message in the "Packages" context; ``source`` is QT_TRANSLATE_NOOP("Packages", ...)
    at the call site, where lupdate sees it."""
    return message(CONTEXT, source, **args)


class PackageError(Exception):
    """An install, search or uninstall stopped; ``message`` says why in a beginner's words.
    Nothing on the board was changed unless the subclass says otherwise."""

    def __init__(self, message: Message, detail: str = "") -> None:
        super().__init__(str(message) + (f" ({detail})" if detail else ""))
        self.message = message
        self.detail = detail


class NoNetwork(PackageError):
    """The index or a file could not be downloaded and no cached copy exists."""


class NotFound(PackageError):
    """No such package (or version, or file) in the index or at the URL."""


class HashMismatch(PackageError):
    """A downloaded file's SHA-256 does not start with the published short hash."""


class NoSpace(PackageError):
    """The board's filesystem has less free space than the files need."""


class BadPackage(PackageError):
    """A package.json or index that is not in the format mip reads, or an unsafe path."""


class Cancelled(PackageError):
    """The user pressed Cancel; the board's lib folder is as it was."""


class BoardFailed(PackageError):
    """The board refused or lost a step; the install was rolled back where the link allowed."""
