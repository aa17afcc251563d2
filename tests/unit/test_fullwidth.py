"""Full-width look-alikes (（ → ( ...) and CPython's common syntax messages, explained."""

from __future__ import annotations

import pytest

from ide.core.editor.fullwidth import (
    LOOKALIKES,
    explain,
    fix_lookalikes,
    lookalike_problem,
    lookalikes_in,
    offending_lookalike,
)
from ide.core.editor.syntax import check_source


def test_the_input_methods_punctuation_has_its_ascii_twin() -> None:
    pairs = dict(
        zip("（）「」“”‘’：，。；＝＋－＊／＃\u3000１Ａｚ", '()""""\'\':,.;=+-*/# 1Az', strict=True)
    )
    assert {c: LOOKALIKES[c] for c in pairs} == pairs


def test_a_full_width_bracket_is_explained_and_fixed() -> None:
    source = 'print（"hello"）\n'
    problem = check_source(source)
    assert problem is not None and "U+FF08" in problem.message  # CPython's own words
    assert offending_lookalike(problem) == "（"
    said = explain(problem)
    assert said is not None and said.context == "Syntax"
    assert said.args == {"char": "（", "ascii": "("}
    assert "full-width （" in str(said) and "half-width (" in str(said)
    fixed, count = fix_lookalikes(source)
    assert (fixed, count) == ('print("hello")\n', 2)
    assert check_source(fixed) is None


def test_the_ideographic_space_is_explained() -> None:
    problem = check_source("x = 1\u3000\n")
    assert problem is not None
    said = explain(problem)
    assert said is not None and "full-width space" in str(said)
    assert fix_lookalikes("x = 1\u3000\n") == ("x = 1 \n", 1)


def test_strings_and_comments_keep_their_japanese_punctuation() -> None:
    source = (
        'print（"こんにちは。（テスト）"，１）  # 日本語のコメント：です。\n'
        "s = '''\n「三重」：（そのまま）\n'''\n"
        "t = 'it\\'s（'＋\"a\\\"（\"\n"
        "u = r'（'\n"
    )
    fixed, _ = fix_lookalikes(source)
    assert fixed == (
        'print("こんにちは。（テスト）",1)  # 日本語のコメント：です。\n'
        "s = '''\n「三重」：（そのまま）\n'''\n"
        "t = 'it\\'s（'+\"a\\\"（\"\n"
        "u = r'（'\n"
    )
    assert check_source(fixed) is None


def test_full_width_quotes_around_text_become_a_string() -> None:
    # “ and 「 are not Python quotes: what they enclose is code, and becomes a string once fixed
    fixed, count = fix_lookalikes("print（“こんにちは。”）\nprint（「やあ」）\n")
    assert fixed == 'print("こんにちは.")\nprint("やあ")\n' and count == 9


def test_one_line_only() -> None:
    source = "a＝１\nb＝２\n"
    assert fix_lookalikes(source, line=2) == ("a＝１\nb=2\n", 2)
    assert lookalikes_in(source, line=1) == [1, 2]
    assert lookalikes_in(source, line=9) == []
    assert fix_lookalikes("a＝１", line=1) == ("a=1", 2)  # no newline at the end


def test_an_unterminated_string_ends_with_its_line() -> None:
    assert fix_lookalikes('print("abc\nx＝1\n') == ('print("abc\nx=1\n', 1)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("  x = 1\n", "This line is indented"),
        ("if x == 1\n    pass\n", "A colon : is missing"),
        ('print("abc\n', "A string is not closed"),
        ("print((1)\n", "The bracket ( opened here is never closed"),
        ("x = 1)\n", "The bracket ) here has no partner"),
        ("x = [1, 2)\n", "does not match the kind of bracket"),
        ("x = = 1\n", "Python cannot read this line"),
        ("for i in range(3):\nprint(i)\n", "must be indented"),
        ("if 1:\n        a = 1\n    b = 2\n", "does not match the lines around it"),
    ],
)
def test_common_cpython_messages_are_explained(source: str, words: str) -> None:
    problem = check_source(source)
    assert problem is not None
    said = explain(problem)
    assert said is not None and words in str(said), (problem.message, said)


def test_a_rare_message_is_left_to_cpython() -> None:
    problem = check_source("def f(x, x): pass\n")
    assert problem is not None and explain(problem) is None


def test_full_width_letters_that_cpython_accepts_are_still_caught() -> None:
    # CPython normalises ｐｒｉｎｔ to print; MicroPython would say NameError on the board
    source = 'x = 1\nｐｒｉｎｔ("ｐ")  # ｐ\n'
    assert check_source(source) is None
    problem = lookalike_problem(source)
    assert problem is not None and (problem.line, problem.column) == (2, 0)
    said = explain(problem)
    assert said is not None and said.args == {"char": "ｐ", "ascii": "p"}
    assert fix_lookalikes(source) == ('x = 1\nprint("ｐ")  # ｐ\n', 5)
    assert lookalike_problem('print("ｐ")  # ｐ\n') is None  # in a string and a comment: fine
