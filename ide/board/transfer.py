"""File transfer between the host and the board, called by ide.board.files inside an operation
(the board sits at the raw REPL prompt). It speaks through the public face of the raw-REPL
protocol object (ide.board.repl.RawRepl) and nothing else of the session.

Fast path (the board has sys.stdin.buffer, sys.stdout.buffer and micropython.kbd_intr): raw
bytes, no escaping, see ide.board.helpers for the byte protocol. Uploads are flow controlled with
acknowledged chunks (ide.board.transfer_window: over a UART at most the board's input buffer,
twice the raw-paste window it announces, is in flight). Downloads are length-framed raw bytes.

Portable path (any MicroPython): uploads as bytes literals through raw-paste, downloads as base64
lines. Both paths write to a temporary file beside the target, verify it (sha256 where the board
has hashlib, else its size) and only then rename it over the target.
"""

from __future__ import annotations

import ast
import base64
import binascii
import hashlib
import re
from collections.abc import Callable
from typing import Any, NoReturn

from ide.board import helpers
from ide.board.errors import Cancelled, RemoteError, Timeout, VerifyFailed
from ide.board.link import LinkTimeout
from ide.board.repl import MAX_CHUNK, RawRepl
from ide.board.transfer_window import Window, asks_to_stop, send_frames
from ide.board.types import BoardInfo

Progress = Callable[[int, int], Any]

DOWNLOAD_CHUNK = 2048  # board-side read size
PORTABLE_UP = 1024  # data bytes per _hf.write() in the portable path
PORTABLE_EXEC = 4096  # data bytes per raw-paste exec in the portable path


# The end of the download helper's output: digest line, end of output and error frames, raw
# prompt.
_HELPER_TAIL = re.compile(rb"\n(?:[0-9a-f]{64}|-|!)\n\x04\x04>\Z")


def _temp_name(path: str) -> str:
    head, sep, tail = path.rpartition("/")
    return head + sep + "." + tail + ".hotaru-part"


def _sha(info: BoardInfo, data: bytes) -> bytes | None:
    return hashlib.sha256(data).digest() if info.has_hashlib else None


def _raise_remote(err: bytes) -> NoReturn:
    text = err.decode("utf-8", "replace")
    if "hotaru: hash mismatch" in text or "hotaru: size mismatch" in text:
        raise VerifyFailed(detail=text.strip().splitlines()[-1])
    raise RemoteError(text)


def _raise_early_end(s: RawRepl, got: bytes) -> NoReturn:
    """A fast helper ended before its protocol began (e.g. no such file or folder): its output
    frame starts at the first end-of-stdout byte in ``got``."""
    s.link.unread(got[got.index(b"\x04") :])
    _out, err = s.finish_exec()
    _raise_remote(err)


def upload_chunk(s: RawRepl, flow_controlled: bool) -> int:
    """Data bytes per acknowledged chunk.

    Over a UART (a USB-serial bridge, or a port we know nothing about) bytes beyond the board's
    input buffer are lost, so two chunks with their header byte must fit it: MicroPython
    announces half of that buffer as its raw-paste window. A link with flow control of its own
    (native USB CDC, whose host stalls instead of overrunning, or the simulator's pty) takes
    MAX_CHUNK."""
    if flow_controlled:
        return MAX_CHUNK
    # Two chunks with their header byte must fit the smallest such buffer, not just twice the
    # window: an ESP8266's stdin ring is 256 bytes and holds 255 (a ring keeps one slot free;
    # an ESP32's 260 hold 259), and the board acknowledges a chunk before writing it, so while
    # it writes, two whole frames can wait in the ring. (The stream's frames, 3 bytes more
    # than payload_limit(chunk), stay within that too.)
    return min(MAX_CHUNK, max(32, s.window - 2))


