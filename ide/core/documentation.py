"""Where MicroPython's documentation says what a board can do. Qt-free."""

from __future__ import annotations

#: MicroPython's documentation (English: no translation is kept up to date for every port)
DOCS = "https://docs.micropython.org/en/latest/"

#: sys.platform of a port -> its folder in the documentation, for the ports with a quick reference
_QUICKREF = {
    "rp2": "rp2",
    "esp32": "esp32",
    "esp8266": "esp8266",
    "pyboard": "pyboard",
    "mimxrt": "mimxrt",
    "samd": "samd",
    "renesas-ra": "renesas-ra",
    "zephyr": "zephyr",
    "psoc-edge": "psoc-edge",
    "WiPy": "wipy",
}


def documentation_url(platform: str = "") -> str:
    """The quick reference for a board whose ``sys.platform`` is ``platform`` (its pins, PWM,
    ADC, I2C, timers, networking: what a beginner looks up first); the front page when no
    board answered or its port has none."""
    folder = _QUICKREF.get(platform)
    return f"{DOCS}{folder}/quickref.html" if folder else DOCS
