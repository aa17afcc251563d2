"""Telling when a running program waits for the user's typing (ConsolePanel.input_watch).

A board does not say when its program waits in input(): a program whose code reads input
(input() or sys.stdin) and that has been quiet for INPUT_QUIET_MS after its last output is
taken to be waiting. The console then says so and takes the keyboard from the editor, so the
answer is not typed into the script; Enter (or the run's end) ends the wait.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ide.ui.console.widget import ConsoleWidget

#: a program that may wait for the user's typing (a board does not say when it waits)
READS_INPUT = re.compile(r"\binput\s*\(|\bstdin\b")
#: quiet this long after output, a program that reads input is taken to be waiting for it
INPUT_QUIET_MS = 300


class InputWatch(QObject):
    """Watches one console's running program for a wait on input."""

    def __init__(self, parent: QObject, window: Any, controller: Any, console: ConsoleWidget):
        super().__init__(parent)
        self.window = window
        self.controller = controller
        self.console = console
        self._reads_input = False  # the running program calls input() or reads sys.stdin
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(INPUT_QUIET_MS)
        self._timer.timeout.connect(self._wanted)

    def program_started(self, code: str) -> None:
        self._reads_input = bool(READS_INPUT.search(code))

    def state_changed(self, running: bool) -> None:
        if running and self._reads_input:
            self._timer.start()  # input() without a prompt prints nothing at all
        elif not running:
            self._timer.stop()
            self.console.set_input_waiting(False)

    def output(self, _data: bytes) -> None:
        # Restarted by each output: waiting = quiet after it. Once waiting, output is the echo
        # of the user's typing; only Enter (or the run's end) ends the wait.
        if self._reads_input and self.controller.is_running() and not self.console.input_waiting():
            self._timer.start()

    def typed(self, data: bytes) -> None:
        if self.controller.is_running() and b"\r" in data:
            self.console.set_input_waiting(False)  # answered; its echo restarts the timer

    def _wanted(self) -> None:
        """The program went quiet where it reads input: the console says so and takes the
        keyboard from the editor, so the answer is not typed into the script."""
        if not (self._reads_input and self.controller.is_running()):
            return
        self.console.set_input_waiting(True)
        focus = QApplication.focusWidget()
        editor_area = self.window.editor_tabs
        if focus is None or focus is editor_area or editor_area.isAncestorOf(focus):
            self.console.setFocus(Qt.FocusReason.OtherFocusReason)
