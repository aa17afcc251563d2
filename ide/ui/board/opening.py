"""Opening and closing the board session for the SessionController: the transport chosen for
a port, the session's callbacks wired to the controller, closing, lending the port out, and
what the GUI thread does when an open succeeds or fails. Also the WebREPL passwords the next
open uses. Owned by the SessionController."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ide.core.board_link import describe
from ide.text import error_message
from ide.ui.board.passwords import WebReplPasswords, is_wrong_password
from ide.ui.board.states import IDLE, RUNNING, SIMULATOR

if TYPE_CHECKING:
    from ide.ui.board.session_controller import SessionController

log = logging.getLogger(__name__)


class SessionOpener:
    """The connect/open/close/release steps; the session itself stays on the controller."""

    def __init__(self, controller: SessionController) -> None:
        self._ctl = controller
        self.passwords = WebReplPasswords()  # WebREPL URL -> password, for this run only

    # -- worker thread -----------------------------------------------------------------------

    def open(self, port: str) -> tuple[str, str, str]:
        ctl = self._ctl
        self.close()
        ctl._output.mark(ctl.board_opening.emit)  # between the old output and the new
        session = self.connect(port)
        session.subscribe(ctl._output.add)
        session.on_state(
            lambda state: ctl._post(lambda: ctl._reconnect.on_board_state(session, state))
        )
        session.add_listener(
            lambda event, msg: ctl._post(
                lambda: ctl._reconnect.on_session_event(session, event, msg)
            )
        )
        ctl._session = session
        return describe(session)

    def connect(self, port: str) -> Any:
        """Open the board session (worker thread). The one place a transport is chosen:
        "simulator" is the built-in board, started by the session's own transport (pipes)."""
        from ide.board import connect

        if port == SIMULATOR:
            from ide.simulator import early

            # `hotaru --port simulator` opened it while the window was built (ide.__main__)
            opened = early.take_session(self._ctl._sim.kind)
            if opened is not None and getattr(opened, "connected", False):
                return opened
            if opened is not None:  # it died meanwhile: a fresh one, the usual way
                early.close_quietly(opened)
            return connect(port, transport=self._ctl._sim.transport())
        return connect(port, password=self.passwords.get(port))

    def close(self) -> None:
        ctl = self._ctl
        session, ctl._session = ctl._session, None
        if session is not None:
            try:
                session.close()
            except Exception:  # noqa: BLE001 - closing a dead link may fail; it is gone anyway
                log.debug("closing the session failed", exc_info=True)

    def release(self, done: threading.Event) -> None:
        ctl = self._ctl
        try:
            if ctl.port == SIMULATOR:
                self.close()  # nothing else wants a virtual board's port: stop the board
            elif ctl._session is not None:
                ctl._session.release()
        finally:
            done.set()

    # -- GUI thread --------------------------------------------------------------------------

    def opened(self, generation: int, port: str, info: tuple[str, str, str]) -> None:
        ctl = self._ctl
        if generation != ctl._generation:
            return
        ctl.description, ctl.board_name, ctl.version = info
        ctl._set_state(RUNNING if ctl._runs.running else IDLE)
        ctl.connected.emit(port, ctl.description)

    def open_failed(self, generation: int, port: str, exc: BaseException) -> None:
        ctl = self._ctl
        if generation != ctl._generation:
            return
        if is_wrong_password(exc):
            # forget it (this run's and the keyring's): choosing the address again asks anew,
            # and no quiet retry repeats a password the board refused
            self.passwords.forget(port)
            ctl._reconnect.forget()
        reconnecting = ctl._reconnect.is_active()
        ctl._set_disconnected(QCoreApplication.translate("SessionController", "Not connected"))
        if ctl._reconnect.wanted_port == port and reconnecting:
            ctl._reconnect.timer.start()  # keep trying quietly
            return
        ctl.last_exception = exc
        ctl.error.emit(error_message(exc))
