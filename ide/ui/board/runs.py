"""The user's program runs for the SessionController: starting one, Stop's Ctrl-C (sent from a
side thread so it never waits behind the running job) and the end of a run. Owned by the
SessionController, whose signals it emits."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ide.core.board_link import is_disconnect
from ide.text import error_message
from ide.ui.board.states import IDLE, RECONNECTING, RUNNING

if TYPE_CHECKING:
    from ide.ui.board.session_controller import SessionController

log = logging.getLogger(__name__)


class ProgramRuns:
    """Whether a program runs, and the run/stop/interrupt steps around it."""

    def __init__(self, controller: SessionController) -> None:
        self._ctl = controller
        self.running = False
        self.last_run_filename = "<stdin>"

    def run(self, code: str, filename: str, fresh: bool | None) -> None:
        ctl = self._ctl
        if not ctl.is_connected():
            lost = ctl.state == RECONNECTING
            ctl.error.emit(ctl.lost_message() if lost else ctl.not_connected_message())
            return
        if self.running:
            return
        if fresh is None:
            from ide.ui.settings.preferences import Preferences

            fresh = not Preferences().keep_board_state
        self.running = True
        self.last_run_filename = filename
        ctl._set_state(RUNNING)

        def job(session: Any) -> Any:
            # Output and the prompt after it reach the console through our subscription.
            return session.run(code, fresh=fresh)

        def done(_result: object = None) -> None:
            self.finish()
            ctl.files_changed.emit()

        def failed(exc: BaseException) -> None:
            self.finish()
            if getattr(exc, "diagnosis", None) == "ignores-ctrl-c":
                ctl.stop_ignored.emit()  # the window offers a hard reset
            elif not is_disconnect(exc):
                ctl.last_exception = exc
                ctl.error.emit(error_message(exc))

        ctl.submit(job, done, failed, busy=False)

    def stop(self) -> None:
        ctl = self._ctl
        if ctl.session is None:
            return
        if not self.running:
            ctl.send_keys(b"\x03")
            return
        self.interrupt()

    def finish(self) -> None:
        if self.running:
            self.running = False
            if self._ctl.state == RUNNING:
                self._ctl._set_state(IDLE)
            self._ctl.program_finished.emit()

    def side_call(self, fn: Callable[[], Any]) -> None:
        """Call fn on its own thread: Ctrl-C and reset must not wait behind the running job."""

        def call() -> None:
            try:
                fn()
            except BaseException as e:  # noqa: BLE001
                log.debug("%s failed: %s", getattr(fn, "__name__", fn), e)

        threading.Thread(target=call, name="hotaru-interrupt", daemon=True).start()

    def interrupt(self, patience: float = 30.0) -> None:
        """Ctrl-C the running program (if any) from a side thread, once it has started."""
        session = self._ctl.session
        if self.running and session is not None:
            self.side_call(lambda: self._interrupt_when_started(session, patience))

    def _interrupt_when_started(self, session: Any, patience: float = 30.0) -> None:
        """Stop pressed while the program is still being sent: Ctrl-C once it runs."""
        deadline = time.monotonic() + patience
        while self.running and not session.running and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.running:
            session.interrupt()
