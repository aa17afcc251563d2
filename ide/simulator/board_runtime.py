# ruff: noqa: N801
"""Board-side runtime of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

board.js executes this file (compiled as "<sim>", so traceback lines pointing here are hidden
from the serial output) in a fresh interpreter after every reset. It makes the WebAssembly port
behave like a microcontroller board: a flash filesystem at "/" with real errno numbers and
sizes, serial-style stdin/stdout (input(), sys.stdin, binary sys.stdout.buffer), a time.sleep
that does not burn a core, os.uname, and a `machine` module whose pins the host can observe.

Host functions come from the JS module `_simhost` (see board.js, hostApi).
"""

import builtins
import io
import os
import sys
import time
from collections import namedtuple

import _simhost
import micropython
import uctypes

_real_sys = sys
# sources compiled on first use; read now, before "/" becomes the flash
_machine_source = open("/sim/board_machine.py").read()
_asyncio_source = open("/sim/board_asyncio.py").read()

# ---------------------------------------------------------------- filesystem

# emscripten errno -> the numbers MicroPython boards use (Linux values)
_ERRNO = {
    63: 1, 44: 2, 29: 5, 8: 9, 6: 11, 48: 12, 2: 13, 10: 16, 20: 17, 75: 18, 43: 19, 54: 20,
    31: 21, 28: 22, 41: 23, 33: 24, 22: 27, 51: 28, 69: 30, 37: 36, 52: 38, 55: 39, 58: 95,
    73: 110,
}  # fmt: skip

FLASH_BLOCKS = 512  # 2 MiB of 4 KiB blocks
BLOCK = 4096


def _oserror(e):
    n = e.errno if hasattr(e, "errno") else (e.args[0] if e.args else 0)
    return OSError(_ERRNO.get(n, n))


def _join(path, name):
    sep = b"/" if isinstance(path, bytes) else "/"
    path = path.rstrip(sep)
    return path + sep + name


class _Flash:
    """The board's flash: a VfsPosix over the in-memory /flash folder, with board errno numbers,
    sizes in ilistdir and a 2 MiB statvfs. (A wrapper, not a subclass: a VfsPosix subclass
    inherits the native import_stat, which then misreads the instance.)"""

    def __init__(self, root):
        self._fs = os.VfsPosix(root)

    def _call(self, name, *args):
        try:
            return getattr(self._fs, name)(*args)
        except OSError as e:
            raise _oserror(e) from None

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def open(self, path, mode):
        return self._call("open", path, mode)

    def stat(self, path):
        return self._call("stat", path)

    def mkdir(self, path):
        return self._call("mkdir", path)

    def rmdir(self, path):
        return self._call("rmdir", path)

    def remove(self, path):
        return self._call("remove", path)

    def rename(self, old, new):
        return self._call("rename", old, new)

    def chdir(self, path):
        return self._call("chdir", path)

    def getcwd(self):
        return self._call("getcwd")

    def ilistdir(self, path):
        out = []
        for e in self._call("ilistdir", path):
            size = 0
            if e[1] != 0x4000:
                size = self._fs.stat(_join(path, e[0]))[6]
            out.append((e[0], e[1], 0, size))
        return iter(out)

    def _used_blocks(self, path):
        used = 1
        for e in self._fs.ilistdir(path):
            if e[1] == 0x4000:
                used += self._used_blocks(_join(path, e[0]))
            else:
                used += (self._fs.stat(_join(path, e[0]))[6] + BLOCK - 1) // BLOCK
        return used

    def statvfs(self, path):
        free = max(FLASH_BLOCKS - self._used_blocks("/"), 0)
        return (BLOCK, BLOCK, FLASH_BLOCKS, free, free, 0, 0, 0, 0, 255)


os.umount("/")
os.mount(_Flash("/flash"), "/")
os.chdir("/")

# ---------------------------------------------------------------- os.uname

_version = sys.version.split("MicroPython ")[-1]
_release = ".".join(str(n) for n in sys.implementation.version[:3])


# Unnamed (""): printed as "(sysname='webassembly', ...)", as a board prints its os.uname().
_UnameResult = namedtuple("", ("sysname", "nodename", "release", "version", "machine"))

_UNAME = _UnameResult(
    "webassembly", "webassembly", _release, _version, "Hotaru virtual board with WebAssembly"
)
os.uname = lambda: _UNAME

# ---------------------------------------------------------------- timers (run from waits)

_timer_objects = {}
_pin_irqs = {}  # pin name -> [Pin, handler, trigger, last level]


def _run_pin_irqs(names):
    for name in names.split(","):
        entry = _pin_irqs.get(name)
        if entry is None:
            continue
        level = _simhost.pin_input(name)
        previous, entry[3] = entry[3], level
        if level == previous or entry[1] is None:
            continue
        if entry[2] & (8 if level else 4):  # IRQ_RISING / IRQ_FALLING
            try:
                entry[1](entry[0])
            except Exception as e:
                _real_sys.print_exception(e)


