"""The find/replace bar shown under the editor tabs (Ctrl+F, Ctrl+H)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from ide.ui.editor.code_editor import CodeEditor


class FindBar(QWidget):
    """Find next/previous, replace, replace all in the editor returned by ``editor_getter``."""

    def __init__(
        self, editor_getter: Callable[[], CodeEditor | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor_getter
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match case"), self)
        self.word_box = QCheckBox(self.tr("Whole words"), self)
        self.status = QLabel(self)
        self.status.setMinimumWidth(90)
        prev_button = QPushButton(self.tr("Previous"), self)
        next_button = QPushButton(self.tr("Next"), self)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        close_button = QToolButton(self)
        close_button.setText("✕")
        close_button.setToolTip(self.tr("Close (Esc)"))
        close_button.setAutoRaise(True)

        self.replace_label = QLabel(self.tr("Replace:"), self)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        layout.addWidget(QLabel(self.tr("Find:"), self), 0, 0)
        layout.addWidget(self.find_edit, 0, 1)
        layout.addWidget(prev_button, 0, 2)
        layout.addWidget(next_button, 0, 3)
        layout.addWidget(self.case_box, 0, 4)
        layout.addWidget(self.word_box, 0, 5)
        layout.addWidget(self.status, 0, 6)
        layout.addWidget(close_button, 0, 7)
        layout.addWidget(self.replace_label, 1, 0)
        layout.addWidget(self.replace_edit, 1, 1)
        layout.addWidget(self.replace_button, 1, 2)
        layout.addWidget(self.replace_all_button, 1, 3)
        layout.setColumnStretch(1, 1)

        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(self._on_text_changed)
        self.replace_edit.returnPressed.connect(self.replace)
        next_button.clicked.connect(self.find_next)
        prev_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        close_button.clicked.connect(self.close_bar)
        self.case_box.toggled.connect(lambda _on: self._on_text_changed(self.find_edit.text()))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        shift_enter = QShortcut(QKeySequence("Shift+Return"), self.find_edit)
        shift_enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        shift_enter.activated.connect(self.find_previous)
        self.hide()

    def open_find(self, replace: bool = False) -> None:
        """Show the bar (with the replace row if ``replace``), seeded with the selection."""
        for widget in (
            self.replace_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setVisible(replace)
        editor = self._editor()
        if editor is not None:
            selected = editor.selected_text()
            if selected and "\n" not in selected:
                self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._on_text_changed(self.find_edit.text())

    def close_bar(self) -> None:
        editor = self._editor()
        if editor is not None:
            editor.highlight_matches("")
            editor.take_focus()
        self.hide()

    def _options(self) -> dict[str, bool]:
        return {
            "case_sensitive": self.case_box.isChecked(),
            "whole_word": self.word_box.isChecked(),
        }

    def refresh(self) -> None:
        """Re-highlight the matches (after switching tabs)."""
        self._on_text_changed(self.find_edit.text())

    def _on_text_changed(self, text: str) -> None:
        editor = self._editor()
        if editor is None:
            return
        count = editor.highlight_matches(text, case_sensitive=self.case_box.isChecked())
        if not text:
            self.status.setText("")
        elif count == 0:
            self.status.setText(self.tr("Not found"))
        else:
            self.status.setText(self.tr("{n} found").format(n=count))

    def _report(self, found: bool) -> bool:
        if not found and self.find_edit.text():
            self.status.setText(self.tr("Not found"))
        return found

    def find_next(self) -> bool:
        editor = self._editor()
        if editor is None:
            return False
        return self._report(editor.find(self.find_edit.text(), **self._options()))

    def find_previous(self) -> bool:
        editor = self._editor()
        if editor is None:
            return False
        return self._report(editor.find(self.find_edit.text(), forward=False, **self._options()))

    def replace(self) -> bool:
        editor = self._editor()
        if editor is None:
            return False
        found = editor.replace(self.find_edit.text(), self.replace_edit.text(), **self._options())
        self._on_text_changed(self.find_edit.text())
        return self._report(found)

    def replace_all(self) -> int:
        editor = self._editor()
        if editor is None:
            return 0
        count = editor.replace_all(
            self.find_edit.text(), self.replace_edit.text(), **self._options()
        )
        editor.highlight_matches(self.find_edit.text(), case_sensitive=self.case_box.isChecked())
        self.status.setText(self.tr("Replaced: {n}").format(n=count))
        return count
