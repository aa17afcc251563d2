"""ide.core.explain on the errors a lesson written for another board gets on the simulated
Pico and ESP32, as their ports raise them (ide/core/explain_ports.py)."""

from __future__ import annotations

import pytest

from ide.board import connect
from ide.core.explain import explain
from ide.simulator import start

CASES = {
    "pico": {
        "from machine import Pin, PWM\nPWM(Pin(15)).duty(512)": "PWM has no duty()",
        "from machine import ADC, Pin\nADC(Pin(26)).read()": "ADC has no {name}()",
        "from machine import ADC, Pin\nADC(Pin(5))": "only GP26, GP27 and GP28",
        "from machine import Timer\nTimer(0)": "write Timer()",
        "from machine import Pin, PWM\nPWM(Pin(15)).duty_u16(65535 * 0.5)": "int()",
        "from machine import I2C, Pin\nI2C(0, scl=Pin(3), sda=Pin(2))": "Choose the bus",
        "from machine import UART, Pin\nUART(0, tx=Pin(8), rx=Pin(9))": "Choose the UART",
    },
    "esp32": {
        "from machine import Pin, PWM\nPWM(Pin(34))": "PWM() on GPIO 34 to 39",
        "import neopixel\nnp = neopixel.NeoPixel(4, 8)": "NeoPixel(Pin(4), 8)",
        "from machine import Pin\nPin(2, Pin.OUT).high()": "Use on() and off()",
        "from machine import Timer\nTimer(4)": "from 0 to 3",
        "from machine import ADC, Pin\nADC(Pin(5))": "ADC() reads GPIO 32 to 39",
        "from machine import Pin, PWM\np = PWM(Pin(2))\np.deinit()\np.duty(5)": "deinit()",
    },
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_errors_from_another_boards_lessons_are_explained(kind) -> None:
    with start(board=kind, flash=":memory:") as board:
        session = connect(board.port)
        try:
            for code, needle in CASES[kind].items():
                result = session.run(code, on_output=lambda _b: None)
                assert result.traceback, f"{code!r} raised nothing on the board"
                msg = explain(result.traceback, board=str(session.info))
                assert msg is not None, f"no explanation for {result.traceback!r}"
                assert needle in msg.source, (code, result.traceback, msg.source)
        finally:
            session.close()
