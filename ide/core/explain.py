"""Beginner explanations of the MicroPython errors beginners meet most often.

Headless (no Qt): :func:`explain` reads the text of a traceback as the board printed it and
returns an :class:`ide.text.Message` the console shows beside it (translated with
``ide.ui.translate_message``), or ``None`` when it has nothing useful to add.

The patterns follow MicroPython's own wording ("ImportError: no module named 'machine'",
"NameError: name 'x' isn't defined", "OSError: [Errno 2] ENOENT", ...) and also CPython's
(``ModuleNotFoundError``, ``FileNotFoundError``, "is not defined"), which is what a beginner sees
when the program ran on the computer instead of the board.
"""

from __future__ import annotations

import re

from ide.core.explain_imports import missing_import
from ide.core.explain_ports import port_error
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Explain"

# Modules that exist only on a microcontroller running MicroPython.
BOARD_ONLY_MODULES = frozenset(
    {
        "machine",
        "micropython",
        "network",
        "esp",
        "esp32",
        "rp2",
        "neopixel",
        "bluetooth",
        "ubluetooth",
        "pyb",
        "onewire",
        "dht",
    }
)

# Modules of boards with a Wi-Fi or Bluetooth radio, and firmware built for one: a plain Pico (or
# a Pico W running the plain Pico's MicroPython) has none of them.
RADIO_MODULES = frozenset({"network", "webrepl", "espnow", "bluetooth", "ubluetooth"})

# "Name: text" at the start of a line: the exception line of a traceback.
_EXC_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit))(?::\s?(.*))?$")
_FILE_LINE = re.compile(r'^\s*File "([^"]*)", line (\d+)')
_QUOTED = re.compile(r"""['"]([^'"]+)['"]""")
# OSError as MicroPython prints it: "[Errno 2] ENOENT" or a bare number; CPython adds a text.
_ERRNO = re.compile(r"^\[Errno (\d+)\]\s*(\S+)?|^(\d+)$")

_ERRNO_NAMES = {2: "ENOENT", 5: "EIO", 19: "ENODEV", 110: "ETIMEDOUT", 116: "ETIMEDOUT"}


