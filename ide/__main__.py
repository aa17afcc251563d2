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
        # Node.js and MicroPython start while Qt is imported and the window is built, and the
        # session is opened on the board (in another thread) as soon as it is up: the UI takes
        # both instead of starting them after its first paint
        from ide.simulator import early

        early.begin(then=_open_simulator_session)

    from ide.app import run  # Qt is imported only past this point

    return run([sys.argv[0], *qt_args], port=args.port)


def _open_simulator_session() -> object:
    """Background thread: ide.board's session on the early board (what the UI's controller
    opens for "simulator"; it takes this one with early.take_session())."""
    from ide.board import connect
    from ide.board.transports.simulator import SimulatorTransport

    session = connect("simulator", transport=SimulatorTransport(board="pico"))
    # the console's terminal emulator, which the board's first bytes need: imported here, while
    # the window is still being built, rather than on the GUI thread after it
    import pyte  # noqa: F401

    return session


if __name__ == "__main__":
    sys.exit(main())
