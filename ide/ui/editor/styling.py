"""A CodeEditor's look: the theme's colours on every Scintilla style (the lexer's, the
margins, braces, the error annotation), caret, selection, markers and indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyside6_scintilla import Scintilla

from ide.core.editor.themes import Theme, bgr

if TYPE_CHECKING:
    from ide.ui.editor.code_editor import CodeEditor

_S = Scintilla
# look-alike characters drawn as marks: full-width space, no-break space, zero-width space
_LOOKALIKES = {"\u3000": "\u25a1", "\u00a0": "\u00b7", "\u200b": "|"}
ERROR_MARKER = 1
ERROR_INDICATOR = 8
FIND_INDICATOR = 9
ERROR_ANNOTATION_STYLE = 64  # a style number past the lexer's own


def apply_theme(editor: CodeEditor, theme: Theme, font_family: str, font_size: int) -> None:
    """Every Scintilla style, the margins, caret, selection, markers and indicators in the
    theme's colours, with the editor's font."""
    default = int(_S.StylesCommon.Default)
    editor.styleResetDefault()
    editor.styleSetFont(default, font_family)
    editor.styleSetSize(default, font_size)
    editor.styleSetFore(default, bgr(theme.foreground))
    editor.styleSetBack(default, bgr(theme.background))
    editor.styleClearAll()
    for style, (colour, bold, italic) in theme.styles.items():
        editor.styleSetFore(style, bgr(colour))
        editor.styleSetBold(style, bold)
        editor.styleSetItalic(style, italic)
    line_numbers = int(_S.StylesCommon.LineNumber)
    editor.styleSetFore(line_numbers, bgr(theme.margin_foreground))
    editor.styleSetBack(line_numbers, bgr(theme.margin_background))
    editor.setMarginBackN(1, bgr(theme.margin_background))
    brace = int(_S.StylesCommon.BraceLight)
    editor.styleSetBack(brace, bgr(theme.brace_match))
    editor.styleSetBold(brace, True)
    bad = int(_S.StylesCommon.BraceBad)
    editor.styleSetFore(bad, bgr(theme.brace_bad))
    editor.styleSetBold(bad, True)
    guide = int(_S.StylesCommon.IndentGuide)
    editor.styleSetFore(guide, bgr(theme.margin_foreground))
    editor.styleSetFore(ERROR_ANNOTATION_STYLE, bgr(theme.error))
    editor.styleSetBack(ERROR_ANNOTATION_STYLE, bgr(theme.error_annotation_background))
    editor.styleSetItalic(ERROR_ANNOTATION_STYLE, False)
    editor.setCaretFore(bgr(theme.caret))
    editor.setCaretLineBack(bgr(theme.current_line))
    editor.setSelBack(True, bgr(theme.selection))
    editor.markerSetFore(ERROR_MARKER, bgr(theme.error))
    editor.markerSetBack(ERROR_MARKER, bgr(theme.error))
    editor.indicSetFore(ERROR_INDICATOR, bgr(theme.error))
    editor.indicSetFore(FIND_INDICATOR, bgr(theme.find_highlight))
    for invisible in _LOOKALIKES:
        editor.setRepresentationColour(invisible, bgr(theme.error) | 0xFF000000)