def _last_exception(text: str) -> tuple[str, str, int | None] | None:
    """(exception name, its message, last line number mentioned) or None."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: tuple[str, str, int] | None = None
    for index, line in enumerate(lines):
        m = _EXC_LINE.match(line.strip())
        if m:
            found = (m.group(1).rsplit(".", 1)[-1], (m.group(2) or "").strip(), index)
    if found is None:
        return None
    name, detail, at = found
    lineno = None
    for line in lines[:at]:
        f = _FILE_LINE.match(line)
        if f:
            lineno = int(f.group(2))
    return name, detail, lineno


def _board_kind(board: str | None) -> str:
    low = (board or "").lower()
    if "simulator" in low or "webassembly" in low:
        return "simulator"
    if "rp2" in low or "pico" in low:
        return "pico"
    if "esp8266" in low:
        return "esp8266"
    if "esp32" in low:
        return "esp32"
    return ""


def _errno_name(detail: str, kind: str) -> str | None:
    m = _ERRNO.match(detail)
    if not m:
        return None
    if m.group(1):
        name = m.group(2)
        if name and name.isupper():
            return name
        return _ERRNO_NAMES.get(int(m.group(1)))
    number = int(m.group(3))
    if kind == "simulator" and number == 44:  # the WebAssembly port numbers errors like WASI
        return "ENOENT"
    return _ERRNO_NAMES.get(number)


def _module_error(
    name: str, detail: str, kind: str, board: str = "", virtual: bool = False
) -> Message | None:
    quoted = _QUOTED.search(detail)
    if not quoted:
        return None
    module = quoted.group(1)
    top = module.split(".", 1)[0]
    if top in RADIO_MODULES and name == "ImportError" and kind in ("pico", "esp32", "esp8266"):
        return _radio_missing(module, kind, board.lower(), virtual)
    if top in BOARD_ONLY_MODULES:
        if kind == "simulator":
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "The simulator has no module '{module}'. It exists on a real board: "
                    "connect your board, choose its port and press Run again.",
                ),
                module=module,
            )
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The module '{module}' exists only on a board running MicroPython. This program "
                "ran on the computer instead. Connect your board, choose its port and press Run "
                "again.",
            ),
            module=module,
        )
    if name == "ModuleNotFoundError":  # CPython: the program ran on the computer
        return None
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Explain",
            "The board has no module named '{module}'. Check the spelling. If it is a library "
            "from your kit, upload its file ({module}.py) to the board first, for example into "
            "the /lib folder.",
        ),
        module=module,
    )


def _radio_missing(module: str, kind: str, board: str, virtual: bool) -> Message:
    """A MicroPython board without the module of a radio it lacks (or its firmware does).
    ``board``: its description, lower case (a Pico W); ``virtual``: the simulator's board."""
    if kind == "pico" and module.split(".", 1)[0] == "espnow":
        text = QT_TRANSLATE_NOOP(
            "Explain",
            "'{module}' (ESP-NOW) is on ESP32 and ESP8266 boards only: no MicroPython for the "
            "Raspberry Pi Pico has it, the Pico W's included.",
        )
    elif kind == "pico" and virtual:
        text = QT_TRANSLATE_NOOP(
            "Explain",
            "The simulated Pico is a Pico without Wi-Fi or Bluetooth, so it has no '{module}'. "
            "To try a Wi-Fi program, choose ESP32 DevKit as the simulated board in the Board "
            "view, or connect a Pico W or an ESP32.",
        )
    elif kind == "pico" and re.search(r"pico (2 )?w\b", board):
        text = QT_TRANSLATE_NOOP(
            "Explain",
            "This board's MicroPython has no '{module}': it was built without it. Install the "
            "MicroPython made for your board (Tools > Install MicroPython…).",
        )
    elif kind == "pico":
        text = QT_TRANSLATE_NOOP(
            "Explain",
            "This board's MicroPython has no '{module}': a Raspberry Pi Pico has no Wi-Fi "
            "or Bluetooth. The Pico W and Pico 2 W have them, with the MicroPython made for "
            'them: if your board is one (a "W" on it, a metal lid by the antenna), '
            "install that one (Tools > Install MicroPython…).",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Explain",
            "This board's MicroPython has no '{module}': it was built without it, or the board "
            "has no such radio (an ESP8266 has no Bluetooth; an ESP32-S2 has none either). "
            "Check which board it is in the status bar, and install the MicroPython made for it "
            "(Tools > Install MicroPython…).",
        )
    return message(CTX, text, module=module)


def _pin_error(detail: str, kind: str) -> Message | None:
    low = detail.lower()
    named = re.match(r'unknown named pin "?([^"]*)"?', detail)
    if named:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This board has no pin named '{pin}'. Check the pin names in your kit's manual.",
            ),
            pin=named.group(1),
        )
    if low.startswith("pin can only be input"):  # ESP32: GPIO 34-39; ESP32-S2: GPIO 46
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This pin can only read (an input): it cannot light an LED or sound a buzzer "
                "(on an ESP32 these are GPIO 34 to 39, on an ESP32-S2 GPIO 46). Wire the part "
                "to another GPIO, such as 2, 4 or 5, and use that number in Pin().",
            ),
        )
    if not (low.startswith("invalid pin") or ("pin" in low and "doesn't exist" in low)):
        return None
    if kind == "pico":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This pin number doesn't exist on the Raspberry Pi Pico. Use the GPIO number "
                "(0 to 28, the GPxx label), not the physical pin number. The built-in LED is "
                'Pin("LED").',
            ),
        )
    if kind == "esp32":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This pin number doesn't exist on the ESP32, or the pin can't do this. Use the "
                "GPIO number printed on the board (0 to 39). Pins 6 to 11 belong to the flash "
                "memory, 34 to 39 are input only, and ADC() reads GPIO 32 to 39 (or 0, 2, 4, "
                "12 to 15 and 25 to 27 while Wi-Fi is off).",
            ),
        )
    if kind == "esp8266":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "This pin number doesn't exist on the ESP8266. Use GPIO numbers (0 to 16), "
                "not the D labels: D4, for example, is Pin(2).",
            ),
        )
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Explain",
            "This pin number doesn't exist on this board. Use the GPIO number from your kit's "
            "manual, not the physical pin number.",
        ),
    )


