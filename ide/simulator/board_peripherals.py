# ruff: noqa: F821
"""The `machine` module's peripherals with nothing wired to them: I2C, SPI, UART, RTC, WDT.
Runs INSIDE MicroPython (WebAssembly port): board_runtime.py compiles this file and then
board_machine.py in one namespace (`time` is in its globals), on first use of `machine`.
A bus behaves like a board's with nothing on it: a scan finds nothing, a read from a device
raises OSError 5 (EIO), writes go nowhere.
"""


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
