"""Timers and pin IRQ handlers run while the program busy-loops without sleeps, pin calls or
clock reads, as on a board (the host injects the runtime's service into MicroPython's
scheduler queue: ide/simulator/host.js, injectService)."""

from __future__ import annotations

import re
import threading
import time

import pytest

from tests.helpers.simulator_helpers import (
    enter_raw,
    open_port,
    raw_exec,
    read_until,
)


@pytest.fixture
def port(sim):
    s = open_port(sim.port)
    try:
        enter_raw(s)
        yield s
    finally:
        s.close()


def run(port, code: str) -> str:
    out, err = raw_exec(port, code)
    assert err == b"", err.decode()
    return out.decode()


TIMER_BUSY_LOOP = """\
from machine import Timer, Pin
n = 0
def tick(t):
    global n; n += 1
Timer(0).init(period=10, mode=Timer.PERIODIC, callback=tick)
x = 0
while n < 20:
    x += 1
print("done", n)
"""


def done(out: str) -> int:
    """The count the example printed: 20, or one more when the next tick came between the
    loop's last test and the print (the VM runs scheduled handlers at every jump)."""
    match = re.fullmatch(r"done (\d+)\r\n", out)
    assert match, out
    return int(match[1])


def test_a_timer_runs_while_the_program_busy_loops(port):
    assert done(run(port, TIMER_BUSY_LOOP)) in (20, 21)


def test_a_periodic_timer_counts_over_a_busy_loop_of_fixed_iterations(port):
    out = run(
        port,
        "from machine import Timer\nimport time\nn = [0]\n"
        "def tick(t):\n    n[0] += 1\n"
        "t = Timer(0)\nt.init(period=10, mode=Timer.PERIODIC, callback=tick)\n"
        "start = time.ticks_ms()\n"
        "for i in range(1000000):\n    pass\n"
        "count = n[0]\n"  # before the clock read (which runs late handlers too)
        "elapsed = time.ticks_diff(time.ticks_ms(), start)\n"
        "t.deinit()\nprint(count, elapsed)\n",
    )
    count, elapsed = (int(v) for v in out.split())
    # it ticked during the loop, and never faster than its period (the board's own clock)
    assert 2 <= count <= elapsed // 10 + 1, (count, elapsed)


def test_a_pin_irq_runs_while_the_program_busy_loops(sim, port):
    port.write(
        b"from machine import Pin\nhits = []\n"
        b"Pin(5, Pin.IN, Pin.PULL_UP).irq(lambda p: hits.append(p.value()), Pin.IRQ_FALLING)\n"
        b"print('ready')\n"
        b"while not hits:\n    pass\n"
        b"print('irq', hits)\n\x04"
    )
    read_until(port, b"ready")
    sim.set_pin(5, 0)
    assert b"irq [0]\r\n\x04\x04>" in read_until(port, b"\x04>")


def test_stop_ends_a_busy_loop_while_a_timer_runs(port):
    # a handler that takes a while: a Ctrl-C often lands inside it, and (as on rp2/esp32) is
    # raised there: printed as the callback's uncaught exception, the program goes on; the
    # next Ctrl-C that lands between two calls stops the program
    port.write(
        b"from machine import Timer\nticks = [0]\n"
        b"def slow(t):\n"
        b"    ticks[0] += 1\n"
        b"    if ticks[0] == 3:\n        print('ticking')\n"
        b"    for i in range(3000):\n        pass\n"
        b"t = Timer(0)\nt.init(period=2, mode=Timer.PERIODIC, callback=slow)\n"
        b"while True:\n    pass\n\x04"
    )
    read_until(port, b"ticking")
    # at any of the handler's jumps (its `if`, its loop)
    in_handler = (
        rb'Traceback \(most recent call last\):\r\n  File "<stdin>", line \d+, in slow\r\n'
        rb"KeyboardInterrupt: \r\n"
    )
    for _ in range(200):  # bounded; each try is one Ctrl-C and its traceback
        port.write(b"\x03")
        data = read_until(port, b"KeyboardInterrupt: \r\n")
        tail = data[data.rindex(b"Traceback") :]
        if not re.fullmatch(in_handler, tail):
            break
    # stopped in the program's loop (the rest of its traceback may still be on its way)
    data = tail
    deadline = time.monotonic() + 10
    while not data.endswith(b"\x04>"):
        assert time.monotonic() < deadline, data
        data += port.read(max(1, port.in_waiting))
    assert re.search(
        rb'File "<stdin>", line 1[12], in <module>\r\nKeyboardInterrupt: \r\n\x04>$', data
    ), data
    assert run(port, "t.deinit()\nprint('alive')") == "alive\r\n"


