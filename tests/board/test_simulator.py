"""The virtual board through plain pyserial: REPL modes, raw-paste, Ctrl-C, soft reset, input."""

from __future__ import annotations

import time

import pytest

from tests.helpers.simulator_helpers import (
    enter_raw,
    friendly_prompt,
    open_port,
    raw_exec,
    read_exact,
    read_until,
)


@pytest.fixture
def port(sim):
    s = open_port(sim.port)
    try:
        yield s
    finally:
        s.close()


def test_port_is_a_pts_device(sim):
    assert sim.port.startswith("/dev/pts/")
    assert sim.startup_seconds > 0


def test_friendly_repl_echoes_and_prompts(port):
    friendly_prompt(port)
    port.write(b"print(6*7)\r")
    data = read_until(port, b">>> ")
    assert data == b"print(6*7)\r\n42\r\n>>> "


def test_friendly_repl_line_endings_are_crlf(port):
    friendly_prompt(port)
    port.write(b"print('a\\nb')\r")
    data = read_until(port, b">>> ")
    assert b"a\r\nb\r\n>>> " in data


def test_raw_repl_exec_and_traceback(port):
    enter_raw(port)
    out, err = raw_exec(port, "print('hi')\nx = 1")
    assert (out, err) == (b"hi\r\n", b"")
    out, err = raw_exec(port, "print(x + 1)\n1/0")
    assert out == b"2\r\n"
    assert err == (
        b"Traceback (most recent call last):\r\n"
        b'  File "<stdin>", line 2, in <module>\r\n'
        b"ZeroDivisionError: divide by zero\r\n"
    )


def test_errno_numbers_are_a_boards(port):
    enter_raw(port)
    out, err = raw_exec(port, "open('nope.txt')")
    assert b"OSError: [Errno 2] ENOENT" in err
    out, err = raw_exec(
        port,
        "import os\nos.mkdir('d')\ntry:\n os.mkdir('d')\nexcept OSError as e:\n print(e.errno)",
    )
    assert out == b"17\r\n", err


def test_raw_paste_20kb_with_flow_control(port):
    enter_raw(port)
    lines = [f"v{i} = {i}  # {'x' * 40}" for i in range(400)]
    lines.append("print(sum(v for k, v in globals().items() if k.startswith('v')))")
    code = ("\n".join(lines) + "\n").encode()
    assert len(code) > 20_000
    port.write(b"\x05A\x01")
    head = read_exact(port, 4)
    assert head[:2] == b"R\x01"
    window = head[2:]
    window_size = window[0] | window[1] << 8
    assert window_size > 0
    allowed = window_size
    sent = 0
    grants = 0
    while sent < len(code):
        if allowed == 0:
            b = read_exact(port, 1)
            assert b == b"\x01", b
            grants += 1
            allowed = window_size
        n = min(allowed, len(code) - sent)
        port.write(code[sent : sent + n])
        sent += n
        allowed -= n
    port.write(b"\x04")
    tail = read_until(port, b"\x04>", 20)
    # the board acknowledged every window it consumed, and the end of data
    assert grants >= len(code) // window_size - 1
    assert tail.lstrip(b"\x01").startswith(b"\x04")
    assert str(sum(range(400))).encode() + b"\r\n\x04\x04>" in tail


def test_ctrl_c_stops_a_busy_loop(port):
    enter_raw(port)
    port.write(b"while True:\n    pass\x04")
    read_until(port, b"OK")
    time.sleep(0.3)
    port.write(b"\x03")
    data = read_until(port, b"\x04>", 5)
    assert b"KeyboardInterrupt" in data
    out, err = raw_exec(port, "print('alive')")
    assert out == b"alive\r\n"


def test_ctrl_c_stops_a_sleep_loop(port):
    friendly_prompt(port)
    port.write(b"import time\r")
    read_until(port, b">>> ")
    port.write(b"while True: time.sleep(0.05)\r\r")
    time.sleep(0.4)
    port.write(b"\x03")
    data = read_until(port, b">>> ", 5)
    assert b"KeyboardInterrupt" in data


