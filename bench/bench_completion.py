"""Completion latency: ide.core.completion.complete() on a 500-line MicroPython program, the
way the editor's assist thread calls it (the whole text each time, after a warm-up that loads
the board's stubs). The goal: a list within 100 ms on this machine.

    python bench/bench_completion.py [--runs 15] [--board rp2-pico] [--lines 500]

Prints, for each place completed, the median and the slowest run in milliseconds, then the
median over all places, and the same for check() (pyflakes + board checks).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ide.core import completion  # noqa: E402

HEADER = """import machine
import time
from machine import Pin, PWM, I2C
import rp2

led = Pin(25, Pin.OUT)
pwm = PWM(Pin(15))
"""

BLOCK = '''

def step_{n}(count, delay_ms=10):
    """Blink {n}: toggles the LED and moves the servo."""
    total = 0
    for i in range(count):
        led.toggle()
        pwm.duty_u16((i * {n}) % 65535)
        time.sleep_ms(delay_ms)
        total += i
    if total > {n}:
        print("step {n}", total)
    return total
'''


def program(lines: int) -> str:
    text, n = HEADER, 0
    while text.count("\n") < lines - 10:
        text += BLOCK.format(n=n)
        n += 1
    return text


PLACES = {
    "machine.": "machine.",
    "time.sl": "time.sl",
    "led. (an instance)": "led.",
    "Pi (a name)": "Pi",
    "step_1 (local function)": "step_1",
}


CPU: list[float] = []  # the CPU time of every run measured, for the summary


def measure(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Wall-clock milliseconds per run; the CPU time of the same runs goes to CPU (on a
    machine shared with other work, the wall clock includes waiting for a core)."""
    times = []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.thread_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        CPU.append((time.thread_time() - c0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--board", default="rp2-pico")
    parser.add_argument("--lines", type=int, default=500)
    args = parser.parse_args()
    base = program(args.lines)
    t0 = time.perf_counter()
    completion.warm_up(completion.Context(args.board))
    print(f"warm-up (stubs loaded, first answer): {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"program: {base.count(chr(10)) + 1} lines; board {args.board}; {args.runs} runs each")
    medians: list[float] = []
    cpu_medians: list[float] = []
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for label, typed in PLACES.items():
        source = base + "\n" + typed
        line = source.count("\n")
        found: list[str] = []

        def run(
            source: str = source, line: int = line, typed: str = typed, found: list[str] = found
        ) -> None:
            # detailed=0: what the editor's popup asks for (names only)
            found[:] = [
                c.name
                for c in completion.complete(source, line, len(typed), args.board, detailed=0)
            ]

        CPU.clear()
        times = measure(run, args.runs)
        medians.append(statistics.median(times))
        cpu_medians.append(statistics.median(CPU))
        print(
            f"  {label:26} median {statistics.median(times):6.1f} ms   slowest {max(times):6.1f}"
            f" ms   {len(found)} names, first: {', '.join(found[:3])}"
        )
    print(
        f"completion, median over places: {statistics.median(medians):.1f} ms (goal: 100 ms);"
        f" CPU time {statistics.median(cpu_medians):.1f} ms"
    )
    source = base + "\nmachine."
    line = source.count("\n")
    times = measure(lambda: completion.complete(source, line, 8, args.board), args.runs)
    print(
        f"machine. with signatures and docs for the first 10 (the headless default): median "
        f"{statistics.median(times):.1f} ms"
    )
    times = measure(lambda: completion.check(base, args.board), args.runs)
    print(f"check(): median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")


if __name__ == "__main__":
    main()
