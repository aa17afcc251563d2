"""What every editor tab looks like (EditorTabs.look): the theme, the font and the zoom, kept
for the tabs made later and applied at once to the open ones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ide.core.editor.themes import LIGHT, Theme
from ide.ui.editor.code_editor import CodeEditor

MIN_ZOOM, MAX_ZOOM = -8, 20  # QScintilla zoom steps (points added to the font size)
SMALLEST_POINTS = 7  # zooming out stops here: a 10 pt font at -8 was 2 pt, unreadable


class EditorLook:
    """The look shared by the editors ``editors()`` returns."""

    def __init__(self, editors: Callable[[], list[CodeEditor]]) -> None:
        self._editors = editors
        self.theme: Theme = LIGHT
        self.font = ("", 0)  # (family, size); ("", 0): the editor's default
        self.zoom = 0

    def new_editor(self, parent: QWidget) -> CodeEditor:
        """An editor that looks like the others."""
        editor = CodeEditor(parent, self.theme, self.font)
        editor.setZoom(self.zoom)
        return editor

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for editor in self._editors():
            editor.apply_theme(theme)

    def set_font(self, family: str, size: int) -> None:
        self.font = (family, size)
        for editor in self._editors():
            editor.set_editor_font(family, size)

    def set_zoom(self, zoom: int) -> None:
        editors = self._editors()
        points = self.font[1] or (editors[0].font_size() if editors else 10)
        lowest = max(MIN_ZOOM, min(0, SMALLEST_POINTS - points))
        self.zoom = max(lowest, min(MAX_ZOOM, zoom))
        for editor in self._editors():
            editor.setZoom(self.zoom)
