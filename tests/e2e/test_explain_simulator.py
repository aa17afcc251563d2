"""ide.core.explain on tracebacks from the real MicroPython interpreter (the simulator board)."""

from __future__ import annotations

import threading

import pytest

from ide.board import connect
from ide.core.explain import explain


@pytest.mark.timeout(120)
def test_explanations_for_real_tracebacks(sim) -> None:
    session = connect(sim.port)
    try:
        board = str(session.info)
        cases = {
            "foo()": {"name": "foo"},
            "led = Pin(2, Pin.OUT)": {"name": "Pin", "module": "machine"},  # import left out
            "if 1:\n    a = 1\n  b = 2\n": {"line": 2},
            "import ssd1306": {"module": "ssd1306"},
            "open('no_such_file.txt')": {},
            "x = bytearray(50_000_000)": {},
            "from machine import I2C\ni2c = I2C(0)\ni2c.writeto(0x3C, b'x')": {"code": "EIO"},
            # a beginner's slips: case, spelling, text + number
            "from machine import pin": {"name": "pin", "suggestion": "Pin"},
            "import machine\nmachine.pwm(1)": {"name": "pwm", "suggestion": "PWM"},
            "from machine import Pinn": {"name": "Pinn"},
            "from machine import Pin\nPin(2).toggel()": {"type": "Pin", "name": "toggel"},
            "from machine import Pin\nPin(2, Pin.out)": {"name": "out", "suggestion": "OUT"},
            "age = 7\nprint('I am ' + age)": {},
            "age = 7\nprint(age + ' years')": {},
        }
        for code, args in cases.items():
            result = session.run(code, on_output=lambda _b: None)
            assert result.traceback, f"{code!r} raised nothing on the board"
            msg = explain(result.traceback, board=board)
            assert msg is not None, f"no explanation for {result.traceback!r}"
            assert msg.args == args, (code, result.traceback, msg)

        stop = threading.Timer(0.5, session.interrupt)
        stop.start()
        result = session.run("while True:\n    pass\n", on_output=lambda _b: None)
        stop.join()
        assert result.interrupted and result.traceback
        msg = explain(result.traceback, board=board)
        assert msg is not None and "Stop" in str(msg)

        result = session.run("print(1 + 1)", on_output=lambda _b: None)
        assert result.traceback is None
    finally:
        session.close()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_a_radio_module_on_the_simulated_boards(kind: str) -> None:
    """The simulated Pico has no Wi-Fi, like a real one: `import network` fails there with the
    board's own ImportError, and the explanation points to the simulated ESP32 (not to a Pico
    W's markings, nor to uploading a network.py, nor to a program that ran on the computer).
    The simulated ESP32 has `network`; its Bluetooth is missing, which is the simulator's to
    say, not the firmware's."""
    from ide.simulator import start

    with start(board=kind, flash=":memory:") as b:
        session = connect(b.port)
        try:
            board = str(session.info)
            result = session.run("import network", on_output=lambda _b: None)
            if kind == "pico":
                assert "ImportError: no module named 'network'" in (result.traceback or "")
                text = str(explain(result.traceback, board=board))
                # a simulated Pico has no radio, as a real one: the simulated ESP32 has Wi-Fi
                assert "simulated Pico" in text and "ESP32 DevKit" in text, text
                assert "metal lid" not in text and "network.py" not in text, text
                # the OLED lesson: nothing is wired to a virtual board (no "check the wiring")
                oled = "from machine import I2C\nI2C(0).writeto(0x3C, b'\\x00\\xaf')"
                result = session.run(oled, on_output=lambda _b: None)
                text = str(explain(result.traceback or "", board=board))
                assert "virtual board" in text and "wiring" not in text, (result.traceback, text)
            else:
                assert result.traceback is None, result.traceback
                result = session.run("import bluetooth", on_output=lambda _b: None)
                text = str(explain(result.traceback or "", board=board))
                assert "simulator" in text.lower(), (result.traceback, text)
        finally:
            session.close()