def _run_timers():
    """Run what a board would run from interrupts: pin handlers and due Timer callbacks."""
    changed = _simhost.pin_changes()
    if changed:
        _run_pin_irqs(changed)
    while True:
        tid = _simhost.timer_due()
        if tid < 0:
            return
        t = _timer_objects.get(tid)
        if t is None or t._callback is None:
            continue
        if t._mode == 0:
            _timer_objects.pop(tid, None)
        try:
            t._callback(t)
        except Exception as e:  # a board prints it and carries on
            _real_sys.print_exception(e)


def _flush_interrupt():
    try:
        for _ in range(2):
            pass
    except KeyboardInterrupt:
        pass


def _idle_timers():
    micropython.kbd_intr(3)
    try:
        _run_timers()
    except KeyboardInterrupt as e:
        _real_sys.print_exception(e)
    finally:
        micropython.kbd_intr(-1)
        _flush_interrupt()
    return 0


# ---------------------------------------------------------------- time

_ticks_ms = time.ticks_ms
_ticks_us = time.ticks_us
_ticks_add = time.ticks_add
_ticks_diff = time.ticks_diff


def sleep_ms(ms):
    ms = int(ms)
    end = _ticks_add(_ticks_ms(), ms)
    while True:
        left = _ticks_diff(end, _ticks_ms())
        if left <= 0:
            return
        if _simhost.wait(left):
            _run_timers()


