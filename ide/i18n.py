"""Which language Hotaru speaks: the Qt-free part (choices, OS matching, files, fonts).

The user's choice is stored as a language code under ``SETTINGS_KEY`` ("" follows the OS).
``HOTARU_LANGUAGE`` in the environment overrides both (screenshots, tests, bug reports).
The Qt side (translators, fonts, the View > Language menu) is ide/ui/settings/language.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ide.paths import i18n_dir

# Code -> the language's own name (menus show each language in itself, never translated).
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語", "zh_CN": "简体中文"}
DEFAULT = "en"
SYSTEM = ""  # the stored choice meaning "follow the OS"
SETTINGS_KEY = "ui/language"
ENV_VAR = "HOTARU_LANGUAGE"
CATALOGUE = "hotaru"

# Fonts that hold the language's glyphs, best first; the UI keeps those installed. Japanese and
# Chinese share code points but not glyph shapes (Han unification), so each language names its
# own font rather than trusting the system's fallback to guess.
UI_FONTS: dict[str, tuple[str, ...]] = {
    "ja": (
        "Noto Sans CJK JP",
        "Noto Sans JP",
        "Source Han Sans JP",
        "Yu Gothic UI",
        "Meiryo UI",
        "Hiragino Sans",
        "Hiragino Kaku Gothic ProN",
        "IPAexGothic",
        "TakaoPGothic",
        "VL PGothic",
    ),
    "zh_CN": (
        "Noto Sans CJK SC",
        "Noto Sans SC",
        "Source Han Sans SC",
        "Microsoft YaHei UI",
        "Microsoft YaHei",
        "PingFang SC",
        "Hiragino Sans GB",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
    ),
}
MONO_FONTS: dict[str, tuple[str, ...]] = {
    "ja": ("Noto Sans Mono CJK JP", "BIZ UDGothic", "MS Gothic", "Osaka", "TakaoGothic"),
    "zh_CN": ("Noto Sans Mono CJK SC", "SimHei", "NSimSun", "WenQuanYi Zen Hei Mono"),
}


def normalize(code: str | None) -> str | None:
    """A supported code for a locale name ("ja_JP.UTF-8", "zh-Hans-CN", "en-GB"), or None.

    Every Chinese variant maps to simplified Chinese, the one we ship: a reader of traditional
    characters reads it far more easily than English.
    """
    if not code:
        return None
    code = code.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    lang = code.split("_", 1)[0].lower()
    if lang == "ja":
        return "ja"
    if lang == "zh":
        return "zh_CN"
    if lang in ("en", "c", "posix"):
        return "en"
    return None


def match_language(ui_languages: Iterable[str]) -> str:
    """The first supported language among the OS's preferred ones (e.g. QLocale.uiLanguages())."""
    for name in ui_languages:
        code = normalize(name)
        if code:
            return code
    return DEFAULT


def resolve(choice: str | None, ui_languages: Iterable[str]) -> str:
    """The language to use: the environment override, else the stored choice, else the OS."""
    for candidate in (os.environ.get(ENV_VAR), choice):
        code = normalize(candidate) if candidate else None
        if code:
            return code
    return match_language(ui_languages)


def qm_file(language: str, folder: Path | None = None) -> Path | None:
    """The compiled catalogue for ``language`` (None for English, the source language)."""
    if language == DEFAULT:
        return None
    path = (folder or i18n_dir()) / f"{CATALOGUE}_{language}.qm"
    return path if path.is_file() else None


def pick_fonts(language: str, installed: Iterable[str], mono: bool = False) -> list[str]:
    """The installed fonts for ``language``'s script, best first (empty for English)."""
    have = set(installed)
    table = MONO_FONTS if mono else UI_FONTS
    return [f for f in table.get(language, ()) if f in have]