def test_time_sleep_sleeps(port):
    enter_raw(port)
    out, err = raw_exec(
        port,
        "import time\nt = time.ticks_ms()\ntime.sleep(0.2)\n"
        "print(time.ticks_diff(time.ticks_ms(), t))",
    )
    assert err == b""
    assert 180 <= int(out) < 5000


def test_input_receives_a_typed_line(port):
    friendly_prompt(port)
    port.write(b"name = input('Name? ')\r")
    read_until(port, b"Name? ")
    port.write("Hotaru ほたる\r".encode())
    read_until(port, b">>> ")
    port.write(b"print(repr(name))\r")
    data = read_until(port, b">>> ")
    assert "'Hotaru ほたる'".encode() in data


def test_sys_stdin_reads_text_and_bytes(port):
    enter_raw(port)
    port.write(
        b"import sys, micropython\nline = sys.stdin.readline()\n"
        b"micropython.kbd_intr(-1)\nprint('binary')\nraw = sys.stdin.buffer.read(4)\n"
        b"micropython.kbd_intr(3)\nprint(repr(line), raw)\x04"
    )
    read_until(port, b"OK")
    port.write(b"abc\r")
    read_until(port, b"binary\r\n")  # Ctrl-C is data from now on (not after a guessed delay)
    port.write(b"\x00\x03\xff\r")
    data = read_until(port, b"\x04>")
    assert b"'abc\\n' b'\\x00\\x03\\xff\\r'\r\n\x04\x04>" in data, data


def test_ctrl_c_interrupts_a_stdin_read(port):
    enter_raw(port)
    port.write(b"import sys\nsys.stdin.buffer.read(10)\x04")
    read_until(port, b"OK")
    time.sleep(0.2)
    port.write(b"ab\x03")
    data = read_until(port, b"\x04>")
    assert b"KeyboardInterrupt" in data


def test_soft_reset_keeps_files_and_runs_main(port):
    enter_raw(port)
    out, err = raw_exec(
        port,
        "with open('main.py', 'w') as f:\n f.write('print(\"main ran\")\\n')\n"
        "with open('boot.py', 'w') as f:\n f.write('print(\"boot ran\")\\n')\n"
        "x = 5",
    )
    assert err == b""
    # raw REPL Ctrl-D: soft reboot, boot.py runs, main.py does not, still raw
    port.write(b"\x04")
    data = read_until(port, b"raw REPL; CTRL-B to exit\r\n>")
    assert b"MPY: soft reboot\r\n" in data
    assert b"boot ran" in data and b"main ran" not in data
    out, err = raw_exec(port, "import os\nprint(sorted(os.listdir()))\nprint('x' in globals())")
    assert out == b"['boot.py', 'main.py']\r\nFalse\r\n"
    # friendly REPL Ctrl-D: boot.py then main.py, then the banner
    port.write(b"\x02")
    read_until(port, b">>> ")
    port.write(b"\x04")
    data = read_until(port, b">>> ")
    assert data.index(b"MPY: soft reboot") < data.index(b"boot ran") < data.index(b"main ran")
    assert b"MicroPython v" in data


def test_machine_soft_reset_and_sys_exit_reboot(port):
    friendly_prompt(port)
    port.write(b"import machine; machine.soft_reset()\r")
    data = read_until(port, b">>> ")
    assert b"MPY: soft reboot" in data
    port.write(b"import sys; sys.exit()\r")
    data = read_until(port, b">>> ")
    assert b"MPY: soft reboot" in data


def test_blink_example_toggles_the_led(sim, port):
    from ide import paths

    code = (paths.resources_dir() / "examples" / "blink_pico.py").read_text()
    enter_raw(port)
    port.write(code.encode() + b"\x04")
    read_until(port, b"OK")
    events = sim.wait_pin_events("LED", 6, timeout=10)
    port.write(b"\x03")
    read_until(port, b"\x04>")
    assert len(events) >= 6
    values = [v for _, v in events]
    assert all(a != b for a, b in zip(values, values[1:], strict=False)), values
    gaps = [b[0] - a[0] for a, b in zip(events, events[1:], strict=False)]
    assert all(0.4 < g < 1.0 for g in gaps), gaps


