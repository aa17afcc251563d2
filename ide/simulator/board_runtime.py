# ruff: noqa: N801
"""Board-side runtime of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

board.js executes this file (compiled as "<sim>", so traceback lines pointing here are hidden
from the serial output) in a fresh interpreter after every reset. It makes the WebAssembly port
behave like a microcontroller board: a flash filesystem at "/" with real errno numbers and
sizes, serial-style stdin/stdout (input(), sys.stdin, binary sys.stdout.buffer), a time.sleep
that does not burn a core, os.uname, and a `machine` module whose pins the host can observe.

Host functions come from the JS module `_simhost` (see board.js, hostApi).
"""

import builtins  # noqa: F401 - board_stdio.py uses it in this namespace
import io  # noqa: F401 - board_stdio.py uses it in this namespace
import os
import sys
import time
from collections import namedtuple

import _simhost
import micropython
import uctypes  # noqa: F401 - board_stdio.py uses it in this namespace

_real_sys = sys
# sources compiled on first use; read now, before "/" becomes the flash
_machine_source = open("/sim/board_machine.py").read()
_asyncio_source = open("/sim/board_asyncio.py").read()
_kit_source = open("/sim/board_kit.py").read()
# an empty module object, imported while /sim is reachable (board.js writes the empty file):
# `sys` becomes a real module made from it
sys.path.insert(0, "/sim")
try:
    _blank_module = __import__("sys_module")
finally:
    sys.path.pop(0)
    sys.modules.pop("sys_module", None)

# ---------------------------------------------------------------- filesystem

_flash_namespace = {"__name__": "_sim_flash"}
exec(compile(open("/sim/board_flash.py").read(), "<sim>", "exec"), _flash_namespace)
# read now: once the flash is mounted at "/", /sim is out of reach (as a board's firmware is)
_stdio_code = compile(open("/sim/board_stdio.py").read(), "<sim>", "exec")


_ram = os.VfsPosix("/")  # emscripten's root, for RAM disks after the flash hides it
os.umount("/")
os.mount(_flash_namespace["Flash"]("/flash"), "/")
_flash_namespace["install_ram_disks"](os, _ram)
del _flash_namespace
os.chdir("/")

# ---------------------------------------------------------------- os.uname

_version = sys.version.split("MicroPython ")[-1]
_release = ".".join(str(n) for n in sys.implementation.version[:3])


# Unnamed (""): printed as "(sysname='webassembly', ...)", as a board prints its os.uname().
_UnameResult = namedtuple("", ("sysname", "nodename", "release", "version", "machine"))

# The board it pretends to be (VirtualBoard(board=...)): what sys.platform and os.uname() say;
# the machine names match the banner's (board.js, MACHINES).
_BOARD = _simhost.board()
_SYSNAME, _MACHINE = {
    "pico": ("rp2", "Raspberry Pi Pico with RP2040 (Hotaru virtual board)"),
    "esp32": ("esp32", "ESP32 DevKit with ESP32 (Hotaru virtual board)"),
}.get(_BOARD, ("webassembly", "Hotaru virtual board with WebAssembly"))
_UNAME = _UnameResult(_SYSNAME, _SYSNAME, _release, _version, _MACHINE)
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


def _run_due():
    changed = _simhost.pin_changes()
    if changed:
        _run_pin_irqs(changed)
    first = 1
    while True:
        tid = _simhost.timer_due(first)  # each due timer once (board.js explains)
        first = 0
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


_servicing = [False]


def _run_timers():
    """Run what a board would run from interrupts: pin handlers and due Timer callbacks. Not
    inside a handler (a board runs no handler inside another; a handler that toggles a pin
    would otherwise run itself again): those wait until it returns."""
    if _servicing[0]:
        return
    _servicing[0] = True
    try:
        _run_due()
    finally:
        _servicing[0] = False


# from inside a busy loop (a pin call or a clock read found them due)
_service = _run_timers


def _scheduled(_):
    """The scheduler entry the host injects into a busy loop without pin calls or clock reads
    (host.js, injectService), when a timer is due or a pin changed: it runs at the program's
    next jump, as a board's soft interrupt handlers do. Kept in this namespace, so its
    address (which the host writes into the queue) stays valid: MicroPython's GC never moves
    an object. A Ctrl-C meanwhile is raised in the program once this returns (the scheduler is
    locked while it runs), as on a board."""
    _run_timers()


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
        if _simhost.wait(left, _servicing[0]):
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


def _ticks_ms_serviced():
    if _simhost.due():
        _service()
    return _ticks_ms()


