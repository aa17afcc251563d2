"""The Examples menu: the shipped example scripts, each with its description in the user's
language as status and tool tip (the scripts and the marked sentences: ide/core/examples.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ide.core.examples import CONTEXT, DESCRIPTIONS, example_scripts, first_comment, for_board

__all__ = ["DESCRIPTIONS", "describe", "example_scripts", "fill_examples_menu", "first_comment"]


def describe(path: Path) -> str:
    """The example's description in the user's language ("" when it has none)."""
    text = first_comment(path)
    return QCoreApplication.translate(CONTEXT, text) if text else ""  # i18n: marked


def fill_examples_menu(menu: QMenu, tabs: Any, kind: str = "") -> None:
    """File > Examples: one entry per example; choosing one opens it as a new, unsaved tab.
    With the board's ``kind`` ("pico", "esp32"), the examples written for another board go
    into a submenu of their own, so a beginner's first pick blinks the board in front of them."""
    for action in menu.actions():  # (clear() removes a submenu's action, not the submenu)
        if action.menu() is not None:
            action.menu().deleteLater()
    menu.clear()
    scripts = example_scripts()
    mine, others = for_board(scripts, kind)
    for path in mine:
        _add_example(menu, tabs, path)
    if others:
        more = menu.addMenu(QCoreApplication.translate("MainWindow", "For other boards"))
        for path in others:
            _add_example(more, tabs, path)
        more.setToolTipsVisible(True)
    menu.setToolTipsVisible(True)
    menu.setEnabled(bool(scripts))


def _add_example(menu: QMenu, tabs: Any, path: Path) -> None:
    action = menu.addAction(path.name)
    summary = describe(path)
    if summary:
        action.setStatusTip(summary)
        action.setToolTip(summary)
    action.triggered.connect(lambda _checked=False, p=path: tabs.open_example(p))
