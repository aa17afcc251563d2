"""The byte pipe to the board: a transport, the one reader thread, and a capture buffer.

The reader thread owns every read. What it reads goes either to the *capture buffer*, consumed by
the one operation in progress (raw REPL traffic, transfers), or, when nothing captures, to the
console callback (the friendly REPL's bytes). Writes go straight to the port under a lock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from ide.board.errors import Disconnected, Timeout
from ide.board.idflog import LogSieve
from ide.board.transports.base import Transport, TransportLost
from ide.text import QT_TRANSLATE_NOOP, Message, message

READ_POLL = 0.05  # seconds the reader blocks in one read() before looking at the stop flag
READ_SIZE = 1 << 16


class LinkTimeout(Timeout):
    """A wait on the capture buffer expired; ``received`` holds what did arrive meanwhile."""

    def __init__(self, received: bytes | bytearray, waited_for: str) -> None:
        super().__init__(detail=f"waiting for {waited_for}; got {bytes(received[-80:])!r}")
        self.received = bytes(received)


class Link:
    """Owns ``transport`` (ide.board.transports.base.Transport), which must be open."""

    def __init__(
        self,
        transport: Transport,
        on_console: Callable[[bytes], None],
        on_lost: Callable[[BaseException], None],
        *,
        capture: bool = False,
    ) -> None:
        self.transport = transport
        self._on_console = on_console
        self._on_lost = on_lost
        self._cond = threading.Condition()
        self._buf = bytearray()
        # Set before the reader starts: switched on after it, the first bytes (a fresh board's
        # boot banner) could reach the console before the protocol took over, and the banner
        # the session shows at connect would then follow that boot's ">>> ".
        self._capture = capture
        # ESP-IDF log lines are taken out of captured bytes and shown (idflog.py) while this is
        # True: the protocol phases. A running program's output goes to the console whole.
        self._divert = True
        self._sieve = LogSieve()
        self.diverted = 0  # log lines taken out of captured bytes so far (a counter)
        self._stop = False
        self._error: BaseException | None = None
        self._write_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="hotaru-board-reader", daemon=True)
        self._thread.start()

    @property
    def ser(self) -> Any:
        """The pyserial object under a serial transport (tests pull the cable through it)."""
        return getattr(self.transport, "ser", None)

    @property
    def lost(self) -> bool:
        """True once the medium failed (the session then fails every call at once)."""
        return self._error is not None

    # -- reader thread ------------------------------------------------------------------------
    def _run(self) -> None:
        transport = self.transport
        while not self._stop:
            try:
                # A transport that knows its medium is gone (the simulator's process ended, a
                # hang-up) says so through ``alive`` even when a read would just time out: this
                # check every READ_POLL seconds is what notices a dead board within a second.
                if not transport.alive:
                    said = QT_TRANSLATE_NOOP("BoardError", "the connection ended")
                    raise TransportLost("the connection ended", message=message("BoardError", said))
                data = transport.read(READ_SIZE, READ_POLL)
            except Exception as e:  # noqa: BLE001 - any failure of the medium ends the link
                if self.stopping():  # stop() closed the transport under the read: not a loss
                    return
                self._fail(e)
                return
            lines: list[bytes] = []
            with self._cond:
                if not data:
                    # A quiet moment: a held possible log line was data after all.
                    if self._sieve.holding:
                        self._buf += self._sieve.flush()
                        self._cond.notify_all()
                    continue
                if self._capture:
                    if self._divert:
                        data, lines = self._sieve.feed(bytes(data))
                        self.diverted += len(lines)
                    self._buf += data
                    self._cond.notify_all()
                    data = b""
            for piece in [*lines, data]:
                if piece:
                    try:
                        self._on_console(bytes(piece))
                    except Exception:  # noqa: BLE001 - a subscriber's bug must not kill the reader
                        pass

    def _fail(self, e: BaseException) -> None:
        """Record the port's failure and report it once (from the reader or a writer)."""
        with self._cond:
            first = self._error is None
            if first:
                self._error = e
            self._cond.notify_all()
        if first:
            self._on_lost(e)

    def stopping(self) -> bool:
        return self._stop

    def stop(self, close: bool = True) -> None:
        """Stop the reader and (by default) close the port. Idempotent."""
        self._stop = True
        with self._cond:
            self._cond.notify_all()
        if close:
            try:
                self.transport.close()
            except Exception:  # noqa: BLE001
                pass
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)

    # -- writing ------------------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        self._check()
        with self._write_lock:
            try:
                self.transport.write(data)
            except Exception as e:  # noqa: BLE001
                if type(e).__name__ == "SerialTimeoutException":
                    raise Timeout(detail="write") from e
                self._fail(e)
                raise self._lost() from e

    def _lost(self) -> Disconnected:
        if self._stop and self._error is None:
            return Disconnected()
        return Disconnected(
            message(
                "BoardError",
                QT_TRANSLATE_NOOP("BoardError", "The connection to the board was lost ({reason})."),
                reason=_reason(self._error),
            )
        )

    # -- capture ------------------------------------------------------------------------------
    def set_capture(self, on: bool) -> bytes:
        """Switch capture on/off. Turning it off returns bytes captured but not consumed."""
        with self._cond:
            self._capture = on
            if on:
                self._sieve.reset()  # a capture starts at a line start
                return b""
            rest = bytes(self._buf) + self._sieve.flush()
            self._buf.clear()
            return rest

    def divert_logs(self, on: bool) -> None:
        """Take ESP-IDF log lines out of captured bytes (protocol phases) or not (a running
        program's output, which the console shows as it is)."""
        with self._cond:
            self._divert = on
            if not on:
                self._buf += self._sieve.flush()
                self._cond.notify_all()

    def _check(self) -> None:
        if self._error is not None or self._stop:
            raise self._lost()

    def take(self) -> bytes:
        """Everything captured so far (without waiting)."""
        with self._cond:
            data = bytes(self._buf)
            self._buf.clear()
            return data

    def read_some(self, timeout: float) -> bytes:
        """Wait up to ``timeout`` for at least one byte; return all that is there (maybe b"")."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._buf:
                self._check()
                left = deadline - time.monotonic()
                if left <= 0:
                    return b""
                self._cond.wait(left)
            data = bytes(self._buf)
            self._buf.clear()
            return data

    def read_exact(self, n: int, timeout: float, *, idle: bool = True) -> bytes:
        """Exactly ``n`` bytes. With ``idle`` the timeout restarts whenever bytes arrive."""
        deadline = time.monotonic() + timeout
        seen = 0
        with self._cond:
            while len(self._buf) < n:
                self._check()
                if idle and len(self._buf) != seen:
                    seen = len(self._buf)
                    deadline = time.monotonic() + timeout
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LinkTimeout(self._buf, f"{n} bytes")
                self._cond.wait(left)
            data = bytes(self._buf[:n])
            del self._buf[:n]
            return data

    def read_until(
        self,
        marker: bytes,
        timeout: float,
        *,
        idle: bool = False,
        on_data: Callable[[bytes], None] | None = None,
        max_bytes: int | None = None,
    ) -> bytes:
        """Bytes up to and including ``marker``; the rest stays captured.

        ``idle``: the timeout restarts whenever bytes arrive (for long outputs).
        ``on_data``: called (outside the lock) with bytes as they become known not to be part of
        the marker, for streaming; then the return value holds only the marker.
        ``max_bytes``: give up (LinkTimeout) once that much arrived without the marker.
        """
        deadline = time.monotonic() + timeout
        start = 0
        pending_out = b""
        data: bytes | None
        while True:
            with self._cond:
                while True:
                    i = self._buf.find(marker, start)
                    if i >= 0:
                        end = i + len(marker)
                        if on_data is not None:
                            pending_out = bytes(self._buf[:i])
                            data = bytes(marker)
                        else:
                            data = bytes(self._buf[:end])
                        del self._buf[:end]
                        break
                    start = max(0, len(self._buf) - len(marker) + 1)
                    if on_data is not None and start > 0:
                        pending_out = bytes(self._buf[:start])
                        del self._buf[:start]
                        start = 0
                        data = None
                        break
                    self._check()
                    if max_bytes is not None and len(self._buf) > max_bytes:
                        raise LinkTimeout(self._buf, repr(marker))
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise LinkTimeout(self._buf, repr(marker))
                    before = len(self._buf)
                    self._cond.wait(min(left, 1.0))
                    if idle and len(self._buf) != before:
                        deadline = time.monotonic() + timeout
            if pending_out and on_data is not None:
                on_data(pending_out)
                pending_out = b""
                if idle:
                    deadline = time.monotonic() + timeout
            if data is not None:
                return data

    def wait_quiet(self, quiet: float, limit: float) -> bytes:
        """Collect bytes until none arrive for ``quiet`` seconds (at most ``limit`` seconds)."""
        end = time.monotonic() + limit
        out = bytearray()
        while time.monotonic() < end:
            got = self.read_some(min(quiet, max(0.0, end - time.monotonic())))
            if not got:
                break
            out += got
        return bytes(out)

    def unread(self, data: bytes) -> None:
        """Put ``data`` back in front of the capture buffer."""
        if data:
            with self._cond:
                self._buf[0:0] = data
                self._cond.notify_all()


def _reason(error: BaseException | None) -> Message | str:
    """Why the link went: the transport's own translatable words when it has them (WebREPL's
    "connection was closed"), else the error's text."""
    said = getattr(error, "message", None)
    if isinstance(said, Message):
        return said
    return str(error) or type(error).__name__
