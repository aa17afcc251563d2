"""Getting a lost board back, for the SessionController: which port it aims for, whether the
port is lent to another tool, the poll timer that reopens a port once it is back, and the
reaction to ide.board's own loss and reconnection events. Owned by the SessionController,
whose state and signals it drives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from ide.core.board_link import port_present
from ide.text import Message
from ide.ui import error_text, translate_message
from ide.ui.board.states import CONNECTING, DISCONNECTED, IDLE, RECONNECTING, SIMULATOR

if TYPE_CHECKING:
    from ide.ui.board.session_controller import SessionController


class Reconnector:
    """The port auto-reconnect aims for and the timer that polls for it."""

    def __init__(self, controller: SessionController, interval_ms: int) -> None:
        self._ctl = controller
        self.wanted_port: str | None = None  # what auto-reconnect aims for
        self.released = False  # the port is lent to another tool: no reconnecting meanwhile
        self.timer = QTimer(controller)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.try_reconnect)

    def aim(self, port: str) -> None:
        """connect_port(port): follow this port from now on."""
        self.timer.stop()
        self.wanted_port = port
        self.released = False

    def forget(self) -> None:
        """No auto-reconnect (closed by the user, shut down, or a refused password)."""
        self.timer.stop()
        self.wanted_port = None

    def release(self) -> None:
        self.timer.stop()
        self.released = True

    def is_active(self) -> bool:
        return self.timer.isActive()

    def job_lost(self, exc: BaseException) -> None:
        """A job failed because the link is gone (GUI thread)."""
        ctl = self._ctl
        if ctl.state == DISCONNECTED or not self.wanted_port:
            return
        if ctl.state == CONNECTING and self.wanted_port.startswith("ws://"):
            # a WebREPL address that cannot be opened (refused, unreachable, a mistyped name,
            # another client) is said in a dialog (open_failed), not retried in silence: a
            # network address is always "present", so the poll would try it for ever
            return
        board_state = str(getattr(ctl.session, "state", ""))
        if board_state in (DISCONNECTED, RECONNECTING):
            # ide.board saw the loss too and looks for the board itself (a real board by
            # serial number, the simulator by a fresh start): its own events ("disconnected",
            # "reconnect-failed") drive this controller; dropping the session here would
            # stop that search.
            ctl._runs.finish()
            ctl._set_disconnected(error_text(exc))
            if board_state == RECONNECTING:
                ctl._set_state(RECONNECTING)
        else:
            self.lost(error_text(exc))

    def on_session_event(self, session: Any, event: str, msg: Message) -> None:
        """GUI thread: ide.board reports "disconnected", "reconnected", "reconnect-failed"."""
        ctl = self._ctl
        if session is not ctl.session or self.wanted_port is None or self.released:
            return
        if event == "disconnected":
            ctl._runs.finish()
            ctl._set_disconnected(translate_message(msg))
            ctl.reconnecting.emit(self.wanted_port)  # ide.board waits for the same device
            if str(session.state) == RECONNECTING:
                ctl._set_state(RECONNECTING)
        elif event == "reconnected":
            ctl._set_state(IDLE)
            ctl.connected.emit(ctl.port or "", ctl.description)
        elif event == "reconnect-failed":
            ctl.gave_up.emit(translate_message(msg))  # (the status bar's words go at once)
            self.lost(translate_message(msg), gave_up=True)

    def on_board_state(self, session: Any, state: object) -> None:
        """GUI thread: re-emit ide.board's state; show that it is looking for the board."""
        ctl = self._ctl
        if session is not ctl.session:
            return
        ctl.board_state.emit(str(state))
        if str(state) == RECONNECTING and ctl.state != CONNECTING:
            ctl._set_state(RECONNECTING)

    def lost(self, reason: str, *, gave_up: bool = False) -> None:
        """The link is gone: drop the session and poll for the port (``gave_up``: ide.board's
        own reconnection already looked for it and gave up)."""
        ctl = self._ctl
        if self.wanted_port is None or self.released:
            return
        ctl._generation += 1
        ctl._runs.finish()
        ctl._enqueue(self._drop_session, None, None, busy=False, needs_session=False)
        ctl._set_disconnected(reason)
        if gave_up and self.wanted_port.startswith("ws://"):
            # an address is always "present": polling it would reopen it every tick for ever
            # (the state flickering); ide.board has already looked for it, and the user is
            # told to connect again once the board is back on the Wi-Fi
            self.forget()
            return
        ctl.reconnecting.emit(self.wanted_port)
        self.timer.start()

    def _drop_session(self) -> None:
        ctl = self._ctl
        session, ctl._session = ctl._session, None
        if session is not None:
            try:
                session.close()
            except Exception:  # noqa: BLE001
                pass

    def try_reconnect(self) -> None:
        ctl = self._ctl
        port = self.wanted_port
        if port is None or self.released or ctl.state == CONNECTING:
            return
        if port != SIMULATOR and not port_present(port):
            return
        self.timer.stop()
        ctl._generation += 1
        generation = ctl._generation
        ctl._set_state(CONNECTING)

        def failed(exc: BaseException) -> None:
            if generation != ctl._generation:
                return
            ctl._set_state(DISCONNECTED)
            self.timer.start()

        ctl._enqueue(
            lambda: ctl._opening.open(port),
            lambda info: ctl._opening.opened(generation, port, info),
            failed,
            busy=False,
            needs_session=False,
        )