def call_helper(s: RawRepl, code: str, install: str, module: str, installed: bool = True) -> bool:
    """Start a board-side helper with its one-line ``code``, which imports ``module``. The
    helpers live on the board between transfers (in sys.modules, not in the user's globals);
    ``install`` (their source) is run first when they are known to be missing (``installed``
    False: after connecting or a reset), or when the call fails with ImportError before doing
    anything (a program removed them), and the call is repeated. True when it installed them."""
    call = code.encode()
    if installed:
        s.send_code(call)
        first = s.link.read_exact(1, s.timeout)
        if first != b"\x04":  # the helper runs: its first output byte is not the end of stdout
            s.link.unread(first)
            return False
        err = s.link.read_until(b"\x04", s.timeout, idle=True)[:-1]
        s.link.read_exact(1, s.timeout)
        text = err.decode("utf-8", "replace")
        if module not in text or ("ImportError" not in text and "AttributeError" not in text):
            raise RemoteError(text)
    s.exec(install)
    s.send_code(call)
    return True


def _start_helper(s: RawRepl, template: str, *args: object) -> None:
    """Start one of helpers.INSTALL's transfer helpers (``template`` filled with ``args``)."""
    code = helpers.call(template, *args)
    if call_helper(s, code, helpers.INSTALL, "_hotaru", s.helpers_installed):
        s.helpers_installed = True


def upload_fast(
    s: RawRepl,
    info: BoardInfo,
    path: str,
    data: bytes,
    chunk: int,
    progress: Progress | None,
    flow_controlled: bool = False,
) -> None:
    """``chunk``: data bytes per acknowledged chunk (:func:`upload_chunk`); ``flow_controlled``:
    the link paces itself (the window may grow, see ide.board.transfer_window)."""
    link = s.link
    n = len(data)
    temp = _temp_name(path)
    _start_helper(s, helpers.CALL_UPLOAD, path, temp, n, chunk, _sha(info, data))
    s.upload_started(temp, chunk)
    # Wait for RDY (or an early error frame, e.g. the folder does not exist).
    got = b""
    while b"RDY" not in got:
        more = link.read_some(s.timeout)
        if not more:
            raise LinkTimeout(got, "RDY")
        got += more
        if got.startswith(b"\x04") or (b"\x04" in got and b"RDY" not in got):
            s.upload_ended()
            _raise_early_end(s, got)
    link.unread(got[got.index(b"RDY") + 3 :])
    view = memoryview(data)
    # each chunk behind its header byte (\x01); the board reads exactly min(chunk, rest) after it
    frames = ((b"\x01" + view[i : i + chunk], len(view[i : i + chunk])) for i in range(0, n, chunk))
    window = Window.for_link(s, flow_controlled, chunk + 1)
    sent = send_frames(s, frames, window, n, progress)
    if sent.abort_owed:
        link.write(b"\x00")
    out, err = s.finish_exec()
    s.upload_ended()
    if err:
        _raise_remote(err)
    if b"ABORTED" in out:
        raise Cancelled()
    if b"OK" not in out:
        raise VerifyFailed(detail=f"helper said {out[-40:]!r}")
    # (cancelled after the last chunk had gone: the file is complete and in place)


def download_fast(s: RawRepl, info: BoardInfo, path: str, progress: Progress | None) -> bytes:
    link = s.link
    diverted = link.diverted  # before the helper starts: the reader may sieve all at once
    _start_helper(s, helpers.CALL_DOWNLOAD, path, DOWNLOAD_CHUNK)
    head = link.read_until(b"\n", s.timeout, max_bytes=4096)
    if b"\x04" in head:
        _raise_early_end(s, head)
    try:
        n = int(head.strip())
    except ValueError as e:
        raise Timeout(detail=f"bad length header {head!r}") from e
    buf = bytearray()
    if asks_to_stop(progress, 0, n):
        _cancel_download(s)
    while len(buf) < n:
        more = link.read_some(s.timeout)
        if not more:
            raise LinkTimeout(buf[-80:], f"{n} bytes")
        want = n - len(buf)
        buf += more[:want]
        if len(more) > want:
            link.unread(more[want:])
        if len(buf) < n and link.diverted != diverted and _HELPER_TAIL.search(bytes(buf[-80:])):
            # A log-shaped line was taken out of the stream and it was the file's own: the
            # frame came up short and the helper's tail (digest, end of frames, raw prompt) is
            # here. The board sits at the raw prompt: fail the check now (read_file retries
            # with the sieve off), not after a timeout.
            raise VerifyFailed(detail="download frame short (a log-shaped line of the file)")
        if asks_to_stop(progress, len(buf), n):
            _cancel_download(s)
    link.read_until(b"\n", s.timeout, max_bytes=8)
    digest = link.read_until(b"\n", s.timeout, max_bytes=80).strip()
    out, err = s.finish_exec()
    if err:
        _raise_remote(err)
    data = bytes(buf)
    # "-": the board has no hashlib (the length framing is all there is); "!": the file got
    # shorter while it was read and was padded, which must never pass as verified.
    if digest != b"-" and digest != hashlib.sha256(data).hexdigest().encode():
        raise VerifyFailed(
            detail="sha256 mismatch on download",
        )
    return data


