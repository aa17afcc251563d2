"""ide.core.completion without Qt: completion, signatures, docs, definitions and checks
against the pinned MicroPython stubs of each board."""

from __future__ import annotations

from pathlib import Path

import pytest

from ide.core import completion
from ide.core.completion import Context, board_key


def _names(source: str, board: str | Context, line: int | None = None) -> list[str]:
    lines = source.split("\n")
    line = len(lines) - 1 if line is None else line
    return [c.name for c in completion.complete(source, line, len(lines[line]), board)]


@pytest.mark.parametrize("board", ["rp2-pico", "esp32"])
def test_machine_p_offers_pin_and_pwm(board: str) -> None:
    names = _names("import machine\nmachine.P", board)
    assert "Pin" in names and "PWM" in names


def test_pin_signature_marks_the_current_parameter() -> None:
    sig = completion.signature("from machine import Pin\nPin(5, ", 1, 7, "rp2-pico")
    assert sig is not None
    params = [sig.label[a:b] for a, b in sig.params]
    assert [p.split(":")[0].split("=")[0] for p in params][:3] == ["id", "mode", "pull"]
    assert sig.index == 1  # the cursor is in the second argument: mode


def test_sleep_ms_has_a_docstring() -> None:
    doc = completion.docs("import time\ntime.sleep_ms(10)", 1, 7, "rp2-pico")
    assert doc is not None and doc.name == "sleep_ms"
    assert "millisecond" in doc.text
    item = next(
        c
        for c in completion.complete("import time\ntime.sleep_", 1, 11, "rp2-pico")
        if c.name == "sleep_ms"
    )
    assert item.kind == "function" and "millisecond" in item.doc and item.signature


def test_time_is_micropythons_not_cpythons() -> None:
    names = _names("import time\ntime.", "rp2-pico")
    assert "ticks_ms" in names and "perf_counter" not in names


@pytest.mark.parametrize(
    ("module", "board_names", "cpython_names"),
    [
        ("random", {"randint", "choice", "getrandbits"}, {"betavariate", "shuffle", "_acos"}),
        ("json", {"dumps", "loads"}, {"codecs", "_default_decoder", "scanner"}),
        ("re", {"compile", "match"}, {"Scanner", "functools", "_compile"}),
        ("collections", {"deque", "namedtuple"}, {"_chain", "_OrderedDictKeysView"}),
    ],
)
def test_a_module_cpython_writes_in_python_offers_only_the_boards_names(
    module: str, board_names: set[str], cpython_names: set[str]
) -> None:
    """jedi reads CPython's own random.py (json/, re/ ...) beside the board's stub and offered
    its names too: random.shuffle, random.betavariate, even random._acos; a beginner picking
    one got AttributeError on the board."""
    names = set(_names(f"import {module}\n{module}.", "rp2-pico"))
    assert board_names <= names
    assert not names & cpython_names


def _messages(source: str, board: str | Context) -> list[str]:
    return [str(p.message) for p in completion.check(source, board)]


def test_network_on_a_pico_warns_and_on_a_pico_w_does_not() -> None:
    src = "import network\nwlan = network.WLAN()\n"
    assert _messages(src, "rp2-pico") == [
        "network is not available on the Raspberry Pi Pico; the Raspberry Pi Pico W has it"
    ]
    assert _messages(src, "rp2-pico-w") == []
    problem = completion.check(src, "rp2-pico")[0]
    assert (problem.line, problem.column, problem.end_column) == (0, 7, 14)


def test_touchpad_is_not_on_an_rp2040() -> None:
    src = "import machine\nt = machine.TouchPad(machine.Pin(4))\n"
    assert _messages(src, "rp2-pico") == [
        "machine.TouchPad does not exist on the RP2040; the ESP32 has it"
    ]
    assert _messages(src, "esp32") == []


def test_pyflakes_findings_are_translatable_messages() -> None:
    problems = completion.check("import os\nprint(ledd)\n", "rp2-pico")
    assert [(p.line, p.column, p.message.source) for p in problems] == [
        (0, 7, "“{name}” is imported but not used"),
        (1, 6, "The name “{name}” is not defined"),
    ]
    assert completion.check("def broken(:\n", "rp2-pico") == []  # the syntax check's job


def test_local_module_completes_with_its_signature(tmp_path: Path) -> None:
    (tmp_path / "mylib.py").write_text(
        'def blink(pin, times=3):\n    """Blink an LED."""\n', encoding="utf-8"
    )
    ctx = Context("rp2-pico", str(tmp_path))
    assert "mylib" in _names("import myl", ctx)
    items = completion.complete("import mylib\nmylib.bl", 1, 8, ctx)
    assert [(c.name, c.signature, c.doc) for c in items] == [
        ("blink", "blink(pin, times=3)", "Blink an LED.")
    ]
    assert _messages("import mylib\nmylib.blink(1)\n", ctx) == []


def test_import_completion_lists_the_boards_modules_only() -> None:
    assert "network" in _names("import net", "rp2-pico-w")
    assert "network" not in _names("import net", "rp2-pico")
    assert "subprocess" not in _names("import sub", "rp2-pico")
    lib = Context("rp2-pico", None, frozenset({"ssd1306"}))
    assert _names("import ssd", lib) == ["ssd1306"]


def test_definition_leads_into_the_stub_or_the_users_code() -> None:
    loc = completion.definition("import machine\nmachine.Pin", 1, 10, "rp2-pico")
    assert loc is not None and loc.read_only and loc.path.endswith("__init__.pyi")
    assert "class Pin" in Path(loc.path).read_text(encoding="utf-8").split("\n")[loc.line]
    here = completion.definition("def f():\n    pass\nf()", 2, 0, "rp2-pico")
    assert here is not None and (here.path, here.line, here.read_only) == ("", 0, False)


@pytest.mark.parametrize(
    ("machine", "sysname", "key"),
    [
        ("Raspberry Pi Pico with RP2040", "rp2", "rp2-pico"),
        ("Raspberry Pi Pico W with RP2040", "rp2", "rp2-pico-w"),
        ("Generic ESP32 module with ESP32", "esp32", "esp32"),
        ("ESP module with ESP8266", "esp8266", "esp8266"),
        ("Hotaru virtual board with WebAssembly", "webassembly", "rp2-pico"),
        ("", "", "rp2-pico"),
    ],
)
def test_board_key_from_what_the_board_says(machine: str, sysname: str, key: str) -> None:
    assert board_key(machine, sysname) == key


def test_names_of_this_text_complete_in_an_untitled_tab() -> None:
    src = "from machine import Pin\n\ndef step_one():\n    pass\n\nPi\nstep_"
    assert "Pin" in _names(src, "rp2-pico", line=5)
    assert _names(src, "rp2-pico") == ["step_one"]
