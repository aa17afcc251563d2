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
    "pico": tuple(range(30)),  # GPIO 29 reads VSYS/3 (ADC 3); 23 and 24 are wired inside
    # ESP32 DevKit: 6-11 drive the flash chip, 20/24/28-31 do not exist
    "esp32": (0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27)
    + (32, 33, 34, 35, 36, 37, 38, 39),
}
# GPIO 34-39 of an ESP32 have no output driver: Pin.OUT there is refused (the host's Board
# view keeps the same list, ide/core/board_view.py ESP32.input_only: this file cannot import it)
_INPUT_ONLY = {"esp32": ("34", "35", "36", "37", "38", "39")}


# a Pico's names (ports/rp2/boards/RPI_PICO/pins.csv: GP0-GP22, GP25-GP28 and LED, then the
# chip's GPIO0-GPIO29); an ESP32 DevKit names none (a name is an "invalid pin" there)
_PICO_NAMES = {"LED": 25}
_PICO_NAMES.update(("GP" + str(n), n) for n in tuple(range(23)) + (25, 26, 27, 28))
_PICO_NAMES.update(("GPIO" + str(n), n) for n in range(30))


def _pin_name(id):
    """The name pin events use: the GPIO number on a Pico or ESP32 board (the generic board
    keeps any name). Raises ValueError for a pin the board does not have."""
    if isinstance(id, Pin):
        return id._name
    if not _board:
        return str(id)
    if isinstance(id, str) and _board == "pico":
        if id not in _PICO_NAMES:
            raise ValueError('unknown named pin "' + id + '"')
        return str(_PICO_NAMES[id])
    if not isinstance(id, int) or id not in _PINS[_board]:
        raise ValueError("invalid pin")
    return str(id)


_config = {}  # pin name -> [mode, pull]: one per pin, whichever Pin() object names it
_NO_PULL = _INPUT_ONLY.get(_board, ())  # an ESP32's 34-39 have no pull resistors either


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4
    IRQ_RISING = 8
    _levels = {}  # pin name -> the level last written (its output latch)

    def __init__(self, id, mode=-1, pull=-1, *, value=None, **kwargs):
        self._name = _pin_name(id)
        if mode != -1 or pull != -1 or value is not None or kwargs:  # a board configures
            self.init(mode, pull, value=value, **kwargs)  # only when given more than the id

    def _state(self):
        # a pin never configured: an RP2040 pad pulls down after reset (its function NULL)
        return _config.get(self._name) or [-1, Pin.PULL_DOWN if _board == "pico" else -1]

    def init(self, mode=-1, pull=-1, *, value=None, **kwargs):
        if mode in (Pin.OUT, Pin.OPEN_DRAIN) and self._name in _INPUT_ONLY.get(_board, ()):
            raise ValueError("pin can only be input")
        state = self._state()
        mode = state[0] if mode in (-1, None) else mode
        if pull == -1 and _board == "esp32":
            pull = state[1]  # rp2 sets the pull each time: none when not given
        pull = -1 if pull is None else pull
        _config[self._name] = [mode, pull]
        if _board:  # the board view draws pulls and inputs
            # (in the rp2 port's numbers, whatever the board's: what the view reads)
            state = "[" + str(_RP2_MODE.get(mode, mode)) + ", " + str(_RP2_PULL.get(pull, -1))
            _simhost.part("mode:" + self._name, state + "]")
        if value is not None:
            Pin._levels[self._name] = 1 if value else 0
        if mode in (Pin.OUT, Pin.OPEN_DRAIN) and Pin._levels.get(self._name):
            self.value(1)  # the pin drives its latch from now on (a 0 goes unreported)

    def _drives(self):
        return self._state()[0] in (Pin.OUT, Pin.OPEN_DRAIN)

    def value(self, v=None):
        if v is None:
            if _simhost.due():  # a loop polling a pin without sleep still runs its handlers
                _service()
            if self._drives():
                return Pin._levels.get(self._name, 0)
            level = _simhost.pin_input(self._name)
            if level >= 0:
                return level
            # nothing wired: the pull decides; a pin with none floats (read here as 0)
            return 1 if self._state()[1] == Pin.PULL_UP and self._name not in _NO_PULL else 0
        v = 1 if v else 0
        due = 0
        if not self._drives():  # an input (or a pin never set up) keeps the level for later
            Pin._levels[self._name] = v
        elif Pin._levels.get(self._name) != v or self._name not in _reported:
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

    def toggle(self):
        self.value(1 - Pin._levels.get(self._name, 0))

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
        if _board != "pico":
            return "Pin(" + (self._name if self._name.isdigit() else repr(self._name)) + ")"
        # ports/rp2/machine_pin.c: the pin's function and pulls
        mode, pull = self._state()
        text = "Pin(GPIO" + self._name + ", mode=" + _MODE_NAMES.get(mode, "ALT")
        if pull in (Pin.PULL_UP, Pin.PULL_DOWN):
            text += ", pull=" + ("PULL_UP" if pull == Pin.PULL_UP else "PULL_DOWN")
        return text + (", alt=31)" if mode == -1 else ")")


