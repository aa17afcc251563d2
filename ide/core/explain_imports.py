"""A NameError for a name a kit's program imports: which line the program is missing.

Qt-free, used by :func:`ide.core.explain.explain`. "Pin is not defined" is the first error of
many first programs: the lesson's ``from machine import Pin`` line was left out when the loop
was copied. Telling the line itself ends the search.
"""

from __future__ import annotations

from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Explain"

# A name -> the module it comes from, as the boards' MicroPython has them.
_FROM: dict[str, str] = {
    **dict.fromkeys(
        (
            "Pin", "PWM", "ADC", "I2C", "SoftI2C", "SPI", "SoftSPI", "UART", "Timer", "RTC",
            "WDT", "Signal", "DAC", "TouchPad",
        ),
        "machine",
    ),
    **dict.fromkeys(
        ("sleep", "sleep_ms", "sleep_us", "ticks_ms", "ticks_us", "ticks_diff", "ticks_add"),
        "time",
    ),
    "NeoPixel": "neopixel",
    "DHT11": "dht",
    "DHT22": "dht",
    "WLAN": "network",
    "randint": "random",
    "const": "micropython",
}  # fmt: skip

# Modules a program uses by name (machine.Pin, time.sleep) that need an import line first.
_MODULES = frozenset(
    {
        "machine", "time", "utime", "network", "os", "sys", "random", "math", "gc", "neopixel",
        "dht", "rp2", "esp32", "esp", "json", "struct", "binascii", "socket", "select",
        "bluetooth", "asyncio", "uasyncio", "framebuf", "onewire", "ds18x20", "micropython",
        "webrepl", "espnow", "requests", "urequests",
    }
)  # fmt: skip


def missing_import(name: str) -> Message | None:
    """The explanation of ``NameError: name '<name>' isn't defined`` when ``name`` is one a
    program imports (a module, or a name from one), else None."""
    if name in _MODULES:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "'{name}' is a module: the program uses it before importing it. Add the line "
                "import {name} at the top of the program.",
            ),
            name=name,
        )
    module = _FROM.get(name)
    if module is None:
        return None
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Explain",
            "'{name}' comes from the module {module}, which the program has not imported. Add "
            "the line from {module} import {name} at the top of the program.",
        ),
        name=name,
        module=module,
    )
