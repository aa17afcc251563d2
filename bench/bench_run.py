"""What starting each Run from a clean board costs: `python bench/bench_run.py [--runs N]`.

Runs a small program N times on the virtual board with ide.board's ``run(fresh=True)`` (a soft
reset from the raw REPL first: what Run does by default) and N times with ``fresh=False`` (the
setting "Keep the board's state between runs"), alternating so both see the same machine load,
and prints the medians and their difference. Also over the pty at 115200 baud (``--baud``).
"""

from __future__ import annotations

import argparse
import statistics
import time

from ide import simulator
from ide.board import connect

PROGRAM = "from machine import Pin\nled = Pin('LED', Pin.OUT)\nled.toggle()\nprint('done')\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--baud", type=int, default=None, help="throttle the simulator's line")
    args = parser.parse_args()
    with simulator.start(baud=args.baud) as board:
        session = connect(board.port) if board.port else connect("simulator")
        try:
            session.run(PROGRAM, lambda _b: None, fresh=True)  # warm-up (compiles machine)
            times: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(args.runs):
                for fresh in (True, False):
                    start = time.perf_counter()
                    session.run(PROGRAM, lambda _b: None, fresh=fresh)
                    times[fresh].append(time.perf_counter() - start)
        finally:
            session.close()
    clean = statistics.median(times[True])
    kept = statistics.median(times[False])
    line = f"{args.baud} baud" if args.baud else "unthrottled"
    print(f"median of {args.runs} runs ({line}):")
    print(f"  clean board (soft reset first): {clean * 1000:7.1f} ms")
    print(f"  state kept                     : {kept * 1000:7.1f} ms")
    print(f"  the reset costs                : {(clean - kept) * 1000:7.1f} ms per Run")


if __name__ == "__main__":
    main()
