"""CodeEditor: the Scintilla wrapper speaks str and character positions (CJK included)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from ide.core.editor.themes import DARK, LIGHT, bgr
from ide.ui.editor.code_editor import CodeEditor

JP = "# 日本語のコメント\nprint('こんにちは、世界')\nx = 1\n"


@pytest.fixture
def editor(qtbot) -> CodeEditor:
    e = CodeEditor()
    qtbot.addWidget(e)
    return e


def test_text_round_trip_with_japanese(editor: CodeEditor) -> None:
    editor.set_text(JP)
    assert editor.text() == JP
    assert editor.char_count() == len(JP)
    assert editor.length() == len(JP.encode("utf-8"))  # Scintilla itself counts bytes
    assert not editor.modify()


def test_char_and_byte_positions_agree_with_python(editor: CodeEditor) -> None:
    editor.set_text(JP)
    for index in (0, 2, 5, JP.index("こ"), JP.index("世"), JP.index("x"), len(JP)):
        byte = editor.to_byte(index)
        assert byte == len(JP[:index].encode("utf-8"))
        assert editor.to_char(byte) == index


def test_selection_and_cursor_in_characters(editor: CodeEditor) -> None:
    editor.set_text(JP)
    start = JP.index("こんにちは")
    editor.set_selection(start, start + 5)
    assert editor.selected_text() == "こんにちは"
    assert editor.selection() == (start, start + 5)
    editor.set_cursor_position(1, 7)
    assert editor.cursor_position() == (1, 7)
    assert editor.position() == JP.index("こ")
    assert editor.text_range(start, start + 2) == "こん"
    assert editor.line_text(1) == "print('こんにちは、世界')"


def test_insert_text_marks_modified(editor: CodeEditor, qtbot) -> None:
    editor.set_text("a = 1\n")
    with qtbot.waitSignal(editor.modification_changed) as blocker:
        editor.set_cursor_position(0, 5)
        editor.insert("＋2")
    assert blocker.args == [True]
    assert editor.text() == "a = 1＋2\n"
    editor.setSavePoint()
    assert not editor.modify()


def test_find_forward_backward_and_wrap(editor: CodeEditor) -> None:
    editor.set_text("日本 a\n日本 b\n日本 c\n")
    editor.set_cursor_position(0, 0)
    assert editor.find("日本")
    assert editor.selection() == (0, 2)
    assert editor.find("日本")
    assert editor.selection() == (5, 7)
    assert editor.find("日本", forward=False)
    assert editor.selection() == (0, 2)
    assert editor.find("日本", forward=False)  # wraps to the last one
    assert editor.selection() == (10, 12)
    assert not editor.find("missing")
    assert editor.selection() == (10, 12)  # a miss leaves the selection alone
    assert not editor.find("日本", wrap=False)  # nothing after the last one
    assert editor.find("日本")  # with wrap: back to the first
    assert editor.selection() == (0, 2)


def test_find_options(editor: CodeEditor) -> None:
    editor.set_text("Led led ledx\n")
    editor.set_cursor_position(0, 0)
    assert editor.find("led", case_sensitive=True)
    assert editor.selection() == (4, 7)
    editor.set_cursor_position(0, 5)
    assert editor.find("led", whole_word=True)
    assert editor.selection() == (0, 3)  # wrapped: "ledx" is not a whole word
    assert editor.highlight_matches("led") == 3


def test_replace_and_replace_all(editor: CodeEditor) -> None:
    editor.set_text("猫 cat 猫 cat\n")
    assert editor.replace_all("猫", "ねこ") == 2
    assert editor.text() == "ねこ cat ねこ cat\n"
    editor.undo()  # one undo step
    assert editor.text() == "猫 cat 猫 cat\n"
    editor.set_cursor_position(0, 0)
    assert editor.find("cat")
    assert editor.replace("cat", "犬")  # replaces the selected match, finds the next
    assert editor.text() == "猫 犬 猫 cat\n"
    assert editor.selected_text() == "cat"


def test_toggle_comment_lines(editor: CodeEditor) -> None:
    editor.set_text("if x:\n    y = '日本'\n\n    z = 2\n")
    editor.set_selection(0, editor.char_count())
    editor.toggle_comment()
    assert editor.text() == "# if x:\n#     y = '日本'\n\n#     z = 2\n"
    editor.toggle_comment()
    assert editor.text() == "if x:\n    y = '日本'\n\n    z = 2\n"
    editor.set_cursor_position(1, 2)
    editor.toggle_comment()
    assert editor.line_text(1) == "    # y = '日本'"


def test_auto_indent_after_colon_and_tab_is_four_spaces(editor: CodeEditor, qtbot) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    editor.take_focus()
    qtbot.keyClicks(editor, "while True:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "pass")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "x")
    assert editor.text() == "while True:\n    pass\n    x"
    assert "\t" not in editor.text()


def test_brace_highlight(editor: CodeEditor, qtbot) -> None:
    editor.show()
    editor.set_text("s = '日本'; print((1, 2))\n")
    editor.colourise(0, -1)
    editor.set_cursor_position(0, 17)  # after the second "("
    qtbot.waitUntil(lambda: editor.brace_pair() == (16, 21))
    editor.set_cursor_position(0, 23)  # after the last ")"
    qtbot.waitUntil(lambda: editor.brace_pair() == (22, 15))
    editor.set_text("print((1)\n")
    editor.colourise(0, -1)
    editor.set_cursor_position(0, 6)
    qtbot.waitUntil(lambda: editor.brace_pair() == (5, None))
    editor.set_cursor_position(0, 2)
    qtbot.waitUntil(lambda: editor.brace_pair() is None)


def test_mark_error_and_clear_on_edit(editor: CodeEditor) -> None:
    editor.set_text("a = 1\nb = (\n")
    editor.mark_error(1, 4, "SyntaxError: '(' was never closed")
    assert editor.error_line() == 1
    assert editor.cursor_position() == (1, 4)
    assert editor.markerGet(1) & (1 << 1)
    editor.insert(")")
    assert editor.error_line() is None
    assert editor.markerGet(1) == 0


def test_themes_and_zoom(editor: CodeEditor) -> None:
    editor.apply_theme(DARK)
    assert editor.styleBack(32) == bgr(DARK.background)
    editor.apply_theme(LIGHT)
    assert editor.styleBack(32) == bgr(LIGHT.background)
    editor.set_editor_font("DejaVu Sans Mono", 15)
    assert editor.font_size() == 15
    assert editor.styleSize(32) == 15
    editor.zoom_in()
    assert editor.zoom() == 1
    editor.reset_zoom()
    assert editor.zoom() == 0


def test_ctrl_d_is_left_to_the_window(editor: CodeEditor, qtbot) -> None:
    editor.show()
    editor.set_text("abc\n")
    editor.take_focus()
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "abc\n"  # not Scintilla's "duplicate line"


def test_full_width_space_is_drawn_visibly_but_kept(editor: CodeEditor) -> None:
    editor.set_text("x\u3000= 1\n")
    assert bytes(editor.representation("\u3000")).decode() == "\u25a1"
    assert editor.text() == "x\u3000= 1\n"  # only the drawing changes


@pytest.mark.parametrize(
    "message",
    [
        "The line after a line ending in a colon (:) must be indented: start it with 4 spaces "
        "(press Tab). This is how Python knows which lines belong to the if, for or def.",
        "コロン : で終わる行の次の行は、インデントが必要です。行頭に半角スペースを４つ入れて"
        "ください（Tab キーでも入ります）。Python はこれで、どの行が if や for や def に"
        "属するかを判断します。",
        "ボードに「machine」という名前のファイルがあり、本物のモジュールより先に読み込まれています。"
        "そのファイル（machine.py）をボードから消すか名前を変えてから、もう一度実行してください"
        "（MicroPython は /lib より先に現在のフォルダーを探します）。",
        "以冒号（:）结尾的行，下一行必须缩进：在行首输入 4 个空格（按 Tab 键也可以）。Python "
        "就是这样知道哪些行属于 if、for 或 def 的。“缩进”很重要：请检查出错的那一行和它上面的"
        "每一行，看看冒号后面的行是不是都比它多了 4 个空格（不要混用 Tab 和空格）。",
    ],
)
def test_a_long_error_message_is_wrapped_to_the_editors_width(
    editor: CodeEditor, qtbot, message: str
) -> None:
    """An annotation does not wrap by itself: the message under the bad line is broken into
    lines that fit the editor, and again when the editor changes width."""
    from ide.ui.editor.styling import ERROR_ANNOTATION_STYLE

    editor.set_text("if True:\nprint(1)\n")
    editor.resize(420, 300)
    editor.show()
    qtbot.waitExposed(editor)
    editor.mark_error(1, 0, message)
    room = editor.width() - sum(editor.marginWidthN(i) for i in range(5))
    lines = bytes(editor.annotationText(1)).decode().split("\n")
    assert len(lines) >= 3
    assert all(editor.textWidth(ERROR_ANNOTATION_STYLE, line) <= room for line in lines)
    assert "".join(lines).replace(" ", "") == message.replace(" ", "")  # nothing lost
    for width in range(300, 700, 7):  # no word of Latin letters split ("Pyt" / "hon")
        editor.resize(width, 300)
        wrapped = bytes(editor.annotationText(1)).decode().split("\n")
        for above, below in zip(wrapped, wrapped[1:], strict=False):
            tail = re.search(r"[A-Za-z]+$", above)
            head = re.match(r"[A-Za-z]+", below)
            if tail and head:  # both sides of the break are letters: not one word of the text
                assert tail.group() + head.group() not in message, (width, above, below)
            # Japanese: no line begins with a closing mark or ends with an opening one
            assert not (below and below[0] in "。、，）」”：:"), (width, above, below)
            assert not (above and above[-1] in "（「“"), (width, above, below)
    editor.resize(420, 300)
    editor.resize(1000, 300)
    assert len(bytes(editor.annotationText(1)).decode().split("\n")) < len(lines)
    wide = len(bytes(editor.annotationText(1)).decode().split("\n"))
    for _ in range(5):
        editor.zoomIn()  # (as Ctrl+wheel does): larger letters, more lines
    zoomed = bytes(editor.annotationText(1)).decode().split("\n")
    assert len(zoomed) > wide
    assert all(editor.textWidth(ERROR_ANNOTATION_STYLE, line) <= room + 600 for line in zoomed)


def test_the_message_under_an_indented_line_fits_beside_its_indentation(
    editor: CodeEditor, qtbot
) -> None:
    """Scintilla draws the boxed message from the bad line's indentation, not from the margin:
    under a line inside a loop it was wrapped for the full width and its end was cut off by
    the editor's right edge."""
    from ide.ui.editor.styling import ERROR_ANNOTATION_STYLE

    message = (
        "The indentation (the spaces at the start of the line) does not match the lines "
        "around it. Lines of one block start with the same number of spaces."
    )
    editor.set_text("while True:\n    if True:\n            x = 1\n        y = 2\n")
    editor.resize(600, 300)
    editor.show()
    qtbot.waitExposed(editor)
    editor.mark_error(3, 8, message)
    indent = editor.lineIndentation(3) * editor.textWidth(32, " ")  # STYLE_DEFAULT's space
    assert indent > 0
    room = editor.width() - sum(editor.marginWidthN(i) for i in range(5))
    lines = bytes(editor.annotationText(3)).decode().split("\n")
    assert "".join(lines).replace(" ", "") == message.replace(" ", "")
    assert all(indent + editor.textWidth(ERROR_ANNOTATION_STYLE, t) <= room for t in lines)
    editor.resize(700, 300)  # rewrapped for the new width, still beside the indentation
    room = editor.width() - sum(editor.marginWidthN(i) for i in range(5))
    lines = bytes(editor.annotationText(3)).decode().split("\n")
    assert all(indent + editor.textWidth(ERROR_ANNOTATION_STYLE, t) <= room for t in lines)


def test_an_empty_editor_says_what_to_do(editor: CodeEditor, qtbot) -> None:
    """A first start shows an empty tab: a grey hint says to type and press Run, and where the
    examples are; it goes with the first character and comes back when the text is gone."""
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.hint_shown()
    assert "Run (F5)" in editor._hint.text() and "Examples" in editor._hint.text()
    editor.insert("p")
    assert not editor.hint_shown()
    editor.set_text("")
    assert editor.hint_shown()


def test_the_empty_editors_hint_stays_below_the_first_line_when_zoomed(
    editor: CodeEditor, qtbot
) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    for _ in range(10):
        editor.zoomIn()
    assert editor._hint.y() >= editor.textHeight(0)
