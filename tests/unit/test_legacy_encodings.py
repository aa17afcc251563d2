"""ide.core.editor.encodings.decode_legacy: a kit's Shift-JIS or GBK sample read right, and
nothing else read as one (a wrong guess, saved, would keep nonsense for good)."""

from __future__ import annotations

import pytest

from ide.core.editor.encodings import decode_legacy

SAMPLES = [
    ("# LEDを点滅させる\nprint('こんにちは')\n", "cp932", "Shift-JIS"),
    ("# 温度表示\nprint('温度')\n", "cp932", "Shift-JIS"),  # kanji only: no kana to go by
    ("# LCDに表示する\nlcd.putstr('ｱｲｳｴ')\n", "cp932", "Shift-JIS"),  # half-width katakana
    ("# 温度显示\nprint('你好，世界')\n", "gbk", "GBK"),
    ("# 点亮LED灯\n", "gbk", "GBK"),
]


@pytest.mark.parametrize(("text", "codec", "label"), SAMPLES)
def test_a_kits_sample_is_read_in_its_own_encoding(text: str, codec: str, label: str) -> None:
    assert decode_legacy(text.encode(codec)) == (text, label)


@pytest.mark.parametrize(
    "data",
    [
        # UTF-8 Japanese cut mid-character (an interrupted copy): it read as Shift-JIS nonsense
        "# こんにちは世界\nprint('温度')\n".encode() + "ト".encode()[:2],
        "# 温度\n".encode() + b"\xff" + "# 表示する\n".encode(),  # one bad byte inside
        "# résumé\n".encode("latin-1"),
        "print('hi')\n".encode("utf-16"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_what_is_not_a_legacy_text_is_not_read_as_one(data: bytes) -> None:
    assert decode_legacy(data) is None
