"""The session: the one object that owns a board's serial port.

Threads:
- the *reader* (ide.board.link) owns every read of the port;
- the *caller's* thread runs an operation (exec, a transfer, run) while holding the operation lock,
  so operations are serialised in call order and the object is safe to share between threads;
- the *pump* thread carries keystrokes typed while an operation ran to the friendly REPL, and
  takes the board back from the raw REPL to the friendly REPL shortly after the last operation
  (so a burst of operations, e.g. a Files pane refresh, enters the raw REPL once);
- a *reconnect* thread exists only while a lost board is being looked for.

Modes of the board as the session believes them: "friendly" (console traffic flows to the
subscribers), "raw" (captured; an operation may run), "unknown" (after a timeout: the next
operation interrupts and re-enters the raw REPL from scratch).
"""

from __future__ import annotations

import ast
import dataclasses
import re
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ide.board import helpers, listing
from ide.board.errors import (
    EEXIST,
    ENOENT,
    ENOSPC,
    BoardError,
    Busy,
    Cancelled,
    Disconnected,
    NotResponding,
    RemoteError,
    Timeout,
    VerifyFailed,
)
from ide.board.link import Link, LinkTimeout
from ide.board.transfer import MAX_CHUNK
from ide.board.transports.base import Transport
from ide.board.types import BoardInfo, Entry, RunResult
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "BoardSession"
SIMULATOR = "simulator"  # the port name that means the built-in virtual board
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
LINE_PROMPT_RE = re.compile(rb">>> |\.\.\. |=== ")  # at the start of the console's line
LAZY_EXIT = 0.25  # seconds in raw REPL after the last operation before going back to friendly
RECONNECT_WINDOW = 30.0  # seconds to look for a lost board
BACKLOG = 64 * 1024
DEFAULT_WINDOW = 256  # the board's stdin buffer when it does not tell (raw-paste tells)
LOCK_WAIT = 10.0  # seconds hard_reset/release/reacquire wait for an operation to end
CLOSE_WAIT = 3.0  # seconds close() waits for it before tearing down anyway

Progress = Callable[[int, int], Any]


