# ruff: noqa: N801, F821
"""The `machine` module's PWM, ADC, DAC and TouchPad. Runs INSIDE MicroPython (WebAssembly port).

board_runtime.py compiles this between board_peripherals.py and board_machine.py, in one
namespace (Pin, _pin_name, _INPUT_ONLY and machine come from board_machine.py; they are looked
up when a method runs). Each class answers as its port's C code does: the values it reads back,
its repr, its errors (ports/rp2/machine_pwm.c and machine_adc.c; ports/esp32/machine_pwm.c
with ESP-IDF's LEDC arithmetic, machine_adc.c, machine_dac.c, machine_touchpad.c). The board
without a name (generic) takes the rp2 behaviour with any pin. Duty changes are reported to the
host (VirtualBoard.pwm_events) as a fraction 0..1, a buzzer's pitch as the part "tone:<pin>".
"""


def _int(value):
    """An argument as a board's C code reads it (mp_obj_get_int): an int or a bool; anything else
    raises the interpreter's own "can't convert float to int"."""
    if isinstance(value, int):
        return int(value)
    return range(value)  # raises the TypeError


_shown = {}  # pin name -> the fraction last reported (a change is reported, not a repeat)


def _report(name, fraction, invert):
    fraction = 1 - fraction if invert else fraction
    if _shown.get(name) != fraction:
        _shown[name] = fraction
        _simhost.pwm(name, fraction)


# ---------------------------------------------------------------- PWM: rp2 (and generic)

# The PWM slices' frequency registers (div in 1/16ths, top), per slice once set; a soft reset
# (a fresh interpreter) forgets them as machine_pwm_deinit_all does.
_slices = {}
_channels = {}  # slice * 2 + channel -> the PWM object last made for it


def _slice_hz(offset, div16):
    return (16 * machine._freq[0] + offset) // div16