# Names beginners meet first (machine, neopixel, network, time, a Pin's methods): a name that
# matches one of them but for upper and lower case is offered as what was meant.
COMMON_NAMES = (
    "Pin", "PWM", "ADC", "I2C", "SPI", "UART", "Timer", "RTC", "WDT", "Signal", "SoftI2C",
    "SoftSPI", "TouchPad", "NeoPixel", "WLAN", "IN", "OUT", "PULL_UP", "PULL_DOWN",
    "IRQ_RISING", "IRQ_FALLING", "sleep", "sleep_ms", "sleep_us", "ticks_ms", "ticks_us",
    "ticks_diff", "value", "on", "off", "toggle", "duty_u16", "freq", "read_u16", "write",
)  # fmt: skip
_IMPORT_NAME = re.compile(r"""^(?:can't|cannot) import name '?(\w+)'?""")
# "'Pin' object ...", "type object 'Pin' ..." (a class: Pin.out), "module 'time' ..." (CPython)
_NO_ATTRIBUTE = re.compile(
    r"""^(?:'(\w+)' object|type object '(\w+)'|module '[\w.]+') has no attribute '(\w+)'"""
)
# types whose missing attribute is rarely a spelling slip: a value of the wrong kind (a pin
# number where a Pin was meant, a None a function returned)
_NOT_A_SLIP = frozenset({"int", "float", "bool", "NoneType"})
_NUMBERS = frozenset({"int", "float", "bool"})
_ADD_TYPES = re.compile(r"unsupported types for __r?i?add__: '(\w+)', '(\w+)'")
_CPY_ADD = re.compile(r"""can only concatenate str \(not "(\w+)"\)|for \+: '(\w+)' and '(\w+)'""")


def _case_slip(name: str) -> str | None:
    """The common name ``name`` means with other upper and lower case letters, or None."""
    for known in COMMON_NAMES:
        if known != name and known.lower() == name.lower():
            return known
    return None


def _missing_name(name: str, detail: str) -> Message | None:
    """ImportError "can't import name x" and AttributeError "... has no attribute 'x'"."""
    imported = _IMPORT_NAME.match(detail) if name == "ImportError" else None
    attribute = _NO_ATTRIBUTE.match(detail) if name == "AttributeError" else None
    if imported:
        missing = imported.group(1)
    elif attribute:
        missing = attribute.group(3)
    else:
        return None
    meant = _case_slip(missing)
    if meant:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "Did you mean '{suggestion}'? Python tells upper from lower case: '{name}' and "
                "'{suggestion}' are different names.",
            ),
            name=missing,
            suggestion=meant,
        )
    if imported:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The module has nothing called '{name}' to import. Check the spelling: upper "
                "and lower case differ.",
            ),
            name=missing,
        )
    assert attribute is not None
    kind = attribute.group(1) or attribute.group(2)
    if kind in _NOT_A_SLIP:
        return None  # (a spelling hint would mislead)
    if kind is None or kind == "module":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The module has nothing called '{name}'. Check the spelling: upper and lower "
                "case differ.",
            ),
            name=missing,
        )
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "Explain",
            "'{type}' has nothing called '{name}'. Check the spelling: upper and lower case "
            "differ. dir() of it lists the names it has.",
        ),
        type=kind,
        name=missing,
    )


def _text_plus_number(detail: str) -> bool:
    """A TypeError from joining text and a number with + (MicroPython's or CPython's words)."""
    # ("can't convert 'int' object to str implicitly" is not taken: MicroPython says it for a
    # number given to a text method too, 'abc'.find(1), oled.text(n, 0, 0))
    m = _ADD_TYPES.search(detail) or _CPY_ADD.search(detail)
    if m is None:
        return False
    others = {t for t in m.groups() if t} - {"str"}  # ("can only concatenate str": str implied)
    return len(others) == 1 and others <= _NUMBERS


