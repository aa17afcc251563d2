"""The built-in virtual board's side of the SessionController: which board the simulator
pretends to be, its transport (with npm's install lines into the console), the running board
for the Board view, and emptying its flash folder. Owned by the SessionController."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ide.text import error_message
from ide.ui.board.states import SIMULATOR

if TYPE_CHECKING:
    from ide.ui.board.session_controller import SessionController


class SimulatedBoard:
    """The simulator's kind ("pico" or "esp32") and the calls that only concern it."""

    def __init__(self, controller: SessionController) -> None:
        self._ctl = controller
        #: which board the simulator pretends to be: "pico" or "esp32" (set_kind)
        self.kind = "pico"

    def running_board(self) -> Any:
        """The live ide.simulator.VirtualBoard behind the session, else None."""
        session = self._ctl.session
        if session is None:
            return None
        board = getattr(session.transport, "board", None)
        # a killed board stays on its transport until the reconnection replaces it: not offered
        return board if board is not None and board.alive else None

    def set_kind(self, kind: str) -> None:
        if kind == self.kind:
            return
        self.kind = kind
        if self._ctl.port == SIMULATOR:
            self._ctl.connect_port(SIMULATOR)

    def transport(self) -> Any:
        """Worker thread: a transport that starts the virtual board over pipes."""
        from ide.board.transports.simulator import SimulatorTransport

        # which board it pretends to be; npm's lines into the console if its first start
        # installs MicroPython (a source checkout: a wheel carries it)
        return SimulatorTransport(board=self.kind, progress=self._install_progress)

    def _install_progress(self, line: str) -> None:
        """Worker thread: npm's lines while the simulator's first start installs MicroPython,
        into the console (instead of a silent wait)."""
        self._ctl._output.add((line + "\r\n").encode("utf-8", "replace"))

    def erase_files(
        self,
        on_done: Callable[[None], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        from ide.simulator import erase_files

        ctl = self._ctl
        reconnect = ctl.port == SIMULATOR
        if reconnect:
            ctl.disconnect_port()  # queues the close before the erase below

        def done(result: None) -> None:
            if reconnect:
                ctl.connect_port(SIMULATOR)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if reconnect:
                ctl.connect_port(SIMULATOR)
            if on_error is not None:
                on_error(exc)
            else:
                ctl.last_exception = exc
                ctl.error.emit(error_message(exc))

        ctl._enqueue(erase_files, done, failed, busy=False, needs_session=False)
