"""Scripts from this computer that are not UTF-8: a starter kit's samples saved on Windows in
Japanese Shift-JIS or Chinese GBK. MicroPython reads only UTF-8, so the editor shows such a
file converted and saves it as UTF-8. Qt-free."""

from __future__ import annotations

# (Python's codec, the name a user may have seen in a text editor's status bar)
LEGACY = (("cp932", "Shift-JIS"), ("gbk", "GBK"))
_CONTROL_OK = "\t\n\r\f"


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding's name)`` for bytes that read as Japanese Shift-JIS or Chinese GBK
    text; None for anything else (a binary file: it has control characters once decoded).

    Japanese bytes often decode as GBK too (into nonsense Chinese), and Chinese bytes
    sometimes as Shift-JIS: Shift-JIS wins when its text has kana and no half-width katakana
    (what GBK's bytes read as Shift-JIS are full of)."""
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
    japanese = found["Shift-JIS"]
    kana = any("\u3040" <= c <= "\u30ff" for c in japanese)
    half_width = any("\uff61" <= c <= "\uff9f" for c in japanese)
    if kana and not half_width:
        return japanese, "Shift-JIS"
    return found["GBK"], "GBK"