# the never-ending handler inside a never-ending program (issue 14's review)
NEVER_ENDING = (
    "from machine import Timer\nticks = [0]\n"
    "def stuck(t):\n"
    "    ticks[0] += 1\n"
    "    print('in handler', ticks[0])\n"
    "    while True:\n        pass\n"
    "t = Timer(0)\nt.init(period=2, mode=Timer.PERIODIC, callback=stuck)\n"
    "while True:\n    pass\n"
)
# the interrupt lands in the handler's loop (line 6 or 7, where the VM's jump is)
STUCK_TRACEBACK = (
    rb'Traceback \(most recent call last\):\r\n  File "<stdin>", line [67], in stuck\r\n'
    rb"KeyboardInterrupt: \r\n"
)


def test_ctrl_c_raises_in_a_never_ending_handler_and_the_program_goes_on(port):
    # as on rp2/esp32: the KeyboardInterrupt is raised inside the handler, printed as the
    # callback's exception; the program goes on and the timer calls the handler again
    port.write(NEVER_ENDING.encode() + b"\x04")
    read_until(port, b"in handler 1\r\n")
    port.write(b"\x03")
    data = read_until(port, b"in handler 2\r\n")
    assert re.fullmatch(STUCK_TRACEBACK + rb"in handler 2\r\n", data), data
    port.write(b"\x03")
    data = read_until(port, b"in handler 3\r\n")
    assert re.fullmatch(STUCK_TRACEBACK + rb"in handler 3\r\n", data), data


def test_the_power_switch_stops_a_never_ending_handler_and_keeps_the_files(sim, port):
    assert run(port, "f = open('kept.txt', 'w')\nf.write('yes')\nf.close()") == ""
    port.write(NEVER_ENDING.encode() + b"\x04")
    read_until(port, b"in handler 1\r\n")
    sim.power_cycle()
    read_until(port, b">>> ")  # the board starts afresh: boot, the friendly REPL
    enter_raw(port)
    assert run(port, "print(open('kept.txt').read(), 'ticks' in globals())") == "yes False\r\n"


def test_the_power_switch_stops_a_scheduled_callback_that_never_ends(sim, port):
    # a callback the program scheduled itself that never ends: it runs with the scheduler
    # locked, where this build raises no KeyboardInterrupt (nor the power switch's): the
    # worker is replaced, as a power cut stops anything; the files stay
    assert run(port, "f = open('kept.txt', 'w')\nf.write('yes')\nf.close()") == ""
    port.write(
        b"import micropython\ndef stuck(_):\n    print('looping')\n"
        b"    while True:\n        pass\n"
        b"micropython.schedule(stuck, 0)\nwhile True:\n    pass\n\x04"
    )
    read_until(port, b"looping")
    sim.power_cycle()
    read_until(port, b">>> ")
    enter_raw(port)
    assert run(port, "print(open('kept.txt').read())") == "yes\r\n"
    # the fresh worker runs timers in busy loops, as the first one did
    assert done(run(port, TIMER_BUSY_LOOP)) in (20, 21)


CATCHES_EVERY_CTRL_C = (
    "import time\nprint('go')\nwhile True:\n    try:\n        time.sleep_ms(1)\n"
    "    except KeyboardInterrupt:\n        pass\n"
)


def test_the_power_switch_replaces_a_worker_that_never_stops_and_the_board_talks_again(
    sim, port
):
    # a program that catches every KeyboardInterrupt and sleeps: the power switch's interrupts
    # never end it, so the worker is replaced (the sleeping worker may be cut between taking
    # the host's "waiting for output" flag and saying so: the fresh board must still be heard);
    # again and again, each time its banner, its prompt, the files, the input pins' levels
    assert run(port, "f = open('kept.txt', 'w')\nf.write('yes')\nf.close()") == ""
    sim.set_pin(5, 1)  # a button held down across the power cycles
    for _ in range(8):  # (that cut came about once in ten or fifteen cycles before the fix)
        port.write(CATCHES_EVERY_CTRL_C.encode() + b"\x04")
        read_until(port, b"go\r\n")
        sim.power_cycle()
        assert b"MicroPython v" in read_until(port, b">>> ")
        enter_raw(port)
        out = run(port, "from machine import Pin\nprint(open('kept.txt').read(), Pin(5).value())")
        assert out == "yes 1\r\n"