if _board == "esp32":
    # the esp32 port's own numbers (ports/esp32/machine_pin.c: ESP-IDF's GPIO_MODE_INPUT,
    # GPIO_MODE_INPUT_OUTPUT(_OD), its GPIO_PULL_UP/DOWN, GPIO_INTR_POSEDGE/NEGEDGE); no ALT,
    # and no high()/low() (on()/off() only)
    Pin.IN, Pin.OUT, Pin.OPEN_DRAIN = 1, 3, 7
    Pin.PULL_UP, Pin.PULL_DOWN = 2, 1
    Pin.IRQ_RISING, Pin.IRQ_FALLING = 1, 2
    del Pin.ALT
else:
    Pin.high = Pin.on
    Pin.low = Pin.off
_RP2_MODE = {Pin.IN: 0, Pin.OUT: 1, Pin.OPEN_DRAIN: 2}
_RP2_PULL = {Pin.PULL_UP: 1, Pin.PULL_DOWN: 2}
_MODE_NAMES = {Pin.IN: "IN", Pin.OUT: "OUT", Pin.OPEN_DRAIN: "OPEN_DRAIN"}

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
    """A soft timer on rp2 (only id -1), the four hardware timers of an ESP32 (an id is
    required: Timer(0) twice is the same timer), any id on the generic board."""

    ONE_SHOT = 0
    PERIODIC = 1
    _next_id = [1]

    def __init__(self, *args, **kwargs):
        if _board == "esp32":
            if not args:
                raise TypeError("function missing 1 required positional arguments")
            number = _int(args[0])
            if not 0 <= number < 4:
                raise ValueError("invalid Timer number")
            self._tid = 1000 + number  # the timer's own (its callback is the last init's)
        else:
            if args and _board and _int(args[0]) != -1:
                raise ValueError("Timer doesn't exist")
            self._tid = Timer._next_id[0]
            Timer._next_id[0] += 1
        self._callback = None
        self._mode = 1
        self._us = 0xFFFFFFFF * 1000
        if len(args) > 1 or kwargs:
            self.init(*args[1:], **kwargs)

    def init(self, *, mode=1, period=0xFFFFFFFF, freq=None, callback=None, tick_hz=1000,
             hard=False):
        if hard and _board == "esp32":
            raise ValueError("hard Timers are not implemented")
        if freq is not None:
            us = int(1_000_000 / freq)
        else:
            us = _int(period) * 1_000_000 // _int(tick_hz)
        self._us = max(1, us)
        self._callback = callback
        self._mode = _int(mode)
        _timer_objects[self._tid] = self
        _simhost.timer_start(self._tid, self._us / 1000, 1 if self._mode == Timer.PERIODIC else 0)

    def deinit(self):
        _simhost.timer_stop(self._tid)
        _timer_objects.pop(self._tid, None)

    def __repr__(self):
        mode = "PERIODIC" if self._mode == Timer.PERIODIC else "ONE_SHOT"
        if _board == "esp32":
            return f"Timer({self._tid - 1000}, mode={mode}, period={self._us // 1000})"
        period = str(self._us) if self._us <= 0xFFFFFFFF else str(self._us // 1000) + "000"
        return f"Timer(mode={mode}, tick_hz=1000000, period={period})"


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
    WDT_RESET = 3
    if _board != "pico":  # rp2 has the two above only
        HARD_RESET = 2
        DEEPSLEEP_RESET = 4
        SOFT_RESET = 5
    _freq = [160_000_000 if _board == "esp32" else 125_000_000]  # each port's default clock

    @staticmethod
    def reset():
        _reset("hard")

    @staticmethod
    def soft_reset():
        _reset("soft")

    @staticmethod
    def reset_cause():
        """An ESP32 says SOFT_RESET after Ctrl-D (a Run), HARD_RESET after machine.reset();
        an RP2040 remembers its last hard start: WDT_RESET after machine.reset() (a watchdog
        reboot), else PWRON_RESET."""
        this, last_hard = _simhost.boot_cause().split(",")
        if _board == "esp32":
            return {"soft": 5, "hard": 2}.get(this, 1)
        return 3 if last_hard == "hard" else 1

    @staticmethod
    def unique_id():
        return b"HOTARU\x00\x01"

    @staticmethod
    def freq(hz=None):
        if hz is None:
            return machine._freq[0]
        if _board == "esp32" and _int(hz) // 1_000_000 not in (20, 40, 80, 160, 240):
            raise ValueError("frequency must be 20MHz, 40MHz, 80Mhz, 160MHz or 240MHz")
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