def explain(traceback_text: str, board: str | None = None) -> Message | None:
    """A beginner's explanation of the error at the end of ``traceback_text``, or None.

    ``board`` is the board's description (``Session.info``, e.g. "Raspberry Pi Pico with
    RP2040", or "simulator"); it selects board-specific advice, such as valid pin numbers.
    """
    found = _last_exception(traceback_text)
    if found is None:
        return None
    name, detail, lineno = found
    kind = _board_kind(board)
    # the simulator, as itself or as a Pico or an ESP32: nothing is wired to it but its parts
    virtual = kind == "simulator" or "virtual board" in (board or "").lower()
    for_another_board = port_error(name, detail, kind)
    if for_another_board is not None:
        return for_another_board

    if name in ("ImportError", "AttributeError"):
        missing = _missing_name(name, detail)
        if missing is not None:
            return missing
    if name in ("ImportError", "ModuleNotFoundError"):
        # (a simulated ESP32 lacks what a real one has: that is the simulator's to say)
        kind_here = "simulator" if virtual and kind == "esp32" else kind
        return _module_error(name, detail, kind_here, board or "", virtual)

    if name == "TypeError" and _text_plus_number(detail):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "Text and a number can't be joined with +. Turn the number into text first, "
                "as in 'Count: ' + str(n), or give print() both: print('Count:', n).",
            ),
        )

    if name in ("OSError", "FileNotFoundError"):
        code = "ENOENT" if name == "FileNotFoundError" else _errno_name(detail, kind)
        if code == "ENOENT":
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "File or folder not found (ENOENT). Check the name: upper and lower case "
                    "differ. A file on your computer is on the board only after you upload it.",
                ),
            )
        if code in ("ENODEV", "EIO", "ETIMEDOUT") and virtual:
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "No device answered ({code}). Nothing is connected to the virtual board's "
                    "pins: i2c.scan() finds nothing there. A display or a sensor works on a real "
                    "board, wired to the pins the program uses.",
                ),
                code=code,
            )
        if code == "ENODEV":
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "No device answered (ENODEV). With I2C this means nothing replied at that "
                    "address: check the wiring (SDA, SCL, GND, power), the pin numbers and the "
                    "address. i2c.scan() lists the addresses that answer.",
                ),
            )
        if code in ("EIO", "ETIMEDOUT"):
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "The board could not talk to a connected device ({code}). With I2C, check "
                    "the wiring (SDA, SCL, GND, power) and the address: i2c.scan() lists the "
                    "addresses that answer.",
                ),
                code=code,
            )
        return None

    if name == "MemoryError":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The board ran out of memory. Use smaller lists and buffers, read files in "
                "pieces, and call gc.collect() before allocating something large.",
            ),
        )

    if name in ("IndentationError", "TabError"):
        if lineno is not None:
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "The indentation (the spaces at the start of a line) does not fit near line "
                    "{line}. Lines in the same block need the same indentation: use 4 spaces per "
                    "level and don't mix tabs and spaces.",
                ),
                line=lineno,
            )
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The indentation (the spaces at the start of a line) does not fit. Lines in the "
                "same block need the same indentation: use 4 spaces per level and don't mix "
                "tabs and spaces.",
            ),
        )

    if name == "NameError":
        quoted = _QUOTED.search(detail)
        if quoted and (imported := missing_import(quoted.group(1))) is not None:
            return imported
        if quoted:
            return message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Explain",
                    "Python doesn't know the name '{name}'. Check its spelling (upper and lower "
                    "case differ), give it a value before this line, or import the module it "
                    "comes from.",
                ),
                name=quoted.group(1),
            )
        return None

    if name == "KeyboardInterrupt":
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Explain",
                "The program was stopped (Stop button or Ctrl+C). This is not a mistake in "
                "your code.",
            ),
        )

    if name == "ValueError":
        return _pin_error(detail, kind)

    return None
