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
from ide.board.transfer import _raise_early_end, _raise_remote, _temp_name, call_helper
from ide.board.transfer_window import Window, send_frames
from ide.board.types import BoardInfo

Progress = Callable[[int, int], Any]

RAW, ZLIB, FILE, END, FULL = 0x10, 0x11, 0x12, 0x13, 0x14  # never Ctrl-A..D: see helpers_stream
FULL_QUIET = 0x16  # a FULL frame the board does not acknowledge (transfer_window.send_frames)
SEGMENT = 16384  # raw bytes compressed as one zlib stream (the board streams them out)
WBITS = 12  # a 4 kB window: the board allocates 2**WBITS bytes per compressed frame
MIN_GAIN = 0.92  # send compressed only when it saves at least 8 % of the chunk's bytes
MIN_COMPRESS = 128  # smaller pieces never pay for the zlib header and trailer
SAMPLE = 512  # bytes of each of a segment's three samples (see _promising)
SAMPLE_GAIN = 0.97  # samples that shrink less than this: the segment is not worth compressing


def payload_limit(chunk: int) -> int:
    """Largest payload of a frame with a length (raw or zlib) for a link whose acknowledged
    chunk is ``chunk`` bytes: the frame header is 3 bytes, and recovery's MAX_CHUNK + 2 zeros
    must finish any frame in flight. A full raw frame (FULL, no length) carries 2 bytes more."""
    return max(40, min(chunk, MAX_CHUNK) - 3)


def _frame(kind: int, body: bytes | memoryview) -> bytes:
    return struct.pack("<BH", kind, len(body)) + body


