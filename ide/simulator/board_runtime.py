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
import random
import sys
import time
from collections import namedtuple

import _simhost
import micropython
import uctypes  # noqa: F401 - board_stdio.py uses it in this namespace

_real_sys = sys
# sources compiled on first use; read now, before "/" becomes the flash
# (machine: its peripherals first, then the pins, PWM, ADC, timers and the module's namespace)
_machine_source = "".join(
    open("/sim/" + name).read()
    for name in ("board_peripherals.py", "board_analog.py", "board_machine.py")
)
_asyncio_source = open("/sim/board_asyncio.py").read()
_kit_source = open("/sim/board_kit.py").read()

# ---------------------------------------------------------------- filesystem

_flash_namespace = {"__name__": "_sim_flash"}
exec(compile(open("/sim/board_flash.py").read(), "<sim>", "exec"), _flash_namespace)
# read now: once the flash is mounted at "/", /sim is out of reach (as a board's firmware is)
_stdio_code = compile(open("/sim/board_stdio.py").read(), "<sim>", "exec")
_modules_code = compile(open("/sim/board_modules.py").read(), "<sim>", "exec")


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


def _call_handler(handler, arg):
    """Call a Timer/IRQ handler as a board's scheduler does (protected: what it raises, even a
    KeyboardInterrupt, is printed and the program goes on). The scheduler is opened for its
    time (board.js sched_open: from the injected entry, a Ctrl-C then lands inside it)."""
    try:
        _simhost.sched_open()
        try:
            handler(arg)
        finally:
            # first thing, with no jump before it (a jump would raise a pending Ctrl-C here):
            # the VM's unlock after the entry expects the scheduler LOCKED again
            _simhost.sched_close()
    except (Exception, KeyboardInterrupt) as e:
        _real_sys.print_exception(e)


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
            _call_handler(entry[1], entry[0])


def _run_due():
    changed = _simhost.pin_changes()
    if changed and not _simhost.power_off():  # (the power is cut: no handler runs any more)
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
        _call_handler(t._callback, t)


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
    an object. The scheduler is opened for each handler's time (_call_handler), so a Ctrl-C
    meanwhile raises KeyboardInterrupt inside the handler, as on rp2/esp32: it is printed as
    the callback's uncaught exception and the program goes on."""
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

# ---------------------------------------------------------------- a board's built-in modules

# board_modules.py, in this namespace: the module type of time, os, sys, machine..., help()
# and __import__ as a board's (the names it defines and this file uses are marked F821 below)
exec(_modules_code, globals())
del _modules_code


# ---------------------------------------------------------------- serial stdin / stdout
# board_stdio.py, in this namespace (it uses the timers and host calls above; what it defines,
# input(), the stdio objects and the sys module, is the runtime's from here on)
exec(_stdio_code, globals())
del _stdio_code

# ---------------------------------------------------------------- machine, asyncio, kit modules
# Compiled on first use: `import machine` stays cheap (the runtime starts afresh after every
# reset, and each Run starts with one).

# module name -> (source, the name of its namespace class in it or None, the names it goes by)
_lazy_sources = {}


def _compile_module(name):
    source, class_name, aliases = _lazy_sources.pop(name)
    namespace = {"__name__": name}
    if class_name:  # machine and the kit's modules: the runtime's hooks
        namespace["_simhost"] = _simhost
        namespace["_timer_objects"] = _timer_objects
        namespace["_pin_irqs"] = _pin_irqs
        namespace["sleep_ms"] = sleep_ms
        namespace["time"] = time
        namespace["_board"] = _BOARD
        namespace["_service"] = _service
    exec(compile(source, "<sim>", "exec"), namespace)
    if class_name:
        cls = namespace[class_name]
        # its classes, constants and static methods (read through the class: plain functions);
        # not the class's own state (machine._freq): the class's code reaches that through
        # the class, and no board's module has such names
        namespace = {n: getattr(cls, n) for n in dir(cls) if not n.startswith("_")}
    return namespace, aliases


def _first_use(self, name):
    """A placeholder's first look-up: compile the module into it, and put a plain module in its
    place in sys.modules (there `from machine import nope` is a board's ImportError; on this
    placeholder, which an earlier `import machine` may hold, a miss is an AttributeError)."""
    if self.__name__ not in _lazy_sources:
        raise AttributeError(_NO_ATTRIBUTE + name + "'")  # noqa: F821
    names, aliases = _compile_module(self.__name__)
    for key in names:
        object.__setattr__(self, key, names[key])
    real = _builtin_module(self.__name__, names)  # noqa: F821
    for alias in aliases:
        sys.modules[alias] = real
    return getattr(self, name)  # a name the module lacks comes back here and raises


# prints, and is typed, as the module it stands for
_LazyModule = type("module", (module,), {"__getattr__": _first_use})  # noqa: F821


def _lazy(name, source, class_name, aliases=()):
    _lazy_sources[name] = (source, class_name, (name,) + aliases)
    placeholder = _builtin_module(name, {}, _LazyModule)  # noqa: F821
    for alias in (name,) + aliases:
        sys.modules[alias] = placeholder


_lazy("machine", _machine_source, "machine")


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


# `import micropython` gives a board-like module with the real module's names and _schedule
_mp_names = {n: getattr(micropython, n) for n in dir(micropython) if not n.startswith("__")}
_mp_names["schedule"] = _schedule
sys.modules["micropython"] = _builtin_module("micropython", _mp_names)  # noqa: F821
del _mp_names

# the kit lessons' modules each board's real port has (board_kit.py)
_KIT = {"pico": ("neopixel", "dht", "rp2"), "esp32": ("neopixel", "dht", "network", "esp32")}
for _name in _KIT.get(_BOARD, ("neopixel", "dht")):
    _lazy(_name, _kit_source, _name)
_lazy("socket", _kit_source, "socket", ("usocket",))
_lazy("asyncio", _asyncio_source, None, ("uasyncio",))

# ---------------------------------------------------------------- time, os, io... as a board's
# The port freezes micropython-lib's time, os, io, collections and binascii over its built-in
# ones: modules that accept new attributes, print as <module 'time' from 'time.py'> and carry
# names a board lacks (time.strftime, os.path, collections.defaultdict...). A board has the
# built-in ones: io, collections and binascii are those ("uio" imports the built-in io); time
# and os keep the built-in's names, taken from the runtime's own (its sleep, ticks, flash mount).

for _name in ("io", "collections", "binascii"):
    sys.modules[_name] = __import__("u" + _name)


def _urandom(n):
    return bytes(random.getrandbits(8) for _ in range(n))  # seeded by the host at start


def _sync():
    pass  # nothing is cached on the board's side: the flash's writes go straight to the host


_os_names = {n: getattr(os, n) for n in dir(__import__("uos")) if n[0] != "_"}
del _os_names["VfsPosix"]  # the runtime's door to emscripten's files: a board has none
_os_names.update(VfsFat=os.VfsFat, VfsLfs2=os.VfsLfs2, uname=os.uname)
# rp2 and esp32 have both (MICROPY_PY_OS_SYNC, MICROPY_PY_OS_URANDOM)
_os_names.update(sync=_sync, urandom=_urandom)
sys.modules["os"] = sys.modules["uos"] = _builtin_module("os", _os_names)  # noqa: F821
_time_names = [n for n in dir(__import__("utime")) if n[0] != "_"]
sys.modules["time"] = sys.modules["utime"] = _builtin_module(  # noqa: F821
    "time", {n: getattr(time, n) for n in _time_names}
)
del _os_names, _time_names

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
