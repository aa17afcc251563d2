"""The simulated Pico and ESP32 answer a kit's first lessons as each port's C code does: the
values read back, the reprs of Pin/PWM/ADC/Timer and the errors for wrong arguments
(ports/rp2 and ports/esp32 of MicroPython v1.28: machine_pin.c, machine_pwm.c, machine_adc.c,
machine_timer.c). A beginner who learns on the simulator meets what the board will say."""

from __future__ import annotations

import time

import pytest

from ide.simulator import start
from tests.helpers.simulator_helpers import (
    TransportSerial,
    enter_raw,
    friendly_prompt,
    raw_exec,
    read_until,
)


@pytest.fixture(scope="module")
def boards():
    """One simulated board of each kind, started on first use."""
    started = {}
    try:
        yield started
    finally:
        for b in started.values():
            b.close()


def board(boards, kind: str):
    if kind not in boards:
        b = start(board=kind, pty=False, flash=":memory:")
        b.link = TransportSerial(b.connect())
        boards[kind] = b
    b = boards[kind]
    enter_raw(b.link)
    b.link.write(b"\x04")  # each test on a freshly reset board, as a Run gives it
    read_until(b.link, b"raw REPL; CTRL-B to exit\r\n>")
    return b


def run(b, code: str) -> str:
    out, err = raw_exec(b.link, code)
    assert err == b"", err.decode()
    return out.decode()


def error(b, code: str) -> str:
    """The last line of the traceback ``code`` ends in."""
    out, err = raw_exec(b.link, code)
    assert err.startswith(b"Traceback (most recent call last):\r\n"), (out, err)
    return err.decode().splitlines()[-1]