def test_button_example_reads_the_host_driven_pin(sim, port):
    from ide import paths

    code = (paths.resources_dir() / "examples" / "button.py").read_text()
    enter_raw(port)
    port.write(code.encode() + b"\x04")
    read_until(port, b"released")
    sim.set_pin(14, 0)
    read_until(port, b"pressed\r\n")
    assert sim.wait_pin_events(2, 2)[-1][1] == 1
    sim.set_pin(14, 1)
    read_until(port, b"released")
    port.write(b"\x03")
    read_until(port, b"\x04>")
    assert sim.pins["2"] == 0


def test_pin_irq_and_timer_callbacks(sim, port):
    enter_raw(port)
    out, err = raw_exec(
        port,
        "from machine import Pin, Timer\n"
        "hits = []\n"
        "Pin(5, Pin.IN, Pin.PULL_UP).irq(lambda p: hits.append(p.value()), Pin.IRQ_FALLING)\n"
        "ticks = []\n"
        "t = Timer(period=50, mode=Timer.PERIODIC, callback=lambda t: ticks.append(1))\n",
    )
    assert err == b""
    # callbacks run while the REPL waits, as on a board
    time.sleep(0.5)
    sim.set_pin(5, 0)
    time.sleep(0.3)
    out, err = raw_exec(port, "t.deinit()\nprint(hits, len(ticks) >= 5)")
    assert out == b"[0] True\r\n", err


def test_ctrl_c_stops_an_endless_main_py_after_reset(port):
    friendly_prompt(port)
    port.write(b"open('main.py', 'w').write('while True:\\n    pass\\n')\r")
    read_until(port, b">>> ")
    port.write(b"\x04")
    read_until(port, b"MPY: soft reboot\r\n")
    time.sleep(0.3)
    port.write(b"\x03")
    data = read_until(port, b">>> ", 5)
    assert b'File "main.py", line 2, in <module>\r\nKeyboardInterrupt' in data
    assert b'Type "help()" for more information.' in data


def test_friendly_paste_mode(port):
    friendly_prompt(port)
    port.write(b"\x05")
    read_until(port, b"=== ")
    port.write(b"for i in range(2):\r    print(i * 10)\r\x04")
    data = read_until(port, b">>> ")
    assert data.endswith(b"0\r\n10\r\n>>> ")


def test_fade_example_reports_pwm_duty(sim, port):
    from ide import paths

    code = (paths.resources_dir() / "examples" / "fade_pwm.py").read_text()
    enter_raw(port)
    port.write(code.encode() + b"\x04")
    read_until(port, b"OK")

    def seen() -> list[float]:
        return [d for _, d in sim.pwm_events(2)]

    # one ramp up takes ~0.64 s of board time; a loaded machine may need far longer: wait for
    # it (a generous deadline, no fixed sleep), then check what the program did
    deadline = time.monotonic() + 15.0
    while not (len(seen()) > 20 and max(seen()) > 0.9) and time.monotonic() < deadline:
        time.sleep(0.05)
    port.write(b"\x03")
    read_until(port, b"\x04>")
    duties = seen()
    assert len(duties) > 20, f"only {len(duties)} PWM duties in 15 s"
    assert duties[:3] == [
        pytest.approx(0.0),
        pytest.approx(1024 / 65535),
        pytest.approx(2048 / 65535),
    ]
    assert max(duties) > 0.9


def test_every_banner_names_the_virtual_board(port):
    """Ctrl-B at the friendly prompt (sent by tools after a reconnect), in raw mode, and the
    soft-reset banner all say what the board is, as a real board's banner does."""
    friendly_prompt(port)
    port.write(b"\x02")
    friendly = read_until(port, b">>> ")
    enter_raw(port)
    port.write(b"\x02")
    from_raw = read_until(port, b">>> ")
    port.write(b"\x04")
    after_reset = read_until(port, b">>> ")
    for banner in (friendly, from_raw, after_reset):
        assert b"; Hotaru virtual board with WebAssembly\r\n" in banner, banner
        assert b"Emscripten" not in banner
