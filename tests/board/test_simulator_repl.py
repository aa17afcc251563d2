"""The virtual board's REPL sends the bytes a board sends (MicroPython's readline.c / pyexec.c,
as the rp2 and esp32 ports run them)."""

from __future__ import annotations

import pytest

from tests.helpers.simulator_helpers import (
    RAM_BLOCK_DEVICE,
    TransportSerial,
    enter_raw,
    friendly_prompt,
    raw_exec,
    read_exact,
    read_until,
)


@pytest.fixture
def line(sim):
    s = TransportSerial(sim.connect())
    try:
        yield s
    finally:
        s.close()


def exchange(s, sent: bytes, until: bytes = b">>> ") -> bytes:
    s.write(sent)
    return read_until(s, until)


def test_backspace_back_to_an_empty_line_echoes_as_a_board(line):
    friendly_prompt(line)
    # readline: "a" echoed; Backspace = cursor back "\b" + erase to end "\x1b[K"; no new prompt
    assert exchange(line, b"a\x7f" + b"1\r") == b"a\x08\x1b[K1\r\n1\r\n>>> "
    # Backspace (either code) on an empty line prints nothing
    assert exchange(line, b"\x7f\x08" + b"2\r") == b"2\r\n2\r\n>>> "
    # back over a longer line: one "\b\x1b[K" per character
    assert exchange(line, b"ab\x7f\x7f" + b"3\r") == b"ab\x08\x1b[K\x08\x1b[K3\r\n3\r\n>>> "


def test_up_arrow_at_an_empty_prompt(line):
    friendly_prompt(line)
    # no history yet: nothing at all (not "[A")
    assert exchange(line, b"\x1b[A" + b"4\r") == b"4\r\n4\r\n>>> "
    # with history: the last line comes back, as typed; a second Up has nothing older
    assert exchange(line, b"\x1b[A\x1b[A" + b"\r") == b"4\r\n4\r\n>>> "
    # Down, Left, Right, Home on an empty line: nothing
    assert exchange(line, b"\x1b[B\x1b[D\x1b[C\x1b[1~" + b"5\r") == b"5\r\n5\r\n>>> "


def test_ctrl_c_inside_raw_paste_data_raises_keyboardinterrupt(line):
    enter_raw(line)
    line.write(b"\x05A\x01")
    # "R\x01", window 128 (little-endian), and "\x01": a second window is free
    assert read_exact(line, 5) == b"R\x01\x80\x00\x01"
    line.write(b"print('never')\x03")
    # the reader's end "\x04", the end of (no) output "\x04", the exception, "\x04", ">"
    assert read_until(line, b"\x04>") == b"\x04\x04KeyboardInterrupt: \r\n\x04>"
    # the raw REPL goes on normally, no "OK" left over
    assert raw_exec(line, "print(5)") == (b"5\r\n", b"")


def test_from_sys_import_a_missing_name_is_an_importerror(line):
    enter_raw(line)
    out, err = raw_exec(line, "from sys import nope")
    assert err.endswith(b"ImportError: can't import name nope\r\n"), err
    out, err = raw_exec(line, "from sys import stdout, path, exit\nimport sys\nprint(type(sys))")
    assert (out, err) == (b"<class 'module'>\r\n", b"")


def test_from_machine_import_a_missing_name_is_an_importerror_as_on_a_board(line):
    """machine (and the kit modules) are compiled on first use; a first use that is a
    from-import of a name the module lacks is a board's ImportError, not an AttributeError
    (py/runtime.c mp_import_from); the attribute itself stays an AttributeError."""
    enter_raw(line)
    out, err = raw_exec(line, "from machine import pin")
    assert err.endswith(b"ImportError: can't import name pin\r\n"), err
    out, err = raw_exec(line, "from neopixel import nope")
    assert err.endswith(b"ImportError: can't import name nope\r\n"), err
    out, err = raw_exec(line, "import machine\nmachine.pin")
    assert err.endswith(b"AttributeError: 'module' object has no attribute 'pin'\r\n"), err
    out, err = raw_exec(line, "from machine import Pin, PWM\nprint(Pin.OUT, type(PWM))")
    assert (out, err) == (b"1 <class 'type'>\r\n", b""), (out, err)


