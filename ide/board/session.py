"""The session: one connected board. It owns the transport's lifecycle (open, lose, reconnect,
lend, close), the operation lock, resets and the board's state; the work is done by objects
that own their own state:

- ide.board.repl.RawRepl        the raw-REPL protocol (mode, raw-paste window, cut uploads)
- ide.board.console.ConsoleRouter  subscribers, backlog, prompt and typed-line tracking, the
                                 keystroke queue (delivered by the *pump* thread)
- ide.board.files.BoardFiles    file operations (listings, transfers, hashes)
- ide.board.runner.Runner       run(), a program's input, its stop tries
- ide.board.state.StateCell     idle / running / busy / disconnected / reconnecting

Threads: the *reader* (ide.board.link) owns every read of the transport; the *caller's* thread
runs an operation holding the operation lock (operations are serialised in call order, the
object may be shared between threads); the *pump* delivers keystrokes typed during an operation
and takes the board back to the friendly REPL shortly after the last operation; a *reconnect*
thread exists only while a lost board is looked for; the state's *notifier* calls on_state
subscribers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ide.board import helpers
from ide.board.console import ConsoleCallback, ConsoleRouter, Pump
from ide.board.errors import (
    BoardError,
    Busy,
    Cancelled,
    Disconnected,
    NotResponding,
    RemoteError,
    Timeout,
    VerifyFailed,
)
from ide.board.files import BoardFiles, Progress, literal
from ide.board.link import Link, LinkTimeout
from ide.board.repl import RawRepl, with_banner
from ide.board.runner import Runner
from ide.board.state import BoardState, StateCallback, StateCell
from ide.board.transports.base import Transport
from ide.board.types import BoardInfo, Entry, RunResult
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "BoardSession"
SIMULATOR = "simulator"  # the port name that means the built-in virtual board
LAZY_EXIT = 0.25  # seconds in raw REPL after the last operation before going back to friendly
RECONNECT_WINDOW = 30.0  # seconds to look for a lost board
LOCK_WAIT = 10.0  # seconds hard_reset/release/reacquire wait for an operation to end
CLOSE_WAIT = 3.0  # seconds close() waits for it before tearing down anyway

__all__ = ["Progress", "Session"]


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
        self.gate = threading.RLock()  # where keystrokes go: mode, op_active, running, queue
        self._listeners: list[Callable[[str, Message], None]] = []
        self._state = StateCell(BoardState.BUSY)
        self.console = ConsoleRouter()
        self.runner = Runner(self)
        self.files = BoardFiles(self)
        self._op_active = False
        self._last_op_end = 0.0
        self._pump_gave_up = False
        self._lost_in_op = False
        self._connected = False
        self._closed = False
        self._released = False
        self._reconnecting = False
        self.repl = RawRepl(
            self._open_link(),
            self.console,
            timeout=timeout,
            diagnose=self._diagnose,
            on_banner=self._on_banner,
        )
        try:
            with self._op_lock:
                self._startup(interrupt=interrupt)
        except BaseException:
            self.link.stop()
            self._connected = False
            self._state.close()
            raise
        self.state_changed()
        self._pump = Pump(self._pump_tick)

    # ------------------------------------------------------------------ the state
    @property
    def state(self) -> BoardState:
        """idle, running, busy, disconnected or reconnecting (ide.board.state)."""
        return self._state.value

    def on_state(self, callback: StateCallback) -> None:
        """``callback(state)`` on every change of :attr:`state`, in order, from a thread of its
        own (never with a lock of the session held)."""
        self._state.subscribe(callback)

    def off_state(self, callback: StateCallback) -> None:
        self._state.unsubscribe(callback)

    def state_changed(self) -> None:
        """Work out the state from the facts and tell the subscribers if it changed."""
        if self._closed or self._released:
            new = BoardState.DISCONNECTED
        elif not self._connected:
            new = BoardState.RECONNECTING if self._reconnecting else BoardState.DISCONNECTED
        elif self.runner.running:
            new = BoardState.RUNNING
        elif self._op_active:
            new = BoardState.BUSY
        else:
            new = BoardState.IDLE
        self._state.set(new)

    # ------------------------------------------------------------------ connection management
    @property
    def link(self) -> Link:
        return self.repl.link

    @property
    def flow_controlled(self) -> bool:
        return self.transport.flow_control

    @property
    def connected(self) -> bool:
        return self._connected and not self._closed and not self._released

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
            port, self.baudrate, factory=self._serial_factory, reset_wired=self._hard_reset_lines
        )

    def _open_link(self, *, open_transport: bool = True) -> Link:
        if open_transport:
            self.transport.open()
        link = Link(self.transport, self.console.emit, self._on_link_lost)
        link.set_capture(True)
        if hasattr(self, "repl"):
            self.repl.link = link
            self.repl.invalidate()
        self._connected = True
        return link

    def _startup(self, interrupt: bool) -> None:
        self.repl.helpers_installed = False
        if interrupt or self.repl.upload_cut:
            self.repl.resync()
            self._probe()
            self.repl.to_friendly(show_banner=True)
        else:
            self.after_reset()  # the console takes over what the board says from now on
            # A board that booted before we opened the port shows no prompt: Ctrl-B on an
            # empty friendly line makes it print its banner and prompt again (a running
            # main.py ignores it and keeps the REPL working, which is the truth).
            if not self.console.wait_prompt(0.5):
                self.link.write(b"\x02")
                self.console.wait_prompt(1.0)

    def _probe(self) -> None:
        try:
            fast, kbd, sha, uname, platform, version = literal(self.repl.exec(helpers.PROBE))
        except (BoardError, TypeError, ValueError):
            fast = kbd = sha = False
            uname, platform, version = (), "", ""
        u = [*list(uname), "", "", "", "", ""]
        self.info = BoardInfo(
            machine=str(u[4]),
            version=str(u[2]),
            release=str(u[2]),
            sysname=str(u[0]),
            platform=str(platform),
            banner=self.info.banner,
            fast_transfer=bool(fast and kbd),
            has_hashlib=bool(sha),
            extra={"sys.version": str(version), "uname.version": str(u[3])},
        )

    def _on_banner(self, banner: str) -> None:
        self.info = with_banner(self.info, banner)

    def _diagnose(self, received: bytes) -> NotResponding:
        from ide.board.opening import diagnose_silence

        return diagnose_silence(received, self.port)

    def _on_link_lost(self, exc: BaseException) -> None:
        with self.gate:
            if self._closed or self._released or not self._connected:
                return
            self._connected = False
            if hasattr(self, "repl"):
                self.repl.invalidate()
            if self._op_active or self.runner.running:
                self._lost_in_op = True  # the board may sit inside the raw REPL: resync later
            start = self.auto_reconnect and not self._reconnecting
        self.state_changed()  # disconnected, at once
        self._notify(
            "disconnected",
            message(CTX, QT_TRANSLATE_NOOP("BoardSession", "The board was disconnected.")),
        )
        if start:
            self._reconnecting = True
            self.state_changed()
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
                if self._try_reopen():
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
            self.state_changed()

    def _try_reopen(self) -> bool:
        """One reconnection attempt (the transport opened again: the same port, or a fresh
        simulator); True when the board is back."""
        with self._op_lock:
            if self._closed or self._released:
                return False
            if self._connected:
                return True
            self.link.stop()  # closes the transport; opening it again starts afresh
            try:
                self._open_link()
            except Exception:  # noqa: BLE001 - not back yet (any transport's error)
                return False
            try:
                self._startup(interrupt=self._lost_in_op)
                self._lost_in_op = False
            except BoardError:
                self.link.stop()
                self._connected = False
                return False
        self.state_changed()
        return True

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

    def _check_usable(self) -> None:
        """Disconnected at once (no wait) when the board cannot be reached."""
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
        if not self._connected or self.link.lost:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "BoardSession", "The board is disconnected; waiting for it to come back."
                    ),
                )
            )

    # ------------------------------------------------------------------ operations
    @contextmanager
    def operation(self, *, busy_ok: bool = False) -> Iterator[None]:
        """Hold the board at the raw REPL prompt for one operation (files, exec, run).

        Busy at once while a program of run() runs, or (unless ``busy_ok``) while the REPL works
        on a line the user entered; Disconnected at once when the link is gone."""
        if self.runner.running:
            raise Busy()
        self._check_usable()
        if not self._op_lock.acquire(timeout=max(60.0, self.timeout * 6)):
            raise Busy()
        try:
            self._check_usable()
            with self.gate:
                if self.runner.running:
                    raise Busy()
                if self.repl.mode == "friendly" and not busy_ok and self.console.repl_working:
                    raise Busy()
                self._op_active = True
            self.state_changed()
            try:
                self.repl.ensure_raw()
                yield
            except LinkTimeout as e:
                self.repl.invalidate()
                raise Timeout(detail=str(e.detail)) from e
            except (RemoteError, Cancelled, VerifyFailed, Busy):
                raise  # raised at a clean protocol boundary: the board sits at the raw prompt
            except Disconnected:
                self.repl.invalidate()
                self._lost_in_op = True  # on reconnection: interrupt and resync
                raise
            except BaseException:
                self.repl.invalidate()  # mid-protocol (or a callback's own error): resync next
                raise
        finally:
            with self.gate:
                self._op_active = False
            self._last_op_end = time.monotonic()
            self._pump_gave_up = False
            self._op_lock.release()
            self.state_changed()
            if hasattr(self, "_pump"):
                self._pump.wake()

    def _pump_tick(self) -> None:
        """Deliver queued keystrokes; leave the raw REPL LAZY_EXIT s after the last operation."""
        if self._closed or not self._connected or self._released or self.runner.running:
            return
        lazy_due = (
            self.repl.mode in ("raw", "unknown")
            and not self._pump_gave_up
            and time.monotonic() - self._last_op_end > LAZY_EXIT
        )
        if not (self.console.has_queued() or lazy_due):
            return
        if not self._op_lock.acquire(timeout=0.05):
            return
        try:
            if self.runner.running or not self._connected or self._pump_gave_up:
                return
            if self.repl.mode == "unknown":
                self.repl.resync()
            if self.repl.mode == "raw":
                self.repl.to_friendly()
            if self.repl.mode == "friendly":
                with self.gate:
                    data = self.console.take_queued()
                    if data:
                        self.console.track_typed(data)
                        self.link.write(data)
        except BoardError:
            self.repl.invalidate()
            self._pump_gave_up = True  # the next operation will diagnose and say why
        finally:
            self._op_lock.release()

    def exec(self, code: str, timeout: float | None = None) -> str:
        """Run ``code`` in the raw REPL; return its output. RemoteError if it raised."""
        with self.operation():
            return self.repl.exec(code, timeout)

    def eval(self, expr: str, timeout: float | None = None) -> Any:
        """Evaluate ``expr`` on the board; its repr() must be a Python literal."""
        return literal(self.exec("print(repr(" + expr + "))", timeout))

    # ------------------------------------------------------------------ files (BoardFiles)
    def listdir(self, path: str = "/") -> list[Entry]:
        return self.files.listdir(path)

    def stat(self, path: str) -> Entry:
        return self.files.stat(path)

    def exists(self, path: str) -> bool:
        return self.files.exists(path)

    def mkdir(self, path: str, parents: bool = True) -> None:
        self.files.mkdir(path, parents)

    def remove(self, path: str) -> None:
        self.files.remove(path)

    def rmtree(self, path: str) -> None:
        self.files.rmtree(path)

    def rename(self, src: str, dst: str) -> None:
        self.files.rename(src, dst)

    def disk_usage(self, path: str = "/") -> tuple[int, int, int]:
        return self.files.disk_usage(path)

    def hashes(self, paths: Sequence[str]) -> dict[str, str | None]:
        return self.files.hashes(paths)

    def read_file(self, path: str, progress: Progress | None = None) -> bytes:
        return self.files.read_file(path, progress)

    def write_file(self, path: str, data: bytes | str, progress: Progress | None = None) -> None:
        self.files.write_file(path, data, progress)

    # ------------------------------------------------------------------ console and programs
    def subscribe(self, callback: ConsoleCallback, replay: bool = True) -> None:
        """Receive the friendly REPL's bytes (and, unless run() got ``on_output``, a program's
        output). With ``replay`` the bytes seen so far (up to 64 kB) come first. Called from the
        reader thread (or the thread of an operation): hand them over to the GUI thread."""
        self.console.subscribe(callback, replay)

    def unsubscribe(self, callback: ConsoleCallback) -> None:
        self.console.unsubscribe(callback)

    def write_console(self, data: bytes) -> None:
        """Keystrokes for the friendly REPL (or, while run() runs, for the program). Never
        blocks on the board: while an operation is in progress they are queued and delivered
        after it, in order."""
        if not data:
            return
        with self.gate:
            if self.runner.send_input(data):
                return
            if self._connected and self.repl.mode == "friendly" and not self._op_active:
                if not self.console.has_queued():
                    self.console.track_typed(data)  # before writing: the echo may come at once
                    self.link.write(data)
                    return
            self.console.queue(data)
        self._pump.wake()

    def send_input(self, data: bytes) -> None:
        """Typed input for the running program (same as write_console while run() runs)."""
        self.write_console(data)

    @property
    def running(self) -> bool:
        """True while run() is executing a user program."""
        return self.runner.running

    def run(
        self,
        code: str,
        on_output: Callable[[bytes], None] | None = None,
        *,
        stop_timeout: float = 2.0,
    ) -> RunResult:
        """Run a user program and return when it ends (normally, with an error, or stopped).

        It runs in the raw REPL without a soft reset, in the same globals as the friendly REPL.
        Output streams to ``on_output`` (or the console subscribers); :meth:`interrupt` stops
        it; NotResponding (IGNORES_CTRL_C) if three Ctrl-C do not. While it runs every other
        operation raises :class:`Busy` at once. See ide.board.runner."""
        return self.runner.run(code, on_output, stop_timeout=stop_timeout)

    def interrupt(self, timeout: float = 2.0) -> None:
        """Stop what runs: the program of run(), or whatever runs at the friendly REPL (Ctrl-C).
        For the latter, waits for the prompt and raises NotResponding if none comes."""
        if self.runner.interrupt():
            return
        self._check_usable()
        if not self._op_lock.acquire(timeout=timeout):
            return  # an operation is in progress; it ends by itself
        try:
            if self.repl.mode != "friendly":
                return
            for _ in range(3):
                with self.console.cond:
                    self.console.interrupting()
                    self.link.write(b"\x03")
                if self.console.wait_prompt(timeout):
                    return
            raise _ignores_ctrl_c()
        finally:
            self._op_lock.release()

    # ------------------------------------------------------------------ resets
    def soft_reset(self, timeout: float = 3.0) -> None:
        """Ctrl-D at the friendly prompt: fresh interpreter, boot.py and main.py run. The
        console sees it happen."""
        with self.operation(busy_ok=True):
            self.repl.to_friendly()
            with self.gate:
                self.console.board_restarting()
                self.repl.helpers_installed = False
                self.link.write(b"\x04")
        self.console.wait_prompt(timeout)

    def hard_reset(self) -> None:
        """Reset the board like its reset button: through the RTS line where it is wired to
        the chip's EN/reset (ESP boards with a USB-serial bridge), else ``machine.reset()``.
        The console then shows the boot (and main.py); the session reconnects if the port
        goes away and comes back."""
        lines = self.transport.reset_lines is not None
        self._check_usable()
        if self.runner.running:
            if not lines:
                self.interrupt()  # without reset lines only the program's own end frees the REPL
            else:
                self.runner.stop_by_reset()  # run() returns as soon as the board reboots
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
                    self.repl.ensure_raw()
                    self.repl.send_code(b"import machine\nmachine.reset()\n")
                except BoardError:
                    pass
            self.after_reset()

    def after_reset(self) -> None:
        """The board restarted: its helpers are gone and the console shows its boot."""
        self.repl.board_reset()
        self.repl.release_to_console()

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

    # ------------------------------------------------------------------ lending the port
    def release(self) -> None:
        """Close the port so another tool (esptool) can use it; :meth:`reacquire` takes it
        back."""
        if self.runner.running:
            self.interrupt()
        with self._lock_or_busy():
            if self._released or self._closed:
                return
            if self._connected and self.repl.mode == "raw":
                try:
                    self.repl.to_friendly()
                except BoardError:
                    pass
            self._released = True
            self._connected = False
            self.link.stop()
        self.state_changed()

    def lend_transport(self) -> Transport:
        """Stop reading the port but keep it open, and hand the transport to a caller that
        talks to the board itself (the rescue of a stuck board); :meth:`take_back` ends it."""
        with self._lock_or_busy():
            self.link.stop(close=False)  # the simulator's transport would end the board
            self._connected = False
            self._released = True
            return self.transport

    def take_back(self, transport: Transport | None = None) -> None:
        """After :meth:`lend_transport`: read the (still open) port again, or ``transport`` (the
        same board opened anew after a replug), and show the board's prompt."""
        with self._lock_or_busy():
            if transport is not None:
                self.transport = transport
                self.serial_number = transport.serial_number
            self._open_link(open_transport=False)
            self._released = False
            try:
                self._startup(interrupt=True)
            finally:
                self.state_changed()

    def reacquire(self, port: str | None = None, timeout: float = 10.0) -> None:
        """Open the port again (``port`` if it changed, e.g. after flashing) and show the
        board's banner on the console. Retries for ``timeout`` seconds while the port comes
        back. Recovers from any state (lent, disconnected, reconnecting)."""
        with self._lock_or_busy():
            self.link.stop()
            self._connected = False
            if port:
                self.port = port
                self.transport = self._make_transport(port)
                self.serial_number = self.transport.serial_number
            deadline = time.monotonic() + timeout
            while True:
                try:
                    self._open_link()
                    break
                except (Disconnected, NotResponding):
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
            self._released = False
            try:
                self._startup(interrupt=True)
                self._lost_in_op = False
            except BaseException:
                self.link.stop()
                self._connected = False
                raise
            finally:
                self.state_changed()

    def close(self) -> None:
        """Leave the board at its friendly prompt and close the port."""
        if self._closed:
            return
        # Teardown goes ahead even when an operation still holds the lock after CLOSE_WAIT
        # seconds (a board that stopped answering, a window being closed): stopping the link
        # makes that operation's next wait end in Disconnected, and closing must not hang.
        got = self._op_lock.acquire(timeout=CLOSE_WAIT)
        try:
            if self._connected and self.repl.mode == "raw" and not self.runner.running:
                try:
                    self.repl.to_friendly()
                except BoardError:
                    pass
            self._closed = True
            self._connected = False
            self.link.stop()
        finally:
            if got:
                self._op_lock.release()
        self._pump.stop()
        self.state_changed()
        self._state.close()

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
