"""Command line entry: ``hotaru`` and ``python -m ide``.

``--version`` answers without importing Qt, so it works on a machine with no display.
"""

from __future__ import annotations

import argparse
import sys

from ide import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hotaru", description="Hotaru MicroPython IDE")
    parser.add_argument("--version", action="version", version=f"Hotaru {__version__}")
    parser.add_argument("--port", help="serial port or 'simulator' to connect to at start")
    # (FILE arguments stay in the unknown list with Qt's options; ide.app opens them)
    parser.usage = "hotaru [-h] [--version] [--port PORT] [FILE ...]"
    args, qt_args = parser.parse_known_args(argv)

    if args.port == "simulator":
        # Node.js and MicroPython start while Qt is imported and the window is built
        from ide.simulator import early

        early.begin()

    from ide.app import run  # Qt is imported only past this point

    return run([sys.argv[0], *qt_args], port=args.port)


if __name__ == "__main__":
    sys.exit(main())
