"""ide.core.explain on tracebacks as MicroPython (and CPython) really print them.

The texts were captured from MicroPython's own interpreter (the WebAssembly port the simulator
runs) and follow the wording in MicroPython's sources for the board-only errors.
"""

from __future__ import annotations

import pytest

from ide.core.explain import explain
from ide.text import Message


def tb(last: str, *frames: str) -> str:
    body = "".join(f"{f}\n" for f in frames) or '  File "<stdin>", line 1, in <module>\n'
    return f"Traceback (most recent call last):\n{body}{last}\n"


def text_of(msg: Message | None) -> str:
    assert msg is not None, "expected an explanation"
    assert msg.context == "Explain"
    return str(msg)


def test_machine_missing_on_micropython_means_no_board() -> None:
    msg = explain(tb("ImportError: no module named 'machine'"))
    assert "only on a board" in text_of(msg)
    assert msg.args == {"module": "machine"}


def test_machine_missing_on_cpython_means_ran_on_the_pc() -> None:
    text = (
        "Traceback (most recent call last):\n"
        '  File "/home/aiko/blink.py", line 1, in <module>\n'
        "    from machine import Pin\n"
        "ModuleNotFoundError: No module named 'machine'\n"
    )
    assert "ran on the computer" in text_of(explain(text))


def test_machine_missing_in_the_simulator_says_simulator() -> None:
    msg = explain(tb("ImportError: no module named 'machine'"), board="simulator")
    assert "simulator" in text_of(msg).lower()


def test_other_missing_module_suggests_uploading_the_library() -> None:
    msg = explain(tb("ImportError: no module named 'ssd1306'"))
    assert "ssd1306.py" in text_of(msg) and "/lib" in str(msg)


def test_unknown_module_on_cpython_is_left_alone() -> None:
    assert explain(tb("ModuleNotFoundError: No module named 'numpy'")) is None


@pytest.mark.parametrize(
    "line",
    ["OSError: [Errno 2] ENOENT", "OSError: 2", "FileNotFoundError: [Errno 2] No such file"],
)
def test_enoent(line: str) -> None:
    assert "ENOENT" in text_of(explain(tb(line)))


def test_simulator_numbers_enoent_like_wasi() -> None:
    assert "ENOENT" in text_of(explain(tb("OSError: 44"), board="simulator"))
    assert explain(tb("OSError: 44"), board="esp32") is None


def test_memory_error() -> None:
    text = tb("MemoryError: memory allocation failed, allocating 40000 bytes")
    assert "out of memory" in text_of(explain(text))


def test_indentation_error_names_the_line() -> None:
    text = tb(
        "IndentationError: unindent doesn't match any outer indent level",
        '  File "<stdin>", line 3, in <module>',
        '  File "main.py", line 7',
    )
    msg = explain(text)
    assert msg is not None and msg.args == {"line": 7}
    assert "line 7" in str(msg)


def test_indentation_error_without_a_line() -> None:
    assert "indentation" in text_of(explain("IndentationError: unexpected indent"))


@pytest.mark.parametrize(
    "line", ["NameError: name 'ledd' isn't defined", "NameError: name 'ledd' is not defined"]
)
def test_name_error_names_the_name(line: str) -> None:
    msg = explain(tb(line))
    assert msg is not None and msg.args == {"name": "ledd"}


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Pin", "from machine import Pin"),
        ("PWM", "from machine import PWM"),
        ("sleep", "from time import sleep"),
        ("NeoPixel", "from neopixel import NeoPixel"),
        ("machine", "import machine"),
        ("time", "import time"),
    ],
)
def test_a_name_the_lesson_imports_is_told_with_its_import_line(name: str, line: str) -> None:
    """"Pin isn't defined" is the first error of many first programs (the lesson's import line
    left out): the explanation gives the line to add."""
    text = text_of(explain(tb(f"NameError: name '{name}' isn't defined")))
    assert line in text, text


def test_enodev_on_i2c() -> None:
    text = tb("OSError: [Errno 19] ENODEV")
    assert "i2c.scan()" in text_of(explain(text))


@pytest.mark.parametrize(
    ("line", "code"),
    [("OSError: [Errno 5] EIO", "EIO"), ("OSError: [Errno 116] ETIMEDOUT", "ETIMEDOUT")],
)
def test_eio_and_timeout_on_i2c(line: str, code: str) -> None:
    msg = explain(tb(line))
    assert msg is not None and msg.args == {"code": code}


def test_keyboard_interrupt_after_stop_is_not_a_mistake() -> None:
    # MicroPython prints a space after the colon when the message is empty.
    assert "not a mistake" in text_of(explain(tb("KeyboardInterrupt: ")))
    assert explain("Traceback (most recent call last):\nKeyboardInterrupt\n") is not None


