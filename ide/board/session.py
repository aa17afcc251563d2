"""The session: one connected board. It owns the transport's lifecycle (open, lose, reconnect,
lend, close), the operation lock, resets and the board's state; the work is done by objects
that own their own state:

- ide.board.repl.RawRepl        the raw-REPL protocol (mode, raw-paste window, cut uploads)
- ide.board.console.ConsoleRouter  subscribers, backlog, prompt and typed-line tracking, the
                                 keystroke queue (delivered by the *pump* thread)
- ide.board.files.BoardFiles    file operations (listings, transfers, hashes)
- ide.board.runner.Runner       run(), a program's input, its stop tries
- ide.board.state.StateCell     idle / running / busy / disconnected / reconnecting
- ide.board.operations.OperationGate  the operation lock, operation(), the cancel request and
                                 the state the facts add up to

Threads: the *reader* (ide.board.link) owns every read of the transport; the *caller's* thread
runs an operation holding the operation lock (operations are serialised in call order, the
object may be shared between threads); the *pump* delivers keystrokes typed during an operation
and takes the board back to the friendly REPL shortly after the last operation; a *reconnect*
thread exists only while a lost board is looked for; the state's *notifier* calls on_state
subscribers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from ide.board.connection import SIMULATOR, Connection
from ide.board.console import ConsoleCallback, ConsoleRouter
from ide.board.errors import (
    BoardError,
    NotResponding,
)
from ide.board.files import BoardFiles, Progress, walk
from ide.board.keys import Keys
from ide.board.link import Link
from ide.board.operations import OperationGate
from ide.board.repl import RawRepl, literal, probe_info, with_banner
from ide.board.resets import Resets
from ide.board.runner import Runner
from ide.board.state import BoardState, StateCallback, StateCell
from ide.board.transports.base import Transport
from ide.board.transports.serial import PySerialLike
from ide.board.types import BoardInfo, Entry, RunResult
from ide.text import Message

CTX = "BoardSession"
CLOSE_WAIT = 3.0  # seconds close() waits for it before tearing down anyway

__all__ = ["SIMULATOR", "Progress", "Session"]


class Session:
    """A connected board. Build it with :func:`ide.board.connect`."""

    def __init__(
        self,
        port: str,
        baudrate: int = 115200,
        *,
        serial_factory: Callable[[], PySerialLike] | None = None,
        auto_reconnect: bool = True,
        timeout: float = 10.0,
        interrupt: bool = True,
        hard_reset_lines: bool | None = None,
        transport: Transport | None = None,
    ) -> None:
        self.timeout = timeout
        self.info = BoardInfo()
        self.ops = OperationGate(self)  # the operation lock, op_active, the cancel request
        self.gate = self.ops.gate  # where keystrokes go: mode, op_active, running, queue
        self._listeners: list[Callable[[str, Message], None]] = []
        self._state = StateCell(BoardState.BUSY)
        self._state_lock = threading.Lock()  # only around working out and setting the state
        self.console = ConsoleRouter()
        self.runner = Runner(self)
        self.files = BoardFiles(self)
        self.resets = Resets(self)
        self.keys = Keys(self)
        self.conn = Connection(
            self,
            port,
            baudrate,
            serial_factory=serial_factory,
            hard_reset_lines=hard_reset_lines,
            auto_reconnect=auto_reconnect,
            transport=transport,
        )
        self.repl = RawRepl(
            self.conn.open_link(),
            self.console,
            timeout=timeout,
            diagnose=self._diagnose,
            on_banner=self._on_banner,
        )
        try:
            with self.ops.lock:
                self.startup(interrupt=interrupt)
        except BaseException:
            self.conn.stop_link()
            self.conn.connected = False
            self._state.close()
            raise
        self.state_changed()
        self.keys.start()

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
        """Work out the state from the facts and tell the subscribers if it changed. Serialised:
        a thread that read the facts earlier must not overwrite a newer state with its own."""
        with self._state_lock:
            self._state.set(self.ops.state_from_facts())

    # ------------------------------------------------------------------ the connection
    @property
    def link(self) -> Link:
        return self.repl.link

    @property
    def transport(self) -> Transport:
        return self.conn.transport

    @property
    def port(self) -> str:
        return self.conn.port

    @property
    def serial_number(self) -> str | None:
        """The USB serial number a lost board is looked for by (None: reopen the same port)."""
        return self.conn.serial_number

    @serial_number.setter
    def serial_number(self, value: str | None) -> None:
        self.conn.serial_number = value

    @property
    def flow_controlled(self) -> bool:
        """Bytes sent faster than the board reads them wait instead of being lost: the link
        paces itself and so does the firmware behind it (uploads keep more in flight then)."""
        from ide.board import opening  # (as connection.py: pyserial is not imported at start)

        t = self.transport
        if not t.flow_control:
            return False
        network = t.name.startswith("ws://")  # (WebREPL: TCP; the name is its URL)
        return opening.board_keeps_pace(self.info.platform, self.info.version, network)

    @property
    def connected(self) -> bool:
        return self.conn.usable

    @property
    def op_lock(self) -> threading.RLock:
        return self.ops.lock

    def on_new_link(self, link: Link) -> None:
        """The connection opened a link: the protocol starts from scratch on it."""
        if hasattr(self, "repl"):  # (at connect the protocol object is made with it)
            self.repl.new_link(link)

    # The operation gate's (ide.board.operations), for the other board modules and the UI.
    def op_active(self) -> bool:
        return self.ops.op_active()

    def in_operation(self) -> bool:
        return self.ops.in_operation()

    def request_cancel(self) -> bool:
        """Ask the operation in progress (a transfer) to stop; False when none is."""
        return self.ops.request_cancel()

    def cancel_requested(self) -> bool:
        return self.ops.cancel_requested()

    def lock_wait(self) -> float:
        return self.ops.lock_wait()

    def lock_or_busy(self) -> AbstractContextManager[None]:
        """The operation lock, Busy after LOCK_WAIT seconds (OperationGate.lock_or_busy)."""
        return self.ops.lock_or_busy()

    def operation(
        self, *, busy_ok: bool = False, keys_first: bool = True
    ) -> AbstractContextManager[None]:
        """Hold the board at the raw REPL prompt for one operation (OperationGate.operation)."""
        return self.ops.operation(busy_ok=busy_ok, keys_first=keys_first)

    def add_listener(self, callback: Callable[[str, Message], None]) -> None:
        """``callback(event, message)`` for "disconnected", "reconnected", "reconnect-failed".
        Called from a background thread."""
        self.conn.add_listener(callback)

    def startup(self, interrupt: bool) -> None:
        """A link was opened: take the board to its friendly prompt (stopping what runs unless
        ``interrupt`` is False), learn what it is."""
        self.repl.helpers_installed = False
        if interrupt or self.repl.upload_cut:
            self.repl.resync(banner_follows=True)
            self.info = probe_info(self.repl, self.info.banner)
            self.repl.to_friendly(show_banner=True)
        else:
            self.repl.greet()  # banner and prompt (asked for by Ctrl-B if they were missed)

    def _on_banner(self, banner: str) -> None:
        self.info = with_banner(self.info, banner)

    def _diagnose(self, received: bytes) -> NotResponding:
        from ide.board.opening import diagnose_silence

        return diagnose_silence(received, self.port)

    # ------------------------------------------------------------------ operations
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

    def walk(
        self,
        path: str = "/",
        depth: int | None = None,
        enter: Callable[[Entry], bool] | None = None,
    ) -> Iterator[tuple[str, int, Sequence[Entry]]]:
        """Every folder below ``path``, one listing each (ide.board.files.walk). Lists through
        ``self.listdir``, so whatever wraps a session's listdir is seen."""
        return walk(self.listdir, path, depth, enter)

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

    def write_files(
        self, files: Sequence[tuple[str, bytes | str]], progress: Progress | None = None
    ) -> None:
        """Many files in one stream (BoardFiles.write_files)."""
        self.files.write_files(files, progress)

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
        if data:
            self.keys.write(data)

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
        fresh: bool = False,
    ) -> RunResult:
        """Run a user program and return when it ends (normally, with an error, or stopped).

        It runs in the raw REPL, in the same globals as the friendly REPL (they stay there for
        the ``>>>`` prompt afterwards); ``fresh`` soft-resets the board first from the raw REPL
        (boot.py runs, main.py does not, files are kept), so no Timer, IRQ handler or global
        of an earlier run survives.
        Output streams to ``on_output`` (or the console subscribers); :meth:`interrupt` stops
        it; NotResponding (IGNORES_CTRL_C) if three Ctrl-C do not. While it runs every other
        operation raises :class:`Busy` at once. See ide.board.runner."""
        return self.runner.run(code, on_output, stop_timeout=stop_timeout, fresh=fresh)

    def interrupt(self, timeout: float = 2.0) -> None:
        """Stop what runs: the program of run(), or whatever runs at the friendly REPL (Ctrl-C).
        For the latter, waits for the prompt and raises NotResponding if none comes."""
        self.resets.interrupt(timeout)

    # ------------------------------------------------------------------ resets
    def soft_reset(self, timeout: float = 3.0) -> None:
        """Ctrl-D at the friendly prompt: fresh interpreter, boot.py and main.py run. The
        console sees it happen."""
        self.resets.soft_reset(timeout)

    def hard_reset(self) -> None:
        """Reset the board like its reset button: through the RTS line where it is wired to
        the chip's EN/reset (ESP boards with a USB-serial bridge), else ``machine.reset()``.
        The console then shows the boot (and main.py); the session reconnects if the port
        goes away and comes back."""
        self.resets.hard_reset()

    def after_reset(self) -> None:
        self.resets.after_reset()

    # ------------------------------------------------------------------ lending the port
    def release(self) -> None:
        """Close the port so another tool (esptool) can use it; :meth:`reacquire` takes it
        back."""
        if self.runner.running:
            self.interrupt()
        self.conn.lend()

    def reacquire(self, port: str | None = None, timeout: float = 10.0) -> None:
        """Open the port again (``port`` if it changed, e.g. after flashing) and show the
        board's banner on the console. Retries for ``timeout`` seconds while the port comes
        back. Recovers from any state (lent, disconnected, reconnecting)."""
        self.conn.take_back(port, timeout)

    def lend_transport(self) -> Transport:
        """Keep the port open but stop reading it, for a caller that talks to the board itself
        (the rescue of a stuck board); :meth:`take_back` ends the loan."""
        return self.conn.lend_transport()

    def take_back(self, transport: Transport | None = None) -> None:
        """After :meth:`lend_transport`: read the port again (or ``transport``, the same board
        opened anew after a replug) and show the board's prompt."""
        self.conn.take_back_transport(transport)

    def leave_raw(self) -> None:
        """Back to the friendly REPL if the protocol is in the raw REPL (best effort)."""
        if self.conn.usable and self.repl.mode == "raw" and not self.runner.running:
            try:
                self.repl.to_friendly()
            except BoardError:
                pass

    def close(self) -> None:
        """Leave the board at its friendly prompt and close the port."""
        conn = self.conn
        if conn.closed:
            return
        # Teardown goes ahead even when an operation still holds the lock after CLOSE_WAIT
        # seconds (a board that stopped answering, a window being closed): stopping the link
        # makes that operation's next wait end in Disconnected, and closing must not hang.
        got = self.ops.lock.acquire(timeout=CLOSE_WAIT)
        try:
            if got:  # never write into an operation still under way (an upload's data)
                self.leave_raw()
            conn.closed = True
            conn.connected = False
            conn.stop_link()
        finally:
            if got:
                self.ops.lock.release()
        self.keys.stop()
        self.state_changed()
        self._state.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