def _cancel_download(s: RawRepl) -> NoReturn:
    s.link.write(b"\x03")  # Ctrl-C stays enabled during downloads
    s.link.wait_quiet(0.2, 5.0)
    s.resync()
    raise Cancelled()


def download_portable(s: RawRepl, path: str, progress: Progress | None) -> bytes:
    lines: list[bytes] = []
    total = [0, 0]  # expected size, bytes so far (estimated)
    pending = bytearray()
    cancel = [False]

    def feed(chunk: bytes) -> None:
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            line = line.strip()
            if not lines and not total[0] and line.isdigit():
                total[0] = int(line)
                lines.append(line)
                continue
            lines.append(line)
            total[1] += len(line) * 3 // 4
            if asks_to_stop(progress, min(total[1], total[0]), total[0]):
                cancel[0] = True

    s.send_code(helpers.call(helpers.DOWNLOAD_PORTABLE, path, 768).encode())
    s.link.read_until(b"\x04", s.timeout, idle=True, on_data=feed)
    err = s.link.read_until(b"\x04", s.timeout, idle=True)[:-1]
    s.link.read_exact(1, s.timeout)
    if err:
        _raise_remote(err)
    if cancel[0]:
        raise Cancelled()
    if pending.strip():
        lines.append(bytes(pending).strip())
    if not lines or lines[-1] != b".":
        raise VerifyFailed(detail="download ended early")
    # Garbled lines (line noise, a program printing meanwhile) fail verification, never
    # escape as ValueError/SyntaxError from the parsing below.
    try:
        n = int(lines[0])
        body = bytearray()
        for line in lines[1:-1]:
            if line.startswith((b"b'", b'b"')):
                body += ast.literal_eval(line.decode("utf-8"))
            else:
                body += base64.b64decode(line)
    except (ValueError, SyntaxError, TypeError, UnicodeDecodeError, binascii.Error) as e:
        raise VerifyFailed(detail="garbled download") from e
    if len(body) != n:
        raise VerifyFailed(detail=f"got {len(body)} of {n} bytes")
    return bytes(body)


def upload_portable(
    s: RawRepl, info: BoardInfo, path: str, data: bytes, progress: Progress | None
) -> None:
    temp = _temp_name(path)
    s.exec(helpers.call(helpers.UPLOAD_PORTABLE_OPEN, temp))
    s.upload_started(temp, 0)
    n = len(data)
    try:
        done = 0
        if asks_to_stop(progress, 0, n):
            raise Cancelled()
        while done < n:
            part = data[done : done + PORTABLE_EXEC]
            code = "".join(
                helpers.call(helpers.UPLOAD_PORTABLE_CHUNK, part[i : i + PORTABLE_UP])
                for i in range(0, len(part), PORTABLE_UP)
            )
            s.exec(code)
            done += len(part)
            if asks_to_stop(progress, done, n):
                raise Cancelled()
        try:
            s.exec(helpers.call(helpers.UPLOAD_PORTABLE_FINISH, path, temp, n, _sha(info, data)))
        except RemoteError as e:
            s.upload_ended()
            _raise_remote(e.traceback.encode())
        s.upload_ended()
    except (Cancelled, RemoteError, VerifyFailed):
        if s.upload_cut:
            s.exec(helpers.call(helpers.UPLOAD_ABORT, temp))
            s.upload_ended()
        raise
