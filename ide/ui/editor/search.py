"""Find and replace in a CodeEditor: Scintilla's search with the find bar's options (case,
whole word, wrap), replace all as one undo step, and the find indicator on every match.
Functions of the editor (its methods call them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyside6_scintilla import Scintilla

from ide.ui.editor.styling import FIND_INDICATOR

if TYPE_CHECKING:
    from ide.ui.editor.code_editor import CodeEditor

_S = Scintilla


def find_flags(case_sensitive: bool, whole_word: bool) -> int:
    """Scintilla's search flags for the find bar's options."""
    flags = 0
    if case_sensitive:
        flags |= int(_S.FindOption.MatchCase)
    if whole_word:
        flags |= int(_S.FindOption.WholeWord)
    return flags


def find(
    editor: CodeEditor,
    text: str,
    *,
    forward: bool = True,
    case_sensitive: bool = False,
    whole_word: bool = False,
    wrap: bool = True,
) -> bool:
    """Select the next (or previous) match after (before) the selection. True if found."""
    if not text:
        return False
    flags = find_flags(case_sensitive, whole_word)
    end = editor.length()
    if forward:
        ranges = [(editor.selectionEnd(), end)]
        if wrap:
            ranges.append((0, end))
    else:  # Scintilla searches backwards when cpMin > cpMax
        ranges = [(editor.selectionStart(), 0)]
        if wrap:
            ranges.append((end, 0))
    for lo, hi in ranges:
        start, stop = editor.find_text(flags, text, lo, hi)
        if start >= 0:
            editor.setSel(start, stop)
            editor.scrollRange(stop, start)
            return True
    return False


def replace(
    editor: CodeEditor,
    text: str,
    replacement: str,
    *,
    case_sensitive: bool = False,
    whole_word: bool = False,
) -> bool:
    """Replace the selection if it is a match, then select the next match. True if found."""
    selected = editor.selected_text()
    is_match = selected == text if case_sensitive else selected.lower() == text.lower()
    if text and is_match:
        editor.replaceSel(replacement)
    return find(editor, text, case_sensitive=case_sensitive, whole_word=whole_word)


def replace_all(
    editor: CodeEditor,
    text: str,
    replacement: str,
    *,
    case_sensitive: bool = False,
    whole_word: bool = False,
) -> int:
    """Replace every match, as one undo step. Returns how many were replaced."""
    if not text:
        return 0
    count = 0
    editor.setSearchFlags(find_flags(case_sensitive, whole_word))
    editor.setTargetRange(0, editor.length())
    editor.beginUndoAction()
    try:
        while editor.searchInTarget(len(text.encode()), text) >= 0:
            editor.replaceTarget(len(replacement.encode()), replacement)
            count += 1
            editor.setTargetRange(editor.targetEnd(), editor.length())
    finally:
        editor.endUndoAction()
    return count


def highlight_matches(editor: CodeEditor, text: str, *, case_sensitive: bool = False) -> int:
    """Mark every match with the find indicator (empty text clears). Returns the count."""
    editor.setIndicatorCurrent(FIND_INDICATOR)
    editor.indicatorClearRange(0, editor.length())
    if not text:
        return 0
    flags = find_flags(case_sensitive, False)
    count, pos, end = 0, 0, editor.length()
    while count < 10000:
        start, stop = editor.find_text(flags, text, pos, end)
        if start < 0 or stop <= start:
            break
        editor.indicatorFillRange(start, stop - start)
        count += 1
        pos = stop
    return count
