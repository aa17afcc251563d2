"""The example scripts shipped in resources/examples and their one-line descriptions, without Qt.

Each example starts with a ``# description`` comment (English, read by the Examples menu). The
same sentences are marked here so lupdate puts them in the catalogue (context "Examples");
ide.ui.window.examples translates them. tests/ui/test_untranslated_ui.py checks the two stay the
same.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ide import paths
from ide.core.editor.line_breaks import columns, wrap_paragraph
from ide.text import QT_TRANSLATE_NOOP

CONTEXT = "Examples"
# The examples' other comments, in the catalogue under this context: tools/i18n_tools.py lists
# every comment block of every example for lupdate (nothing to keep in step by hand).
COMMENTS_CONTEXT = "ExampleComments"
WIDTH = 88  # columns: the examples' own line length, which a translated comment wraps to
DESCRIPTIONS: dict[str, str] = {
    "blink_esp32.py": QT_TRANSLATE_NOOP(
        "Examples", "Blink the blue LED on an ESP32 DevKit (GPIO 2) twice a second."
    ),
    "blink_pico.py": QT_TRANSLATE_NOOP(
        "Examples", "Blink the on-board LED of a Raspberry Pi Pico / Pico W twice a second."
    ),
    "button.py": QT_TRANSLATE_NOOP(
        "Examples",
        "Read a push button wired between GPIO 14 and GND; light the LED while it is pressed.",
    ),
    "fade_pwm.py": QT_TRANSLATE_NOOP(
        "Examples",
        "Fade an LED up and down with PWM. ESP32: GPIO 2; Pico: GPIO 25; Pico W: an LED on "
        "GPIO 15.",
    ),
    "pico_temperature.py": QT_TRANSLATE_NOOP(
        "Examples",
        "Read the Raspberry Pi Pico's built-in temperature sensor (ADC channel 4) once a second.",
    ),
}


# The board an example is written for (by its file name); the others run on any board.
BOARD_OF: dict[str, str] = {
    "blink_esp32.py": "esp32",
    "blink_pico.py": "pico",
    "pico_temperature.py": "pico",
}


def for_board(scripts: list[Path], kind: str) -> tuple[list[Path], list[Path]]:
    """(the examples that run on board ``kind``, those written for another board); with no
    known kind every example is the board's."""
    if not kind:
        return list(scripts), []
    mine = [p for p in scripts if BOARD_OF.get(p.name, kind) == kind]
    return mine, [p for p in scripts if p not in mine]


def first_comment(path: Path) -> str:
    """The text of the example's first line when it is a comment, else ""."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline().strip()
    except OSError:
        return ""
    return first.lstrip("#").strip() if first.startswith("#") else ""


def example_scripts() -> list[Path]:
    """The example scripts shipped in resources/examples, sorted by file name."""
    folder = paths.resources_dir() / "examples"
    return sorted(folder.glob("*.py")) if folder.is_dir() else []


@dataclass(frozen=True)
class CommentBlock:
    """One comment of an example: consecutive whole-line comments at one indentation (a
    sentence may run over several lines), or a comment after code (``trailing``)."""

    first: int  # its first and last line, 0-based
    last: int
    column: int  # where its "#" stands
    text: str  # the comment's words, its lines joined by spaces
    trailing: bool
    context: str  # CONTEXT for the description (the first line), else COMMENTS_CONTEXT


def comment_blocks(source: str) -> list[CommentBlock]:
    """The comments of ``source`` (a Python file), in order. The first line's comment is the
    example's description: a block of its own."""
    lines = source.splitlines()
    found: list[tuple[int, int, str, bool]] = []  # (line, column, words, trailing)
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for token in tokens:
        if token.type == tokenize.COMMENT:
            row, col = token.start
            words = token.string.lstrip("#").strip()
            found.append((row - 1, col, words, bool(lines[row - 1][:col].strip())))
    blocks: list[CommentBlock] = []
    for row, col, words, trailing in found:
        last = blocks[-1] if blocks else None
        joins = (
            last is not None
            and not trailing
            and not last.trailing
            and last.first != 0  # the description stands alone
            and last.last == row - 1
            and last.column == col
            and words != ""
        )
        if joins and last is not None:
            blocks[-1] = CommentBlock(
                last.first, row, col, f"{last.text} {words}", False, last.context
            )
        else:
            context = CONTEXT if row == 0 and not trailing else COMMENTS_CONTEXT
            blocks.append(CommentBlock(row, row, col, words, trailing, context))
    return [b for b in blocks if b.text]


def localize(source: str, translate: Callable[[str, str], str]) -> str:
    """``source`` with each comment that ``translate(context, text)`` has in the user's language
    put in its place (a whole-line comment wrapped again to WIDTH columns, by Japanese and
    Chinese line-breaking rules too); the code itself is left exactly as it is."""
    lines = source.splitlines(keepends=True)
    for block in reversed(comment_blocks(source)):  # (from the end: line numbers hold)
        said = translate(block.context, block.text)
        if not said or said == block.text:
            continue
        if block.trailing:
            line = lines[block.first]
            end = "\n" if line.endswith("\n") else ""
            lines[block.first] = f"{line[: block.column]}# {said}{end}"
            continue
        indent = lines[block.first][: block.column]
        wrapped = wrap_paragraph(said, _fits_beside(indent))
        lines[block.first : block.last + 1] = [f"{indent}# {text}\n" for text in wrapped]
    return "".join(lines)


def _fits_beside(indent: str) -> Callable[[str], bool]:
    room = max(20, WIDTH - columns(indent) - 2)  # (the "# " before the words)

    def fits(text: str) -> bool:
        return columns(text) <= room

    return fits
