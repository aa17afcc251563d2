"""The simulated Pico and ESP32 DevKit: what each reports, which pins exist, Pin("LED"), ADC."""

from __future__ import annotations

import time

import pytest

from ide import paths
from ide.simulator import start
from tests.helpers.simulator_helpers import TransportSerial, enter_raw, raw_exec, read_until


@pytest.fixture(params=["pico", "esp32"])
def board(request):
    with start(board=request.param, pty=False, flash=":memory:") as b:
        link = TransportSerial(b.connect())
        enter_raw(link)
        b.link = link
        yield b


def run(board, code: str) -> str:
    out, err = raw_exec(board.link, code)
    assert err == b"", err
    return out.decode()


def test_the_board_reports_itself(board):
    platform = {"pico": "rp2", "esp32": "esp32"}[board.board]
    machine = {"pico": "Raspberry Pi Pico with RP2040", "esp32": "ESP32 DevKit with ESP32"}
    out = run(board, "import sys, os\nprint(sys.platform)\nprint(os.uname().machine)")
    assert out.splitlines()[0] == platform
    assert out.splitlines()[1].startswith(machine[board.board])
    board.link.write(b"\x02")  # the friendly REPL's banner names the board too
    assert machine[board.board].encode() in read_until(board.link, b">>> ")


def test_only_the_boards_pins_exist(board):
    missing = {"pico": "30", "esp32": "6"}[board.board]  # (a Pico's GPIO 29 reads VSYS/3)
    out, err = raw_exec(board.link, f"from machine import Pin\nPin({missing}, Pin.OUT)")
    assert b"ValueError: invalid pin" in err
    out, err = raw_exec(board.link, "Pin('LED', Pin.OUT).on()")
    if board.board == "pico":
        assert err == b""  # the Pico's LED is GP25
        assert [v for _, v in board.wait_pin_events(25, 1)] == [1]
        assert board.pin_events("LED") == board.pin_events(25)
        # its names: GP0-GP22, GP25-GP28 and LED on the board, GPIO0-GPIO29 of the chip
        out, err = raw_exec(board.link, "print(Pin('GP28'), Pin('GPIO23'))\nPin('GP23')")
        never_set = b"mode=ALT, pull=PULL_DOWN, alt=31)"  # an RP2040 pad after reset
        assert out == b"Pin(GPIO28, " + never_set + b" Pin(GPIO23, " + never_set + b"\r\n"
        assert err.endswith(b'ValueError: unknown named pin "GP23"\r\n')
    else:
        assert b"ValueError: invalid pin" in err  # an ESP32 DevKit names no pin at all


@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_each_boards_blink_example_blinks_its_led(kind):
    name = {"pico": "blink_pico.py", "esp32": "blink_esp32.py"}[kind]
    code = (paths.resources_dir() / "examples" / name).read_text()
    with start(board=kind, pty=False, flash=":memory:") as b:
        link = TransportSerial(b.connect())
        enter_raw(link)
        link.write(code.encode() + b"\x04")
        read_until(link, b"OK")
        events = b.wait_pin_events("LED" if kind == "pico" else 2, 3)
        link.write(b"\x03")
        read_until(link, b"\x04>")
    assert [v for _, v in events][:3] == [1, 0, 1]


def test_the_adc_reads_what_the_host_sets(board):
    """The host sets the analog level (0-65535); the ADC converts it to 12 bits and scales
    the reading to 16 as both ports do (raw << 4 | raw >> 8): 12345 reads 12339."""
    pin = {"pico": 26, "esp32": 34}[board.board]
    board.set_input(f"adc:{pin}", 12345)
    probe = f"from machine import ADC, Pin\nprint(ADC(Pin({pin})).read_u16())"
    for _ in range(500):  # the input travels to the board apart from the code
        if run(board, probe).strip() != "32776":
            break
        time.sleep(0.01)
    assert run(board, probe).strip() == "12339"


def test_the_pico_temperature_example_reads_a_room_temperature():
    code = (paths.resources_dir() / "examples" / "pico_temperature.py").read_text()
    with start(board="pico", pty=False, flash=":memory:") as b:
        link = TransportSerial(b.connect())
        enter_raw(link)
        link.write(code.encode() + b"\x04")
        line = read_until(link, b" C\r\n").split(b"\r\n")[-2]
        b.set_input("adc:temp", 35)
        read_until(link, b" C\r\n")
        hotter = read_until(link, b" C\r\n").split(b"\r\n")[-2]
        link.write(b"\x03")
        read_until(link, b"\x04>")
    assert 25 < float(line.split()[0].lstrip(b"\x02OK")) < 29
    assert 33 < float(hotter.split()[0]) < 37


KIT = {
    "pico": (
        "import neopixel, dht, rp2, machine\n"
        "@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)\n"
        "def blink():\n    wrap_target()\n    set(pins, 1) [31]\n    nop() [31]\n"
        "    set(pins, 0) [31]\n    wrap()\n"
        "sm = rp2.StateMachine(0, blink, freq=2000, set_base=machine.Pin(25))\n"
        "sm.active(1)\nprint(sm.active(), set is not None)\n"
    ),
    "esp32": (
        "import neopixel, dht, network, esp32, machine\n"
        "w = network.WLAN(network.STA_IF)\nw.active(True)\n"
        "print(len(w.scan()) > 0, w.isconnected())\n"
        "w.connect('HotaruNet', 'secret')\nprint(w.isconnected(), w.ifconfig()[0])\n"
        "print(machine.TouchPad(machine.Pin(4)).read() > 0, esp32.raw_temperature() > 0)\n"
        "machine.DAC(machine.Pin(25)).write(128)\n"
    ),
}


