"""ide.core.examples.localize: an example's comments in the user's language, its code as it is."""

from __future__ import annotations

import ast

from ide.core.examples import COMMENTS_CONTEXT, CONTEXT, comment_blocks, localize

SOURCE = '''\
# Blink an LED.
# The LED is on GPIO 2; change it
# for another board.
import time
s = "# not a comment"  # a trailing comment
    # indented
'''


def test_comment_blocks_join_a_sentence_over_lines_and_keep_the_description_alone() -> None:
    blocks = comment_blocks(SOURCE)
    assert [(b.first, b.last, b.text, b.trailing, b.context) for b in blocks] == [
        (0, 0, "Blink an LED.", False, CONTEXT),
        (1, 2, "The LED is on GPIO 2; change it for another board.", False, COMMENTS_CONTEXT),
        (4, 4, "a trailing comment", True, COMMENTS_CONTEXT),
        (5, 5, "indented", False, COMMENTS_CONTEXT),
    ]


def test_localize_replaces_comments_only_and_wraps_by_columns() -> None:
    said = {
        "Blink an LED.": "LED を点滅させる。",
        "The LED is on GPIO 2; change it for another board.": "あ" * 50 + "（GPIO 2）。",
        "a trailing comment": "後ろのコメント",
    }
    shown = localize(SOURCE, lambda _ctx, text: said.get(text, text))
    lines = shown.splitlines()
    assert lines[0] == "# LED を点滅させる。"
    assert lines[1] == "# " + "あ" * 43  # 86 columns + "# " = the examples' 88
    assert lines[2] == "# " + "あ" * 7 + "（GPIO 2）。"  # (the mark never starts a line)
    assert 's = "# not a comment"  # 後ろのコメント' in lines
    assert "    # indented" in lines  # untranslated: left as it was
    assert ast.dump(ast.parse(shown)) == ast.dump(ast.parse(SOURCE))


def test_nothing_translated_leaves_the_text_byte_for_byte() -> None:
    assert localize(SOURCE, lambda _ctx, text: text) == SOURCE