def test_stdio_types_are_a_boards(line):
    enter_raw(line)
    out, err = raw_exec(
        line,
        "import sys\nprint(type(sys.stdout), type(sys.stdin), type(sys.stdout.buffer), "
        "type(sys.stdin.buffer))",
    )
    assert out == b"<class 'FileIO'> <class 'FileIO'> <class 'FileIO'> <class 'FileIO'>\r\n", err


def test_a_ram_block_device_is_formatted_and_mounted(line):
    enter_raw(line)
    out, err = raw_exec(
        line,
        RAM_BLOCK_DEVICE + "bdev = RAMBlockDev(512, 50)\n"
        "try:\n os.mount(bdev, '/ramdisk')\nexcept OSError as e:\n print('unformatted', e.errno)\n"
        "os.VfsFat.mkfs(bdev)\nos.mount(bdev, '/ramdisk')\nos.chdir('/ramdisk')\n"
        "open('a.py', 'w').write('A = 1')\nimport a\n"
        "print(a.A, os.getcwd(), os.listdir(), 'ramdisk' in os.listdir('/'))\n"
        "print(os.statvfs('/ramdisk')[:3])\n"
        "for p in ('/ramdisk', '/'):\n"
        " try:\n  os.rmdir(p)\n except OSError as e:\n  print(p, e.errno)\n"
        "os.chdir('/')\nos.umount('/ramdisk')\n"
        "b2 = RAMBlockDev(1024, 20)\nos.VfsLfs2.mkfs(b2)\nos.mount(os.VfsLfs2(b2), '/r2')\n"
        "print(os.listdir('/r2'), os.statvfs('/r2')[:3], 'ramdisk' in os.listdir('/'))\n",
    )
    assert out == (
        b"unformatted 19\r\n1 /ramdisk ['a.py'] True\r\n(512, 512, 50)\r\n"
        b"/ramdisk 22\r\n/ 1\r\n[] (1024, 1024, 20) False\r\n"
    ), err


def test_builtin_modules_refuse_new_attributes(line):
    enter_raw(line)
    code = (
        "import machine, asyncio, uasyncio\n"
        "for m in (machine, asyncio, uasyncio):\n"
        "  for step in ('before', 'after'):\n"  # before and after the first look-up
        "    try:\n"
        "      m.foo = 1\n"
        "      print('accepted')\n"
        "    except AttributeError as e:\n"
        "      print(e)\n"
        "    hasattr(m, 'zz')\n"  # compiles a lazy module
        "print(machine.Pin, machine.freq(), asyncio.sleep_ms)\n"
    )
    out, err = raw_exec(line, code)
    assert err == b""
    lines = out.split(b"\r\n")
    # a board's message (MICROPY_ERROR_REPORTING_NORMAL, as rp2 and esp32)
    assert lines[:6] == [b"'module' object has no attribute 'foo'"] * 6
    assert lines[6].startswith(b"<class 'Pin'> 125000000 <")


NO_FOO = b"'module' object has no attribute 'foo'"