def _ticks_us_serviced():
    if _simhost.due():
        _service()
    return _ticks_us()


time.sleep = sleep
time.sleep_ms = sleep_ms
time.sleep_us = sleep_us
# a loop that waits by reading the clock (no sleep) still runs its timers and pin handlers
time.ticks_ms = _ticks_ms_serviced
time.ticks_us = _ticks_us_serviced

# ---------------------------------------------------------------- serial stdin / stdout
# board_stdio.py, in this namespace (it uses the timers and host calls above; what it defines,
# input(), the stdio objects and the sys module, is the runtime's from here on)
exec(_stdio_code, globals())
del _stdio_code

# ---------------------------------------------------------------- machine (compiled on first use)


class _ReadOnly:
    """A board's built-in modules refuse new attributes (their globals are a fixed table in
    flash): `machine.foo = 1` raises the AttributeError a board raises."""

    def __setattr__(self, name, value):
        raise AttributeError(f"'module' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError(f"'module' object has no attribute '{name}'")


class _Module(_ReadOnly):
    """A module-like namespace for source compiled at run time (filled with object.__setattr__,
    which passes by _ReadOnly's refusal)."""


class _Lazy(_ReadOnly):
    """`import machine` / `import asyncio` are cheap: the module is compiled when a name is
    first looked up, then replaces this placeholder in sys.modules."""

    def __init__(self, names, source, module_class):
        # object.__setattr__: this placeholder refuses attributes as the module it stands for
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_source", source)
        # the name of a namespace class in the source, or None
        object.__setattr__(self, "_class", module_class)
        # `import x` before the first look-up keeps this object: load once
        object.__setattr__(self, "_real", None)

    def __getattr__(self, name):
        if self._real is None:
            object.__setattr__(self, "_real", self._load())
        return getattr(self._real, name)

    def _load(self):
        namespace = {"__name__": self._names[0]}
        if self._class:  # machine: the runtime's hooks
            namespace["_simhost"] = _simhost
            namespace["_timer_objects"] = _timer_objects
            namespace["_pin_irqs"] = _pin_irqs
            namespace["sleep_ms"] = sleep_ms
            namespace["time"] = time
            namespace["_board"] = _BOARD
            namespace["_service"] = _service
        exec(compile(self._source, "<sim>", "exec"), namespace)
        if self._class:
            # an instance, not the namespace class itself: a class accepts new attributes
            # (no metaclass __setattr__ here); its static methods and classes read the same
            class Namespace(_ReadOnly, namespace[self._class]):
                pass

            real = Namespace()
        else:
            real = _Module()
            for key, value in namespace.items():
                object.__setattr__(real, key, value)
        for n in self._names:
            sys.modules[n] = real
        return real


# ---------------------------------------------------------------- micropython.schedule

_real_schedule = micropython.schedule


def _schedule(function, arg):
    """micropython.schedule as the program calls it: the host may be putting its entry into
    the same queue (host.js, injectService); the VM's writes to the queue are not atomic, so
    the host is held off meanwhile (board.js, sched_enter)."""
    _simhost.sched_enter()
    try:
        return _real_schedule(function, arg)
    finally:
        _simhost.sched_leave()


class _MicroPython(_ReadOnly):
    """`import micropython` gives this: the real module's names, with _schedule."""

    def __repr__(self):
        return "<module 'micropython'>"


for _name in dir(micropython):
    if not _name.startswith("__"):
        _value = _schedule if _name == "schedule" else getattr(micropython, _name)
        # staticmethod: a function stored on a class would otherwise get the instance as self
        if callable(_value) and not isinstance(_value, type):
            _value = staticmethod(_value)
        setattr(_MicroPython, _name, _value)
sys.modules["micropython"] = _MicroPython()

sys.modules["machine"] = _Lazy(("machine",), _machine_source, "machine")
# the kit lessons' modules each board's real port has (board_kit.py)
_KIT = {"pico": ("neopixel", "dht", "rp2"), "esp32": ("neopixel", "dht", "network", "esp32")}
for _name in _KIT.get(_BOARD, ("neopixel", "dht")) + ("socket",):
    sys.modules[_name] = _Lazy((_name,), _kit_source, _name)
sys.modules["usocket"] = sys.modules["socket"]
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
# Where the scheduler's queue lives (found once, see board.js probeSchedQueue), and the entry
# the host injects. Nothing may jump between schedule() and sched_ready(): a jump would run it.
if _simhost.sched_probe_start():
    micropython.schedule(_scheduled, None)
_simhost.sched_ready(id(_scheduled), id(None))