@pytest.mark.parametrize(
    ("board", "needle"),
    [
        ("Raspberry Pi Pico with RP2040", 'Pin("LED")'),
        ("Generic ESP32 module with ESP32", "34 to 39"),
        ("ESP module with ESP8266", "Pin(2)"),
        (None, "physical pin"),
    ],
)
def test_invalid_pin_per_board(board: str | None, needle: str) -> None:
    assert needle in text_of(explain(tb("ValueError: invalid pin"), board=board))


def test_unknown_named_pin() -> None:
    msg = explain(tb('ValueError: unknown named pin "GP99"'))
    assert msg is not None and msg.args == {"pin": "GP99"}


def test_the_last_exception_counts_and_prompt_noise_is_ignored() -> None:
    text = (
        "hello\r\n"
        + tb("NameError: name 'x' isn't defined").replace("\n", "\r\n")
        + "MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040\r\n>>> "
    )
    msg = explain(text)
    assert msg is not None and msg.args == {"name": "x"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello world\n>>> ",
        tb("ZeroDivisionError: divide by zero"),
        tb("TypeError: unsupported types for __add__: 'list', 'int'"),
        tb("ValueError: invalid literal for int() with base 10: 'x'"),
        tb("OSError: [Errno 12] ENOMEM"),
    ],
)
def test_nothing_to_add(text: str) -> None:
    assert explain(text) is None


@pytest.mark.parametrize(
    ("line", "name", "meant"),
    [
        ("ImportError: can't import name pin", "pin", "Pin"),
        ("AttributeError: 'module' object has no attribute 'neoPixel'", "neoPixel", "NeoPixel"),
        ("AttributeError: module 'time' has no attribute 'Sleep'", "Sleep", "sleep"),
        ("ImportError: cannot import name 'pwm' from 'machine' (unknown location)", "pwm", "PWM"),
        ("AttributeError: type object 'Pin' has no attribute 'out'", "out", "OUT"),
    ],
)
def test_a_name_in_the_wrong_case_is_offered_as_meant(line: str, name: str, meant: str) -> None:
    msg = explain(tb(line))
    assert "upper from lower case" in text_of(msg)
    assert msg.args == {"name": name, "suggestion": meant}


def test_a_misspelt_name_gets_the_spelling_hint() -> None:
    msg = explain(tb("ImportError: can't import name Pinn"))
    assert "to import" in text_of(msg) and msg.args == {"name": "Pinn"}
    msg = explain(tb("AttributeError: 'module' object has no attribute 'blink'"))
    assert "The module has nothing" in text_of(msg) and msg.args == {"name": "blink"}
    msg = explain(tb("AttributeError: 'Pin' object has no attribute 'toggel'"))
    assert "dir()" in text_of(msg) and msg.args == {"type": "Pin", "name": "toggel"}
    msg = explain(tb("AttributeError: type object 'Pin' has no attribute 'PULLUP'"))
    assert msg.args == {"type": "Pin", "name": "PULLUP"}
    # a None or a number where an object was expected is not a spelling slip
    assert explain(tb("AttributeError: 'NoneType' object has no attribute 'value'")) is None
    assert explain(tb("AttributeError: 'int' object has no attribute 'on'")) is None
    # a number given to a text method says "can't convert" too: not the + hint
    assert explain(tb("TypeError: can't convert 'int' object to str implicitly")) is None


@pytest.mark.parametrize(
    "line",
    [
        "TypeError: unsupported types for __add__: 'str', 'int'",
        "TypeError: unsupported types for __add__: 'float', 'str'",
        "TypeError: unsupported types for __iadd__: 'str', 'int'",
        'TypeError: can only concatenate str (not "int") to str',
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
    ],
)
def test_text_plus_a_number(line: str) -> None:
    assert "str(n)" in text_of(explain(tb(line)))


def test_other_type_errors_are_left_alone() -> None:
    assert explain(tb("TypeError: unsupported types for __add__: 'list', 'int'")) is None
    assert explain(tb("TypeError: unsupported types for __add__: 'str', 'list'")) is None


def test_an_esp32_input_only_pin_driven_as_an_output() -> None:
    # ports/esp32/machine_pin.c: Pin(34, Pin.OUT) on GPIO 34-39
    text = tb(
        "ValueError: pin can only be input",
        '  File "<stdin>", line 2, in <module>',
    )
    said = text_of(explain(text, board="ESP32 DevKit with ESP32"))
    assert "34 to 39" in said and "ESP32-S2 GPIO 46" in said and "Pin()" in said


@pytest.mark.parametrize("module", ["network", "webrepl", "bluetooth"])
def test_a_radio_module_missing_on_a_pico_points_to_the_pico_w(module: str) -> None:
    """On a Pico, `import network` is not a missing library to upload, nor a program that "ran
    on the computer": the board has no radio (or a Pico W runs the plain Pico's MicroPython)."""
    board = "Raspberry Pi Pico with RP2040"
    msg = explain(tb(f"ImportError: no module named '{module}'"), board=board)
    text = text_of(msg)
    assert "Pico W" in text and "Install MicroPython" in text, text
    assert "ran on the computer" not in text and f"{module}.py" not in text
    assert msg.args == {"module": module}