def sleep(seconds):
    us = int(seconds * 1_000_000)
    sleep_ms(us // 1000)
    if us % 1000:
        sleep_us(us % 1000)


def sleep_us(us):
    us = int(us)
    if us >= 2000:
        sleep_ms(us // 1000)
        us %= 1000
    end = _ticks_add(_ticks_us(), us)
    while _ticks_diff(end, _ticks_us()) > 0:
        pass


time.sleep = sleep
time.sleep_ms = sleep_ms
time.sleep_us = sleep_us

# ---------------------------------------------------------------- serial stdin / stdout

_state = {"cr": False}


def _read_into(addr, n):
    """Block until at least one byte arrived; returns how many (<= n) were stored at addr."""
    while True:
        got = _simhost.read(addr, n, -1)
        if got:
            return got
        _run_timers()  # woke for a timer (or an interrupt, raised at this loop's jump)


class _RawIn:
    def readinto(self, buf, n=-1):
        size = len(buf) if n < 0 else min(n, len(buf))
        addr = uctypes.addressof(buf)
        done = 0
        while done < size:
            done += _read_into(addr + done, size - done)
        return done

    def read(self, n=-1):
        if n == 0:
            return b""
        if n < 0:
            buf = bytearray(256)
            got = _read_into(uctypes.addressof(buf), len(buf))
            return bytes(buf[:got])
        buf = bytearray(n)
        self.readinto(buf)
        return bytes(buf)

    def readline(self):
        out = bytearray()
        one = bytearray(1)
        while True:
            self.readinto(one)
            out += one
            if one[0] == 10:
                return bytes(out)

    def fileno(self):
        return 0

    def close(self):
        pass


_raw_in = _RawIn()
_one = bytearray(1)


def _byte():
    _raw_in.readinto(_one)
    return _one[0]


def _text_byte():
    """A byte of text input: Enter ("\\r" or "\\r\\n") reads as "\\n"."""
    while True:
        b = _byte()
        if b == 10 and _state["cr"]:
            _state["cr"] = False
            continue
        _state["cr"] = b == 13
        return 10 if b == 13 else b


def _text_char():
    b = _text_byte()
    if b < 0x80:
        return chr(b)
    more = 1 if b < 0xE0 else 2 if b < 0xF0 else 3
    data = bytearray([b])
    for _ in range(more):
        data.append(_byte())
    try:
        return data.decode()
    except Exception:
        return "\ufffd"


class _TextIn:
    buffer = _raw_in

    def read(self, n=-1):
        out = []
        while n < 0 or len(out) < n:
            c = _text_char()
            if n < 0 and c == "\x04":
                break
            out.append(c)
        return "".join(out)

    def readline(self):
        out = []
        while True:
            c = _text_char()
            out.append(c)
            if c == "\n":
                return "".join(out)

    def readinto(self, buf):
        return _raw_in.readinto(buf)

    def __iter__(self):
        return self

    def __next__(self):
        return self.readline()

    def fileno(self):
        return 0

    def close(self):
        pass


class _RawOut(io.IOBase):  # IOBase: print(file=...) accepts it
    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        n = len(data)
        if n:
            _simhost.write(uctypes.addressof(data), n)
        return n

    def flush(self):
        pass

    def fileno(self):
        return 1

    def close(self):
        pass


class _TextOut(io.IOBase):
    def __init__(self, real):
        self._real = real
        self.buffer = _RawOut()

    def write(self, s):
        return self._real.write(s)

    def flush(self):
        pass

    def fileno(self):
        return self._real.fileno()

    def close(self):
        pass


class _Sys:
    """`import sys` gives this: the real sys, with board-like stdin/stdout."""

    def __getattr__(self, name):
        return getattr(_real_sys, name)


_Implementation = namedtuple("", ("name", "version", "_machine", "_mpy", "_build"))

_impl = sys.implementation
_sys = _Sys()
_sys.implementation = _Implementation(
    _impl.name, _impl.version, _UNAME[4], _impl._mpy, getattr(_impl, "_build", "")
)
_sys.stdin = _TextIn()
_sys.stdout = _TextOut(sys.stdout)
_sys.stderr = _TextOut(sys.stdout)  # one serial line; the port's own stderr refuses writes
sys.modules["sys"] = _sys


def _input(prompt=""):
    if prompt:
        _sys.stdout.write(str(prompt))
    line = bytearray()
    while True:
        b = _text_byte()
        if b == 10:
            _raw_out.write(b"\r\n")
            return line.decode()
        if b in (8, 127):
            if line:
                while line and (line[-1] & 0xC0) == 0x80:
                    line.pop()
                if line:
                    line.pop()
                _raw_out.write(b"\x08 \x08")
        elif b == 4 and not line:
            raise EOFError
        elif b >= 32 or b == 9:
            line.append(b)
            _raw_out.write(bytes((b,)))


_raw_out = _RawOut()
builtins.input = _input

# ---------------------------------------------------------------- machine (compiled on first use)


class _Module:
    """A module-like namespace for source compiled at run time."""


class _Lazy:
    """`import machine` / `import asyncio` are cheap: the module is compiled when a name is
    first looked up, then replaces this placeholder in sys.modules."""

    def __init__(self, names, source, module_class):
        self._names = names
        self._source = source
        self._class = module_class  # the name of a namespace class in the source, or None
        self._real = None  # `import x` before the first look-up keeps this object: load once

    def __getattr__(self, name):
        if self._real is None:
            self._real = self._load()
        return getattr(self._real, name)

    def _load(self):
        namespace = {"__name__": self._names[0]}
        if self._class:  # machine: the runtime's hooks
            namespace["_simhost"] = _simhost
            namespace["_timer_objects"] = _timer_objects
            namespace["_pin_irqs"] = _pin_irqs
            namespace["sleep_ms"] = sleep_ms
            namespace["time"] = time
        exec(compile(self._source, "<sim>", "exec"), namespace)
        if self._class:
            real = namespace[self._class]
        else:
            real = _Module()
            for key, value in namespace.items():
                setattr(real, key, value)
        for n in self._names:
            sys.modules[n] = real
        return real


sys.modules["machine"] = _Lazy(("machine",), _machine_source, "machine")
sys.modules["asyncio"] = sys.modules["uasyncio"] = _Lazy(
    ("asyncio", "uasyncio"), _asyncio_source, None
)

# ---------------------------------------------------------------- boot.py / main.py


BOOT_MS = 500  # reset -> boot.py on an ESP32 (ROM loader, 2nd stage, MicroPython start-up)
_boot_interrupt = [False]


def _boot_window():
    """After a power cycle or hard reset: the board is starting; a Ctrl-C now is pending and
    stops the first of boot.py/main.py before its first line (as a port's UART interrupt)."""
    micropython.kbd_intr(3)
    try:
        try:
            sleep_ms(BOOT_MS)
        except KeyboardInterrupt:
            _boot_interrupt[0] = True
    except KeyboardInterrupt:  # the next Ctrl-C of a burst, while the first was handled
        _boot_interrupt[0] = True
    finally:
        micropython.kbd_intr(-1)
        _flush_interrupt()


def _run_file(name):
    """Run boot.py or main.py like a board after reset; 1 when it asked for a reset."""
    try:
        os.stat(name)
    except OSError:
        return 0
    import __main__

    if _boot_interrupt[0]:
        _boot_interrupt[0] = False
        print("Traceback (most recent call last):")
        print('  File "' + name + '", line 1, in <module>')
        print("KeyboardInterrupt: ")
        return 0
    micropython.kbd_intr(3)
    try:
        execfile(name, __main__.__dict__)  # noqa: F821 - a MicroPython builtin
    except SystemExit:
        return 1
    except BaseException as e:
        if not _simhost.power_off():  # the power was cut: nothing is printed
            _real_sys.print_exception(e)
    finally:
        micropython.kbd_intr(-1)
        _flush_interrupt()
    return 0


_simhost.register(_idle_timers, _run_file, _boot_window)
