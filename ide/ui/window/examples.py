"""The Examples menu: the shipped example scripts, each with its description in the user's
language as status and tool tip (the scripts and the marked sentences: ide/core/examples.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ide.core.examples import CONTEXT, DESCRIPTIONS, example_scripts, first_comment

__all__ = ["DESCRIPTIONS", "describe", "example_scripts", "fill_examples_menu", "first_comment"]


def describe(path: Path) -> str:
    """The example's description in the user's language ("" when it has none)."""
    text = first_comment(path)
    return QCoreApplication.translate(CONTEXT, text) if text else ""  # i18n: marked


def fill_examples_menu(menu: QMenu, tabs: Any) -> None:
    """File > Examples: one entry per example; choosing one opens it as a new, unsaved tab."""
    menu.clear()
    scripts = example_scripts()
    for path in scripts:
        action = menu.addAction(path.name)
        summary = describe(path)
        if summary:
            action.setStatusTip(summary)
            action.setToolTip(summary)
        action.triggered.connect(lambda _checked=False, p=path: tabs.open_example(p))
    menu.setToolTipsVisible(True)
    menu.setEnabled(bool(scripts))
