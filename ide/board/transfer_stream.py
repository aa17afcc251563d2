"""Stream uploads: many files through one helper call, each chunk deflate-compressed where the
board has MicroPython's ``deflate`` module and compression pays (ide.board.helpers_stream has
the board side and the byte protocol).

Why: at 115200 baud the wire is the limit, and Python source shrinks about 3x under zlib; and
a folder of small files costs a round trip and a helper start per file when sent one by one.
Here every file still goes to a temporary file beside its target, is verified (sha256 of the
file as written, else its size) and renamed over the target on its own, so a cut leaves each
file old or new. Incompressible chunks (random data, .mpy, images) go raw: never slower.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ide.board import helpers_stream
from ide.board.errors import Cancelled, RemoteError, VerifyFailed
from ide.board.link import LinkTimeout
from ide.board.repl import MAX_CHUNK, RawRepl
from ide.board.transfer import _raise_early_end, _raise_remote, _temp_name
from ide.board.types import BoardInfo

Progress = Callable[[int, int], Any]

ACK, DONE, NAK = 0x06, 0x07, 0x15
RAW, ZLIB, FILE, END = 0x10, 0x11, 0x12, 0x13  # never Ctrl-A..D: see helpers_stream
SEGMENT = 16384  # raw bytes compressed as one zlib stream (the board streams them out)
WBITS = 12  # a 4 kB window: the board allocates 2**WBITS bytes per compressed frame
MIN_GAIN = 0.92  # send compressed only when it saves at least 8 % of the chunk's bytes
MIN_COMPRESS = 128  # smaller pieces never pay for the zlib header and trailer


def payload_limit(chunk: int) -> int:
    """Largest frame payload for a link whose acknowledged chunk is ``chunk`` bytes: the frame
    header is 3 bytes, and recovery's MAX_CHUNK + 2 zeros must finish any frame in flight."""
    return max(40, min(chunk, MAX_CHUNK) - 3)


def _frame(kind: int, body: bytes) -> bytes:
    return struct.pack("<BH", kind, len(body)) + body


def _compressed(seg: bytes, limit: int) -> Iterator[tuple[bytes, int]]:
    """Frames for ``seg``: zlib frames where they save bytes (halving the piece until its
    compressed form fits one frame), raw frames elsewhere."""
    if len(seg) >= MIN_COMPRESS:
        packed = zlib.compress(seg, 9, WBITS)
        if len(packed) <= limit and len(packed) <= len(seg) * MIN_GAIN:
            yield _frame(ZLIB, packed), len(seg)
            return
        if len(packed) > limit and len(packed) <= len(seg) * MIN_GAIN:
            half = len(seg) // 2  # compressible but too big for one frame
            yield from _compressed(seg[:half], limit)
            yield from _compressed(seg[half:], limit)
            return
    for i in range(0, len(seg), limit):
        yield _frame(RAW, seg[i : i + limit]), len(seg[i : i + limit])


def file_frames(
    path: str, data: bytes, limit: int, sha: bool, compress: bool
) -> list[tuple[bytes, int]]:
    """All frames of one file, each with the file bytes it carries: its header, then data."""
    digest = hashlib.sha256(data).digest() if sha else b""
    head = struct.pack("<IB", len(data), 1 if sha else 0) + digest + path.encode("utf-8")
    if len(head) > limit:
        raise RemoteError(f"OSError: path too long: {path!r}")
    frames = [(_frame(FILE, head), 0)]
    if compress:
        for i in range(0, len(data), SEGMENT):
            frames += _compressed(data[i : i + SEGMENT], limit)
    else:
        for i in range(0, len(data), limit):
            part = data[i : i + limit]
            frames.append((_frame(RAW, part), len(part)))
    return frames


def has_deflate(s: RawRepl) -> bool:
    """Whether the board can decompress (asked once per connection, kept on the RawRepl)."""
    known = getattr(s, "_hotaru_deflate", None)
    if known is None:
        known = s.exec(helpers_stream.HAS_DEFLATE).strip() == "True"
        s._hotaru_deflate = known  # type: ignore[attr-defined]
    return bool(known)


