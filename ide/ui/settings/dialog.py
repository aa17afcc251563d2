"""A small Settings dialog: the language, editor font and size, light/dark theme, what Run
starts from, whether uploads compile lib files to .mpy."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpacerItem,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ide.ui.settings import language
from ide.ui.settings.preferences import Preferences


class SettingsDialog(QDialog):
    """Edits :class:`Preferences`; :meth:`apply` writes them (OK calls it)."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Settings"))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        # the same choice as View > Language (where beginners did not look for it): follow
        # the OS, or a language by its own name; it applies after a restart
        self.language_box = QComboBox(self)
        for code, label in language.language_entries():
            self.language_box.addItem(label, code)
        self._language_before = language.stored_choice(preferences.settings)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(self._language_before))
        )
        self.language_note = QLabel(self.tr("A new language applies after a restart."), self)
        self.language_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        languages = QVBoxLayout()
        languages.setContentsMargins(0, 0, 0, 0)
        languages.addWidget(self.language_box)
        languages.addWidget(self.language_note)
        self.new_language: str | None = None  # set by apply() when the language changes

        self.font_box = QFontComboBox(self)
        self.font_box.setFontFilters(QFontComboBox.FontFilter.MonospacedFonts)
        self.font_box.setCurrentFont(fixed)
        if preferences.editor_font_family:
            self.font_box.setCurrentText(preferences.editor_font_family)
        self.size_box = QSpinBox(self)
        self.size_box.setRange(6, 48)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setValue(preferences.editor_font_size or max(10, fixed.pointSize()))
        self.theme_box = QComboBox(self)
        self.theme_box.addItem(self.tr("Same as the system"), "auto")
        self.theme_box.addItem(self.tr("Light"), "light")
        self.theme_box.addItem(self.tr("Dark"), "dark")
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(preferences.theme)))

        self.index_edit = QLineEdit(preferences.package_index, self)
        # the placeholder shows what an empty field means: micropython-lib's own index
        from ide.core.packages.sources import DEFAULT_INDEX

        self.index_edit.setPlaceholderText(DEFAULT_INDEX)
        self.index_edit.setToolTip(self.tr("Where Tools > Manage packages… finds packages"))
        self.keep_state_box = QCheckBox(self.tr("Keep the board's state between runs"), self)
        self.keep_state_box.setToolTip(
            self.tr(
                "Off: each Run starts from a clean board (a soft reset; files are kept and "
                "main.py does not run), so timers and variables of the last run are gone. "
                "On: a run continues from what the last one left."
            )
        )
        self.keep_state_box.setChecked(preferences.keep_board_state)
        self.compile_box = QCheckBox(self.tr("Compile lib files to .mpy when uploading"), self)
        self.compile_box.setChecked(preferences.compile_to_mpy)
        # the why, always visible under the box (a tool tip is found by few)
        self.compile_note = QLabel(
            self.tr(
                ".py files in lib folders go to the board precompiled (mpy-cross): they import "
                "faster and need less of the board's RAM. The .py stays on your computer and "
                "is what you edit; main.py and boot.py are always uploaded as they are."
            ),
            self,
        )
        self.compile_note.setWordWrap(True)
        self.compile_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # wide enough for the explanation to read as a paragraph, not a column of short lines
        # (measured in Latin letters: a CJK font's average width would make the dialog huge)
        self.compile_note.setMinimumWidth(self.fontMetrics().horizontalAdvance("n" * 60))
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
        )
        uploads = QVBoxLayout()
        uploads.setContentsMargins(0, 0, 0, 0)
        uploads.addWidget(self.compile_box)
        uploads.addWidget(self.compile_note)
        # the note lines up with the box's text, so it reads as part of that choice
        uploads.setStretch(1, 1)
        self.compile_note.setContentsMargins(indent, 0, 0, 0)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), languages)
        form.addRow(self.tr("Editor font:"), self.font_box)
        form.addRow(self.tr("Font size:"), self.size_box)
        form.addRow(self.tr("Colours:"), self.theme_box)
        form.addRow(self.tr("Package index:"), self.index_edit)
        form.addRow(self.tr("Run:"), self.keep_state_box)
        form.addRow(self.tr("Uploads:"), uploads)
        form.addItem(QSpacerItem(0, self.fontMetrics().height() // 2))  # air above the buttons
        form.addRow(buttons)

    def apply(self) -> None:
        store = self.preferences.settings
        choice = self.language_box.currentData()
        self.new_language = None
        if choice != self._language_before:
            before = language.effective_language(store)
            language.store_choice(choice, store)
            self._language_before = choice
            after = language.effective_language(store)
            if after != before:
                self.new_language = after  # the window offers the restart
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        family = self.font_box.currentFont().family()
        self.preferences.editor_font_family = "" if family == fixed.family() else family
        self.preferences.editor_font_size = self.size_box.value()
        self.preferences.theme = self.theme_box.currentData()
        self.preferences.package_index = self.index_edit.text()
        self.preferences.keep_board_state = self.keep_state_box.isChecked()
        self.preferences.compile_to_mpy = self.compile_box.isChecked()
        self.preferences.sync()

    def accept(self) -> None:
        self.apply()
        super().accept()