def test_time_os_sys_and_friends_refuse_new_attributes(line):
    # the port's frozen micropython-lib modules (time, os, io, collections, binascii) and the
    # runtime's sys took any attribute; a board's built-in modules raise, storing or deleting
    enter_raw(line)
    code = (
        "import time, os, sys, io, collections, binascii\n"
        "for m in (time, os, sys, io, collections, binascii):\n"
        "  for op in ('m.foo = 1', 'del m.foo', 'del m.' + dir(m)[-1]):\n"
        "    try:\n"
        "      exec(op)\n"
        "      print('accepted', m, op)\n"
        "    except AttributeError as e:\n"
        "      print(e)\n"
        "print(time, os, sys, type(time), type(sys), type(os))\n"
    )
    out, err = raw_exec(line, code)
    assert err == b""
    lines = out.split(b"\r\n")
    # the third error names the module's last name ('unhexlify', 'version_info'...)
    refused = lines[:18]
    assert [x for x in refused if not x.startswith(b"'module' object has no attribute '")] == []
    assert refused[0::3] == [NO_FOO] * 6 and refused[1::3] == [NO_FOO] * 6
    assert lines[18] == (
        b"<module 'time'> <module 'os'> <module 'sys'> "
        b"<class 'module'> <class 'module'> <class 'module'>"
    )


def test_the_u_names_are_the_same_modules_and_hold_only_a_boards_names(line):
    enter_raw(line)
    out, err = raw_exec(
        line,
        "import time, os, sys, utime, uos, usys\n"
        "print(utime is time, uos is os, usys is sys)\n"
        "missing = (time, 'strftime'), (os, 'path'), (os, 'VfsPosix'), (sys, 'tracebacklimit')\n"
        "for m, name in missing:\n"
        "  try:\n"
        "    getattr(m, name)\n"
        "    print('has', name)\n"
        "  except AttributeError as e:\n"
        "    print(e)\n"
        "print(len(os.urandom(5)), os.sync())\n",
    )
    assert out == (
        b"True True True\r\n"
        b"'module' object has no attribute 'strftime'\r\n"
        b"'module' object has no attribute 'path'\r\n"
        b"'module' object has no attribute 'VfsPosix'\r\n"
        b"'module' object has no attribute 'tracebacklimit'\r\n"
        b"5 None\r\n"
    ), err


def test_what_a_board_lets_a_program_change_in_sys(line):
    enter_raw(line)
    out, err = raw_exec(
        line,
        "import os, sys\n"
        "os.mkdir('d')\n"
        "open('d/mod_d.py', 'w').write('V = 7')\n"
        # sys.path and sys.ps1/ps2 can be set (the import path and the prompt follow them)
        "sys.path = ['/d']\n"
        "import mod_d\n"
        "print(mod_d.V, sys.path)\n"
        "sys.path.append('/lib')\n"
        "sys.modules['other'] = mod_d\n"
        "import other\n"
        "print(other.V, sys.path, 'other' in sys.modules)\n"
        "sys.ps2 = '::: '\n"
        "print(sys.ps2)\n"
        # the rest of sys cannot
        "for op in ('sys.stdout = None', 'sys.modules = {}', 'sys.argv = []'):\n"
        "  try:\n"
        "    exec(op)\n"
        "    print('accepted', op)\n"
        "  except AttributeError as e:\n"
        "    print(e)\n",
    )
    assert out == (
        b"7 ['/d']\r\n"
        b"7 ['/d', '/lib'] True\r\n"
        b"::: \r\n"
        b"'module' object has no attribute 'stdout'\r\n"
        b"'module' object has no attribute 'modules'\r\n"
        b"'module' object has no attribute 'argv'\r\n"
    ), err


def test_sys_ps1_sets_the_prompt(line):
    friendly_prompt(line)
    assert exchange(line, b"import sys\r") == b"import sys\r\n>>> "
    # (the echo holds the new prompt too: wait for it at the start of a line)
    typed = b"sys.ps1 = 'py> '\r"
    assert exchange(line, typed, b"\r\npy> ") == b"sys.ps1 = 'py> '\r\npy> "
    assert exchange(line, b"6*7\r", b"py> ") == b"6*7\r\n42\r\npy> "
    typed = b"sys.ps1 = '>>> '\r"
    assert exchange(line, typed, b"\r\n>>> ") == b"sys.ps1 = '>>> '\r\n>>> "