def eventually(check, what: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while not (value := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
    return value


# ---------------------------------------------------------------- ESP32 GPIO 34-39


def test_esp32_pwm_on_an_input_only_pin_is_refused(boards):
    """GPIO 34-39 have no output driver: ESP-IDF's ledc_channel_config refuses them, the port
    raises its OSError (check_esp_err: -ESP_ERR_INVALID_ARG and the error's name), and at the
    friendly prompt ESP-IDF's log line comes first (the raw REPL mutes the log: main.c)."""
    b = board(boards, "esp32")
    for pin in (34, 39):
        out, err = raw_exec(b.link, f"from machine import Pin, PWM\nPWM(Pin({pin}), freq=1000)")
        assert out == b""
        assert err == (
            b'Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n'
            b"OSError: (-258, 'ESP_ERR_INVALID_ARG')\r\n"
        )
    friendly_prompt(b.link)
    b.link.write(b"from machine import Pin, PWM\rPWM(Pin(35))\r")
    lines = read_until(b.link, b"INVALID_ARG')\r\n>>> ").split(b"\r\n")
    log = lines.index(b"Traceback (most recent call last):") - 1
    assert lines[log].startswith(b"E (")
    assert lines[log].split(b") ", 1)[1] == (
        b"ledc: ledc_channel_config(844): gpio_num argument is invalid"
    )
    assert lines[log + 2 :] == [
        b'  File "<stdin>", line 1, in <module>',
        b"OSError: (-258, 'ESP_ERR_INVALID_ARG')",
        b">>> ",
    ]
    enter_raw(b.link)
    run(b, "PWM(Pin(33), freq=1000, duty_u16=0)")  # an output pin takes it
    eventually(lambda: b.pwm_events(33), "GPIO 33's PWM")
    assert b.pwm_events(34) == [] and b.pwm_events(35) == []


def test_esp32_input_only_pins_have_no_pull_resistors(boards):
    """The port accepts Pin.PULL_UP on GPIO 34-39 without a word (ESP-IDF's rtc_gpio_pullup_en
    finds no pull-up there), so the pin floats: read here as 0, never as pulled up."""
    b = board(boards, "esp32")
    out = run(
        b,
        "from machine import Pin\n"
        "print(Pin(34, Pin.IN, Pin.PULL_UP).value(), Pin(39, Pin.IN, Pin.PULL_UP).value())\n"
        "print(Pin(33, Pin.IN, Pin.PULL_UP).value(), Pin(35, Pin.IN, Pin.PULL_DOWN).value())\n",
    )
    assert out == "0 0\r\n1 0\r\n"
    b.set_pin(34, 1)  # something that drives the pin is read as always
    eventually(lambda: run(b, "print(Pin(34).value())") == "1\r\n", "the driven level")


# ---------------------------------------------------------------- PWM


def test_pwm_reads_back_and_prints_as_each_port(boards):
    pico = board(boards, "pico")
    out = run(
        pico,
        "from machine import Pin, PWM\np = PWM(Pin(15))\nprint(p, p.freq(), p.duty_u16())\n"
        "p.freq(1000)\np.duty_u16(30000)\nprint(p.freq(), p.duty_u16(), p.duty_ns())\n"
        "print(PWM(Pin(0), freq=50, duty_u16=4915), hasattr(p, 'duty'))\n",
    )
    assert out == (
        "<PWM slice=7 channel=1 invert=0> 0 0\r\n"  # no frequency yet: a Pico's PWM is idle
        "1000 30000 457777\r\n"
        "<PWM slice=0 channel=0 invert=0> False\r\n"  # rp2 has duty_u16/duty_ns, no duty()
    )
    esp = board(boards, "esp32")
    out = run(
        esp,
        "from machine import Pin, PWM\np = PWM(Pin(13))\nprint(p, p.freq(), p.duty())\n"
        "p.init(freq=50, duty=77)\nprint(p)\np.duty_u16(1001)\nprint(p.duty_u16(), p)\n"
        "p.deinit()\nprint(p)\n",
    )
    assert out == (
        "PWM(Pin(13), freq=5000, duty_u16=32768) 5000 512\r\n"  # the port's 5 kHz and 50 %
        "PWM(Pin(13), freq=50, duty=77)\r\n"
        "1001 PWM(Pin(13), freq=50, duty_u16=1001)\r\n"
        "PWM(Pin(13))\r\n"
    )


@pytest.mark.parametrize(
    ("kind", "code", "last_line"),
    [
        ("esp32", "p.freq(0)", "ValueError: frequency must be from 1Hz to 40MHz"),
        ("esp32", "p.freq(50_000_000)", "ValueError: frequency must be from 1Hz to 40MHz"),
        ("esp32", "p.duty(1024)", "ValueError: duty must be from 0 to 1023"),
        ("esp32", "p.duty_u16(65536)", "ValueError: duty_u16 must be from 0 to 65536"),
        ("esp32", "p.duty_u16(65535 * 0.5)", "TypeError: can't convert float to int"),
        ("esp32", "p.deinit()\np.duty(10)", "RuntimeError: PWM is inactive"),
        ("pico", "p.duty(512)", "AttributeError: 'PWM' object has no attribute 'duty'"),
        ("pico", "p.freq(5)", "ValueError: freq too small"),
        ("pico", "p.freq(440.0)", "TypeError: can't convert float to int"),
    ],
)
def test_pwm_refuses_what_the_port_refuses(boards, kind, code, last_line):
    b = board(boards, kind)
    assert error(b, f"from machine import Pin, PWM\np = PWM(Pin(4), freq=1000)\n{code}") == (
        last_line
    )


def test_a_pico_pwm_without_a_frequency_stays_dark(boards):
    """rp2 starts a PWM once its slice has a frequency (machine_pwm_start): a duty alone
    lights nothing; the frequency then starts it with that duty."""
    b = board(boards, "pico")
    run(b, "from machine import Pin, PWM\np = PWM(Pin(14))\np.duty_u16(65535)\nprint('set')")
    run(b, "p.freq(1000)")
    eventually(lambda: b.pwm_events(14) and b.pwm_events(14)[-1][1] == 1.0, "the full duty")
    assert [v for _, v in b.pwm_events(14)] == [0, 1.0]


# ---------------------------------------------------------------- ADC


def test_adc_reads_and_prints_as_each_port(boards):
    pico = board(boards, "pico")
    out = run(
        pico,
        "from machine import ADC, Pin\n"
        "print(ADC(Pin(26)), ADC(4), ADC(ADC.CORE_TEMP), ADC(Pin(29)), ADC(2))\n"
        "print(hasattr(ADC, 'read'), hasattr(ADC, 'atten'), hasattr(ADC, 'WIDTH_12BIT'))\n",
    )
    assert out == (
        "<ADC channel=0> <ADC channel=4> <ADC channel=4> <ADC channel=3> <ADC channel=2>\r\n"
        "False False False\r\n"  # a Pico's ADC has read_u16() only
    )
    assert error(pico, "ADC(Pin(5))") == "ValueError: Pin doesn't have ADC capabilities"
    esp = board(boards, "esp32")
    esp.set_input("adc:32", 40000)
    out = run(
        esp,
        "from machine import ADC, Pin\na = ADC(Pin(32))\n"
        "print(a, ADC.WIDTH_12BIT, ADC.WIDTH_9BIT)\na.atten(ADC.ATTN_6DB)\nprint(a)\n",
    )
    assert out == "ADC(Pin(32), atten=3) 12 9\r\nADC(Pin(32), atten=2)\r\n"
    eventually(lambda: run(esp, "print(a.read())") == "2500\r\n", "the ADC's input")
    out = run(esp, "a.width(ADC.WIDTH_10BIT)\nprint(a.read(), a.read_u16())\n")
    assert out == "625 40039\r\n"  # 10 bits: 625, scaled to 16 as the port does
    assert error(esp, "ADC(Pin(5))") == "ValueError: invalid pin"
    assert error(esp, "a.atten(4)") == "ValueError: invalid attenuation"
    assert error(esp, "a.width(3)") == "ValueError: invalid bit-width"


# ---------------------------------------------------------------- Timer


def test_timers_are_numbered_as_each_port_numbers_them(boards):
    """rp2 has soft timers only (Timer() or Timer(-1)); an ESP32 has four numbered hardware
    timers, and Timer(0) twice is the one timer."""
    pico = board(boards, "pico")
    assert error(pico, "from machine import Timer\nTimer(0)") == (
        "ValueError: Timer doesn't exist"
    )
    out = run(
        pico,
        "t = Timer(period=500, callback=lambda t: None)\nprint(t)\nt.deinit()\n"
        "print(Timer(-1, mode=Timer.ONE_SHOT, freq=4, callback=print))\n",
    )
    assert out == (
        "Timer(mode=PERIODIC, tick_hz=1000000, period=500000)\r\n"
        "Timer(mode=ONE_SHOT, tick_hz=1000000, period=250000)\r\n"
    )
    esp = board(boards, "esp32")
    assert error(esp, "from machine import Timer\nTimer(period=10)") == (
        "TypeError: function missing 1 required positional arguments"
    )
    assert error(esp, "Timer(4)") == "ValueError: invalid Timer number"
    assert error(esp, "Timer(-1)") == "ValueError: invalid Timer number"
    out = run(
        esp,
        "hits = []\na = Timer(0)\na.init(period=10, callback=lambda t: hits.append('a'))\n"
        "b = Timer(0)\nb.init(period=10, callback=lambda t: hits.append('b'))\n"
        "import time\ntime.sleep_ms(60)\na.deinit()\nprint(b, 'a' in hits, 'b' in hits)\n",
    )
    assert out == "Timer(0, mode=PERIODIC, period=10) False True\r\n"


# ---------------------------------------------------------------- Pin


def test_pins_print_and_answer_as_each_port(boards):
    pico = board(boards, "pico")
    out = run(
        pico,
        "from machine import Pin\nprint(Pin(5))\n"
        "print(Pin(25, Pin.OUT), Pin(14, Pin.IN, Pin.PULL_UP), Pin(14).value())\n"
        "print(hasattr(Pin, 'mode'), hasattr(Pin, 'pull'), hasattr(Pin, 'high'))\n",
    )
    assert out == (
        "Pin(GPIO5, mode=ALT, pull=PULL_DOWN, alt=31)\r\n"  # never set up since the reset
        "Pin(GPIO25, mode=OUT) Pin(GPIO14, mode=IN, pull=PULL_UP) 1\r\n"  # one pin, two names
        "False False True\r\n"
    )
    esp = board(boards, "esp32")
    out = run(
        esp,
        "from machine import Pin\nprint(Pin(5), Pin(2, Pin.OUT))\n"
        "print(hasattr(Pin, 'mode'), hasattr(Pin, 'high'), hasattr(Pin, 'on'))\n",
    )
    assert out == "Pin(5) Pin(2)\r\nFalse False True\r\n"


@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_a_pin_not_set_to_out_lights_nothing(boards, kind):
    """A lesson that forgets Pin.OUT: on a board the pin is not driven, so the LED stays dark;
    once set to Pin.OUT it drives the level written before."""
    b = board(boards, kind)
    run(b, "from machine import Pin\nled = Pin(16)\nled.value(1)\nled.on()\nprint('on')")
    run(b, "Pin(17, Pin.OUT).on()")  # (a marker: the events come in order)
    eventually(lambda: b.pin_events(17), "pin 17's event")
    assert b.pin_events(16) == []
    run(b, "led.init(Pin.OUT)")
    assert [v for _, v in eventually(lambda: b.pin_events(16), "pin 16's event")] == [1]


# ---------------------------------------------------------------- I2C


def test_i2c_buses_and_pins_as_each_port_checks_them(boards):
    """A Pico's I2C0 and I2C1 each take their own pins (SDA even, SCL odd, in alternate pairs);
    an ESP32's take any pin. Both print the bus as the port does."""
    pico = board(boards, "pico")
    out = run(
        pico,
        "from machine import I2C, Pin\nprint(I2C(0))\n"
        "print(I2C(1, scl=Pin(27), sda=Pin(26), freq=100000), I2C(0).scan())\n",
    )
    assert out == (
        "I2C(0, freq=399361, scl=5, sda=4, timeout=50000)\r\n"  # 400 kHz from 125 MHz
        "I2C(1, freq=100000, scl=27, sda=26, timeout=50000) []\r\n"
    )
    # rp2 sets a bus up again whenever anything is given (its defaults back); I2C(n) alone
    # keeps it; GP22 and GP28 carry SDA too (IS_VALID_SDA)
    out = run(
        pico,
        "I2C(0, freq=100000)\nprint(I2C(0))\nprint(I2C(0, scl=Pin(5), sda=Pin(28)))\n"
        "print(I2C(1, sda=Pin(22), scl=Pin(27)))\n"
        "from machine import SoftI2C\nprint(SoftI2C(scl=Pin(5), sda=Pin(4)))\n",
    )
    assert out == (
        "I2C(0, freq=100000, scl=5, sda=4, timeout=50000)\r\n"
        "I2C(0, freq=399361, scl=5, sda=28, timeout=50000)\r\n"
        "I2C(1, freq=399361, scl=27, sda=22, timeout=50000)\r\n"
        "SoftI2C(scl=5, sda=4, freq=500000)\r\n"  # (extmod: a whole-microsecond half-period)
    )
    assert error(pico, "I2C(0, scl=Pin(3), sda=Pin(2))") == "ValueError: bad SCL pin"
    assert error(pico, "I2C(1, scl=Pin(3), sda=Pin(4))") == "ValueError: bad SDA pin"
    assert error(pico, "I2C(2)") == "ValueError: I2C(2) doesn't exist"
    esp = board(boards, "esp32")
    out = run(
        esp,
        "from machine import I2C, Pin\nprint(I2C(0))\n"
        "print(I2C(1, scl=Pin(22), sda=Pin(21), freq=100000))\n",
    )
    assert out == (
        "I2C(0, scl=18, sda=19, freq=400000, timeout=50000)\r\n"
        "I2C(1, scl=22, sda=21, freq=100000, timeout=50000)\r\n"
    )
    assert error(esp, "I2C(0, 100000)") == "TypeError: extra positional arguments given"
    assert error(esp, "I2C(2)") == "ValueError: I2C(2) doesn't exist"


# ---------------------------------------------------------------- NeoPixel


@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_neopixel_stores_colours_as_the_boards_module_does(boards, kind):
    """The frozen neopixel module keeps the strip in a bytearray (G R B order) and sets its
    Pin up: a float colour, a pixel past the end, a short tuple and a bare pin number fail
    as on a board."""
    b = board(boards, kind)
    out = run(
        b,
        "import neopixel\nfrom machine import Pin\nnp = neopixel.NeoPixel(Pin(4), 2)\n"
        "np[0] = (1, 2, 3)\nnp[-1] = (7, 8, 300)\nprint(np[0], np[1], np.buf)\n",
    )
    assert out == "(1, 2, 3) (7, 8, 44) bytearray(b'\\x02\\x01\\x03\\x08\\x07,')\r\n"
    assert error(b, "np[0] = (255, 0, 255 * 0.5)") == "TypeError: can't convert float to int"
    assert error(b, "np[2] = (1, 2, 3)") == "IndexError: bytearray index out of range"
    assert error(b, "np[0] = (1, 2)") == "IndexError: tuple index out of range"
    assert error(b, "neopixel.NeoPixel(4, 2)") == (
        "AttributeError: 'int' object has no attribute 'init'"
    )


def test_uart_numbers_and_pins_as_each_port_checks_them(boards):
    pico = board(boards, "pico")
    out = run(pico, "from machine import UART, Pin\nprint(UART(1, 9600, tx=Pin(8), rx=Pin(9)))")
    assert out == (
        "UART(1, baudrate=9600, bits=8, parity=None, stop=1, tx=8, rx=9, txbuf=256, rxbuf=256,"
        " timeout=0, timeout_char=2, invert=None, irq=0)\r\n"
    )
    assert error(pico, "UART(0, tx=Pin(8), rx=Pin(9))") == "ValueError: bad TX pin"
    assert error(pico, "UART(1, tx=Pin(4), rx=Pin(6))") == "ValueError: bad RX pin"
    assert error(pico, "UART(2)") == "ValueError: UART(2) doesn't exist"
    esp = board(boards, "esp32")
    assert error(esp, "from machine import UART\nUART(3)") == "ValueError: UART(3) does not exist"


def test_machine_freq_is_each_ports_clock(boards):
    """An ESP32 runs at 160 MHz and takes 20/40/80/160/240 MHz only; a Pico at 125 MHz."""
    assert run(board(boards, "pico"), "import machine\nprint(machine.freq())") == "125000000\r\n"
    esp = board(boards, "esp32")
    assert run(esp, "import machine\nprint(machine.freq())") == "160000000\r\n"
    assert error(esp, "machine.freq(100_000_000)") == (
        "ValueError: frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz"
    )


def test_esp32_dac_takes_0_to_255_and_prints_its_pin(boards):
    esp = board(boards, "esp32")
    out = run(esp, "from machine import DAC, Pin\nd = DAC(Pin(25))\nd.write(255)\nprint(d)")
    assert out == "DAC(Pin(25))\r\n"
    assert error(esp, "d.write(256)") == "ValueError: value out of range"  # (it clamped)
    assert error(esp, "DAC(Pin(4))") == "ValueError: invalid Pin for DAC"


@pytest.mark.parametrize(("kind", "causes"), [("pico", "1 3 3"), ("esp32", "5 2 5")])
def test_reset_cause_as_each_port_reports_it(boards, kind, causes):
    """After a Run's soft reset, after machine.reset(), and after the next soft reset: an
    ESP32 says SOFT_RESET (5) / HARD_RESET (2); an RP2040 remembers its last hard start,
    PWRON_RESET (1) or WDT_RESET (3: machine.reset() reboots through the watchdog), and has
    no HARD_RESET, DEEPSLEEP_RESET or SOFT_RESET."""
    b = board(boards, kind)
    probe = "import machine\nprint(machine.reset_cause())"
    seen = [run(b, probe).strip()]
    b.link.write(b"import machine\nmachine.reset()\x04")
    read_until(b.link, b">>> ")  # (a hard reset leaves the raw REPL: the banner's prompt)
    enter_raw(b.link)
    seen.append(run(b, probe).strip())
    b.link.write(b"\x04")
    read_until(b.link, b"raw REPL; CTRL-B to exit\r\n>")
    seen.append(run(b, probe).strip())
    assert " ".join(seen) == causes
    has = run(b, "print([hasattr(machine, n) for n in ('HARD_RESET', 'SOFT_RESET')])")
    assert has == ("[False, False]\r\n" if kind == "pico" else "[True, True]\r\n")
