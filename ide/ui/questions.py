"""The UI's yes/no questions: the one question box (No is the default: Enter never says yes by
accident), and "stop the running program first?" before work that queues behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask ``text``; True for Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def stopped_first(controller: Any, ask: Callable[[str, str], bool], question: str) -> bool:  # noqa: ANN401
    """While the user's program runs, the board's queue waits for it to end (a `while True:`
    loop: forever, "Saving…" or "Preparing…" all along): ask ``question`` (stop it and go on?)
    first. True: go on (nothing runs, or Stop was sent and the work queues behind the ending
    run); False: the user said no."""
    is_running = getattr(controller, "is_running", None)
    if not callable(is_running) or not is_running():
        return True
    if not ask(QCoreApplication.translate("Questions", "A program is running"), question):
        return False
    controller.stop()
    return True
