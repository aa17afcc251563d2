"""Twenty typical kit-lesson snippets (issue 14), each on the simulated board its lesson is for,
run unchanged and checked by what they print or what the board view sees."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from ide.simulator import start
from tests.helpers.simulator_helpers import TransportSerial, enter_raw, raw_exec, read_until

# each test starts its own simulated Pico or ESP32 (not the generic `sim` fixture's board)
pytestmark = pytest.mark.sim


def eventually(check: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
    """Wait for the board view's events (they arrive over the control line, after the output)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@dataclass
class Lesson:
    board: str
    code: str
    output: str | None  # what it prints (None: checked by `check` alone)
    before: Callable[[Any], None] = lambda b: None  # the host sets inputs first
    seen: str = ""  # an expression true once the board sees them (they travel separately)
    during: Callable[[Any], None] | None = None  # the host acts once "ready" is printed
    check: Callable[[Any], None] = lambda b: None  # what the board view saw


def _pwm(board, pin) -> list[float]:
    return [v for _, v in board.pwm_events(pin)]


LESSONS: dict[str, Lesson] = {
    "blink the on-board LED (Pico)": Lesson(
        "pico",
        "from machine import Pin\nimport time\nled = Pin('LED', Pin.OUT)\n"
        "for _ in range(3):\n    led.toggle()\n    time.sleep(0.05)\nprint('blinked')\n",
        "blinked\r\n",
        check=lambda b: eventually(lambda: len(b.pin_events(25)) >= 3, "three LED changes"),
    ),
    "ADC with attenuation (ESP32)": Lesson(
        "esp32",
        "from machine import ADC, Pin\nadc = ADC(Pin(34))\nadc.atten(ADC.ATTN_11DB)\n"
        "adc.width(ADC.WIDTH_12BIT)\nprint(adc.read())\n",
        "2500\r\n",
        before=lambda b: b.set_input("adc:34", 40000),
        seen="machine.ADC(machine.Pin(34)).read() == 2500",
    ),
    "PWM servo sweep (ESP32)": Lesson(
        "esp32",
        "from machine import Pin, PWM\nimport time\nservo = PWM(Pin(13), freq=50)\n"
        "def angle(a):\n    servo.duty(int(26 + a * (128 - 26) / 180))\n"
        "for a in (0, 90, 180):\n    angle(a)\n    time.sleep_ms(20)\n"
        "print(servo.freq(), servo.duty())\n",
        "50 128\r\n",
        check=lambda b: eventually(lambda: len(_pwm(b, 13)) >= 3, "three servo positions"),
    ),
    "PWM LED fade (Pico)": Lesson(
        "pico",
        "from machine import Pin, PWM\nled = PWM(Pin(15))\nled.freq(1000)\n"
        "for duty in range(0, 65536, 16384):\n    led.duty_u16(duty)\nprint('faded')\n",
        "faded\r\n",
        check=lambda b: eventually(lambda: len(_pwm(b, 15)) >= 4, "the fade's duties"),
    ),
    "NeoPixel strip (Pico)": Lesson(
        "pico",
        "import neopixel\nfrom machine import Pin\nnp = neopixel.NeoPixel(Pin(0), 8)\n"
        "np.fill((0, 0, 0))\nnp[0] = (255, 0, 0)\nnp[7] = (0, 0, 255)\nnp.write()\n"
        "print(np[0], len(np))\n",
        "(255, 0, 0) 8\r\n",
        check=lambda b: eventually(
            lambda: (b.parts.get("neopixel:0") or [None])[-1] == [0, 0, 255], "the strip"
        ),
    ),
    "I2C scan for the LCD (ESP32)": Lesson(
        "esp32",
        "from machine import SoftI2C, Pin\ni2c = SoftI2C(scl=Pin(22), sda=Pin(21))\n"
        "devices = i2c.scan()\nprint('I2C devices found:', len(devices))\n",
        "I2C devices found: 0\r\n",  # no LCD is wired to the simulated board
    ),
    "ultrasonic time_pulse_us (ESP32)": Lesson(
        "esp32",
        "from machine import Pin, time_pulse_us\nimport time\n"
        "trig = Pin(26, Pin.OUT)\necho = Pin(25, Pin.IN)\n"
        "trig.value(0)\ntime.sleep_us(2)\ntrig.value(1)\ntime.sleep_us(10)\ntrig.value(0)\n"
        "duration = time_pulse_us(echo, 1, 30000)\nprint(duration)\n",
        "-2\r\n",  # no sensor answers: the pulse never starts, as on a board with nothing wired
    ),
    "DHT11 temperature and humidity (ESP32)": Lesson(
        "esp32",
        "import dht\nfrom machine import Pin\nsensor = dht.DHT11(Pin(14))\nsensor.measure()\n"
        "print('Temperature:', sensor.temperature(), 'Humidity:', sensor.humidity())\n",
        "Temperature: 24 Humidity: 55\r\n",
        before=lambda b: (b.set_input("dht:t", 24), b.set_input("dht:h", 55)),
        seen="(lambda d: (d.measure(), d.humidity())[1])(__import__('dht').DHT11(machine.Pin(14)))"
        " == 55",
    ),
    "Wi-Fi connect (ESP32)": Lesson(
        "esp32",
        "import network, time\nwlan = network.WLAN(network.STA_IF)\nwlan.active(True)\n"
        "wlan.connect('MyHome', 'password')\n"
        "for _ in range(20):\n    if wlan.isconnected():\n        break\n    time.sleep(0.1)\n"
        "print('connected:', wlan.isconnected(), wlan.ifconfig()[0])\n",
        "connected: True 192.168.1.42\r\n",
    ),
    "button IRQ (Pico)": Lesson(
        "pico",
        "from machine import Pin\nimport time\npressed = []\n"
        "def on_press(pin):\n    pressed.append(pin.value())\n"
        "button = Pin(14, Pin.IN, Pin.PULL_UP)\n"
        "button.irq(trigger=Pin.IRQ_FALLING, handler=on_press)\nprint('ready')\n"
        "while not pressed:\n    time.sleep_ms(10)\nprint('pressed', pressed)\n",
        "ready\r\npressed [0]\r\n",
        during=lambda b: b.set_pin(14, 0),
    ),
    "button polling with the BOOT button (ESP32)": Lesson(
        "esp32",
        "from machine import Pin\nbutton = Pin(0, Pin.IN, Pin.PULL_UP)\n"
        "print('ready', button.value())\n"
        "while button.value() == 1:\n    pass\nprint('pressed', button.value())\n",
        "ready 1\r\npressed 0\r\n",
        during=lambda b: b.set_pin(0, 0),
    ),
    "Timer blink (Pico)": Lesson(
        "pico",
        "from machine import Pin, Timer\nimport time\nled = Pin(25, Pin.OUT)\n"
        "tim = Timer()\ntim.init(freq=20, mode=Timer.PERIODIC, callback=lambda t: led.toggle())\n"
        "time.sleep(0.4)\ntim.deinit()\nprint('done')\n",
        "done\r\n",
        check=lambda b: eventually(lambda: len(b.pin_events(25)) >= 3, "the timer's toggles"),
    ),
    "UART send (Pico)": Lesson(
        "pico",
        "from machine import UART, Pin\nuart = UART(0, baudrate=9600, tx=Pin(0), rx=Pin(1))\n"
        "print(uart.write(b'hello'), uart.any())\n",
        "5 0\r\n",
    ),
    "RTC set and read (Pico)": Lesson(
        "pico",
        "from machine import RTC\nrtc = RTC()\nrtc.datetime((2024, 5, 17, 4, 10, 30, 0, 0))\n"
        "y, mo, d, wd, h, mi, s, ss = rtc.datetime()\nprint(y, mo, d, h, mi)\n",
        "2024 5 17 10 30\r\n",
    ),
    "ESP32 internal temperature": Lesson(
        "esp32",
        "import esp32\nf = esp32.raw_temperature()\nprint('%.0f C' % ((f - 32) / 1.8))\n",
        "50 C\r\n",
    ),
    "TouchPad (ESP32)": Lesson(
        "esp32",
        "from machine import TouchPad, Pin\ntouch = TouchPad(Pin(4))\nvalue = touch.read()\n"
        "print('touched' if value < 200 else 'not touched', value)\n",
        "touched 120\r\n",
        before=lambda b: b.set_input("touch:4", 120),
        seen="machine.TouchPad(machine.Pin(4)).read() == 120",
    ),
    "DAC (ESP32)": Lesson(
        "esp32",
        "from machine import DAC, Pin\ndac = DAC(Pin(25))\n"
        "for v in (0, 128, 255):\n    dac.write(v)\nprint('written')\n",
        "written\r\n",
        check=lambda b: eventually(lambda: _pwm(b, 25)[-1:] == [1.0], "the DAC's full level"),
    ),
    "Pico temperature sensor": Lesson(
        "pico",
        "import machine\nsensor = machine.ADC(4)\nvolts = sensor.read_u16() * 3.3 / 65535\n"
        "print(round(27 - (volts - 0.706) / 0.001721))\n",
        "30\r\n",
        before=lambda b: b.set_input("adc:temp", 30),
        seen="machine.ADC(4).read_u16() < 14000",  # 27 C reads 14022
    ),
    "PIO blink (Pico)": Lesson(
        "pico",
        "import rp2\nfrom machine import Pin\n"
        "@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)\n"
        "def blink():\n    wrap_target()\n    set(pins, 1) [31]\n    nop() [31]\n"
        "    set(pins, 0) [31]\n    nop() [31]\n    wrap()\n"
        "sm = rp2.StateMachine(0, blink, freq=2000, set_base=Pin(25))\nsm.active(1)\n"
        "print('running', sm.active())\nsm.active(0)\n",
        "running True\r\n",
    ),
    "buzzer tone (ESP32)": Lesson(
        "esp32",
        "from machine import Pin, PWM\nimport time\nbuzzer = PWM(Pin(27))\n"
        "for f in (262, 330, 392):\n    buzzer.freq(f)\n    buzzer.duty(512)\n"
        "    time.sleep_ms(20)\nbuzzer.duty(0)\nprint('played')\n",
        "played\r\n",
        check=lambda b: eventually(lambda: b.parts.get("tone:27") == 392, "the last tone"),
    ),
}