def test_a_radio_module_missing_on_an_esp_names_the_boards_without_one() -> None:
    msg = explain(tb("ImportError: no module named 'bluetooth'"), board="ESP8266 with ESP8266")
    text = text_of(msg)
    assert "ESP8266 has no Bluetooth" in text and "ran on the computer" not in text, text


def test_a_radio_module_missing_with_no_board_known_is_still_no_board() -> None:
    assert "only on a board" in text_of(explain(tb("ImportError: no module named 'network'")))


def test_a_radio_module_the_simulated_esp32_lacks_is_the_simulators_to_say() -> None:
    """A real ESP32 has Bluetooth; the simulated one does not: not "built without it"."""
    board = "ESP32 DevKit with ESP32 (Hotaru virtual board)"
    msg = explain(tb("ImportError: no module named 'bluetooth'"), board=board)
    assert "simulator" in text_of(msg).lower() and "built without" not in text_of(msg)


@pytest.mark.parametrize("line", ["OSError: [Errno 19] ENODEV", "OSError: [Errno 5] EIO"])
def test_no_i2c_device_on_the_virtual_board_is_not_a_wiring_fault(line: str) -> None:
    """The OLED lesson on the simulated Pico: nothing is wired to it, so "check the wiring (SDA,
    SCL, GND, power)" sends the beginner looking for cables that do not exist."""
    msg = explain(tb(line), board="Raspberry Pi Pico with RP2040 (Hotaru virtual board)")
    text = text_of(msg)
    assert "virtual board" in text and "check the wiring" not in text, text
    assert "check the wiring" in text_of(explain(tb(line), board="Raspberry Pi Pico with RP2040"))


@pytest.mark.parametrize(
    ("board", "needle", "not_there"),
    [
        # no MicroPython for any Pico has ESP-NOW: not "install the Pico W's"
        ("Raspberry Pi Pico with RP2040", "ESP32 and ESP8266 boards only", "metal lid"),
        ("Raspberry Pi Pico W with RP2040", "ESP32 and ESP8266 boards only", "metal lid"),
        ("Raspberry Pi Pico 2 W with RP2350", "ESP32 and ESP8266 boards only", "metal lid"),
    ],
)
def test_espnow_on_a_pico_is_an_espressif_module(board: str, needle: str, not_there: str) -> None:
    text = text_of(explain(tb("ImportError: no module named 'espnow'"), board=board))
    assert needle in text and not_there not in text, text


@pytest.mark.parametrize(
    "board", ["Raspberry Pi Pico W with RP2040", "Raspberry Pi Pico 2 W with RP2350"]
)
def test_a_pico_w_without_a_radio_module_has_firmware_built_without_it(board: str) -> None:
    """A Pico W is not told to look for a "W" on its board: its firmware lacks the module."""
    text = text_of(explain(tb("ImportError: no module named 'bluetooth'"), board=board))
    assert "built without it" in text and "metal lid" not in text, text


def test_the_simulated_pico_without_wifi_points_to_the_simulated_esp32() -> None:
    board = "Raspberry Pi Pico with RP2040 (Hotaru virtual board)"
    text = text_of(explain(tb("ImportError: no module named 'network'"), board=board))
    assert "simulated Pico" in text and "ESP32 DevKit" in text and "metal lid" not in text


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        # a lesson for another board: ports/rp2 and ports/esp32 refuse what the other accepts
        ("AttributeError: 'PWM' object has no attribute 'duty'", "duty_u16(32768)"),
        ("AttributeError: 'ADC' object has no attribute 'atten'", "read_u16()"),
        ("AttributeError: 'Pin' object has no attribute 'low'", "value(0)"),
        ("OSError: (-258, 'ESP_ERR_INVALID_ARG')", "GPIO 34 to 39"),
        ("TypeError: can't convert float to int", "int()"),
        ("RuntimeError: PWM is inactive", "deinit()"),
        ("ValueError: Pin doesn't have ADC capabilities", "GP26, GP27 and GP28"),
        ("ValueError: Timer doesn't exist", "Timer(-1)"),
        ("ValueError: invalid Timer number", "0 to 3"),
        ("ValueError: bad SCL pin", "I2C(1) takes SDA on GP2"),
        ("ValueError: bad RX pin", "UART(1) takes TX on GP4"),
        ("AttributeError: 'int' object has no attribute 'init'", "NeoPixel(Pin(4), 8)"),
    ],
)
def test_a_lesson_for_another_board(line: str, needle: str) -> None:
    assert needle in text_of(explain(tb(line)))


def test_other_missing_methods_still_get_the_spelling_hint() -> None:
    said = text_of(explain(tb("AttributeError: 'PWM' object has no attribute 'dutty'")))
    assert "spelling" in said