class PWM:  # rp2 (and the generic board)
    def __init__(self, pin, freq=-1, *, duty_u16=-1, duty_ns=-1, invert=-1):
        name = _pin_name(pin)
        gpio = int(name) if name.isdigit() else 0
        self._name = name
        self._slice = (gpio >> 1) & 7
        self._channel = gpio & 1
        self._invert = 0
        self._type = None  # "u16" / "ns" once a duty is set
        self._duty = 0
        self._cc = 0
        self._on = False
        _channels[self._slice * 2 + self._channel] = self
        self.init(freq, duty_u16=duty_u16, duty_ns=duty_ns, invert=invert)

    def init(self, freq=-1, *, duty_u16=-1, duty_ns=-1, invert=-1):
        freq, duty_u16, duty_ns, invert = _int(freq), _int(duty_u16), _int(duty_ns), _int(invert)
        if freq != -1:
            self._set_freq(freq)
        if duty_u16 != -1:
            self._set_u16(duty_u16)
        if duty_ns != -1:
            self._set_ns(duty_ns)
        if invert != -1:
            self._invert = 1 if invert else 0
        self._start()

    def _top(self):
        return _slices.get(self._slice, (16, 65535))[1]

    def _start(self):
        """The output runs once its slice has a frequency and it has a duty (as on a board:
        a PWM given only a duty stays dark)."""
        if self._slice in _slices and self._type is not None:
            self._on = True
        fraction = self.duty_u16() / 65535 if self._on else 0
        _report(self._name, fraction, self._invert and self._on)

    def _set_freq(self, freq):
        if freq <= 0:
            return  # (a board divides by zero here: what it then does is not modelled)
        source = machine._freq[0]
        if (source + freq // 2) // freq < 65534:
            div16, top = 16, (source + freq // 2) // freq - 1
        else:
            div16 = _slice_hz(65534 * freq - 1, 65534 * freq)
            top = _slice_hz(div16 * freq // 2, div16 * freq) - 1
        if div16 < 16:
            raise ValueError("freq too large")
        if div16 >= 256 * 16:
            raise ValueError("freq too small")
        _slices[self._slice] = (div16, top)
        _simhost.part("tone:" + self._name, str(self.freq()))  # the view's buzzer pitch
        for index in (self._slice * 2, self._slice * 2 + 1):  # both channels of the slice
            pwm = self if index == self._slice * 2 + self._channel else _channels.get(index)
            if pwm is not None and pwm._type == "u16":
                pwm._set_u16(pwm._duty)
            elif pwm is not None and pwm._type == "ns":
                pwm._set_ns(pwm._duty)

    def _set_u16(self, duty):
        duty = max(0, min(65535, duty))
        self._cc = (duty * (self._top() + 1) + 65535 // 2) // 65535
        self._duty, self._type = duty, "u16"
        self._start()

    def _set_ns(self, ns):
        div16 = _slices.get(self._slice, (16, 65535))[0]
        cc = (max(0, ns) * _slice_hz(div16 // 2, div16) + 500_000_000) // 1_000_000_000
        self._cc = min(cc, self._top() + 1)
        self._duty, self._type = ns, "ns"
        self._start()

    def freq(self, freq=None):
        if freq is not None:
            self._set_freq(_int(freq))
            return None
        if self._slice not in _slices:
            return 0
        div16, top = _slices[self._slice]
        return _slice_hz(div16 * (top + 1) // 2, div16 * (top + 1))

    def duty_u16(self, duty=None):
        if duty is not None:
            self._set_u16(_int(duty))
            return None
        if self._type is None or self._slice not in _slices:
            return 0
        top = self._top()
        return (self._cc * 65535 + (top + 1) // 2) // (top + 1)

    def duty_ns(self, ns=None):
        if ns is not None:
            self._set_ns(_int(ns))
            return None
        if self._type is None or self._slice not in _slices:
            return 0
        div16 = _slices[self._slice][0]
        slice_hz = _slice_hz(div16 // 2, div16)
        return (self._cc * 1_000_000_000 + slice_hz // 2) // slice_hz

    def deinit(self):
        """Stops the slice: both its channels (their frequency stays set)."""
        for index in (self._slice * 2, self._slice * 2 + 1):
            pwm = self if index == self._slice * 2 + self._channel else _channels.get(index)
            if pwm is not None:
                pwm._on = False
                _report(pwm._name, 0, False)

    def __repr__(self):
        return f"<PWM slice={self._slice} channel={self._channel} invert={self._invert}>"


# ---------------------------------------------------------------- PWM: esp32 (LEDC)

_running = {}  # GPIO -> the frequency its LEDC channel runs at (a new PWM on it keeps that)
_ESP_ERR_INVALID_ARG = -258  # ESP-IDF's 0x102, as check_esp_err raises it (ports/esp32/mphalport.c)


def _ledc_divisor(source, freq, precision):
    return ((source << 8) + freq * precision // 2) // (freq * precision)


def _ledc_bad(divisor):
    return divisor <= 255 or divisor > 0x3FFFF


def _ilog2(n):
    log = 0
    while n > 1:
        n >>= 1
        log += 1
    return log


def _ledc_timer(freq):
    """(duty resolution in bits, the frequency the timer runs at) for a requested frequency:
    the port's clock choice (REF_TICK 1 MHz below 10 Hz, else APB 80 MHz), ESP-IDF's
    ledc_find_suitable_duty_resolution, limited to 16 bits, and ledc_get_freq's rounding."""
    source = 1_000_000 if freq < 10 else 80_000_000
    bits = min(_ilog2((source + freq // 2) // freq), 20)
    if _ledc_bad(_ledc_divisor(source, freq, 1 << bits)):
        bits = min(_ilog2(source // freq), 20)
        if _ledc_bad(_ledc_divisor(source, freq, 1 << bits)):
            bits = 0
    bits = min(bits, 16)
    precision = 1 << bits
    divisor = _ledc_divisor(source, freq, precision)
    return bits, ((source << 8) + precision * divisor // 2) // (precision * divisor)


def _check_freq(freq):
    if freq <= 0 or freq > 40_000_000:
        raise ValueError("frequency must be from 1Hz to 40MHz")


_RP2PWM = PWM


class PWM:  # esp32
    def __init__(self, pin, freq=-1, *, duty=-1, duty_u16=-1, duty_ns=-1, invert=False,
                 lightsleep=False):
        self._name = _pin_name(pin)
        self._reset()
        self.init(freq, duty=duty, duty_u16=duty_u16, duty_ns=duty_ns, invert=invert)

    def _reset(self):
        self._active = False
        self._freq = -1
        self._scale = 0  # 10: duty(), 16: duty_u16(), 1: duty_ns() (what the repr shows)
        self._value = 0
        self._raw = 0
        self._bits = 16
        self._actual = 0
        self._invert = False

    def init(self, freq=-1, *, duty=-1, duty_u16=-1, duty_ns=-1, invert=None, lightsleep=False):
        freq, duty, duty_u16, duty_ns = _int(freq), _int(duty), _int(duty_u16), _int(duty_ns)
        if freq != -1:
            _check_freq(freq)
        if duty_u16 >= 0:
            self._check(16, duty_u16)
        elif duty_ns >= 0:
            self._check(1, duty_ns)
        elif duty >= 0:
            self._check(10, duty)
        elif self._scale == 0:
            self._scale, self._value = 16, 32768  # 50 %, the port's default
        if invert is not None:
            self._invert = bool(invert)
        if freq == -1:
            freq = _running.get(self._name, 5000)  # the pin's running frequency, or 5 kHz
        self._set_freq(freq)
        self._apply()

    def _is_active(self):
        if not self._active:
            raise RuntimeError("PWM is inactive")

    def _ns_max(self):
        return self._to_ns(65536)

    def _to_ns(self, duty):
        self._is_active()
        return (duty * 1_000_000_000 + self._freq * 32768) // (self._freq * 65536)

    def _check(self, scale, value):
        if scale == 16 and not 0 <= value <= 65535:
            raise ValueError("duty_u16 must be from 0 to 65536")
        if scale == 10 and not 0 <= value <= 1023:
            raise ValueError("duty must be from 0 to 1023")
        if scale == 1 and (value < 0 or value > self._ns_max()):
            raise ValueError(f"duty_ns must be from 0 to {self._ns_max()} ns")
        if (scale, value) in ((16, 65535), (10, 1023)):
            value = 1 << scale  # full on
        self._scale, self._value = scale, value

    def _set_freq(self, freq):
        self._freq = freq
        self._bits, self._actual = _ledc_timer(freq)
        self._active = True
        _simhost.part("tone:" + self._name, str(self._actual))  # the view's buzzer pitch

    def _apply(self):
        self._is_active()
        if self._scale == 16:
            duty = self._value
        elif self._scale == 10:
            duty = self._value << 6
        else:
            duty = (self._value * 65536 * self._freq + 500_000_000) // 1_000_000_000
            duty = 1 if self._value > 0 and duty == 0 else min(duty, 65536)
        self._raw = duty >> (16 - self._bits)
        if self._name not in _running and self._name in _INPUT_ONLY.get(_board, ()):
            # ESP-IDF's ledc_channel_config refuses a pin with no output driver; its log line
            # reaches the serial line only outside the raw REPL (ports/esp32/main.c)
            if not _simhost.raw_repl():
                text = "ledc: ledc_channel_config(844): gpio_num argument is invalid"
                print("E (" + str(time.ticks_ms()) + ") " + text)
            raise OSError(_ESP_ERR_INVALID_ARG, "ESP_ERR_INVALID_ARG")
        _running[self._name] = self._freq
        _report(self._name, self._u16() / 65535, self._invert)

    def _u16(self):
        self._is_active()
        duty = self._raw << (16 - self._bits)
        return 65535 if duty == 65536 else duty

    def freq(self, freq=None):
        if freq is None:
            self._is_active()
            return self._actual
        freq = _int(freq)
        self._is_active()
        _check_freq(freq)
        if freq != self._freq:
            self._set_freq(freq)
            self._apply()
        return None

    def duty(self, duty=None):
        if duty is None:
            return self._u16() >> 6
        self._check(10, _int(duty))
        self._apply()
        return None

    def duty_u16(self, duty=None):
        if duty is None:
            return self._u16()
        self._check(16, _int(duty))
        self._apply()
        return None

    def duty_ns(self, ns=None):
        if ns is None:
            return self._to_ns(self._u16())
        self._check(1, _int(ns))
        self._apply()
        return None

    def deinit(self):
        if self._active:
            _running.pop(self._name, None)
            _report(self._name, 0, self._invert)  # the idle level
        self._reset()

    def __repr__(self):
        text = "PWM(Pin(" + self._name + ")"
        if self._active:
            text += f", freq={self._actual}"
            if self._scale == 10:
                text += f", duty={self._u16() >> 6}"
            elif self._scale == 1:
                text += f", duty_ns={self._to_ns(self._u16())}"
            else:
                text += f", duty_u16={self._u16()}"
            if self._invert:
                text += ", invert=True"
        return text + ")"


# ---------------------------------------------------------------- ADC


class ADC:  # rp2 (and the generic board)
    CORE_TEMP = 4

    def __init__(self, pin):
        channel = pin if isinstance(pin, int) and 0 <= pin < 5 else -1  # a channel number
        if channel == -1:
            name = _pin_name(pin)
            gpio = int(name) if name.isdigit() else -1
            if _board and not 26 <= gpio < 30:
                raise ValueError("Pin doesn't have ADC capabilities")
            channel = gpio - 26 if 26 <= gpio < 30 else gpio
        self._channel = channel
        # the board view: the program reads this input (its potentiometer follows the pin, the
        # view shows itself); nothing on the serial line
        _simhost.part("adc:" + self._input(), "1")

    def _input(self):
        if self._channel == 4:
            return "temp"
        return str(26 + self._channel) if 0 <= self._channel < 4 else str(self._channel)

    def read_u16(self):
        if self._channel == 4:
            # channel 4 of an RP2040 is its temperature sensor: 0.706 V at 27 degrees C,
            # -1.721 mV per degree (the view's slider sets "adc:temp" in degrees C)
            celsius = _simhost.input("adc:temp")
            celsius = 27 if celsius < 0 else celsius
            level = int((0.706 - (celsius - 27) * 0.001721) * 65535 / 3.3)
        else:
            level = _simhost.input("adc:" + self._input())  # the view's potentiometer
            level = 32768 if level < 0 else int(level)
        raw = max(0, min(65535, level)) >> 4  # a 12-bit conversion, scaled as the port does
        return raw << 4 | raw >> 8

    def __repr__(self):
        return f"<ADC channel={self._channel}>"


_ESP32_ADC_PINS = (36, 37, 38, 39, 32, 33, 34, 35, 4, 0, 2, 15, 13, 12, 14, 27, 25, 26)
_atten = {}  # GPIO -> attenuation (the port keeps one per channel)
_width = {}  # ADC block (1 or 2) -> bits (every ADC() sets its block back to 12)


_RP2ADC = ADC


class ADC:  # esp32
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3
    WIDTH_9BIT = 9
    WIDTH_10BIT = 10
    WIDTH_11BIT = 11
    WIDTH_12BIT = 12

    def __init__(self, pin, *, atten=-1):
        gpio = int(_pin_name(pin))
        if gpio not in _ESP32_ADC_PINS:
            raise ValueError("invalid pin")
        self._gpio = gpio
        self._block = 1 if _ESP32_ADC_PINS.index(gpio) < 8 else 2
        self.init(atten=atten)
        _simhost.part("adc:" + str(gpio), "1")  # the board view shows the potentiometer

    def init(self, *, atten=-1):
        self.atten(3 if _int(atten) == -1 else atten)
        _width[self._block] = 12

    def deinit(self):
        pass

    def atten(self, atten):
        atten = _int(atten)
        if not 0 <= atten <= 3:
            raise ValueError("invalid attenuation")
        _atten[self._gpio] = atten

    def width(self, bits):
        bits = _int(bits)
        if not 9 <= bits <= 12:
            raise ValueError("invalid bit-width")
        _width[self._block] = bits

    def read(self):
        level = _simhost.input("adc:" + str(self._gpio))  # the view's potentiometer
        level = 32768 if level < 0 else max(0, min(65535, int(level)))
        return level >> (16 - _width[self._block])

    def read_u16(self):
        raw, bits = self.read(), _width[self._block]
        return raw << (16 - bits) | raw >> (2 * bits - 16)

    def read_uv(self):
        return self.read_u16() * 3300000 // 65535

    def __repr__(self):
        return f"ADC(Pin({self._gpio}), atten={_atten[self._gpio]})"


# ---------------------------------------------------------------- ESP32 only


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
        value = _int(value)
        if not 0 <= value <= 255:
            raise ValueError("value out of range")
        _report(self._name, value / 255, False)

    def __repr__(self):
        return "DAC(Pin(" + self._name + "))"


# each port's own; both named as on a board (type(p) prints <class 'PWM'>)
if _board != "esp32":
    PWM = _RP2PWM
    ADC = _RP2ADC
