# ruff: noqa: N801, F821
"""The `machine` module of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

board_runtime.py compiles this on first use of `machine`, after board_peripherals.py in the
same namespace (I2C, SPI, UART, RTC, WDT), with _simhost, _timer_objects,
_pin_irqs, sleep_ms and time in its globals. Pins report every change to the host
(VirtualBoard.pin_events) and read levels the host sets (VirtualBoard.set_pin); the other
peripherals are harmless stand-ins that behave like a board with nothing wired.
"""

# The pins each board has (a GPIO number not listed raises, as on the board) and its LED.
_PINS = {
    "pico": tuple(range(29)),
    # ESP32 DevKit: 6-11 drive the flash chip, 20/24/28-31 do not exist
    "esp32": (0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27)
    + (32, 33, 34, 35, 36, 37, 38, 39),
}
# GPIO 34-39 of an ESP32 have no output driver: Pin.OUT there is refused (the host's Board
# view keeps the same list, ide/core/board_view.py ESP32.input_only: this file cannot import it)
_INPUT_ONLY = {"esp32": ("34", "35", "36", "37", "38", "39")}
_LED = {"pico": 25}  # Pin("LED"); an ESP32 DevKit has no pin named LED (its LED is GPIO 2)
_ADC_PINS = {
    "pico": (26, 27, 28, 29),  # ADC channels 0-3; channel 4 is the temperature sensor
    "esp32": (32, 33, 34, 35, 36, 37, 38, 39, 0, 2, 4, 12, 13, 14, 15, 25, 26, 27),
}


def _pin_name(id):
    """The name pin events use: the GPIO number on a Pico or ESP32 board (the generic board
    keeps any name). Raises ValueError for a pin the board does not have."""
    if isinstance(id, Pin):
        return id._name
    if not _board:
        return str(id)
    if isinstance(id, str):
        if id in ("LED",) and _board in _LED:
            return str(_LED[_board])
        if _board == "pico" and id[:2] == "GP" and id[2:].isdigit() and int(id[2:]) < 29:
            return str(int(id[2:]))
        raise ValueError('unknown named pin "' + id + '"')
    if not isinstance(id, int) or id not in _PINS[_board]:
        raise ValueError("invalid pin")
    return str(id)


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4
    IRQ_RISING = 8
    _levels = {}

    def __init__(self, id, mode=-1, pull=-1, *, value=None, **kwargs):
        self._name = _pin_name(id)
        self._mode = Pin.IN
        self._pull = -1
        self.init(mode, pull, value=value)

    def init(self, mode=-1, pull=-1, *, value=None, **kwargs):
        if mode in (Pin.OUT, Pin.OPEN_DRAIN) and self._name in _INPUT_ONLY.get(_board, ()):
            raise ValueError("pin can only be input")
        if mode != -1:
            self._mode = mode
        if pull != -1:
            self._pull = pull
        if self._name not in Pin._levels:
            Pin._levels[self._name] = 1 if self._pull == Pin.PULL_UP else 0
        if _board and (mode != -1 or pull != -1):  # the board view draws pulls and inputs
            # (in the rp2 port's numbers, whatever the board's: what the view reads)
            shown_mode = _RP2_MODE.get(self._mode, self._mode)
            state = "[" + str(shown_mode) + ", " + str(_RP2_PULL.get(self._pull, -1)) + "]"
            _simhost.part("mode:" + self._name, state)
        if value is not None:
            self.value(value)

    def value(self, v=None):
        if v is None:
            if _simhost.due():  # a loop polling a pin without sleep still runs its handlers
                _service()
            if self._mode != Pin.OUT:
                level = _simhost.pin_input(self._name)
                if level >= 0:
                    return level
                if self._pull == Pin.PULL_UP:  # nothing wired: the pull decides
                    return 1
                if self._pull == Pin.PULL_DOWN:
                    return 0
            return Pin._levels.get(self._name, 0)
        v = 1 if v else 0
        due = 0
        if Pin._levels.get(self._name) != v or self._name not in _reported:
            Pin._levels[self._name] = v
            due = _simhost.pin(self._name, v)  # 1: a timer or pin handler is due
        _reported[self._name] = True
        if due:
            _service()
        return None

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    high = on
    low = off

    def toggle(self):
        self.value(1 - self.value())

    def mode(self, mode=None):
        if mode is None:
            return self._mode
        self._mode = mode

    def pull(self, pull=None):
        if pull is None:
            return self._pull
        self._pull = pull

    def irq(self, handler=None, trigger=None, **kwargs):
        if trigger is None:
            trigger = Pin.IRQ_FALLING | Pin.IRQ_RISING
        if handler is None:
            _pin_irqs.pop(self._name, None)
        else:
            # the runtime tests edges in the rp2 port's bits (8 rising, 4 falling)
            edges = (8 if trigger & Pin.IRQ_RISING else 0) | (4 if trigger & Pin.IRQ_FALLING else 0)
            _pin_irqs[self._name] = [self, handler, edges, self.value()]
        return self

    def __repr__(self):
        if _board == "pico":
            return "Pin(GPIO" + self._name + ")"
        return "Pin(" + (self._name if self._name.isdigit() else repr(self._name)) + ")"