def _start(s: RawRepl, limit: int) -> None:
    """Start the stream helper; when the board does not have it (after connecting, a reset, or
    a program that removed it from sys.modules) the call fails with ImportError before doing
    anything, so it is installed and the call repeated."""
    code = helpers_stream.CALL_STREAM.format(repr(limit)).encode()
    s.send_code(code)
    first = s.link.read_exact(1, s.timeout)
    if first != b"\x04":  # the helper runs: its first output byte is not the end of stdout
        s.link.unread(first)
        return
    err = s.link.read_until(b"\x04", s.timeout, idle=True)[:-1]
    s.link.read_exact(1, s.timeout)
    text = err.decode("utf-8", "replace")
    if "_hotaru_s" not in text or "ImportError" not in text:
        raise RemoteError(text)
    s.exec(helpers_stream.STREAM)
    s.send_code(code)


def upload_files(
    s: RawRepl,
    info: BoardInfo,
    files: Sequence[tuple[str, bytes]],
    chunk: int,
    progress: Progress | None = None,
    compress: bool | None = None,
) -> None:
    """Write every (path, data) of ``files`` through one helper call; ``chunk`` as for
    transfer.upload_chunk. ``compress``: None decides from the board (deflate present).
    Files are committed in order; on a failure the files before it are written, the failing
    one and those after it are as they were, and the error is raised."""
    if not files:
        return
    limit = payload_limit(chunk)
    if compress is None:
        compress = has_deflate(s)
    frames: list[tuple[bytes, int, int]] = []  # (frame, file index, raw bytes it carries)
    total = sum(len(d) for _p, d in files)
    for index, (path, data) in enumerate(files):
        fs = file_frames(path, data, limit, info.has_hashlib, compress)
        frames += [(f, index, n) for f, n in fs]
    link = s.link
    _start(s, limit)
    s.upload_started(_temp_name(files[0][0]), limit + 3)
    got = b""
    while b"RDY" not in got:
        more = link.read_some(s.timeout)
        if not more:
            raise LinkTimeout(got, "RDY")
        got += more
        if b"\x04" in got and b"RDY" not in got:
            s.upload_ended()
            _raise_early_end(s, got)
    link.unread(got[got.index(b"RDY") + 3 :])
    frames.append((bytes([END]), len(files), 0))
    sent = acked = committed = 0
    done_bytes = 0
    cancel = failed = nak = False
    if progress is not None and progress(0, total) is False:
        cancel = True
    while acked < len(frames) and not cancel and not failed:
        while sent < len(frames) and sent - acked < 2:
            frame, index, _n = frames[sent]
            if frame[0] == FILE:
                s.upload_started(_temp_name(files[index][0]), limit + 3)
            link.write(frame)
            sent += 1
        got = link.read_some(s.timeout)
        if not got:
            raise LinkTimeout(b"", "upload acknowledgement")
        for i, b in enumerate(got):
            if b == ACK:
                done_bytes += frames[acked][2]
                acked += 1
                if progress is not None:
                    try:
                        if progress(done_bytes, total) is False:
                            cancel = True
                    except Cancelled:
                        cancel = True
            elif b == DONE:
                committed += 1
            elif b == NAK:
                failed = nak = True
                link.unread(got[i + 1 :])
                break
            else:  # the helper ended early: its output frame follows
                link.unread(got[i:])
                failed = True
                s.invalidate()
                break
    if (cancel and sent < len(frames)) or nak:
        link.write(b"\x00")
    out, err = s.finish_exec()
    s.upload_ended()
    if err:
        path = files[min(committed, len(files) - 1)][0]
        try:
            _raise_remote(err)
        except RemoteError as e:
            e.path = path  # type: ignore[attr-defined]
            raise
    if b"ABORTED" in out:
        raise Cancelled()
    if b"OK" not in out or committed != len(files):
        raise VerifyFailed(detail=f"helper said {out[-40:]!r} after {committed} files")