def test_the_kit_lessons_modules_exist(board):
    out = run(board, KIT[board.board])
    expected = {
        "pico": "True True\r\n",
        "esp32": "True False\r\nTrue 192.168.1.42\r\nTrue True\r\n",
    }
    assert out == expected[board.board]
    board.set_input("dht:t", 31)
    board.set_input("dht:h", 65)
    # the inputs travel to the board apart from the code: wait until it has them
    probe = "import dht, machine\nd = dht.DHT11(machine.Pin(5))\nd.measure()\nprint(d.humidity())"
    for _ in range(500):
        if raw_exec(board.link, probe)[0] == b"65\r\n":
            break
        time.sleep(0.01)
    else:
        raise AssertionError("the board never saw the DHT inputs")
    out = run(
        board,
        "np = neopixel.NeoPixel(machine.Pin(4), 2)\nnp[1] = (0, 0, 255)\nnp.write()\n"
        "d = dht.DHT11(machine.Pin(5))\nd.measure()\nprint(d.temperature(), d.humidity())\n",
    )
    assert out == "31 65\r\n"
    assert board.parts["neopixel:4"] == [[0, 0, 0], [0, 0, 255]]
    out, err = raw_exec(board.link, "import socket\nsocket.socket()")
    assert b"has no network" in err
    missing = {"pico": "network", "esp32": "rp2"}[board.board]  # not on that port
    out, err = raw_exec(board.link, f"import {missing}")
    assert b"ImportError" in err


def test_timers_and_pin_handlers_run_in_a_loop_without_sleep(board):
    timer = {"pico": "Timer(", "esp32": "Timer(0, "}[board.board]  # an ESP32's need a number
    out = run(
        board,
        "from machine import Pin, Timer\nticks = []\n"
        f"t = {timer}period=20, mode=Timer.PERIODIC, callback=lambda t: ticks.append(1))\n"
        "led = Pin(2, Pin.OUT)\n"
        "while len(ticks) < 3:\n    led.toggle()\n"
        "t.deinit()\nprint('timer', len(ticks) >= 3)\n",
    )
    assert out == "timer True\r\n"
    board.link.write(
        b"import time\nhits = []\n"
        b"Pin(5, Pin.IN, Pin.PULL_UP).irq(lambda p: hits.append(p.value()), Pin.IRQ_FALLING)\n"
        b"print('ready')\n"
        b"while not hits:\n    time.ticks_ms()\n"
        b"print('irq', hits)\n\x04"
    )
    read_until(board.link, b"ready")
    board.set_pin(5, 0)
    assert b"irq [0]" in read_until(board.link, b"\x04>")


def test_esp32_gpio_34_to_39_are_inputs_only_as_on_the_chip():
    """GPIO 34-39 of an ESP32 have no output driver: the port refuses Pin.OUT there ("pin can
    only be input", ports/esp32/machine_pin.c) before the program blinks a wire to nowhere.
    As an input the pin works; the Pico has no such pins."""
    with start(board="esp32", pty=False, flash=":memory:") as b:
        link = TransportSerial(b.connect())
        enter_raw(link)
        for pin in (34, 35, 36, 39):
            for mode in ("Pin.OUT", "Pin.OPEN_DRAIN"):
                out, err = raw_exec(link, f"from machine import Pin\nPin({pin}, {mode})")
                assert err == (
                    b'Traceback (most recent call last):\r\n  File "<stdin>", line 2, in '
                    b"<module>\r\nValueError: pin can only be input\r\n"
                ), (pin, mode, err)
        out, err = raw_exec(link, "print(Pin(34, Pin.IN).value())\nPin(33, Pin.OUT).on()")
        assert err == b"" and out.strip() == b"0"
        # (pin events come over the control channel: wait for 33's before looking at 34)
        assert [v for _, v in b.wait_pin_events(33, 1)] == [1]
        assert "34" not in b.pins
    with start(board="pico", pty=False, flash=":memory:") as b:
        link = TransportSerial(b.connect())
        enter_raw(link)
        out, err = raw_exec(link, "from machine import Pin\nPin(28, Pin.OUT).on()")
        assert err == b""


def test_pin_constants_are_the_ports_own(board):
    """A program (or a lesson) that prints Pin.OUT or compares p.mode() sees the port's own
    numbers: the esp32 port's are ESP-IDF's (ports/esp32/machine_pin.c: GPIO_MODE_INPUT 1,
    GPIO_MODE_INPUT_OUTPUT 3, ..._OD 7, GPIO_PULL_UP 2, GPIO_INTR_POSEDGE 1, NEGEDGE 2; no
    Pin.ALT), the rp2 port's its own (ports/rp2/machine_pin.c). Handlers and pulls work the
    same on both."""
    out = run(
        board,
        "from machine import Pin\n"
        "print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_RISING,"
        " Pin.IRQ_FALLING, hasattr(Pin, 'ALT'))\n"
        "p = Pin(5, Pin.IN, Pin.PULL_UP)\nprint(p.value(), hasattr(p, 'mode'))\n"
        "q = Pin(4, Pin.IN, Pin.PULL_DOWN)\nprint(q.value())\n",
    )
    expected = {  # (neither port's Pin has a mode() or pull() method)
        "esp32": "1 3 7 2 1 1 2 False\r\n1 False\r\n0\r\n",
        "pico": "0 1 2 1 2 8 4 True\r\n1 False\r\n0\r\n",
    }
    assert out == expected[board.board], out
