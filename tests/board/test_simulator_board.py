"""The virtual board behaves like a board: throttled line, dropped output, binary stdout, os."""

from __future__ import annotations

import re
import time

import pytest

from ide.simulator import SimulatorUnavailable, node_env, start
from tests.helpers.simulator_helpers import (
    enter_raw,
    friendly_prompt,
    open_port,
    raw_exec,
    read_until,
)


@pytest.fixture
def port(sim):
    s = open_port(sim.port)
    try:
        yield s
    finally:
        s.close()


def test_stdout_buffer_is_binary_clean(port):
    enter_raw(port)
    payload = bytes(b for b in range(256) if b != 4)  # 4 ends the raw REPL's output
    out, err = raw_exec(port, f"import sys\nsys.stdout.buffer.write({payload!r})")
    assert err == b""
    assert out == payload


def test_os_functions_of_a_board(port):
    enter_raw(port)
    out, err = raw_exec(
        port,
        "import os\nos.mkdir('d')\nopen('a.bin', 'wb').write(b'123')\n"
        "print(sorted(os.ilistdir()))\nprint(os.statvfs('/'))\n"
        "print(os.uname().sysname, os.uname().release, os.uname().machine)\n"
        "os.rename('a.bin', 'd/b.bin')\nprint(os.listdir('d'))\n"
        "try:\n os.rmdir('d')\nexcept OSError as e:\n print(e.errno)\n"
        "try:\n os.remove('gone')\nexcept OSError as e:\n print(e.errno)",
    )
    assert err == b""
    lines = out.decode().splitlines()
    assert lines[0] == "[('a.bin', 32768, 0, 3), ('d', 16384, 0, 0)]"
    bsize, _, blocks, free = (int(n) for n in re.findall(r"\d+", lines[1])[:4])
    assert bsize * blocks == 2 * 1024 * 1024 and 0 < free < blocks
    assert lines[2].startswith("webassembly 1.29.0 Hotaru virtual board")
    assert lines[3:] == ["['b.bin']", "39", "2"]  # ENOTEMPTY, ENOENT


def test_print_to_stderr_reaches_the_serial_line(port):
    enter_raw(port)
    out, err = raw_exec(
        port, "import sys\nprint('oops', file=sys.stderr)\nsys.stdout.write('a\\n')"
    )
    assert (out, err) == (b"oops\r\na\r\n", b"")


def test_crypto_helpers_exist(port):
    enter_raw(port)
    out, err = raw_exec(
        port, "import hashlib, binascii\nprint(binascii.hexlify(hashlib.sha256(b'abc').digest()))"
    )
    assert out == b"b'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'\r\n", err


def test_ctrl_c_sent_right_after_the_code_still_stops_it(port):
    enter_raw(port)
    port.write(b"while True:\n    pass\x04\x03")
    data = read_until(port, b"\x04>", 5)
    assert b"KeyboardInterrupt" in data
    out, _ = raw_exec(port, "print('alive')")
    assert out == b"alive\r\n"


def test_interrupted_sleep_shows_only_the_users_frames(port):
    friendly_prompt(port)
    port.write(b"import time\rtime.sleep(30)\r")
    read_until(port, b"time.sleep(30)\r\n")
    time.sleep(0.2)
    port.write(b"\x03")
    data = read_until(port, b">>> ", 5)
    assert data.startswith(b"Traceback (most recent call last):\r\n")
    assert b'  File "<stdin>", line 1, in <module>\r\nKeyboardInterrupt: \r\n' in data
    assert b"<sim>" not in data


def test_output_is_dropped_while_no_client_has_the_port(sim):
    s = open_port(sim.port)
    enter_raw(s)
    s.write(b"import time\ni = 0\nwhile True:\n print('tick', i)\n i += 1\n time.sleep(0.02)\x04")
    data = read_until(s, b"tick 3\r\n")
    s.close()
    time.sleep(0.6)  # about 30 ticks while nobody listens
    s = open_port(sim.port)
    try:
        data = read_until(s, b"\r\n", 5)
        data += read_until(s, b"\r\n", 5)
        first = int(re.findall(rb"tick (\d+)\r\n", data)[0])
        assert first > 15, data
        s.write(b"\x03")
        read_until(s, b"\x04>", 5)
    finally:
        s.close()


def test_baud_limits_both_directions():
    with start(baud=19200) as board:  # 1920 bytes per second
        s = open_port(board.port)
        try:
            enter_raw(s)
            t0 = time.monotonic()
            out, _ = raw_exec(s, "print('x' * 3000)")
            assert len(out) == 3002
            assert time.monotonic() - t0 > 3000 / 1920 * 0.8
            t0 = time.monotonic()
            out, _ = raw_exec(s, "#" + "y" * 2000 + "\nprint(1)")
            assert out == b"1\r\n"
            assert time.monotonic() - t0 > 2000 / 1920 * 0.8
        finally:
            s.close()


def test_missing_node_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("HOTARU_NODE", "/nonexistent/node")
    with pytest.raises(SimulatorUnavailable) as info:
        start()
    assert "Node.js" in str(info.value.message)
    assert info.value.message.context == "Simulator"


