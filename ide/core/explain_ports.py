"""Explanations of the errors a lesson meets when its code was written for another board.

Qt-free, used by :func:`ide.core.explain.explain`. Each pattern is one port's own wording
(MicroPython's ports/rp2 and ports/esp32: machine_pwm.c, machine_adc.c, machine_timer.c,
ESP-IDF's error names) for a call another port accepts: an ESP32 tutorial's PWM.duty() or
Timer(0) on a Pico, a Pico's Pin.high() on an ESP32, a PWM on an ESP32's input-only pin.
"""

from __future__ import annotations

import re

from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Explain"

_NO_ATTRIBUTE = re.compile(r"^'(PWM|ADC|Pin)' object has no attribute '(\w+)'")
_ADC_ESP32_ONLY = frozenset({"read", "atten", "width"})


def _attribute(detail: str) -> Message | None:
    m = _NO_ATTRIBUTE.match(detail)
    if m is None:
        return None
    kind, name = m.groups()
    if (kind, name) == ("PWM", "duty"):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This board's PWM has no duty() (the ESP32's, with 0 to 1023). Use duty_u16() "
                "with 0 to 65535 instead: duty_u16(32768) is half on.",
            ),
        )
    if kind == "ADC" and name in _ADC_ESP32_ONLY:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This board's ADC has no {name}(): read(), atten() and width() are the "
                "ESP32's. Use read_u16(), which gives 0 to 65535.",
            ),
            name=name,
        )
    if kind == "Pin" and name in ("high", "low"):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This board's Pin has no {name}(). Use on() and off(), or value(1) and "
                "value(0).",
            ),
            name=name,
        )
    return None


def port_error(name: str, detail: str, kind: str) -> Message | None:
    """The explanation of exception ``name: detail`` on a board of ``kind`` ("pico", "esp32",
    ...) when it comes from code written for another board, or None."""
    if name == "AttributeError" and detail == "'int' object has no attribute 'init'":
        # a driver that sets its pin up (neopixel's NeoPixel(4, 8)) was given a number
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "A Pin is needed here, not a pin number: wrap the number in Pin(), as in "
                "NeoPixel(Pin(4), 8).",
            ),
        )
    if name == "AttributeError":
        return _attribute(detail)
    if name == "OSError" and "ESP_ERR_INVALID_ARG" in detail:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The ESP32 refused a setting (ESP_ERR_INVALID_ARG). PWM() on GPIO 34 to 39 does "
                "this: those pins can only read. Wire the LED or buzzer to another GPIO, such "
                "as 2, 4 or 5, and use that number.",
            ),
        )
    if name == "TypeError" and detail == "can't convert float to int":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "A whole number is needed here, not a number with a decimal point. Turn it "
                "into one with int(), as in pwm.duty_u16(int(65535 * 0.5)).",
            ),
        )
    if name == "RuntimeError" and detail == "PWM is inactive":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This PWM was switched off with deinit(). Call its init() or make a new PWM "
                "before you set its frequency or duty again.",
            ),
        )
    if name != "ValueError":
        return None
    if detail == "Pin doesn't have ADC capabilities":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This pin cannot read an analog value. On a Pico only GP26, GP27 and GP28 can "
                "(ADC 0 to 2): wire the potentiometer or sensor there and use, for example, "
                "ADC(Pin(26)). ADC(4) is the built-in temperature sensor.",
            ),
        )
    if detail == "Timer doesn't exist":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "A Pico's timers have no number: write Timer() (or Timer(-1)). Numbered "
                "timers such as Timer(0) are the ESP32's.",
            ),
        )
    if detail in ("bad SCL pin", "bad SDA pin"):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "These pins don't belong to this I2C bus. On a Pico, I2C(0) takes SDA on GP0, "
                "4, 8, 12, 16, 20 or 28 and SCL on GP1, 5, 9, 13, 17 or 21; I2C(1) takes SDA on "
                "GP2, 6, 10, 14, 18, 22 or 26 and SCL on GP3, 7, 11, 15, 19 or 27. Choose the "
                "bus your pins belong to.",
            ),
        )
    if detail in ("bad TX pin", "bad RX pin"):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "These pins don't belong to this UART. On a Pico, UART(0) takes TX on GP0, 12, "
                "16 or 28 and RX on GP1, 13 or 17; UART(1) takes TX on GP4, 8 or 20 and RX on "
                "GP5, 9 or 21. Choose the UART your pins belong to.",
            ),
        )
    if detail == "invalid Timer number":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "An ESP32 has four timers: give Timer() a number from 0 to 3, as in Timer(0).",
            ),
        )
    return None
