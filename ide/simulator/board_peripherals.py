# ruff: noqa: F821
"""The `machine` module's peripherals with nothing wired to them: I2C, SPI, UART, RTC, WDT.
Runs INSIDE MicroPython (WebAssembly port): board_runtime.py compiles this file and then
board_machine.py in one namespace (`time` is in its globals), on first use of `machine`.
A bus behaves like a board's with nothing on it: a scan finds nothing, a read from a device
raises OSError 5 (EIO), writes go nowhere.
"""


_I2C_BUSES = {}  # bus number -> [scl, sda, freq, timeout]: a board's two buses, kept


class I2C:
    """Its bus number, pins and frequency as the port checks and prints them
    (ports/rp2/machine_i2c.c: a pin must suit the bus; ports/esp32/machine_i2c.c: any pin)."""

    def __init__(self, id=0, *args, scl=None, sda=None, freq=None, timeout=None):
        esp32 = _board == "esp32"
        if args and (esp32 or len(args) > 1):  # (rp2 takes the frequency second)
            raise TypeError("extra positional arguments given")
        freq = args[0] if args else freq
        if _board and not 0 <= id < 2:
            raise ValueError("I2C(" + str(id) + ") doesn't exist")
        # the buses' default pins: a Pico's I2C0 on GP5/GP4, I2C1 on GP7/GP6; an ESP32's
        # on GPIO 18/19 and 25/26
        pins = ((18, 19), (25, 26)) if esp32 else ((5, 4), (7, 6))
        bus = _I2C_BUSES.get(id) or list(pins[id % 2]) + [400000, 50000]
        for index, pin, what in ((0, scl, "SCL"), (1, sda, "SDA")):
            if pin is None:
                continue
            number = int(_pin_name(pin)) if _board else 0
            # rp2: SDA on even pins, SCL on odd, I2C0/I2C1 on alternate pairs
            if _board == "pico" and (number & 1 != 1 - index or (number & 2) >> 1 != id):
                raise ValueError("bad " + what + " pin")
            bus[index] = number
        given = bool(args) or any(v is not None for v in (scl, sda, freq, timeout))
        if _board == "pico" and (given or id not in _I2C_BUSES):
            # rp2 sets the bus up again whenever anything is given: the defaults come back
            bus[2] = 400000 if freq is None else freq
            bus[3] = 50000 if timeout is None else timeout
        else:  # (the ESP32 keeps what an earlier call set)
            if freq is not None:
                bus[2] = freq
            if timeout is not None:
                bus[3] = timeout
        _I2C_BUSES[id] = bus
        self._id = id

    def __repr__(self):
        scl, sda, freq, timeout = _I2C_BUSES[self._id]
        if _board == "esp32":
            text = f"I2C({self._id}, scl={scl}, sda={sda}, freq={freq}, timeout={timeout})"
            return text
        # the rate the RP2040's divider reaches from its 125 MHz clock (i2c_set_baudrate)
        period = (machine._freq[0] + freq // 2) // freq
        freq = machine._freq[0] // period
        return f"I2C({self._id}, freq={freq}, scl={scl}, sda={sda}, timeout={timeout})"

    def init(self, *args, **kwargs):
        pass

    def scan(self):
        return []

    def _absent(self, *args, **kwargs):
        raise OSError(5)  # no device answers, as on a board with nothing wired

    readfrom = readfrom_into = writeto = readfrom_mem = readfrom_mem_into = writeto_mem = _absent

    def deinit(self):
        pass


class SoftI2C(I2C):
    def __init__(self, scl, sda, *, freq=400000, timeout=50000):
        self._pins = (_pin_name(scl), _pin_name(sda), freq)

    def __repr__(self):
        # extmod/machine_i2c.c keeps a half-period in whole microseconds and prints the rate
        # it gives: 400 kHz asked is 500 kHz printed
        scl, sda, freq = self._pins
        delay = max(1, 500000 // freq)
        return f"SoftI2C(scl={scl}, sda={sda}, freq={500000 // delay})"



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


_UARTS = {}  # a Pico's UART number -> [baudrate, tx, rx, timeout_char], kept


class UART:
    """Its number and (on a Pico) its pins as the port checks them: ports/rp2/machine_uart.c
    (TX on pin % 4 == 0, RX on pin % 4 == 1, UART0/UART1 on alternate groups of four),
    ports/esp32/machine_uart.c (UART 0-2, any pins). Nothing is wired: reads find nothing."""

    def __init__(self, id, baudrate=-1, *args, tx=None, rx=None, timeout_char=-1, **kwargs):
        if _board == "esp32" and not 0 <= id < 3:
            raise ValueError("UART(" + str(id) + ") does not exist")
        self._id = id
        if _board != "pico":
            return
        if not 0 <= id < 2:
            raise ValueError("UART(" + str(id) + ") doesn't exist")
        uart = _UARTS.get(id) or [115200, 4 * id, 4 * id + 1, 0]  # UART0 GP0/1, UART1 GP4/5
        for index, pin, what in ((1, tx, "TX"), (2, rx, "RX")):
            if pin is None:
                continue
            number = int(_pin_name(pin))
            if number & 3 != index - 1 or ((number + 4) & 8) >> 3 != id:
                raise ValueError("bad " + what + " pin")
            uart[index] = number
        if baudrate > 0:
            uart[0] = baudrate
        if timeout_char >= 0:
            uart[3] = timeout_char
        uart[3] = max(uart[3], 13000 // uart[0] + 1)  # at least one character's time
        _UARTS[id] = uart

    def _rp2_repr(self):
        baudrate, tx, rx, timeout_char = _UARTS[self._id]
        return (
            f"UART({self._id}, baudrate={baudrate}, bits=8, parity=None, stop=1, tx={tx}, "
            f"rx={rx}, txbuf=256, rxbuf=256, timeout=0, timeout_char={timeout_char}, "
            "invert=None, irq=0)"
        )

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


if _board == "pico":  # (the esp32 port's repr is not modelled: the interpreter's own)
    UART.__repr__ = UART._rp2_repr


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