def test_missing_npm_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HOTARU_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("HOTARU_NPM", "/nonexistent/npm")
    with pytest.raises(SimulatorUnavailable) as info:
        node_env.micropython_module()
    assert "npm" in str(info.value.message)


def test_every_simulator_file_ships_in_the_wheel():
    import tomllib
    from fnmatch import fnmatch
    from pathlib import Path

    import ide.simulator

    root = Path(ide.simulator.__file__).parent
    config = tomllib.loads((root.parents[1] / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    for f in root.iterdir():
        if f.is_file() and f.suffix != ".py" and f.name != "__pycache__":
            assert any(fnmatch(f.name, p) for p in patterns), f"{f.name} would miss the wheel"
    assert {"host.js", "board.js", "package.json", "package-lock.json"} <= {
        f.name for f in root.iterdir()
    }


def test_machine_module_is_one_module(port):
    enter_raw(port)
    out, err = raw_exec(
        port, "import machine\np = machine.Pin(3, machine.Pin.OUT)\nprint(type(p) is machine.Pin)"
    )
    assert out == b"True\r\n", err


ASYNC_PROGRAM = """
import asyncio
from machine import Pin
ev = asyncio.Event()
log = []
async def blink(n):
    led = Pin("LED", Pin.OUT)
    for i in range(n):
        led.toggle()
        await asyncio.sleep_ms(20)
    ev.set()
    return n
async def waiter():
    await ev.wait()
    log.append('event')
async def slow():
    await asyncio.sleep(5)
async def main():
    t = asyncio.create_task(waiter())
    r = await asyncio.gather(blink(5), asyncio.sleep(0.05))
    await t
    try:
        await asyncio.wait_for(slow(), 0.1)
    except asyncio.TimeoutError:
        log.append('timeout')
    lock = asyncio.Lock()
    async with lock:
        log.append(lock.locked())
    return r
print(asyncio.run(main()), log)
"""


def test_asyncio_runs_like_on_a_board(sim, port):
    enter_raw(port)
    out, err = raw_exec(port, ASYNC_PROGRAM)
    assert out == b"[5, None] ['event', 'timeout', True]\r\n", err
    assert [v for _, v in sim.pin_events("LED")] == [1, 0, 1, 0, 1]
    # Ctrl-C stops an endless asyncio program
    port.write(b"import uasyncio\nasync def f():\n while True:\n  await uasyncio.sleep(0.1)\n")
    port.write(b"uasyncio.run(f())\x04")
    read_until(port, b"OK")
    time.sleep(0.3)
    port.write(b"\x03")
    assert b"KeyboardInterrupt" in read_until(port, b"\x04>", 5)


@pytest.mark.timeout(300)
def test_first_use_installs_the_pinned_package_once(monkeypatch, tmp_path):
    import json
    import threading

    monkeypatch.setenv("HOTARU_CACHE_DIR", str(tmp_path))
    found: list[object] = []

    def install() -> None:
        try:
            found.append(node_env.micropython_module())
        except Exception as e:  # reported below
            found.append(e)

    threads = [threading.Thread(target=install) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(280)
    assert len(found) == 2 and found[0] == found[1], found
    module = found[0]
    assert module.is_file() and str(module).startswith(str(tmp_path))
    package = json.loads((module.parent / "package.json").read_text())
    assert package["version"] == "1.29.0-6"


def test_machine_peripherals_are_harmless(port):
    enter_raw(port)
    out, err = raw_exec(
        port,
        "import machine\n"
        "from machine import ADC, I2C, PWM, RTC, SPI, UART, WDT, Pin, SoftI2C\n"
        "print(ADC(4).read_u16() > 0, ADC(Pin(26)).read_u16())\n"
        "p = PWM(Pin(15), freq=1000, duty_u16=1000)\n"
        "p.duty_u16(30000)\nprint(p.freq(), p.duty_u16())\n"
        "print(I2C(0).scan(), SoftI2C(scl=Pin(1), sda=Pin(0)).scan())\n"
        "try:\n I2C(0).readfrom(0x3C, 1)\nexcept OSError as e:\n print('i2c', e.errno)\n"
        "print(SPI(0).read(2), UART(1, 9600).write(b'hi'), UART(1).any())\n"
        "print(len(RTC().datetime()))\nWDT(timeout=1000).feed()\n"
        "print(machine.unique_id(), machine.freq() > 0, machine.reset_cause())",
    )
    assert err == b""
    assert out.decode().splitlines() == [
        "True 32776",  # mid-scale, converted to 12 bits as on a Pico
        "1000 30000",
        "[] []",
        "i2c 5",
        "b'\\x00\\x00' 2 0",
        "8",
        "b'HOTARU\\x00\\x01' True 1",
    ]


def test_machine_reset_returns_to_the_friendly_repl(port):
    enter_raw(port)
    port.write(b"import machine\nmachine.reset()\x04")
    data = read_until(port, b">>> ", 5)
    assert b"MPY: soft reboot" in data and b"MicroPython v" in data


def test_sys_implementation_names_the_virtual_board(port):
    enter_raw(port)
    out, err = raw_exec(
        port, "import sys\nprint(sys.implementation.name, sys.implementation._machine)"
    )
    assert out == b"micropython Hotaru virtual board with WebAssembly\r\n", err
