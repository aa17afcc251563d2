"""SessionController: the Qt side of the one board session (see ide.board).

Everything the UI asks of the board goes through here. Jobs run on one worker thread, one
at a time, in order; their results come back as callbacks on the GUI thread, so no widget
ever waits for the port. Keystrokes take a separate small thread so typing never queues
behind a file transfer, and bytes from the board are coalesced before they are signalled,
so a program printing in a tight loop costs the GUI one queued call per batch, not per read.

Port "simulator" is the built-in virtual board: ``connect("simulator")`` gives a session whose
transport (ide.board.transports.simulator) starts it over pipes, no pty, on every OS. A killed
board is a lost link like a pulled cable: ide.board notices it at once and reconnects by opening
the same transport again (a fresh board on the same flash folder); this controller only follows
the session's state.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ide.core.board_link import disconnected_error, is_disconnect
from ide.text import QT_TRANSLATE_NOOP, Message, error_message, message
from ide.ui.board.opening import SessionOpener
from ide.ui.board.reconnect import Reconnector
from ide.ui.board.runs import ProgramRuns
from ide.ui.board.simulated import SimulatedBoard
from ide.ui.board.states import (
    BUSY,
    CONNECTING,
    DISCONNECTED,
    IDLE,
    RECONNECTING,  # noqa: F401 - re-exported: every state is importable from here
    RUNNING,
    SIMULATOR,
)
from ide.ui.board.traffic import KeySender, OutputBatcher
from ide.ui.worker import Worker

log = logging.getLogger(__name__)

T = TypeVar("T")
CTX = "SessionController"


class SessionController(QObject):
    """Owns the session object and its worker thread (for "simulator" the session's transport
    owns the virtual board; :attr:`simulator` reaches it)."""

    connected = Signal(str, str)  # port, description ("Raspberry Pi Pico · MicroPython 1.24")
    disconnected = Signal(str)  # reason, for the status bar
    state_changed = Signal(str)  # disconnected | connecting | idle | running | busy | reconnecting
    console_bytes = Signal(bytes)  # friendly REPL and program output
    error = Signal(object)  # ide.text.Message or str, for a dialog
    files_changed = Signal()  # after a run or a file action
    program_finished = Signal()  # a run_program() ended (normally, by Stop or by an error)
    stop_ignored = Signal()  # Stop's Ctrl-C had no effect: the UI offers a hard reset
    reconnecting = Signal(str)  # the link was lost; trying to get it back
    gave_up = Signal(str)  # ide.board stopped looking for the lost board: why, what to do
    board_state = Signal(str)  # ide.board's own state: idle|running|busy|disconnected|reconnecting
    #: a session is about to open (any earlier one's output delivered before it): what the
    #: console shows next is a board answering anew, its banner on a line of its own
    board_opening = Signal()

    RECONNECT_INTERVAL_MS = 1500

    def __init__(self, parent: QObject | None = None, worker: Worker | None = None) -> None:
        super().__init__(parent)
        # the UI's one background worker: board jobs run on it one at a time, in order
        self.worker = worker or Worker(self, name="hotaru-session")
        self._keys = KeySender(lambda: self._session)
        self._output = OutputBatcher(self._post, self.console_bytes.emit)
        self._runs = ProgramRuns(self)  # the user's program: run, Stop, interrupt

        self._session: Any = None  # ide.board session; written by the worker thread
        self._sim = SimulatedBoard(self)  # the built-in board: its kind, transport, files
        self._port: str | None = None
        self._opening = SessionOpener(self)  # open/close/release; WebREPL passwords
        self._generation = 0  # bumps on every connect/disconnect; stale jobs see it
        self._state = DISCONNECTED
        self._shut_down = False
        self.description = ""
        self.board_name = ""
        self.version = ""
        #: The exception behind the latest ``error`` signal, when there was one (the UI
        #: offers the firmware installer when a port does not speak MicroPython).
        self.last_exception: BaseException | None = None

        # the lost board: the port aimed for, lent-out, and the timer polling for its return
        self._reconnect = Reconnector(self, self.RECONNECT_INTERVAL_MS)

    # -- public face -----------------------------------------------------------------------

    @property
    def port(self) -> str | None:
        return self._port

    @property
    def state(self) -> str:
        return self._state

    @property
    def virtual_board(self) -> Any:
        """The ide.simulator board behind port "simulator" (its power switch), else None."""
        return self.simulator

    @property
    def session(self) -> Any:
        """The ide.board session, for code already running inside submit()."""
        return self._session

    @property
    def simulator(self) -> Any:
        """The running virtual board (ide.simulator.VirtualBoard: pin events, set_pin) when
        connected to a live "simulator", else None. It changes on every reconnection."""
        return self._sim.running_board()

    def is_connected(self) -> bool:
        return self._state in (IDLE, RUNNING, BUSY)

    def set_simulated_board(self, kind: str) -> None:
        """Make the simulator a "pico" or an "esp32"; a running simulator restarts as it."""
        self._sim.set_kind(kind)

    @property
    def simulated_board(self) -> str:
        """Which board the simulator pretends to be: "pico" or "esp32" (set_simulated_board)."""
        return self._sim.kind

    @simulated_board.setter
    def simulated_board(self, kind: str) -> None:
        self._sim.kind = kind  # no restart: set_simulated_board() restarts a running simulator

    def is_running(self) -> bool:
        return self._runs.running

    @property
    def last_run_filename(self) -> str:
        """The filename the latest run_program() was given (for tracebacks)."""
        return self._runs.last_run_filename

    def connect_port(self, port: str) -> None:
        """Connect to a device path / pyserial URL, or "simulator"; disconnects first."""
        self._reconnect.aim(port)
        self._generation += 1
        generation = self._generation
        self._port = port
        self._runs.interrupt()
        self._set_state(CONNECTING)
        self._enqueue(
            lambda: self._opening.open(port),
            lambda info: self._opening.opened(generation, port, info),
            lambda exc: self._opening.open_failed(generation, port, exc),
            busy=False,
            needs_session=False,
        )

    def set_password(self, url: str, password: str) -> None:
        """The WebREPL password for ``url`` (a ws:// port), used by the next connect_port."""
        self._opening.passwords.set(url, password)

    def has_password(self, url: str) -> bool:
        return self._opening.passwords.has(url)

    def disconnect_port(self) -> None:
        """Close the session (and the simulator); no auto-reconnect afterwards."""
        self._reconnect.forget()
        self._generation += 1
        self._port = None
        self._runs.finish()
        self._enqueue(self._opening.close, None, None, busy=False, needs_session=False)
        self._set_disconnected(self.tr("Not connected"))

    def submit(
        self,
        fn: Callable[[Any], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        busy: bool = True,
    ) -> None:
        """Run fn(session) on the worker thread, after the jobs before it.

        on_done(result) / on_error(exception) are called on the GUI thread. Without on_error
        the failure is shown through the ``error`` signal. ``busy`` shows "busy" meanwhile.
        """
        self._enqueue(lambda: fn(self._session), on_done, on_error, busy=busy)

    def run_program(self, code: str, filename: str = "<stdin>", fresh: bool | None = None) -> None:
        """Run code as the user's program; output streams to console_bytes, keys to its input.

        ``fresh``: soft-reset the board first (timers, IRQ handlers, PWM and globals of earlier
        runs gone; main.py does not run); None follows Preferences.keep_board_state."""
        self._runs.run(code, filename, fresh)

    def stop(self) -> None:
        """A real Ctrl-C, so the program's ``finally:`` blocks run. ide.board repeats it; if the
        program still runs, stop_ignored asks the window to offer a hard reset."""
        self._runs.stop()

    def hard_reset(self) -> None:
        """Reset the board (DTR/RTS or machine.reset); the session reconnects afterwards."""
        session = self._session
        if session is None:
            return
        if self._port == SIMULATOR:
            # The virtual board's power switch: a fresh one (a program that ignores Ctrl-C
            # would also ignore the machine.reset() a board without reset lines gets).
            self.connect_port(SIMULATOR)
            return
        self._runs.side_call(session.hard_reset)

    def soft_reboot(self) -> None:
        """Ctrl-D: stop the program, clear the board's memory, run boot.py/main.py again."""
        if self._session is None:
            if self._state != CONNECTING:  # connecting resets the board anyway
                self.error.emit(self.not_connected_message())
            return
        self._runs.interrupt()
        self.submit(lambda s: s.soft_reset(), None, None, busy=False)

    def send_keys(self, data: bytes) -> None:
        """Keystrokes: to the running program's input, else to the friendly REPL."""
        if not data or self._session is None or self._reconnect.released:
            return
        self._keys.send(data, to_program=self._runs.running)

    def release_port(self, timeout: float = 15.0) -> bool:
        """Let another tool (the firmware installer) open the port; True once it is free."""
        self._reconnect.release()
        if self._session is None:
            return True
        self._runs.interrupt()
        done = threading.Event()
        self._enqueue(
            lambda: self._opening.release(done), None, None, busy=False, needs_session=False
        )
        ok = done.wait(timeout)
        self._runs.finish()
        self._set_disconnected(self.tr("Port lent to another tool"))
        return ok

    def reacquire_port(self, port: str | None = None) -> None:
        """Take the port back after release_port(), or connect to a new one."""
        self._reconnect.released = False
        target = port or self._reconnect.wanted_port or self._port
        if target is None:
            return
        self.connect_port(target)

    def erase_simulator_files(
        self,
        on_done: Callable[[None], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Empty the virtual board's flash folder. ide.simulator refuses while a board runs on
        it, so a simulator session is closed first (in the worker's order) and opened again
        afterwards, whether the erase worked or not."""
        self._sim.erase_files(on_done, on_error)

    def shutdown(self) -> None:
        """Close everything; called when the main window closes. Never waits long."""
        if self._shut_down:
            return
        self._shut_down = True
        self._reconnect.forget()
        self._generation += 1
        self._runs.interrupt(patience=3.0)
        if self.worker.is_alive():
            done = threading.Event()

            def close() -> None:
                try:
                    self._opening.close()
                finally:
                    done.set()

            self._enqueue(close, None, None, busy=False, needs_session=False)
            self.worker.stop()
            if not done.wait(3.0):
                # A job still holds the worker (a program that will not stop): pull the plug.
                log.warning("session did not close within 3 s; closing the port under it")
                self._opening.close()
        else:
            self._opening.close()
        self._keys.stop()

    # -- worker thread -----------------------------------------------------------------------

    def _enqueue(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        *,
        busy: bool,
        needs_session: bool = True,
    ) -> None:
        generation = self._generation
        entered = False  # the job got past the session check (and showed "busy" if asked)

        def job() -> Any:
            nonlocal entered
            # worker thread: a job queued for a session that is gone or replaced fails quietly
            if needs_session and (self._session is None or generation != self._generation):
                raise _Stale(disconnected_error())
            entered = True
            if busy:
                self._post(lambda: self._set_state(BUSY) if self._state == IDLE else None)
            return fn()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, _Stale):
                self._job_failed(exc.error, on_error, report=False)
            else:
                self._job_failed(exc, on_error)

        def finished() -> None:
            # after on_done / on_error (the worker queues it last), as "busy" ends
            if busy and entered and self._state == BUSY:
                self._set_state(IDLE)

        self.worker.submit(job, on_done, failed, finished)

    def _job_failed(
        self,
        exc: BaseException,
        on_error: Callable[[BaseException], None] | None,
        report: bool = True,
    ) -> None:
        lost = is_disconnect(exc)
        if lost:
            self._reconnect.job_lost(exc)
        if on_error is not None:
            on_error(exc)
        elif report and not (lost and self._reconnect.is_active()):
            self.last_exception = exc
            self.error.emit(error_message(exc))

    # -- GUI thread --------------------------------------------------------------------------

    def _post(self, fn: Callable[[], Any]) -> None:
        self.worker.post(fn)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _set_disconnected(self, reason: str) -> None:
        if self._state != DISCONNECTED:
            self._set_state(DISCONNECTED)
            self.disconnected.emit(reason)

    def _open_failed(self, generation: int, port: str, exc: BaseException) -> None:
        # kept here: tests and callers that fail an open by hand use the controller's name
        self._opening.open_failed(generation, port, exc)

    def lost_message(self) -> Message:
        """What Run and the board's commands say while the lost board is being looked for."""
        return lost_message()

    def not_connected_message(self) -> Message:
        return not_connected_message()


def lost_message() -> Message:
    """What Run and the board's commands say while the lost board is being looked for."""
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "SessionController",
            "The connection to the board was lost; Hotaru is trying to reconnect. To "
            "reconnect now, choose your board (or the simulator) again in the port list.",
        ),
    )


def not_connected_message() -> Message:
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "SessionController",
            "No board is connected. Choose your board (or the simulator) in the port "
            "list at the top of the window.",
        ),
    )


class _Stale(Exception):
    """A job whose session went away before it ran; carries the error its caller sees."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error