def test_tab_on_an_empty_line_completes_as_readline_does(line):
    friendly_prompt(line)
    # readline.c: an empty first line is completed (the 4-space indent is only after
    # whitespace); a fresh __main__ holds only "_" names, so nothing happens
    assert exchange(line, b"\t" + b"6\r") == b"6\r\n6\r\n>>> "
    assert exchange(line, b"x=1\r") == b"x=1\r\n>>> "
    assert exchange(line, b"y=2\r") == b"y=2\r\n>>> "
    # several names: listed in 16-column slots, then the prompt and the line again
    assert exchange(line, b"\t", b"\r\n>>> ") == b"\r\nx               y\r\n>>> "
    assert exchange(line, b"y\r") == b"y\r\n2\r\n>>> "


def test_non_ascii_typed_at_the_prompt_is_what_a_board_does(line):
    friendly_prompt(line)
    # readline.c keeps only bytes 32..126 at the prompt (MicroPython issue 2789): a board
    # drops UTF-8 there, echo included, and so does the virtual board
    typed = "print('日本語')\r".encode()
    assert exchange(line, typed) == b"print('')\r\n\r\n>>> "
    # paste mode (Ctrl-E) keeps every byte, as on a board: the way to send such a line
    pasted = "\x05print('日本語')\x04".encode()
    expected = "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== print('日本語')\r\n"
    assert exchange(line, pasted) == (expected + "日本語\r\n>>> ").encode()


def test_dir_of_a_builtin_module_lists_what_a_boards_does(line):
    # dir() probes every name (py/modbuiltins.c): the module objects' own __setattr__,
    # __delattr__ and __repr__ showed up in it, as no built-in module's do (gc is one here)
    enter_raw(line)
    out, err = raw_exec(
        line,
        "import gc, time, os, sys, micropython, machine\n"
        "machine.Pin\n"  # a lazy module, compiled
        "def dunders(m):\n"
        "  return [n for n in dir(m) if n.startswith('__')]\n"
        "print(dunders(gc))\n"
        "for m in (time, os, sys, micropython, machine):\n"
        "  print(dunders(m) == dunders(gc), 'sleep_ms' in dir(m), len(dir(m)) > 8)\n",
    )
    assert err == b"", err
    lines = out.split(b"\r\n")
    assert lines[0] == b"['__class__', '__name__', '__dict__']"
    assert lines[1:6] == [
        b"True True True",
        b"True False True",
        b"True False True",
        b"True False True",
        b"True False True",
    ], out


def test_help_of_a_builtin_module_lists_its_names_as_a_board(line):
    # py/builtinhelp.c: a module's help lists its names; the module objects showed their
    # class's methods (__setattr__ -- <function _store_attr at ...>) instead
    enter_raw(line)
    out, err = raw_exec(line, "import time\nhelp(time)\n")
    assert err == b"", err
    lines = out.split(b"\r\n")
    assert lines[0] == b"object <module 'time'> is of type module", out
    assert b"  __name__ -- time" in lines
    names = sorted(x.split(b" -- ")[0].strip() for x in lines[1:] if x)
    assert names == sorted([b"__name__"] + [
        n.encode() for n in (
            "gmtime localtime mktime sleep sleep_ms sleep_us ticks_add ticks_cpu ticks_diff "
            "ticks_ms ticks_us time time_ns"
        ).split()
    ]), out


def test_machine_shows_no_names_of_the_simulators_own(line):
    # the module's namespace class kept its CPU frequency in machine._freq: dir(), help() and
    # hasattr() showed a name no board's machine has
    enter_raw(line)
    out, err = raw_exec(
        line,
        "import machine\n"
        "print([n for n in dir(machine) if n[0] == '_' and n[:2] != '__'])\n"
        "print(hasattr(machine, '_freq'))\n"
        "machine.freq(200_000_000)\nprint(machine.freq())\n",
    )
    assert (out, err) == (b"[]\r\nFalse\r\n200000000\r\n", b"")
