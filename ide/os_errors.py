"""OS and network errors in the user's language (Qt-free).

``str(OSError)`` is English ("[Errno 13] Permission denied: 'x'", "[Errno -2] Name or service
not known"); put inside a translated sentence it leaked English into Japanese and Chinese.
:func:`os_reason` maps the common cases (no network, a name not resolved, permission, not
found, busy, timed out) to a translated phrase; :func:`with_os_details` keeps the raw text
on a line of its own under the sentence, for whoever needs it. Other errors stay as they are.
"""

from __future__ import annotations

import errno
import socket
from typing import Any

from ide.text import QT_TRANSLATE_NOOP, Message

CTX = "OsError"

_NO_NETWORK = QT_TRANSLATE_NOOP("OsError", "no network connection")
_NO_NAME = QT_TRANSLATE_NOOP("OsError", "the server's name could not be found")
_PERMISSION = QT_TRANSLATE_NOOP("OsError", "permission denied")
_NOT_FOUND = QT_TRANSLATE_NOOP("OsError", "not found")
_BUSY = QT_TRANSLATE_NOOP("OsError", "in use by another program")
_TIMED_OUT = QT_TRANSLATE_NOOP("OsError", "no answer in time")
_IS_FOLDER = QT_TRANSLATE_NOOP("OsError", "it is a folder, not a file")
_DETAILS = QT_TRANSLATE_NOOP("OsError", "Details: {details}")

_BY_ERRNO = {
    errno.ENETUNREACH: _NO_NETWORK,
    errno.ENETDOWN: _NO_NETWORK,
    errno.EHOSTUNREACH: _NO_NETWORK,
    errno.ECONNREFUSED: _NO_NETWORK,
    errno.EACCES: _PERMISSION,
    errno.EPERM: _PERMISSION,
    errno.ENOENT: _NOT_FOUND,
    errno.EBUSY: _BUSY,
    errno.ETIMEDOUT: _TIMED_OUT,
    errno.EISDIR: _IS_FOLDER,
}
# getaddrinfo's own codes (negative on Linux, positive elsewhere): the name was not resolved
_NAME_CODES = {
    getattr(socket, name)
    for name in ("EAI_NONAME", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA")
    if hasattr(socket, name)
}


def _cause(exc: BaseException) -> BaseException:
    """urllib wraps the socket error: URLError.reason is the real one."""
    reason: Any = getattr(exc, "reason", None)
    return reason if isinstance(reason, BaseException) else exc


def _phrase(exc: BaseException) -> str | None:
    exc = _cause(exc)
    if isinstance(exc, socket.gaierror):  # its errno is a getaddrinfo code, not an errno
        return _NO_NAME if exc.errno in _NAME_CODES else None
    if isinstance(exc, TimeoutError):  # socket.timeout too
        return _TIMED_OUT
    if isinstance(exc, PermissionError):
        return _PERMISSION
    if isinstance(exc, FileNotFoundError):
        return _NOT_FOUND
    if isinstance(exc, IsADirectoryError):  # (Windows says EACCES for a folder)
        return _IS_FOLDER
    if isinstance(exc, OSError) and exc.errno is not None:
        return _BY_ERRNO.get(exc.errno)
    return None


def os_reason(exc: BaseException) -> Message | str:
    """A translatable phrase for a common OS/network failure, else the error's own text."""
    phrase = _phrase(exc)
    if phrase is None:
        return os_details(exc)
    return Message(CTX, phrase)


def os_details(exc: BaseException) -> str:
    """The raw text of the error (the OS's own words)."""
    cause = _cause(exc)
    return str(cause) or type(cause).__name__


def details_line(exc: BaseException) -> Message | None:
    """The line "Details: <raw text>" when :func:`os_reason` put a translated phrase in the
    raw text's place; None when the raw text is the reason itself."""
    if _phrase(exc) is None:
        return None
    return Message(CTX, _DETAILS, {"details": os_details(exc)})


def with_details(msg: Message, details: str) -> Message:
    """``msg`` with a "Details: ..." line under it carrying ``details`` (a tool's or the OS's
    own English words), or ``msg`` alone when there are none."""
    if not details:
        return msg
    line = Message(CTX, _DETAILS, {"details": details})
    # (only placeholders: nothing in this template to translate)
    return Message(CTX, "{message}\n{line}", {"message": msg, "line": line})


def with_os_details(msg: Message, exc: BaseException) -> Message:
    """``msg``, with the :func:`details_line` under it when there is one."""
    return msg if _phrase(exc) is None else with_details(msg, os_details(exc))
