"""Editor colour themes (light and dark) for the lexilla Python lexer."""

from __future__ import annotations

from dataclasses import dataclass, field

# lexilla's Python lexer style numbers (SCE_P_* in SciLexer.h)
P_DEFAULT = 0
P_COMMENTLINE = 1
P_NUMBER = 2
P_STRING = 3
P_CHARACTER = 4
P_WORD = 5
P_TRIPLE = 6
P_TRIPLEDOUBLE = 7
P_CLASSNAME = 8
P_DEFNAME = 9
P_OPERATOR = 10
P_IDENTIFIER = 11
P_COMMENTBLOCK = 12
P_STRINGEOL = 13
P_WORD2 = 14
P_DECORATOR = 15
P_FSTRING = 16
P_FCHARACTER = 17
P_FTRIPLE = 18
P_FTRIPLEDOUBLE = 19
P_ATTRIBUTE = 20


@dataclass(frozen=True)
class Theme:
    """Colours as "#rrggbb" strings."""

    name: str
    background: str
    foreground: str
    caret: str
    current_line: str
    selection: str
    margin_background: str
    margin_foreground: str
    brace_match: str
    brace_bad: str
    error: str
    error_annotation_background: str
    find_highlight: str
    # style number -> (colour, bold, italic)
    styles: dict[int, tuple[str, bool, bool]] = field(default_factory=dict)


def _python_styles(
    comment: str, keyword: str, string: str, number: str, name: str, decorator: str, builtin: str
) -> dict[int, tuple[str, bool, bool]]:
    return {
        P_COMMENTLINE: (comment, False, True),
        P_COMMENTBLOCK: (comment, False, True),
        P_NUMBER: (number, False, False),
        P_STRING: (string, False, False),
        P_CHARACTER: (string, False, False),
        P_TRIPLE: (string, False, False),
        P_TRIPLEDOUBLE: (string, False, False),
        P_FSTRING: (string, False, False),
        P_FCHARACTER: (string, False, False),
        P_FTRIPLE: (string, False, False),
        P_FTRIPLEDOUBLE: (string, False, False),
        P_STRINGEOL: (string, False, False),
        P_WORD: (keyword, True, False),
        P_WORD2: (builtin, False, False),
        P_CLASSNAME: (name, True, False),
        P_DEFNAME: (name, True, False),
        P_DECORATOR: (decorator, False, False),
    }


LIGHT = Theme(
    name="light",
    background="#ffffff",
    foreground="#1f2328",
    caret="#1f2328",
    current_line="#f2f6fc",
    selection="#c8ddfb",
    margin_background="#f6f8fa",
    margin_foreground="#8c959f",
    brace_match="#b7e0b0",
    brace_bad="#d1242f",
    error="#d1242f",
    error_annotation_background="#ffe4e4",
    find_highlight="#ffd866",
    styles=_python_styles(
        comment="#6e7781",
        keyword="#a626a4",
        string="#0a7d2c",
        number="#0550ae",
        name="#8250df",
        decorator="#b35900",
        builtin="#0550ae",
    ),
)

DARK = Theme(
    name="dark",
    background="#1e1f22",
    foreground="#d5d8de",
    caret="#e8e8e8",
    current_line="#2a2d33",
    selection="#264f78",
    margin_background="#1e1f22",
    margin_foreground="#6b717d",
    brace_match="#3d5a40",
    brace_bad="#ff6b6b",
    error="#ff6b6b",
    error_annotation_background="#4a2326",
    find_highlight="#8a6d1f",
    styles=_python_styles(
        comment="#7f848e",
        keyword="#c678dd",
        string="#98c379",
        number="#d19a66",
        name="#61afef",
        decorator="#e5c07b",
        builtin="#56b6c2",
    ),
)

THEMES = {"light": LIGHT, "dark": DARK}


def bgr(colour: str) -> int:
    """Scintilla's colour integer (0xBBGGRR) for "#rrggbb"."""
    value = colour.lstrip("#")
    r, g, b = int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    return (b << 16) | (g << 8) | r
