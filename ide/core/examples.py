"""The example scripts shipped in resources/examples and their one-line descriptions, without Qt.

Each example starts with a ``# description`` comment (English, read by the Examples menu). The
same sentences are marked here so lupdate puts them in the catalogue (context "Examples");
ide.ui.window.examples translates them. tests/ui/test_untranslated_ui.py checks the two stay the
same.
"""

from __future__ import annotations

from pathlib import Path

from ide import paths
from ide.text import QT_TRANSLATE_NOOP

CONTEXT = "Examples"
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