@pytest.fixture(scope="module")
def boards():
    """One simulated board of each kind, started on first use (a fresh Run soft-resets it)."""
    started: dict[str, Any] = {}
    try:
        yield started
    finally:
        for board in started.values():
            board.close()


def board_for(boards, lesson: Lesson):
    if lesson.board not in boards:
        board = start(board=lesson.board, pty=False, flash=":memory:")
        board.link = TransportSerial(board.connect())
        enter_raw(board.link)
        boards[lesson.board] = board
    board = boards[lesson.board]
    lesson.before(board)
    for _ in range(500):
        if not lesson.seen:
            break
        out, err = raw_exec(board.link, f"import machine\nprint({lesson.seen})")
        assert err == b"", err.decode()
        if out == b"True\r\n":
            break
        time.sleep(0.01)
    else:
        raise AssertionError(f"the board never saw the inputs: {lesson.seen}")
    # each lesson on a clean board, as the IDE's Run gives it (raw REPL soft reset)
    board.link.write(b"\x04")
    read_until(board.link, b"raw REPL; CTRL-B to exit\r\n>")
    return board


def test_twenty_lessons():
    assert len(LESSONS) == 20


@pytest.mark.parametrize("name", list(LESSONS))
def test_kit_lesson_runs_unchanged(boards, name):
    lesson = LESSONS[name]
    board = board_for(boards, lesson)
    if lesson.during is None:
        out, err = raw_exec(board.link, lesson.code)
    else:
        board.link.write(lesson.code.encode() + b"\x04")
        data = read_until(board.link, b"ready")
        lesson.during(board)
        data += read_until(board.link, b"\x04>")
        out, err = data[data.index(b"OK") + 2 : -2].split(b"\x04", 1)
    assert err == b"", err.decode()
    if lesson.output is not None:
        assert out.decode() == lesson.output
    lesson.check(board)
