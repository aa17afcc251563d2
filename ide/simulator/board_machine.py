# ruff: noqa: N801, F821
"""The `machine` module of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

board_runtime.py compiles this on first use of `machine`, with _simhost, _timer_objects,
_pin_irqs, sleep_ms and time in its globals. Pins report every change to the host
(VirtualBoard.pin_events) and read levels the host sets (VirtualBoard.set_pin); the other
peripherals are harmless stand-ins that behave like a board with nothing wired.
"""


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
        self._name = str(id)
        self._mode = 0
        self._pull = -1
        self.init(mode, pull, value=value)

    def init(self, mode=-1, pull=-1, *, value=None, **kwargs):
        if mode != -1:
            self._mode = mode
        if pull != -1:
            self._pull = pull
        if self._name not in Pin._levels:
            Pin._levels[self._name] = 1 if self._pull == Pin.PULL_UP else 0
        if value is not None:
            self.value(value)

    def value(self, v=None):
        if v is None:
            if self._mode != Pin.OUT:
                level = _simhost.pin_input(self._name)
                if level >= 0:
                    return level
            return Pin._levels.get(self._name, 0)
        v = 1 if v else 0
        if Pin._levels.get(self._name) != v or self._name not in _reported:
            Pin._levels[self._name] = v
            _simhost.pin(self._name, v)
        _reported[self._name] = True
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

    def irq(self, handler=None, trigger=12, **kwargs):
        if handler is None:
            _pin_irqs.pop(self._name, None)
        else:
            _pin_irqs[self._name] = [self, handler, trigger, self.value()]
        return self

    def __repr__(self):
        return "Pin(" + (self._name if self._name.isdigit() else repr(self._name)) + ")"


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

    def read_u16(self):
        # channel 4 of an RP2040 is its temperature sensor: about 27 degrees C
        return 14022 if self._id == 4 else 32768

    def read(self):
        return self.read_u16() >> 4

    def read_uv(self):
        return self.read_u16() * 3300000 // 65535

    def atten(self, *args):
        pass

    def width(self, *args):
        pass


class PWM:
    """Duty changes are reported to the host (VirtualBoard.pwm_events) as a fraction 0..1."""

    def __init__(self, pin, *, freq=None, duty_u16=None, duty_ns=None, **kwargs):
        self._name = pin._name if isinstance(pin, Pin) else str(pin)
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
            self._freq = freq
        if duty_u16 is not None:
            self._set(duty_u16)
        elif duty_ns is not None:
            self.duty_ns(duty_ns)

    def freq(self, f=None):
        if f is None:
            return self._freq
        self._freq = f

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


class I2C:
    def __init__(self, *args, **kwargs):
        pass

    def init(self, *args, **kwargs):
        pass

    def scan(self):
        return []

    def _absent(self, *args, **kwargs):
        raise OSError(5)  # no device answers, as on a board with nothing wired

    readfrom = readfrom_into = writeto = readfrom_mem = readfrom_mem_into = writeto_mem = _absent

    def deinit(self):
        pass


SoftI2C = I2C


class SPI:
    MSB = 0
    LSB = 1

    def __init__(self, *args, **kwargs):
        pass

    def init(self, *args, **kwargs):
        pass

    def read(self, n, write=0):
        return bytes(n)

    def readinto(self, buf, write=0):
        for i in range(len(buf)):
            buf[i] = 0

    def write(self, buf):
        return None

    def write_readinto(self, out, into):
        self.readinto(into)

    def deinit(self):
        pass


SoftSPI = SPI


class UART:
    def __init__(self, *args, **kwargs):
        pass

    def init(self, *args, **kwargs):
        pass

    def write(self, buf):
        return len(buf)

    def read(self, n=-1):
        return None

    def readinto(self, buf, n=-1):
        return None

    def readline(self):
        return None

    def any(self):
        return 0

    def deinit(self):
        pass


class RTC:
    _offset = [0]

    def __init__(self, *args, **kwargs):
        pass

    def datetime(self, dt=None):
        if dt is None:
            t = time.localtime(time.time() + RTC._offset[0])
            return (t[0], t[1], t[2], t[6], t[3], t[4], t[5], 0)
        target = time.mktime((dt[0], dt[1], dt[2], dt[4], dt[5], dt[6], 0, 0))
        RTC._offset[0] = target - time.time()


class WDT:
    def __init__(self, *args, **kwargs):
        pass

    def feed(self):
        pass


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