if _board == "esp32":
    # the esp32 port's own numbers (ports/esp32/machine_pin.c: ESP-IDF's GPIO_MODE_INPUT,
    # GPIO_MODE_INPUT_OUTPUT(_OD), its GPIO_PULL_UP/DOWN, GPIO_INTR_POSEDGE/NEGEDGE); no ALT
    Pin.IN, Pin.OUT, Pin.OPEN_DRAIN = 1, 3, 7
    Pin.PULL_UP, Pin.PULL_DOWN = 2, 1
    Pin.IRQ_RISING, Pin.IRQ_FALLING = 1, 2
    del Pin.ALT
_RP2_MODE = {Pin.IN: 0, Pin.OUT: 1, Pin.OPEN_DRAIN: 2}
_RP2_PULL = {Pin.PULL_UP: 1, Pin.PULL_DOWN: 2}

_reported = {}


class Signal:
    def __init__(self, pin, *args, invert=False, **kwargs):
        self._pin = pin if isinstance(pin, Pin) else Pin(pin, *args)
        self._invert = invert

    def value(self, v=None):
        if v is None:
            return self._pin.value() ^ self._invert
        self._pin.value((1 if v else 0) ^ self._invert)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1
    _next_id = [1]

    def __init__(self, id=-1, **kwargs):
        self._tid = Timer._next_id[0]
        Timer._next_id[0] += 1
        self._callback = None
        self._mode = 1
        if kwargs:
            self.init(**kwargs)

    def init(self, *, mode=1, period=-1, freq=-1, callback=None, tick_hz=1000):
        if freq > 0:
            ms = 1000 / freq
        elif period >= 0:
            ms = period * 1000 / tick_hz
        else:
            ms = 1000
        self._callback = callback
        self._mode = mode
        _timer_objects[self._tid] = self
        _simhost.timer_start(self._tid, ms, 1 if mode == Timer.PERIODIC else 0)

    def deinit(self):
        _simhost.timer_stop(self._tid)
        _timer_objects.pop(self._tid, None)


class ADC:
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3
    WIDTH_12BIT = 3

    def __init__(self, pin, *args, **kwargs):
        self._id = pin
        if _board == "pico" and isinstance(pin, int) and pin < 5:  # a channel number
            self._id = 4 if pin == 4 else 26 + pin
        elif _board:
            number = int(_pin_name(pin))
            if number not in _ADC_PINS[_board]:
                raise ValueError(
                    "Pin doesn't have ADC capabilities"
                    if _board == "pico"
                    else "invalid Pin for ADC"
                )
            self._id = number
        # the board view: the program reads this input (its potentiometer follows the pin, the
        # view shows itself); nothing on the serial line
        temperature = self._id == 4 and _board != "esp32"  # an RP2040's channel 4, not GP4
        _simhost.part("adc:" + ("temp" if temperature else str(self._id)), "1")

    def read_u16(self):
        if self._id == 4 and _board != "esp32":
            # channel 4 of an RP2040 is its temperature sensor: 0.706 V at 27 degrees C,
            # -1.721 mV per degree (the view's slider sets "adc:temp" in degrees C)
            celsius = _simhost.input("adc:temp")
            celsius = 27 if celsius < 0 else celsius
            return int((0.706 - (celsius - 27) * 0.001721) * 65535 / 3.3)
        level = _simhost.input("adc:" + str(self._id))  # the view's potentiometer
        return 32768 if level < 0 else int(level)

    def read(self):
        return self.read_u16() >> 4

    def read_uv(self):
        return self.read_u16() * 3300000 // 65535

    def atten(self, *args):
        pass

    def width(self, *args):
        pass