class Session:
    """A connected board. Build it with :func:`ide.board.connect`."""

    def __init__(
        self,
        port: str,
        baudrate: int = 115200,
        *,
        serial_factory: Callable[[], Any] | None = None,
        auto_reconnect: bool = True,
        timeout: float = 10.0,
        interrupt: bool = True,
        hard_reset_lines: bool | None = None,
        transport: Transport | None = None,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self.auto_reconnect = auto_reconnect
        self._serial_factory = serial_factory
        self._hard_reset_lines = hard_reset_lines
        self.transport: Transport = transport or self._make_transport(port)
        self.serial_number = self.transport.serial_number
        self.info = BoardInfo()
        self._op_lock = threading.RLock()
        self._state = threading.RLock()
        self._console_lock = threading.Condition()
        self._pump_cond = threading.Condition()
        self._subscribers: list[Callable[[bytes], None]] = []
        self._listeners: list[Callable[[str, Message], None]] = []
        self._backlog = bytearray()
        self._tail = b""
        self._line = b""  # the console's current line (after the last newline)
        self._enter_pending = False  # Enter/Ctrl-C/Ctrl-D typed, no new line seen yet
        self._console_idle = False
        self._typed: bytearray | None = bytearray()
        self._queue = bytearray()
        self._mode = "unknown"
        self._op_active = False
        self._running = False
        self._stop_at: float | None = None
        self._stop_tries = 0
        self._raw_paste: bool | None = None
        self._window = DEFAULT_WINDOW
        self._dirty_upload: tuple[str, int] | None = None  # (temp path, chunk) of a cut upload
        self._last_op_end = 0.0
        self._pump_gave_up = False
        self._lost_in_op = False
        self._reset_during_run = False
        self._helpers_installed = False  # the fast transfer helpers are on the board
        self._connected = False
        self._closed = False
        self._released = False
        self._reconnecting = False
        self.link: Link = self._open_link()
        try:
            with self._op_lock:
                self._startup(interrupt=interrupt)
        except BaseException:
            self.link.stop()
            raise
        self._pump = threading.Thread(target=self._pump_loop, name="hotaru-board-pump", daemon=True)
        self._pump.start()

    # ------------------------------------------------------------------ connection management
    @property
    def flow_controlled(self) -> bool:
        return self.transport.flow_control

    def _make_transport(self, port: str) -> Transport:
        """The transport for what the user chose: the built-in simulator, or a serial port /
        pyserial URL (through ``serial_factory`` when one was given)."""
        if port == SIMULATOR:
            try:
                # Imported on use: it pulls in the simulator's process management.
                from ide.board.transports.simulator import SimulatorTransport
            except ImportError as e:
                raise Disconnected(
                    detail=f"the simulator transport is not available here ({e})"
                ) from e
            return SimulatorTransport()
        from ide.board.transports.serial import SerialTransport

        return SerialTransport(
            port,
            self.baudrate,
            factory=self._serial_factory,
            reset_wired=self._hard_reset_lines,
        )

    def _open_link(self) -> Link:
        self.transport.open()
        link = Link(self.transport, self._on_console_bytes, self._on_link_lost)
        link.set_capture(True)
        self._mode = "unknown"
        self._connected = True
        return link

    def _startup(self, interrupt: bool) -> None:
        self._helpers_installed = False
        if interrupt or self._dirty_upload:
            self._resync()
            self._probe()
            self._to_friendly(show_banner=True)
        else:
            self._after_reset()  # the console takes over what the board says from now on
            # A board that booted before we opened the port shows no prompt: Ctrl-B on an
            # empty friendly line makes it print its banner and prompt again (a running
            # main.py ignores it and stays "busy", which is the truth).
            if not self._wait_idle(0.5):
                self.link.write(b"\x02")
                self._wait_idle(1.0)

    def _on_link_lost(self, exc: BaseException) -> None:
        with self._state:
            if self._closed or self._released or not self._connected:
                return
            self._connected = False
            self._mode = "unknown"
            if self._op_active or self._running:
                self._lost_in_op = True  # the board may sit inside the raw REPL: resync later
        self._notify(
            "disconnected",
            message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The board was disconnected.")),
        )
        if self.auto_reconnect and not self._reconnecting:
            self._reconnecting = True
            threading.Thread(
                target=self._reconnect_loop, name="hotaru-board-reconnect", daemon=True
            ).start()

    def _reconnect_loop(self) -> None:
        from ide.board import opening

        deadline = time.monotonic() + RECONNECT_WINDOW
        try:
            while time.monotonic() < deadline and not (self._closed or self._released):
                time.sleep(0.3)
                if self._connected:
                    return
                if self.serial_number:
                    found = opening.find_by_serial_number(self.serial_number)
                    if found is None:
                        continue
                    if found != self.port or self.transport.serial_number != self.serial_number:
                        self.port = found
                        self.transport = self._make_transport(found)
                try:
                    with self._op_lock:
                        if self._closed or self._released or self._connected:
                            return
                        old = self.link
                        old.stop()  # closes the transport; opening it again starts afresh
                        try:
                            self.link = self._open_link()
                        except Exception:  # noqa: BLE001 - not back yet (any transport's error)
                            continue
                        try:
                            self._startup(interrupt=self._lost_in_op)
                            self._lost_in_op = False
                        except BoardError:
                            self.link.stop()
                            self._connected = False
                            continue
                except BoardError:
                    continue
                self._notify(
                    "reconnected",
                    message(
                        CTX,
                        QT_TRANSLATE_NOOP("BoardSession", "The board is back on {port}."),
                        port=self.port,
                    ),
                )
                return
            if not self._connected and not (self._closed or self._released):
                self._notify(
                    "reconnect-failed",
                    message(
                        CTX,
                        QT_TRANSLATE_NOOP(
                            "BoardSession",
                            "The board did not come back. Plug it in again and reconnect.",
                        ),
                    ),
                )
        finally:
            self._reconnecting = False

    def add_listener(self, callback: Callable[[str, Message], None]) -> None:
        """``callback(event, message)`` for "disconnected", "reconnected", "reconnect-failed".
        Called from a background thread."""
        self._listeners.append(callback)

    def _notify(self, event: str, msg: Message) -> None:
        for cb in list(self._listeners):
            try:
                cb(event, msg)
            except Exception:  # noqa: BLE001
                pass

    @property
    def connected(self) -> bool:
        return self._connected and not self._closed and not self._released

    def _check_usable(self) -> None:
        if self._closed:
            raise Disconnected(
                message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The connection is closed."))
            )
        if self._released:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession", "The port is lent to another tool (firmware installer)."
                    ),
                )
            )
        if not self._connected:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession", "The board is disconnected; waiting for it to come back."
                    ),
                )
            )

    # ------------------------------------------------------------------ console side
    def subscribe(self, callback: Callable[[bytes], None], replay: bool = True) -> None:
        """Receive the friendly REPL's bytes (and, unless run() got ``on_output``, a program's
        output). With ``replay`` the bytes seen so far (up to 64 kB) come first. Called from the
        reader thread (or the thread of an operation): hand them over to the GUI thread."""
        with self._console_lock:
            if replay and self._backlog:
                callback(bytes(self._backlog))
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[bytes], None]) -> None:
        with self._console_lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def _on_console_bytes(self, data: bytes) -> None:
        self._emit(data)

    def _emit(self, data: bytes) -> None:
        if not data:
            return
        with self._console_lock:
            self._tail = (self._tail + data)[-16:]
            nl = data.rfind(b"\n")
            if nl >= 0:
                self._line = data[nl + 1 :]
                self._enter_pending = False
            else:
                self._line = (self._line + data)[-256:]
            # Idle: the current line starts with a prompt (the rest is the user's echo) and no
            # Enter is on its way. Output of a running program starts lines of its own.
            self._console_idle = not self._enter_pending and bool(
                LINE_PROMPT_RE.match(self._line.lstrip(b"\r"))
            )
            if self._tail.endswith(b">>> "):
                with self._state:
                    self._typed = bytearray()
            self._backlog += data
            if len(self._backlog) > BACKLOG:
                del self._backlog[: len(self._backlog) - BACKLOG]
            for cb in list(self._subscribers):
                try:
                    cb(data)
                except Exception:  # noqa: BLE001 - a subscriber's bug must not break the port
                    pass
            self._console_lock.notify_all()

    def _wait_idle(self, timeout: float) -> bool:
        with self._console_lock:
            end = time.monotonic() + timeout
            while not self._console_idle and time.monotonic() < end:
                self._console_lock.wait(0.05)
            return self._console_idle

    def _at_prompt(self) -> bool:
        """True when the friendly REPL waits for the user (maybe with half a line typed)."""
        return self._console_idle

    def write_console(self, data: bytes) -> None:
        """Keystrokes for the friendly REPL (or, while run() runs, for the program). Never
        blocks on the board: while an operation is in progress they are queued and delivered
        after it, in order."""
        if not data:
            return
        with self._state:
            if self._running:
                self._send_input_locked(data)
                return
            if self._connected and self._mode == "friendly" and not self._op_active:
                if not self._queue:
                    self._track_typed(data)  # before writing: the echo may come back at once
                    self.link.write(data)
                    return
            self._queue += data
        with self._pump_cond:
            self._pump_cond.notify_all()

    def _track_typed(self, data: bytes) -> None:
        if any(c in data for c in b"\r\n\x03\x04\x05"):
            self._enter_pending = True  # Enter, Ctrl-C/D/E: the board acts; wait for a prompt
            self._console_idle = False
        if self._typed is not None:
            self._typed += data
            if len(self._typed) > 4096:
                self._typed = None  # too much to replay faithfully: give up tracking

    def send_input(self, data: bytes) -> None:
        """Typed input for the running program (same as write_console while run() runs)."""
        self.write_console(data)

    def _send_input_locked(self, data: bytes) -> None:
        if b"\x03" in data and self._stop_at is None:
            self._stop_at = time.monotonic()
            self._stop_tries = 1
        self.link.write(data)

    def _pump_loop(self) -> None:
        while not self._closed:
            with self._pump_cond:
                self._pump_cond.wait(0.1)
            if self._closed:
                return
            if not self._connected or self._released or self._running:
                continue
            lazy_due = (
                self._mode in ("raw", "unknown")
                and not self._pump_gave_up
                and time.monotonic() - self._last_op_end > LAZY_EXIT
            )
            if not (self._queue or lazy_due):
                continue
            if not self._op_lock.acquire(timeout=0.05):
                continue
            try:
                if self._running or not self._connected or self._pump_gave_up:
                    continue
                if self._mode == "unknown":
                    self._resync()
                if self._mode == "raw":
                    self._to_friendly()
                if self._mode == "friendly":
                    with self._state:
                        data = bytes(self._queue)
                        self._queue.clear()
                        if data:
                            self._track_typed(data)
                            self.link.write(data)
            except BoardError:
                self._mode = "unknown"
                self._pump_gave_up = True  # the next operation will diagnose and say why
            finally:
                self._op_lock.release()

    # ------------------------------------------------------------------ raw REPL protocol
    def _resync(self) -> None:
        """From any state to the raw REPL prompt: interrupt, Ctrl-A, wait for the banner."""
        link = self.link
        link.set_capture(True)
        with self._state:
            self._mode = "unknown"
        received = bytearray()
        if self._dirty_upload is not None:
            # A fast upload was cut: its helper may still wait for bytes with Ctrl-C disabled.
            # Fill any half chunk with zeros; the zero header after it makes the helper abort.
            link.write(b"\x00" * (self._dirty_upload[1] + 2))
            received += link.wait_quiet(0.2, 3.0)
        for attempt in range(3):
            if attempt == 1 and not received.strip(b"\x00"):
                # Silent so far: maybe an upload helper of an earlier session waits for data
                # with Ctrl-C disabled. Zeros finish its chunk, and a zero header aborts it.
                link.write(b"\x00" * (MAX_CHUNK + 2))
                received += link.wait_quiet(0.2, 1.0)
            link.write(b"\x03\x03" if attempt == 0 else b"\r\x03\x03")
            received += link.wait_quiet(0.1, 0.5)
            link.write(b"\x01")
            try:
                received += link.read_until(RAW_BANNER, 0.7 + 0.5 * attempt)
            except LinkTimeout as e:
                received += e.received
                continue
            time.sleep(0.02)
            link.take()  # drop another banner if an earlier Ctrl-A arrived late
            with self._state:
                self._mode = "raw"
            if self._dirty_upload is not None:
                temp = self._dirty_upload[0]
                self._dirty_upload = None
                self._exec_raw(helpers.call(helpers.UPLOAD_ABORT, temp))
            return
        raise self._diagnose(bytes(received))

    def _diagnose(self, received: bytes) -> NotResponding:
        from ide.board.opening import diagnose_silence

        return diagnose_silence(received, self.port)

    def _ensure_raw(self) -> None:
        if self._mode == "raw":
            stray = self.link.take()
            if not stray:
                return
            self._emit(stray)  # e.g. the board was reset by its button meanwhile
            self._resync()
            return
        if self._mode == "friendly":
            self.link.set_capture(True)
            self._mode = "unknown"
            clean = self._tail.endswith(b">>> ") and self._typed is not None and not self._typed
            self.link.write(b"\x01" if clean else b"\x03\x01")
            try:
                self.link.read_until(RAW_BANNER, 2.0)
                self._mode = "raw"
                return
            except LinkTimeout:
                pass
        self._resync()

    def _to_friendly(self, show_banner: bool = False, prompt: bool = False) -> None:
        """Leave the raw REPL; the console sees nothing of it (or the banner at connect, or just
        the prompt after a program), then the user's half-typed line is typed again."""
        link = self.link
        link.write(b"\x02")
        try:
            data = link.read_until(b">>> ", 3.0)
        except LinkTimeout as e:
            self._mode = "unknown"
            raise Timeout(detail="leaving raw REPL") from e
        banner = data.lstrip(b"\r\n")
        first = banner.split(b"\r\n", 1)[0].decode("utf-8", "replace")
        if first.startswith("MicroPython") or first.startswith("CircuitPython"):
            self.info = _with_banner(self.info, first)
        with self._state:
            typed = bytes(self._typed or b"")
            if typed:
                link.write(typed)
            self._mode = "friendly"
        if typed:
            # The echo is already on the console: swallow it (it starts within a second and
            # has no long pauses).
            first = link.read_some(1.0)
            if first:
                link.wait_quiet(0.1, 2.0)
        with self._console_lock:  # the reader's next bytes wait until these are out
            with self._state:
                rest = link.set_capture(False)
            if not typed:
                self._tail = self._line = b">>> "  # the board sits at a fresh, empty prompt
                self._enter_pending = False
                self._console_idle = True
            if show_banner:
                self._emit(banner)
            elif prompt:
                self._emit(b">>> ")
            if rest:
                self._emit(rest)

    def _send_code(self, code: bytes) -> None:
        """Send code to the raw REPL prompt; returns when the board starts executing it."""
        link = self.link
        if self._raw_paste is not False:
            link.write(b"\x05A\x01")
            answer = self._read_until_any((b"R\x01", b"R\x00", b"w REPL; CTRL-B to exit\r\n>"), 2.0)
            if answer == b"R\x01":
                self._raw_paste = True
                self._window = struct.unpack("<H", link.read_exact(2, 2.0))[0] or DEFAULT_WINDOW
                self._paste(code)
                return
            # R\x00: understood but unsupported. The banner: firmware without raw-paste took
            # ^E as a character and Ctrl-A reset its raw REPL. Either way: plain raw REPL.
            self._raw_paste = False
        for i in range(0, len(code), 256):
            link.write(code[i : i + 256])
            if len(code) > 256:
                time.sleep(0.01)  # no flow control in plain raw REPL: pace like a typist
        link.write(b"\x04")
        ok = link.read_exact(2, self.timeout, idle=False)
        if ok != b"OK":
            self._mode = "unknown"
            raise Timeout(detail=f"raw REPL answered {ok!r} instead of OK")

    def _read_until_any(self, markers: tuple[bytes, ...], timeout: float) -> bytes:
        """Skip bytes (line noise) up to the first of ``markers``; return that marker."""
        seen = b""
        deadline = time.monotonic() + timeout
        while True:
            hits = [(seen.find(m), m) for m in markers if m in seen]
            if hits:
                i, m = min(hits)
                self.link.unread(seen[i + len(m) :])
                return m
            left = deadline - time.monotonic()
            more = self.link.read_some(left) if left > 0 else b""
            if not more:
                raise LinkTimeout(seen, " or ".join(repr(m) for m in markers))
            seen += more

    def _paste(self, code: bytes) -> None:
        link = self.link
        window = self._window
        remain = window
        i = 0
        while i < len(code):
            got = link.take() if remain else link.read_some(self.timeout)
            if not got and not remain:
                raise LinkTimeout(b"", "raw-paste window")
            for b in got:
                if b == 1:
                    remain += window
                elif b == 4:  # the board ends the paste early (e.g. out of memory)
                    link.write(b"\x04")
                    i = len(code)
                    break
                else:
                    self._mode = "unknown"
                    raise Timeout(detail=f"unexpected {bytes([b])!r} during raw-paste")
            if i >= len(code):
                break
            n = min(remain, len(code) - i)
            if n:
                link.write(code[i : i + n])
                remain -= n
                i += n
        link.write(b"\x04")
        link.read_until(b"\x04", self.timeout, max_bytes=4096)

    def _finish_exec(self, timeout: float | None = None) -> tuple[bytes, bytes]:
        """Read the end of an exec: stdout, the error frame and the raw prompt (``timeout``
        per wait, restarted by incoming bytes; the session's timeout when None)."""
        link = self.link
        if timeout is None:
            timeout = self.timeout
        out = link.read_until(b"\x04", timeout, idle=True)[:-1]
        err = link.read_until(b"\x04", timeout, idle=True)[:-1]
        link.read_exact(1, timeout)  # the raw REPL prompt ">"
        return out, err

    def _exec_raw(self, code: str, timeout: float | None = None) -> str:
        self._send_code(code.encode("utf-8"))
        out, err = self._finish_exec(timeout)
        if err:
            raise RemoteError(err.decode("utf-8", "replace"))
        return out.decode("utf-8", "replace")

    # ------------------------------------------------------------------ operations
    @contextmanager
    def _op(self, busy_ok: bool = False) -> Iterator[None]:
        if self._running:
            raise Busy()
        self._check_usable()
        if not self._op_lock.acquire(timeout=max(60.0, self.timeout * 6)):
            raise Busy()
        try:
            self._check_usable()
            if self._running:
                raise Busy()
            with self._state:
                if self._mode == "friendly" and not busy_ok and not self._at_prompt():
                    raise Busy()
                self._op_active = True
            try:
                self._ensure_raw()
                yield
            except LinkTimeout as e:
                self._mode = "unknown"
                raise Timeout(detail=str(e.detail)) from e
            except (RemoteError, Cancelled, VerifyFailed, Busy):
                raise  # raised at a clean protocol boundary: the board sits at the raw prompt
            except Disconnected:
                self._mode = "unknown"
                self._lost_in_op = True  # on reconnection: interrupt and resync
                raise
            except BaseException:
                self._mode = "unknown"  # mid-protocol (or a callback's own error): resync next
                raise
        finally:
            with self._state:
                self._op_active = False
            self._last_op_end = time.monotonic()
            self._pump_gave_up = False
            self._op_lock.release()
            with self._pump_cond:
                self._pump_cond.notify_all()

    def _probe(self) -> None:
        out = self._exec_raw(helpers.PROBE)
        try:
            fast, kbd, sha, uname, platform, version = ast.literal_eval(out.strip())
        except (ValueError, SyntaxError):
            fast = kbd = sha = False
            uname, platform, version = (), "", ""
        u = list(uname) + [""] * 5
        rel = str(u[2])
        self.info = BoardInfo(
            machine=str(u[4]),
            version=rel,
            release=rel,
            sysname=str(u[0]),
            platform=str(platform),
            banner=self.info.banner,
            fast_transfer=bool(fast and kbd),
            has_hashlib=bool(sha),
            extra={"sys.version": str(version), "uname.version": str(u[3])},
        )

    def exec(self, code: str, timeout: float | None = None) -> str:
        """Run ``code`` in the raw REPL; return its output. RemoteError if it raised."""
        with self._op():
            return self._exec_raw(code, timeout)

    def eval(self, expr: str, timeout: float | None = None) -> Any:
        """Evaluate ``expr`` on the board; its repr() must be a Python literal."""
        out = self.exec("print(repr(" + expr + "))", timeout)
        try:
            return ast.literal_eval(out.strip())
        except (ValueError, SyntaxError) as e:
            raise BoardError(detail=f"not a literal: {out.strip()[:80]!r}") from e

    def _eval_helper(self, template: str, *args: object) -> Any:
        out = self._exec_raw(helpers.call(template, *args))
        return ast.literal_eval(out.strip())

    # ------------------------------------------------------------------ files
    def listdir(self, path: str = "/") -> list[Entry]:
        """One folder, one round trip. Sorted: folders first, then by name."""
        with self._op():
            try:
                out = self._exec_raw(helpers.call(helpers.LISTDIR, path))
            except RemoteError as e:
                raise self._file_error(e, path) from e
        entries = listing.parse_listing(out, path)
        entries.sort(key=lambda e: (not e.is_dir, e.name.lower(), e.name))
        return entries

    def stat(self, path: str) -> Entry:
        with self._op():
            found = self._eval_helper(helpers.STAT, path)
        if found is None:
            raise self._not_found(path)
        is_dir, size = found
        name = path.rstrip("/").rpartition("/")[2] or "/"
        return Entry(name, path, bool(is_dir), int(size))

    def exists(self, path: str) -> bool:
        with self._op():
            return self._eval_helper(helpers.STAT, path) is not None

    def mkdir(self, path: str, parents: bool = True) -> None:
        self._simple(helpers.MKDIR, path, path, parents)

    def remove(self, path: str) -> None:
        self._simple(helpers.REMOVE, path, path)

    def rmtree(self, path: str) -> None:
        """Remove a file or a folder with everything in it."""
        self._simple(helpers.RMTREE, path, path, timeout=max(self.timeout, 60.0))

    def rename(self, src: str, dst: str) -> None:
        self._simple(helpers.RENAME, src, src, dst)

    def disk_usage(self, path: str = "/") -> tuple[int, int, int]:
        """(total, used, free) bytes of the filesystem holding ``path``."""
        with self._op():
            try:
                return tuple(self._eval_helper(helpers.DISK, path))  # type: ignore[return-value]
            except RemoteError as e:
                raise self._file_error(e, path) from e

    def _simple(
        self, template: str, path: str, *args: object, timeout: float | None = None
    ) -> None:
        with self._op():
            try:
                self._exec_raw(helpers.call(template, *args), timeout)
            except RemoteError as e:
                raise self._file_error(e, path) from e

    def _not_found(self, path: str) -> RemoteError:
        return RemoteError(
            f"OSError: [Errno {ENOENT}] ENOENT",
            message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardSession", "There is no file or folder {path} on the board."
                ),
                path=path,
            ),
        )

    def _file_error(self, e: RemoteError, path: str) -> RemoteError:
        if e.errno == ENOENT:
            err = self._not_found(path)
        elif e.errno == EEXIST:
            err = RemoteError(
                e.traceback,
                message(
                    CTX, QT_TRANSLATE_NOOP("BoardSession", "{path} already exists."), path=path
                ),
            )
        elif e.errno == ENOSPC:
            err = RemoteError(
                e.traceback,
                message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The board's storage is full.")),
            )
        else:
            return e
        err.errno = e.errno
        return err

    def read_file(self, path: str, progress: Progress | None = None) -> bytes:
        """The whole file, verified (sha256 where the board has hashlib, else length).

        ``progress(done, total)`` is called as bytes arrive; returning False or raising
        :class:`Cancelled` stops the transfer and raises Cancelled."""
        from ide.board import transfer

        with self._op():
            try:
                if self.info.fast_transfer:
                    return transfer.download_fast(self, path, progress)
                return transfer.download_portable(self, path, progress)
            except RemoteError as e:
                raise self._file_error(e, path) from e

    def write_file(self, path: str, data: bytes | str, progress: Progress | None = None) -> None:
        """Write ``data`` to ``path``: into a temporary file beside it, verified, then renamed
        over the target. On any failure (cut link, full disk, cancel) the old file stays as it
        was and no temporary file is left. ``progress`` as for :meth:`read_file`. A str is
        written as UTF-8."""
        from ide.board import transfer

        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        with self._op():
            try:
                if self.info.fast_transfer:
                    transfer.upload_fast(self, path, data, progress)
                else:
                    transfer.upload_portable(self, path, data, progress)
            except RemoteError as e:
                raise self._file_error(e, path) from e

    # ------------------------------------------------------------------ programs
    @property
    def running(self) -> bool:
        """True while run() is executing a user program."""
        return self._running

    def run(
        self,
        code: str,
        on_output: Callable[[bytes], None] | None = None,
        *,
        stop_timeout: float = 2.0,
    ) -> RunResult:
        """Run a user program and return when it ends (normally, with an error, or stopped).

        The program runs in the raw REPL without a soft reset, in the same globals as the
        friendly REPL: afterwards its variables are there at the ``>>>`` prompt (as in Thonny).
        Output (stdout, then the traceback if any) streams to ``on_output`` as it arrives, or to
        the console subscribers when ``on_output`` is None; the prompt that follows always goes
        to the subscribers. Typed input: :meth:`send_input` / :meth:`write_console` from any
        thread. :meth:`interrupt` stops it; if it still runs ``stop_timeout`` seconds after each
        of three Ctrl-C, NotResponding (diagnosis IGNORES_CTRL_C: offer a hard reset).
        While it runs every other operation raises :class:`Busy` at once."""
        out = on_output or self._emit
        last = b"\n"
        with self._op():
            self._send_code(code.encode("utf-8"))
            with self._state:
                self._running = True
                self._stop_at = None
                queued = bytes(self._queue)
                self._queue.clear()
                if queued:
                    self._send_input_locked(queued)
            err = bytearray()
            phase = 0
            try:
                while phase < 2:
                    if self._reset_during_run:
                        break
                    data = self.link.read_some(0.1)
                    while data and phase < 2:
                        i = data.find(b"\x04")
                        part, data = (data, b"") if i < 0 else (data[:i], data[i + 1 :])
                        if part:
                            out(part)
                            last = part
                            if phase == 1:
                                err += part
                        if i >= 0:
                            phase += 1
                    if phase >= 2:
                        self.link.unread(data)  # the raw prompt ">" (and anything after it)
                    if phase < 2 and self._stop_at is not None:
                        if time.monotonic() - self._stop_at > stop_timeout:
                            if self._stop_tries >= 3:
                                self._mode = "unknown"
                                raise NotResponding(
                                    message(
                                        CTX,
                                        QT_TRANSLATE_NOOP(
                                            "BoardSession",
                                            "The program ignores Stop (Ctrl-C). A hard reset "
                                            "will stop it.",
                                        ),
                                    ),
                                    diagnosis=NotResponding.IGNORES_CTRL_C,
                                )
                            self._stop_tries += 1
                            self._stop_at = time.monotonic()
                            self.link.write(b"\x03")
                if not self._reset_during_run:
                    self.link.read_exact(1, self.timeout)  # ">"
            finally:
                with self._state:
                    self._running = False
                    self._stop_at = None
            if self._reset_during_run:
                self._reset_during_run = False
                self._after_reset()
                return RunResult(traceback=None, interrupted=True)
            if not last.endswith(b"\n"):
                self._emit(b"\r\n")
            with self._state:
                self._typed = bytearray()  # a fresh prompt after a program (the half line is gone)
            self._to_friendly(prompt=True)
        tb = err.decode("utf-8", "replace")
        lines = tb.strip().splitlines()
        return RunResult(
            traceback=tb if tb.strip() else None,
            interrupted=bool(lines) and lines[-1].startswith("KeyboardInterrupt"),
        )

    def interrupt(self, timeout: float = 2.0) -> None:
        """Stop what runs: the program of run(), or whatever runs at the friendly REPL (Ctrl-C).
        For the latter, waits for the prompt and raises NotResponding if none comes."""
        with self._state:
            if self._running:
                self._stop_at = time.monotonic()
                self._stop_tries = 1
                self.link.write(b"\x03")
                return
        self._check_usable()
        if not self._op_lock.acquire(timeout=timeout):
            return  # an operation is in progress; it ends by itself
        try:
            if self._mode != "friendly":
                return
            for _ in range(3):
                with self._console_lock:
                    self._console_idle = False
                    self._enter_pending = True
                    self.link.write(b"\x03")
                    end = time.monotonic() + timeout
                    while not self._at_prompt() and time.monotonic() < end:
                        self._console_lock.wait(0.05)
                    if self._at_prompt():
                        return
            raise _ignores_ctrl_c()
        finally:
            self._op_lock.release()

    def soft_reset(self, timeout: float = 3.0) -> None:
        """Ctrl-D at the friendly prompt: fresh interpreter, boot.py and main.py run. The
        console sees it happen."""
        with self._op(busy_ok=True):
            self._to_friendly()
            with self._state:
                self._tail = self._line = b""
                self._console_idle = False
                self._helpers_installed = False
                self.link.write(b"\x04")
        with self._console_lock:
            end = time.monotonic() + timeout
            while not self._at_prompt() and time.monotonic() < end:
                self._console_lock.wait(0.05)

    def hard_reset(self) -> None:
        """Reset the board like its reset button: through the RTS line where it is wired to
        the chip's EN/reset (ESP boards with a USB-serial bridge), else ``machine.reset()``.
        The console then shows the boot (and main.py); the session reconnects if the port
        goes away and comes back."""
        lines = self.transport.reset_lines is not None
        self._check_usable()
        if self._running:
            if not lines:
                self.interrupt()  # without reset lines only the program's own end frees the REPL
            else:
                self._reset_during_run = True  # run() returns as soon as the board reboots
                self._pulse_reset()
            if not self._op_lock.acquire(timeout=LOCK_WAIT):
                raise _ignores_ctrl_c()
            self._op_lock.release()
            if lines:
                return
        with self._lock_or_busy():
            self._check_usable()
            if lines:
                self._pulse_reset()
            else:
                try:
                    self._ensure_raw()
                    self._send_code(b"import machine\nmachine.reset()\n")
                except BoardError:
                    pass
            self._after_reset()

    @contextmanager
    def _lock_or_busy(self) -> Iterator[None]:
        """The operation lock for hard_reset/release/reacquire: Busy if an operation keeps it
        longer than LOCK_WAIT seconds (they must not act on the port under its feet)."""
        if not self._op_lock.acquire(timeout=LOCK_WAIT):
            raise Busy()
        try:
            yield
        finally:
            self._op_lock.release()

    def _pulse_reset(self) -> None:
        lines = self.transport.reset_lines
        if lines is None:
            return
        lines.set_lines(dtr=False)  # BOOT/IO0 high: boot from flash, not into the ROM loader
        lines.set_lines(rts=True)  # EN low
        time.sleep(0.1)
        lines.set_lines(rts=False)

    def _after_reset(self) -> None:
        self._helpers_installed = False
        with self._console_lock:
            with self._state:
                self._mode = "friendly"
                self._tail = self._line = b""
                self._console_idle = False
                self._typed = bytearray()
                rest = self.link.set_capture(False)
            self._emit(rest)

    # ------------------------------------------------------------------ lending the port
    def release(self) -> None:
        """Close the port so another tool (esptool) can use it; :meth:`reacquire` takes it
        back."""
        if self._running:
            self.interrupt()
        with self._lock_or_busy():
            if self._released or self._closed:
                return
            if self._connected and self._mode == "raw":
                try:
                    self._to_friendly()
                except BoardError:
                    pass
            self._released = True
            self._connected = False
            self.link.stop()

    def reacquire(self, port: str | None = None, timeout: float = 10.0) -> None:
        """Open the port again (``port`` if it changed, e.g. after flashing) and show the
        board's banner on the console. Retries for ``timeout`` seconds while the port comes
        back."""
        with self._lock_or_busy():
            self.link.stop()
            if port:
                self.port = port
                self.transport = self._make_transport(port)
                self.serial_number = self.transport.serial_number
            deadline = time.monotonic() + timeout
            while True:
                try:
                    self.link = self._open_link()
                    break
                except (Disconnected, NotResponding):
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            self._released = False
            try:
                self._startup(interrupt=True)
            except BaseException:
                self.link.stop()
                self._connected = False
                raise

    def close(self) -> None:
        """Leave the board at its friendly prompt and close the port."""
        if self._closed:
            return
        # Teardown goes ahead even when an operation still holds the lock after CLOSE_WAIT
        # seconds (a board that stopped answering, a window being closed): stopping the link
        # makes that operation's next wait end in Disconnected, and closing must not hang.
        got = self._op_lock.acquire(timeout=CLOSE_WAIT)
        try:
            if self._connected and self._mode == "raw" and not self._running:
                try:
                    self._to_friendly()
                except BoardError:
                    pass
            self._closed = True
            self._connected = False
            self.link.stop()
        finally:
            if got:
                self._op_lock.release()
        with self._pump_cond:
            self._pump_cond.notify_all()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ignores_ctrl_c() -> NotResponding:
    return NotResponding(
        message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardSession",
                "The board keeps running and ignores Ctrl-C. A hard reset will stop it.",
            ),
        ),
        diagnosis=NotResponding.IGNORES_CTRL_C,
    )


def _with_banner(info: BoardInfo, banner: str) -> BoardInfo:
    # "MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040"
    version = info.version
    machine = info.machine
    head, _, tail = banner.partition(";")
    words = head.split()
    if len(words) >= 2 and words[1].startswith("v"):
        version = words[1][1:].split("-")[0] if not version else version
    if tail.strip() and not machine:
        machine = tail.strip()
    return dataclasses.replace(info, machine=machine, version=version, banner=banner)
