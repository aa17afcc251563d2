"""Command line entry: ``hotaru`` and ``python -m ide``.

``--version`` answers without importing Qt, so it works on a machine with no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ide import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hotaru", description="Hotaru MicroPython IDE")
    parser.add_argument("--version", action="version", version=f"Hotaru {__version__}")
    parser.add_argument("--port", help="serial port or 'simulator' to connect to at start")
    # (FILE arguments stay in the unknown list with Qt's options; ide.app opens them)
    parser.usage = "hotaru [-h] [--version] [--port PORT] [FILE ...]"
    args, qt_args = parser.parse_known_args(argv)

    # the port the last start used, and the board the Board view chose (the settings file is
    # read only when the simulator may be begun)
    saved_port, kind = _saved_choices() if args.port in (None, "simulator") else ("?", "pico")
    if args.port == "simulator" or (args.port is None and _simulator_likely(saved_port)):
        # Node.js and MicroPython start while Qt is imported and the window is built, and the
        # session is opened on the board (in another thread) as soon as it is up: the UI takes
        # both instead of starting them after its first paint. A plain `hotaru` begins it only
        # when no USB serial device is plugged in (the UI then picks the simulator: see
        # ide.ui.board.connection.choose_initial_port); if the UI picks otherwise after all (a
        # board plugged in meanwhile), it discards what was begun.
        from ide.simulator import early

        early.begin(kind, then=lambda: _open_simulator_session(kind))

    from ide.app import run  # Qt is imported only past this point

    return run([sys.argv[0], *qt_args], port=args.port)


def _simulator_likely(saved_port: str) -> bool:
    """True when a plain ``hotaru`` will connect to the simulator: no serial port with a USB
    vendor id is plugged in (every board and USB-serial bridge has one; built-in and Bluetooth
    ports have none) and the settings could be read (``saved_port``, from _saved_choices, is
    not "?"). A few milliseconds, before Qt; any doubt answers False and the UI starts the
    simulator itself after its first paint, as before."""
    if saved_port == "?":
        return False
    try:
        from serial.tools.list_ports import comports

        return all(p.vid is None for p in comports())
    except Exception:  # noqa: BLE001 - a failing scan: leave the choice to the UI
        return False


def _open_simulator_session(kind: str = "pico") -> object:
    """Background thread: ide.board's session on the early board (what the UI's controller
    opens for "simulator"; it takes this one with early.take_session())."""
    from ide.simulator.node_env import module_ready

    if not module_ready():
        # a first start installs MicroPython with npm: the UI does that, with npm's progress in
        # the console (here nobody would see it)
        raise RuntimeError("not installed yet")
    from ide.board import connect
    from ide.board.transports.simulator import SimulatorTransport

    session = connect("simulator", transport=SimulatorTransport(board=kind))
    # the console's terminal emulator, which the board's first bytes need: imported here, while
    # the window is still being built, rather than on the GUI thread after it
    import pyte  # noqa: F401

    return session


def _settings_file() -> Path:
    """Where Qt keeps Hotaru's settings (ide.ui.settings.preferences: QSettings, ini format,
    user scope), found without importing Qt."""
    folder = os.environ.get("HOTARU_CONFIG_DIR")
    if folder:
        return Path(folder) / "hotaru.ini"
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Hotaru" / "Hotaru.ini"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "Hotaru" / "Hotaru.ini"


def _saved_choices() -> tuple[str, str]:
    """The port the last start used ("" when none) and the simulated board chosen ("pico"
    or "esp32"), read before Qt is imported; ("?", "pico") when the file cannot be read, so
    nothing is begun on a guess."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(_settings_file(), encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return "?", "pico"
    port = parser.get("connection", "last_port", fallback="")
    kind = parser.get("simulator", "board", fallback="pico")
    return port, kind if kind in ("pico", "esp32") else "pico"


if __name__ == "__main__":
    sys.exit(main())
