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
