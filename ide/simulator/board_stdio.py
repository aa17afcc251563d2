# ruff: noqa: F821 - the names come from board_runtime.py's namespace, where this runs
"""The virtual board's serial stdin/stdout. Runs INSIDE MicroPython: board_runtime.py executes
it in its own namespace at this point of its start-up (so the names here are the runtime's),
the same way on every fresh interpreter: raw and text stdin/stdout as a board's, input(), and a
board's `sys` module with them.
"""

_state = {"cr": False}


def _read_into(addr, n):
    """Block until at least one byte arrived; returns how many (<= n) were stored at addr."""
    while True:
        got = _simhost.read(addr, n, -1)
        if got:
            return got
        _run_timers()  # woke for a timer (or an interrupt, raised at this loop's jump)


def _nbytes(obj):
    """Length in bytes of any buffer (an array('h') of 50 items is 100 bytes)."""
    if isinstance(obj, (bytes, bytearray)):
        return len(obj)
    view = memoryview(obj)
    if hasattr(view, "itemsize"):
        return len(view) * view.itemsize
    return len(bytes(obj))


class _RawIn(io.IOBase):  # IOBase + ioctl: select.poll() works on it (mpremote mount)
    def ioctl(self, request, arg):
        if request == 3:  # MP_STREAM_POLL: readable when input is there (waits <= 1 ms for it,
            # so a poll loop does not spin a core)
            return arg & 1 if _simhost.available(1) else 0
        return 0

    def readinto(self, buf, n=-1):
        size = _nbytes(buf) if n < 0 else min(n, _nbytes(buf))
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
    def write(self, data, n=None):
        if isinstance(data, str):
            data = data.encode()
        size = _nbytes(data)
        if n is not None:  # write(buf, n), as a board's stream allows
            size = min(n, size)
        if size:
            _simhost.write(uctypes.addressof(data), size)
        return size

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


def _file_io(cls):
    """A subclass named FileIO: type(sys.stdout) etc. print as on a board."""

    class FileIO(cls):
        pass

    return FileIO


_Implementation = namedtuple("", ("name", "version", "_machine", "_mpy", "_build"))


def _sys_module():
    """`import sys` gives a board's sys: the interpreter's own names, with board-like stdin and
    stdout, as a built-in module (refusing new attributes: `sys.stdout = x` raises there, as on
    a board; sys.path/ps1/ps2 are stored through, see _store_attr)."""
    names = {n: getattr(_real_sys, n) for n in dir(_real_sys) if not n.startswith("__")}
    impl = _real_sys.implementation
    names["implementation"] = _Implementation(
        impl.name, impl.version, _UNAME[4], impl._mpy, getattr(impl, "_build", "")
    )
    names["stdin"] = _file_io(_TextIn)()
    names["stdout"] = _file_io(_TextOut)(_real_sys.stdout)
    names["stderr"] = names["stdout"]  # one serial line; the port's own stderr refuses writes
    if _BOARD:
        names["platform"] = _SYSNAME  # "rp2" / "esp32": kit code branches on it
    return _builtin_module("sys", names)


_RawIn = _file_io(_RawIn)
_RawOut = _file_io(_RawOut)
_raw_in = _RawIn()
_TextIn.buffer = _raw_in
_sys = _sys_module()
sys.modules["sys"] = sys.modules["usys"] = _sys


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