def test_ctrl_c_in_a_handler_run_from_the_programs_own_calls_is_printed_and_it_goes_on(port):
    # a loop that reads the clock runs due handlers itself (board_runtime.py, _service): a
    # Ctrl-C landing in the handler is the handler's, printed, and the program goes on, as a
    # board's scheduler does with any callback's exception
    port.write(
        b"import time\nfrom machine import Timer\nticks = [0]\n"
        b"def stuck(t):\n    ticks[0] += 1\n    print('in handler', ticks[0])\n"
        b"    while True:\n        pass\n"
        b"t = Timer(0)\nt.init(period=2, mode=Timer.PERIODIC, callback=stuck)\n"
        b"while True:\n    time.ticks_ms()\n\x04"
    )
    read_until(port, b"in handler 1\r\n")
    port.write(b"\x03")
    data = read_until(port, b"in handler 2\r\n")
    in_handler = STUCK_TRACEBACK.replace(b"line [67]", b"line [78]")  # (one import more)
    assert re.fullmatch(in_handler + rb"in handler 2\r\n", data), data


@pytest.mark.parametrize(
    "loop",
    [
        "while True:\n    pass\n",  # the handler injected at a jump (run by the VM's scheduler)
        "while True:\n    time.ticks_ms()\n",  # run from the program's own clock read
    ],
    ids=["plain-loop", "clock-read-loop"],
)
@pytest.mark.parametrize("callback", ["timer", "scheduled"])
def test_machine_reset_inside_a_callback_resets_the_board_at_once(sim, port, loop, callback):
    # a board's machine.reset() resets wherever it is called; inside a callback the scheduler
    # would print the SystemExit that ends the program and go on: the board restarts as from
    # power-on instead (main.py runs, no traceback), its files kept
    assert run(port, "f = open('main.py', 'w')\nf.write(\"print('main ran')\")\nf.close()") == ""
    if callback == "timer":
        start = "Timer(0).init(period=5, mode=Timer.ONE_SHOT, callback=lambda t: machine.reset())\n"
    else:
        start = "micropython.schedule(lambda _: machine.reset(), 0)\n"
    port.write(
        f"import machine, micropython, time\nfrom machine import Timer\n{start}{loop}".encode()
        + b"\x04"
    )
    out = read_until(port, b">>> ")
    assert b"main ran" in out and b"Traceback" not in out, out
    enter_raw(port)
    assert run(port, "import os\nprint('main.py' in os.listdir())") == "True\r\n"


@pytest.mark.parametrize("gap", [0.0, 0.01, 0.02, 0.03, 0.05])
def test_the_power_switch_pressed_again_while_the_board_starts(sim, port, gap):
    # a second press while the fresh interpreter loads its runtime: the board starts again
    # (the power switch's interrupt waits for the runtime; it failed the board before)
    sim.power_cycle()
    time.sleep(gap)
    sim.power_cycle()
    read_until(port, b">>> ")
    time.sleep(0.3)  # (a second start may still be printing)
    port.reset_input_buffer()
    assert sim.alive
    enter_raw(port)
    assert run(port, "print(6 * 7)") == "42\r\n"


def test_the_ides_stop_ends_a_never_ending_handler_and_the_program(sim):
    # Stop: Ctrl-C, repeated (ide.board's runner); each lands in the handler, as on a board
    # whose timer keeps calling a handler that never ends, so it says the program ignores
    # Ctrl-C; the IDE then offers the reset, the simulator's power switch, which ends both
    from ide.board import connect
    from ide.board.errors import NotResponding

    session = connect(sim.port)
    out: list[bytes] = []
    outcome: list[object] = []

    def run_it() -> None:
        try:
            outcome.append(session.run(NEVER_ENDING, out.append))
        except NotResponding as e:
            outcome.append(e)

    runner = threading.Thread(target=run_it)
    runner.start()
    try:
        for _ in range(2000):  # until the handler runs (bounded)
            if b"in handler 1" in b"".join(out):
                break
            time.sleep(0.01)
        session.interrupt()
        runner.join(60)
        assert not runner.is_alive()
    finally:
        session.close()
    text = b"".join(out)
    assert re.search(STUCK_TRACEBACK, text), text  # the Ctrl-C reached the handler
    if isinstance(outcome[0], NotResponding):
        assert outcome[0].diagnosis == NotResponding.IGNORES_CTRL_C
        sim.power_cycle()  # the reset the IDE offers then (the simulator's power switch)
    # else one Ctrl-C landed between two handler calls and stopped the program itself
    session = connect(sim.port)
    try:
        result = session.run("for i in range(100000):\n    pass\nprint('ticks' in globals())")
        assert result.traceback is None
    finally:
        session.close()


