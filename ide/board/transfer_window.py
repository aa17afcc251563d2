"""The sending half of both fast uploads (ide.board.transfer's one-file helper and
ide.board.transfer_stream's stream): frames out, acknowledgements in, with a limit on the bytes
sent but not yet acknowledged.

The limit (:class:`Window`) is what keeps a board's input buffer from overflowing, and it is
also what keeps the link busy: while the board reads one frame, the next ones must already be
on their way.

- Over a UART (a USB-serial bridge, or a port we know nothing about) nothing stops bytes that
  arrive at a full input buffer from being dropped, silently: the limit is fixed at twice the
  raw-paste window the board announced (MicroPython announces half of its stdin buffer as that
  window; an ESP32's stdin ring holds 259 bytes, its raw-paste window is 128). Growing it "while
  acknowledgements keep up" would be a guess that fails without warning the first time the
  board is slower (a flash erase), so it never grows there.
- Over a link with flow control of its own (native USB CDC, whose host stalls instead of
  overrunning; the simulator; TCP), nothing is lost when the board is slow, so the limit starts
  at two frames and, once two windows are acknowledged, grows with the rate the
  acknowledgements show: it holds what the link moves in HORIZON seconds, up to CEILING. A
  fast link (a board that takes megabytes a second) then never waits for an acknowledgement's
  round trip; a slow one (a 115200-baud line, a Pico whose USB input takes 15 kB/s) keeps two
  frames, so a cancel or a cut still has little in flight.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ide.board.errors import Cancelled
from ide.board.link import LinkTimeout
from ide.board.repl import MAX_CHUNK, RawRepl

Progress = Callable[[int, int], Any]

ACK, DONE, NAK = 0x06, 0x07, 0x15
HORIZON = 0.02  # seconds of the link's observed rate kept in flight on a flow-controlled link
CEILING = 16 * MAX_CHUNK  # bytes in flight at most (a fast link needs no more to stay busy)


class Window:
    """How many bytes may be sent but not yet acknowledged."""

    def __init__(self, floor: int, ceiling: int) -> None:
        self.size = self.floor = floor
        self.ceiling = max(floor, ceiling)
        self._start = 0.0
        self._acked = 0

    @classmethod
    def for_link(cls, s: RawRepl, flow_controlled: bool, frame: int) -> Window:
        """``frame``: the largest frame (header included) the upload sends."""
        if flow_controlled:
            return cls(2 * frame, CEILING)
        return cls(2 * s.window, 2 * s.window)  # the board's input buffer: never more

    def started(self) -> None:
        self._start = time.monotonic()

    def acknowledged(self, nbytes: int) -> None:
        """``nbytes`` (a whole frame) reached the board: grow with the rate seen so far."""
        self._acked += nbytes
        if self.ceiling == self.floor or self._acked < 2 * self.floor:
            # (the rate is trusted after two windows: the first acknowledgements' timing says
            # more about the helper's start than the link; and an upload that fits in two
            # windows keeps the cancel granularity it always had)
            return
        elapsed = time.monotonic() - self._start
        if elapsed > 0:
            want = int(self._acked / elapsed * HORIZON)
            self.size = min(self.ceiling, max(self.floor, want, self.size))


@dataclass
class Sent:
    """How sending ended (see :func:`send_frames`)."""

    complete: bool = False  # every frame went out and was acknowledged
    cancelled: bool = False  # progress asked to stop
    refused: bool = False  # the board said NAK: it drops frames up to our abort byte
    ended: bool = False  # the helper ended early (its output frame follows)
    committed: int = 0  # files the board verified and put in place (stream uploads)

    @property
    def abort_owed(self) -> bool:
        """The helper still waits for frames: it must be sent the abort byte (0)."""
        return self.refused or (self.cancelled and not self.complete)


def asks_to_stop(progress: Progress | None, done: int, total: int) -> bool:
    """Call ``progress``; True when it asks to cancel (returns False or raises Cancelled)."""
    if progress is None:
        return False
    try:
        return progress(done, total) is False
    except Cancelled:
        return True


def send_frames(
    s: RawRepl,
    frames: Iterator[tuple[bytes, int]],
    window: Window,
    total: int,
    progress: Progress | None,
    sending: Callable[[bytes], None] | None = None,
    quiet: Callable[[bytes], bytes | None] | None = None,
) -> Sent:
    """Send ``frames`` ((bytes, file bytes it carries); built lazily, so the host compresses
    while the board reads) and take the board's acknowledgements, keeping at most
    ``window.size`` bytes unacknowledged. Returns after the last acknowledgement (what follows,
    the helper's output, stays on the link), at a cancel while frames were left to send, a NAK
    or the helper's early end; it sends no abort byte (see Sent.abort_owed). A cancel after the
    last frame went out lets the upload finish: the board completes it anyway.
    ``sending`` is called with each frame just before it is written (frames that fit the
    window together go in one write). ``quiet`` gives a frame's form the board does not
    acknowledge (None: it has none); then, once the window is large, only about every quarter
    window's last frame and each write's last frame ask for an acknowledgement, which stands
    for every frame before it."""
    link = s.link
    result = Sent()
    # (frame length, file bytes, acknowledged by the board) of the frames not acknowledged
    in_flight: deque[tuple[int, int, bool]] = deque()
    flying = done = 0
    quiet_run = 0  # bytes sent since the last frame that asks for an acknowledgement
    pending = next(frames, None)
    result.cancelled = asks_to_stop(progress, 0, total)
    window.started()
    while True:
        if result.cancelled and pending is not None:
            return result  # frames are left: the caller aborts
        # Always one frame in flight, more while the window has room for them; those that go
        # now go in one write (each write costs every hop of the link a wake-up, and on the
        # simulator the CPU they take is the board's).
        batch: list[bytes] = []
        while pending is not None and (not in_flight or flying + len(pending[0]) <= window.size):
            frame, carried = pending
            pending = next(frames, None)
            last = pending is None or flying + len(frame) + len(pending[0]) > window.size
            # (an acknowledgement per quarter window at least, and for this write's last frame,
            # so one always comes back for everything sent)
            hushed = None if last or quiet is None else quiet(frame)
            if hushed is not None and quiet_run + len(frame) < window.size // 4:
                frame = hushed
                quiet_run += len(frame)
            else:
                quiet_run = 0
                hushed = None
            if sending is not None:
                sending(frame)
            batch.append(frame)
            in_flight.append((len(frame), carried, hushed is None))
            flying += len(frame)
        if batch:
            link.write(b"".join(batch))
        if not in_flight:
            result.complete = True
            return result
        got = link.read_some(s.timeout)
        if not got:
            raise LinkTimeout(b"", "upload acknowledgement")
        for i, b in enumerate(got):
            if b == ACK:
                acknowledged = False  # the frames up to the first one the board acknowledges
                while not acknowledged:
                    length, carried, acknowledged = in_flight.popleft()
                    flying -= length
                    done += carried
                    window.acknowledged(length)
                if not result.cancelled:
                    result.cancelled = asks_to_stop(progress, done, total)
                if (result.cancelled and pending is not None) or not in_flight:
                    # The bytes after this one are more acknowledgements (a cancel) or the
                    # helper's output (the last frame): the caller's to read.
                    link.unread(got[i + 1 :])
                    break
            elif b == DONE:
                result.committed += 1
            elif b == NAK:
                link.unread(got[i + 1 :])
                result.refused = True
                return result
            else:  # the helper ended early: its output frame follows
                link.unread(got[i:])
                result.ended = True
                s.invalidate()  # frames in flight may have reached the raw REPL
                return result
