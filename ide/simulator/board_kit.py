# ruff: noqa: N801, F821
"""The kit lessons' modules of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

board_runtime.py compiles this once per module on first use (like board_machine.py), with
_simhost and _board in its globals; each class below is one module's namespace: `neopixel`,
`dht` (both boards), `network`, `esp32` (ESP32 DevKit), `rp2` (Pico), `socket` (says plainly
that there is no network). Parts report to the board view (VirtualBoard.parts) and read the
values its sliders set (VirtualBoard.set_input).
"""

import json

import machine


def _pin_name(pin):
    return pin._name if isinstance(pin, machine.Pin) else machine.Pin(pin)._name


# ---------------------------------------------------------------- neopixel


class NeoPixel:
    """The strip as a board's frozen neopixel module keeps it: one bytearray in the strip's
    G R B (W) byte order, so a colour part is stored as a bytearray stores it (a float is a
    TypeError, a pixel past the end an IndexError) and a Pin is required (it is set to OUT)."""

    # a pixel's bytes go out green, red, blue (white): where each of R, G, B, W is kept
    _SLOT = (1, 0, 2, 3)

    def __init__(self, pin, n, bpp=3, timing=1):
        pin.init(pin.OUT)  # (a plain number has no init(): the board's AttributeError)
        self.pin, self.n, self.bpp, self.timing = pin, n, bpp, timing
        self.buf = bytearray(n * bpp)
        self._name = _pin_name(pin)

    def __len__(self):
        return self.n

    def _cells(self, index):
        base = index * self.bpp
        return [base + self._SLOT[k] for k in range(self.bpp)]

    def __setitem__(self, index, colour):
        for k, cell in enumerate(self._cells(index)):
            self.buf[cell] = colour[k]  # (a bytearray's own TypeError / IndexError)

    def __getitem__(self, index):
        return tuple(self.buf[cell] for cell in self._cells(index))

    def fill(self, colour):
        for index in range(self.n):
            self[index] = colour

    def write(self):
        # the strip in the board view lights in these colours
        pixels = [list(self[i][:3]) for i in range(self.n)]
        _simhost.part("neopixel:" + self._name, json.dumps(pixels))


class neopixel:
    NeoPixel = NeoPixel


# ---------------------------------------------------------------- dht


class _DHT:
    def __init__(self, pin):
        self.pin = pin
        self._t = 0
        self._h = 0
        # the board view shows itself: its sliders are what measure() reads
        _simhost.part("dht:" + str(getattr(pin, "_name", pin)), "1")

    def measure(self):
        t = _simhost.input("dht:t")  # the board view's sliders; -1: not set
        h = _simhost.input("dht:h")
        self._t = 24.0 if t < 0 else t
        self._h = 50.0 if h < 0 else h

    def humidity(self):
        return self._h

    def temperature(self):
        return self._t


class DHT11(_DHT):
    def humidity(self):
        return int(self._h)  # a DHT11 reports whole numbers

    def temperature(self):
        return int(self._t)


class DHT22(_DHT):
    def humidity(self):
        return round(float(self._h), 1)  # a DHT22 reports tenths: always a float

    def temperature(self):
        return round(float(self._t), 1)


class dht:
    DHT11 = DHT11
    DHT22 = DHT22


# ---------------------------------------------------------------- network (ESP32)

# pretend access points: (ssid, bssid, channel, RSSI, security, hidden)
_APS = (
    (b"HotaruNet", b"\x24\x0a\xc4\x00\x00\x01", 6, -42, 3, False),
    (b"Maker-Lab", b"\x24\x0a\xc4\x00\x00\x02", 1, -61, 3, False),
    (b"Cafe_Free_WiFi", b"\x24\x0a\xc4\x00\x00\x03", 11, -75, 0, False),
)


class WLAN:
    IF_STA = 0
    IF_AP = 1
    _state = {}

    def __init__(self, interface=0):
        self._if = interface
        WLAN._state.setdefault(interface, {"active": False, "ssid": None})

    def _s(self):
        return WLAN._state[self._if]

    def active(self, on=None):
        if on is None:
            return self._s()["active"]
        self._s()["active"] = bool(on)
        if not on:
            self._s()["ssid"] = None
        self._report()
        return None

    def scan(self):
        if not self._s()["active"]:
            raise OSError("STA must be active")
        return list(_APS)

    def connect(self, ssid=None, key=None, **kwargs):
        if not self._s()["active"]:
            raise OSError("Wifi Not Started")
        self._s()["ssid"] = ssid.decode() if isinstance(ssid, bytes) else ssid
        self._report()

    def disconnect(self):
        self._s()["ssid"] = None
        self._report()

    def isconnected(self):
        return self._s()["ssid"] is not None

    def status(self, param=None):
        if param == "rssi":
            return -42
        return 1010 if self.isconnected() else 1000  # STAT_GOT_IP / STAT_IDLE

    def ifconfig(self, config=None):
        if config is not None:
            return None
        if self._if == 1:
            return ("192.168.4.1", "255.255.255.0", "192.168.4.1", "0.0.0.0")
        if not self.isconnected():
            return ("0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0")
        return ("192.168.1.42", "255.255.255.0", "192.168.1.1", "192.168.1.1")

    def ipconfig(self, *args, **kwargs):
        return self.ifconfig()[0] if args and args[0] == "addr4" else None

    def config(self, *args, **kwargs):
        if args:
            return {"mac": b"\x24\x0a\xc4\x12\x34\x56", "essid": self._s()["ssid"] or ""}.get(
                args[0]
            )
        return None

    def _report(self):
        _simhost.part("wlan", json.dumps(self._s()))