def test_a_timer_callback_that_raises_is_printed_and_the_loop_goes_on(port):
    out = run(
        port,
        "from machine import Timer\nn = [0]\n"
        "def bad(t):\n    n[0] += 1\n    1 / 0\n"
        "t = Timer(0)\nt.init(period=10, mode=Timer.PERIODIC, callback=bad)\n"
        "while n[0] < 3:\n    pass\n"
        "t.deinit()\nprint('after', n[0])\n",
    )
    traceback = (
        'Traceback (most recent call last):\r\n  File "<stdin>", line 5, in bad\r\n'
        "ZeroDivisionError: divide by zero\r\n"
    )
    # as a board: each call's traceback, the timer and the program carry on (a call may come
    # between the loop's last test and deinit)
    calls = int(out.rsplit("after ", 1)[1])
    assert calls >= 3
    assert out == traceback * calls + f"after {calls}\r\n"


# the timer keeps running after the program ends (as on a board); it prints only much later
TICKING = (
    "from machine import Timer\nn = [0]\n"
    "def tick(t):\n    n[0] += 1\n    if n[0] == 100:\n        print('tick')\n"
    "Timer(0).init(period=5, mode=Timer.PERIODIC, callback=tick)\n"
    "while n[0] < 3:\n    pass\nprint('ticked')\n"
)


@pytest.mark.parametrize("how", ["ctrl-d", "machine.soft_reset", "machine.reset"])
def test_a_reset_cancels_the_timers_and_busy_loops_still_run_new_ones(port, how):
    assert run(port, TICKING) == "ticked\r\n"
    if how == "ctrl-d":
        port.write(b"\x04")  # in the raw REPL: a soft reset, which stays in the raw REPL
        read_until(port, b"MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>")
    else:
        module, name = how.split(".")
        port.write(f"import {module}\n{module}.{name}()\n\x04".encode())
        read_until(port, b"MPY: soft reboot")
        if how == "machine.reset":  # a hard reset boots to the friendly REPL
            read_until(port, b">>> ")
            enter_raw(port)
    # the old timer is gone: nothing ticks through a busy loop (nor later at the prompt)
    assert run(port, "for i in range(300000):\n    pass\nprint('quiet')\n") == "quiet\r\n"
    time.sleep(0.6)
    assert b"tick" not in port.read(port.in_waiting or 1)
    # the fresh interpreter's timers run in busy loops too (the host injects into its memory)
    assert run(port, TICKING) == "ticked\r\n"


def test_a_new_timer_after_stop_still_runs_in_a_busy_loop(port):
    port.write(b"while True:\n    pass\n\x04")
    read_until(port, b"OK")
    port.write(b"\x03")
    assert b"KeyboardInterrupt" in read_until(port, b"\x04>")
    assert done(run(port, TIMER_BUSY_LOOP)) in (20, 21)


def test_handlers_do_not_run_inside_themselves(port):
    # a handler that busy-loops longer than the period: the next call waits until it returns
    out = run(
        port,
        "from machine import Pin, Timer\ndepth = [0]\nmost = [0]\ncalls = [0]\n"
        "led = Pin(2, Pin.OUT)\n"
        "def slow(t):\n"
        "    depth[0] += 1\n    most[0] = max(most[0], depth[0])\n    calls[0] += 1\n"
        "    for i in range(200):\n        led.value(i & 1)\n"
        "    depth[0] -= 1\n"
        "t = Timer(0)\nt.init(period=1, mode=Timer.PERIODIC, callback=slow)\n"
        "while calls[0] < 5:\n    pass\n"
        "t.deinit()\nprint(most[0])\n",
    )
    assert out == "1\r\n"


def test_the_programs_own_scheduled_callbacks_are_kept_while_timers_run(port):
    # the host injects into the queue the program also fills: none of its entries is lost
    # or changed (each adds its argument), the timer still ticks
    out = run(
        port,
        "import micropython\nfrom machine import Timer\nticks = [0]\ngot = [0]\nqueued = [0]\n"
        "def tick(t):\n    ticks[0] += 1\n"
        "def add(a):\n    got[0] += a\n"
        "t = Timer(0)\nt.init(period=1, mode=Timer.PERIODIC, callback=tick)\n"
        "for i in range(100000):\n"
        "    try:\n        micropython.schedule(add, 1)\n        queued[0] += 1\n"
        "    except RuntimeError:\n        pass\n"  # the queue is full: not queued
        "for i in range(10):\n    pass\n"  # the last ones run
        "t.deinit()\nprint(queued[0] == got[0], ticks[0] > 0)\n",
    )
    assert out == "True True\r\n"


def test_the_ides_fresh_run_after_a_ticking_run_ticks_in_a_busy_loop_again(sim):
    from ide.board import connect

    session = connect(sim.port)
    try:
        for _ in range(2):  # each Run soft-resets first: a new interpreter, a new entry
            out: list[bytes] = []
            result = session.run(TICKING, out.append, fresh=True)
            assert result.traceback is None and b"".join(out) == b"ticked\r\n"
    finally:
        session.close()
