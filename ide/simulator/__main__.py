"""python -m ide.simulator [--baud N] [--flash DIR]: serve a virtual board on a pty; the first
stdout line is its port."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from ide.simulator import SimulatorUnavailable, start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ide.simulator",
        description="Run Hotaru's virtual MicroPython board on a pseudo-terminal. "
        "Prints the device path, then serves until stopped (Ctrl-C or SIGTERM).",
    )
    parser.add_argument(
        "--baud",
        type=int,
        default=None,
        help="limit both directions to BAUD/10 bytes per second, like a UART",
    )
    parser.add_argument(
        "--flash",
        default=None,
        help="folder that keeps the board's files (default: $HOTARU_SIM_FLASH, else the "
        "per-user folder the IDE uses; ':memory:' keeps nothing)",
    )
    args = parser.parse_args(argv)
    try:
        board = start(baud=args.baud, pty=True, flash=args.flash)
    except SimulatorUnavailable as e:
        print(e.message, file=sys.stderr)
        return 2
    except OSError as e:  # no pseudo-terminals here (Windows): nothing to serve on
        print(f"cannot serve on a pseudo-terminal here: {e}", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda *_: stop.set())
    print(board.port, flush=True)
    try:
        while not stop.wait(0.5):
            if not board.alive:
                print("the virtual board stopped", file=sys.stderr)
                return 1
    finally:
        board.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