class network:
    WLAN = WLAN
    STA_IF = 0
    AP_IF = 1
    STAT_IDLE = 1000
    STAT_CONNECTING = 1001
    STAT_GOT_IP = 1010
    STAT_WRONG_PASSWORD = 202
    STAT_NO_AP_FOUND = 201
    STAT_CONNECT_FAIL = 203

    @staticmethod
    def hostname(name=None):
        return "esp32" if name is None else None

    @staticmethod
    def country(code=None):
        return "XX" if code is None else None


def _no_network(*args, **kwargs):
    raise OSError("the Hotaru simulator has no network: sockets work on a real board")


class socket:
    AF_INET = 2
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOL_SOCKET = 1
    SO_REUSEADDR = 4
    socket = _no_network
    getaddrinfo = _no_network


# ---------------------------------------------------------------- esp32


class esp32:
    HEAP_DATA = 4
    HEAP_EXEC = 1
    WAKEUP_ALL_LOW = False
    WAKEUP_ANY_HIGH = True

    @staticmethod
    def raw_temperature():
        return 122  # degrees Fahrenheit inside the chip, about what a DevKit reports

    @staticmethod
    def mcu_temperature():
        return 50

    @staticmethod
    def hall_sensor():
        return 0

    @staticmethod
    def wake_on_ext0(*args, **kwargs):
        pass

    wake_on_ext1 = wake_on_touch = wake_on_ext0

    @staticmethod
    def idf_heap_info(caps):
        return [(240000, 200000, 100000, 190000)]


# ---------------------------------------------------------------- rp2 (PIO accepted)


class _Instr:
    """What a PIO instruction returns: [delay] and .side() accepted, nothing run."""

    def __getitem__(self, delay):
        return self

    def side(self, value):
        return self

    def __call__(self, *args, **kwargs):
        return self


_PIO_NAMES = (
    "wrap_target wrap label word jmp wait in_ out push pull mov irq set nop side_set "
    "pins x y null pindirs pc isr osr exec_ status not_x not_y x_dec y_dec x_not_y pin "
    "not_osre gpio block noblock iffull ifempty rel clear"
).split()


def _asm_pio(*args, **kwargs):
    def decorate(f):
        glob = f.__globals__
        saved = {name: glob[name] for name in _PIO_NAMES if name in glob}
        saved_set = glob.get("set", None)
        for name in _PIO_NAMES:
            glob[name] = _Instr()
        glob["set"] = _Instr()
        try:
            f()  # the program's instructions are accepted (not run: no PIO here)
        finally:
            for name in _PIO_NAMES:
                glob.pop(name, None)
            glob.pop("set", None)
            glob.update(saved)
            if saved_set is not None:
                glob["set"] = saved_set
        return [f.__name__]

    return decorate


class StateMachine:
    def __init__(self, id, program=None, *args, **kwargs):
        self._id = id
        self._active = False
        self._fifo = []

    def init(self, *args, **kwargs):
        pass

    def active(self, value=None):
        if value is None:
            return self._active
        self._active = bool(value)
        return None

    def put(self, value, shift=0):
        pass

    def get(self, buf=None, shift=0):
        return 0

    def exec(self, instr):
        pass

    def rx_fifo(self):
        return 0

    def tx_fifo(self):
        return 0

    def irq(self, handler=None, trigger=0, hard=False):
        return None

    def restart(self):
        pass


class PIO:
    IN_LOW = 0
    IN_HIGH = 1
    OUT_LOW = 2
    OUT_HIGH = 3
    SHIFT_LEFT = 0
    SHIFT_RIGHT = 1
    IRQ_SM0 = 256
    IRQ_SM1 = 512
    IRQ_SM2 = 1024
    IRQ_SM3 = 2048

    def __init__(self, id):
        self._id = id

    def add_program(self, program):
        pass

    def remove_program(self, program=None):
        pass

    def state_machine(self, id, *args, **kwargs):
        return StateMachine(self._id * 4 + id, *args, **kwargs)

    def irq(self, *args, **kwargs):
        return None


class rp2:
    PIO = PIO
    StateMachine = StateMachine
    asm_pio = staticmethod(_asm_pio)

    @staticmethod
    def bootsel_button():
        return 0

    @staticmethod
    def country(code=None):
        return "XX" if code is None else None
