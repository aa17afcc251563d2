"""Scripts from this computer that are not UTF-8: a starter kit's samples saved on Windows in
Japanese Shift-JIS or Chinese GBK. MicroPython reads only UTF-8, so the editor shows such a
file converted and saves it as UTF-8. Qt-free."""

from __future__ import annotations

# (Python's codec, the name a user may have seen in a text editor's status bar)
LEGACY = (("cp932", "Shift-JIS"), ("gbk", "GBK"))
_CONTROL_OK = "\t\n\r\f"


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding's name)`` for bytes that read as Japanese Shift-JIS or Chinese GBK
    text; None for anything else: a binary file (control characters once decoded), or UTF-8
    text with a few bad bytes (cut mid-character by an interrupted copy: read as Shift-JIS it
    would become nonsense, and a Save would keep the nonsense).

    Japanese bytes often decode as GBK too, and Chinese bytes sometimes as Shift-JIS: the one
    whose two-byte characters are more often common ones wins (Shift-JIS: kana and JIS level-1
    kanji; GBK: GB2312's hanzi), so each reads the other's bytes as rare characters."""
    if _damaged_utf8(data):
        return None
    found: dict[str, str] = {}
    for codec, label in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not any(ord(c) < 32 and c not in _CONTROL_OK for c in text):
            found[label] = text
    if len(found) < 2:
        return next(((text, label) for label, text in found.items()), None)
    japanese, chinese = found["Shift-JIS"], found["GBK"]
    if _common_share(japanese, "cp932") >= _common_share(chinese, "gbk"):
        return japanese, "Shift-JIS"
    return chinese, "GBK"


def _damaged_utf8(data: bytes) -> bool:
    """Mostly well-formed UTF-8 with a few bad bytes (legacy text is mostly ill-formed)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) >= 0x80 and c != "\ufffd")
    return bad > 0 and good >= 4 * bad


def _common_share(text: str, codec: str) -> float:
    """The share of ``text``'s two-byte characters that are common ones in ``codec``."""
    double = common = 0
    for char in text:
        if ord(char) < 0x80:
            continue
        raw = char.encode(codec)
        if len(raw) != 2:
            continue  # (Shift-JIS's half-width katakana are one byte: no vote)
        double += 1
        lead, trail = raw
        if codec == "cp932":
            common += 0x82 <= lead <= 0x98  # kana (0x82, 0x83) and JIS level-1 kanji
        else:
            common += 0xB0 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE  # GB2312's hanzi
    return common / double if double else 0.0