class TouchPad:
    """ESP32 capacitive touch: read() is high untouched and drops when touched (the board
    view's "touch:<gpio>" input)."""

    def __init__(self, pin):
        self._name = _pin_name(pin)
        if _board == "esp32" and int(self._name) not in (0, 2, 4, 12, 13, 14, 15, 27, 32, 33):
            raise ValueError("invalid pin for touchpad")

    def read(self):
        value = _simhost.input("touch:" + self._name)
        return 600 if value < 0 else int(value)

    def config(self, value):
        pass


class DAC:
    """ESP32 8-bit DAC on GPIO 25 and 26: the level is reported like a PWM duty."""

    def __init__(self, pin, bits=8):
        self._name = _pin_name(pin)
        if _board == "esp32" and self._name not in ("25", "26"):
            raise ValueError("invalid Pin for DAC")

    def write(self, value):
        _simhost.pwm(self._name, max(0, min(255, int(value))) / 255)


class PWM:
    """Duty changes are reported to the host (VirtualBoard.pwm_events) as a fraction 0..1."""

    def __init__(self, pin, *, freq=None, duty_u16=None, duty_ns=None, **kwargs):
        self._name = _pin_name(pin)
        self._freq = 1000
        self._duty = 0
        self.init(freq=freq, duty_u16=duty_u16, duty_ns=duty_ns, **kwargs)

    def _set(self, duty):
        duty = max(0, min(65535, int(duty)))
        if duty != self._duty or not self._reported:
            self._reported = True
            _simhost.pwm(self._name, duty / 65535)
        self._duty = duty

    _reported = False

    def init(self, *, freq=None, duty_u16=None, duty_ns=None, **kwargs):
        if freq:
            self.freq(freq)
        if duty_u16 is not None:
            self._set(duty_u16)
        elif duty_ns is not None:
            self.duty_ns(duty_ns)

    def freq(self, f=None):
        if f is None:
            return self._freq
        self._freq = f
        _simhost.part("tone:" + self._name, str(int(f)))  # the view's buzzer shows the pitch

    def duty_u16(self, d=None):
        if d is None:
            return self._duty
        self._set(d)

    def duty(self, d=None):
        if d is None:
            return self._duty >> 6
        self._set(d << 6)

    def duty_ns(self, ns=None):
        if ns is None:
            return self._duty * 1_000_000_000 // 65535 // self._freq
        self._set(ns * self._freq * 65535 // 1_000_000_000)

    def deinit(self):
        self._set(0)


def _reset(kind):
    _simhost.request_reset(kind)
    raise SystemExit


class machine:
    """`import machine` gives this namespace."""

    Pin = Pin
    Signal = Signal
    Timer = Timer
    ADC = ADC
    PWM = PWM
    I2C = I2C
    SoftI2C = SoftI2C
    SPI = SPI
    SoftSPI = SoftSPI
    UART = UART
    RTC = RTC
    WDT = WDT
    if _board != "pico":  # an RP2040 has no touch pads and no DAC
        TouchPad = TouchPad
        DAC = DAC
    PWRON_RESET = 1
    HARD_RESET = 2
    WDT_RESET = 3
    DEEPSLEEP_RESET = 4
    SOFT_RESET = 5
    _freq = [125_000_000]

    @staticmethod
    def reset():
        _reset("hard")

    @staticmethod
    def soft_reset():
        _reset("soft")

    @staticmethod
    def reset_cause():
        return 1

    @staticmethod
    def unique_id():
        return b"HOTARU\x00\x01"

    @staticmethod
    def freq(hz=None):
        if hz is None:
            return machine._freq[0]
        machine._freq[0] = hz

    @staticmethod
    def idle():
        sleep_ms(1)

    @staticmethod
    def lightsleep(ms=None):
        sleep_ms(ms if ms is not None else 1000)

    @staticmethod
    def deepsleep(ms=None):
        # a real board wakes from deep sleep through a reset: boot.py and main.py run again
        sleep_ms(ms if ms is not None else 1000)
        _reset("hard")

    @staticmethod
    def disable_irq():
        return 0

    @staticmethod
    def enable_irq(state=0):
        pass

    @staticmethod
    def time_pulse_us(pin, level, timeout_us=1_000_000):
        return -2

    @staticmethod
    def bootloader():
        _reset("hard")