def _promising(seg: memoryview) -> bool:
    """Whether compressing ``seg`` may pay: three small samples (start, middle, end) compressed
    fast. Random bytes, .mpy and images say no at once, so their 16 kB segments are never run
    through the slow, thorough compression the decision would otherwise need."""
    n = len(seg)
    if n <= 3 * SAMPLE:
        return True
    # one compress call for the three (each call costs a compressor's set-up, ~50 us)
    picks = b"".join((seg[:SAMPLE], seg[(n - SAMPLE) // 2 : (n + SAMPLE) // 2], seg[n - SAMPLE :]))
    return len(zlib.compress(picks, 1, WBITS)) <= len(picks) * SAMPLE_GAIN


def _pieces(seg: memoryview, start: int, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(start, end, zlib stream) for the parts of ``seg`` (at ``start`` of the file) that are
    worth sending compressed, halving a piece until its compressed form fits one frame;
    (start, end, None) for the rest."""
    end = start + len(seg)
    if len(seg) >= MIN_COMPRESS:
        packed = zlib.compress(seg, 9, WBITS)
        if len(packed) <= len(seg) * MIN_GAIN:
            if len(packed) <= limit:
                yield start, end, packed
                return
            half = len(seg) // 2  # compressible but too big for one frame
            yield from _pieces(seg[:half], start, limit)
            yield from _pieces(seg[half:], start + half, limit)
            return
    yield start, end, None


def data_frames(data: bytes, limit: int, compress: bool) -> Iterator[tuple[bytes, int]]:
    """The frames of a file's bytes, each with the file bytes it carries: zlib frames where
    compression pays (decided per 16 kB segment), raw bytes elsewhere, packed into full frames
    (one header byte) across segment boundaries, so incompressible data costs 1 byte a frame."""
    view = memoryview(data)
    full = limit + 2
    raw = 0  # start of the raw bytes not yet framed
    for seg_start in range(0, len(data), SEGMENT):
        seg = view[seg_start : seg_start + SEGMENT]
        if compress and _promising(seg):
            pieces = list(_pieces(seg, seg_start, limit))
        else:
            pieces = [(seg_start, seg_start + len(seg), None)]
        for start, end, packed in pieces:
            if packed is None:
                while end - raw >= full:
                    yield bytes([FULL]) + view[raw : raw + full], full
                    raw += full
                continue
            if raw < start:
                yield _frame(RAW, view[raw:start]), start - raw
            yield _frame(ZLIB, packed), end - start
            raw = end
    if raw < len(data):
        yield _frame(RAW, view[raw:]), len(data) - raw


def _header(path: str, data: bytes, limit: int, sha: bool) -> bytes:
    digest = hashlib.sha256(data).digest() if sha else b""
    head = struct.pack("<IB", len(data), 1 if sha else 0) + digest + path.encode("utf-8")
    if len(head) > limit:
        raise RemoteError(f"OSError: path too long: {path!r}")
    return _frame(FILE, head)


def file_frames(
    path: str, data: bytes, limit: int, sha: bool, compress: bool
) -> list[tuple[bytes, int]]:
    """All frames of one file, each with the file bytes it carries: its header, then data."""
    frames = [(_header(path, data, limit, sha), 0)]
    return frames + list(data_frames(data, limit, compress))


def has_deflate(s: RawRepl) -> bool:
    """Whether the board can decompress (asked once per connection, kept on the RawRepl)."""
    if s.deflate is None:
        s.deflate = s.exec(helpers_stream.HAS_DEFLATE).strip() == "True"
    return s.deflate


def _stream_frames(
    files: Sequence[tuple[str, bytes]], limit: int, sha: bool, compress: bool
) -> Iterator[tuple[bytes, int]]:
    """Every file's frames, then the end frame; built as they are sent."""
    for path, data in files:
        yield _header(path, data, limit, sha), 0
        yield from data_frames(data, limit, compress)
    yield bytes([END]), 0


def upload_files(
    s: RawRepl,
    info: BoardInfo,
    files: Sequence[tuple[str, bytes]],
    chunk: int,
    progress: Progress | None = None,
    compress: bool | None = None,
    flow_controlled: bool = False,
) -> None:
    """Write every (path, data) of ``files`` through one helper call; ``chunk`` as for
    transfer.upload_chunk, ``flow_controlled``: the link paces itself (the window may grow, see
    ide.board.transfer_window). ``compress``: None decides from the board (deflate present).
    Files are committed in order; on a failure the files before it are written, the failing
    one and those after it are as they were, and the error is raised."""
    if not files:
        return
    limit = payload_limit(chunk)
    if compress is None:
        compress = has_deflate(s)
    for path, _data in files:  # refused before anything is sent (as _header would)
        if 5 + 32 * info.has_hashlib + len(path.encode("utf-8")) > limit:
            raise RemoteError(f"OSError: path too long: {path!r}")
    total = sum(len(d) for _p, d in files)
    link = s.link
    code = helpers_stream.CALL_STREAM.format(repr(limit + 2))
    if call_helper(s, code, helpers_stream.STREAM, "_hotaru_s1", s.stream_installed):
        s.stream_installed = True
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
    frames = _stream_frames(files, limit, info.has_hashlib, compress)
    window = Window.for_link(s, flow_controlled, limit + 3)
    starting = iter(files)

    def sending(frame: bytes) -> None:
        if frame[0] == FILE:  # a cut from now on leaves this file's temporary file
            s.upload_started(_temp_name(next(starting)[0]), limit + 3)

    def quiet(frame: bytes) -> bytes | None:
        return bytes([FULL_QUIET]) + frame[1:] if frame[0] == FULL else None

    sent = send_frames(s, frames, window, total, progress, sending, quiet)
    if sent.abort_owed:
        link.write(b"\x00")
    out, err = s.finish_exec()
    s.upload_ended()
    if err:
        path = files[min(sent.committed, len(files) - 1)][0]
        try:
            _raise_remote(err)
        except RemoteError as e:
            e.path = path  # type: ignore[attr-defined]
            raise
    if b"ABORTED" in out:
        raise Cancelled()
    if b"OK" not in out or sent.committed != len(files):
        raise VerifyFailed(detail=f"helper said {out[-40:]!r} after {sent.committed} files")
