"""The boards the editor knows: their stub wheels, their names, and how a connected board's
self-description (ide.board.BoardInfo) maps onto one of them. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass

#: The simulator is an RP2040 Pico; with nothing connected the editor assumes that board.
DEFAULT_BOARD = "rp2-pico"

#: One pinned version for every stub wheel (resources/stubs/requirements.txt pins these files).
STUBS_VERSION = "1.29.0"

STDLIB_WHEEL = "micropython_stdlib_stubs-1.29.0.post2-py3-none-any.whl"


@dataclass(frozen=True)
class Board:
    key: str  # "rp2-pico": what complete()/check() take
    title: str  # "Raspberry Pi Pico": a product name, the same in every language
    wheel: str  # the micropython-stubs wheel in resources/stubs/
    cpu: str  # the chip family, for "machine.TouchPad is not on RP2040"


@dataclass(frozen=True)
class Context:
    """What besides the text decides the answers: the board, the folder the user's modules
    are in (the file's folder, else the working folder), and modules known to be in the
    board's /lib (names from the Files pane's listing)."""

    board: str
    folder: str | None = None
    lib_modules: frozenset[str] = frozenset()


BOARDS: dict[str, Board] = {
    b.key: b
    for b in (
        Board(
            "rp2-pico",
            "Raspberry Pi Pico",
            "micropython_rp2_rpi_pico_stubs-1.29.0.post1-py2.py3-none-any.whl",
            "RP2040",
        ),
        Board(
            "rp2-pico-w",
            "Raspberry Pi Pico W",
            "micropython_rp2_rpi_pico_w_stubs-1.29.0.post1-py2.py3-none-any.whl",
            "RP2040",
        ),
        Board(
            "esp32",
            "ESP32",
            "micropython_esp32_stubs-1.29.0.post1-py2.py3-none-any.whl",
            "ESP32",
        ),
        Board(
            "esp8266",
            "ESP8266",
            "micropython_esp8266_stubs-1.29.0.post1-py2.py3-none-any.whl",
            "ESP8266",
        ),
    )
}


def board(key: str) -> Board:
    """The Board named ``key``; an unknown name falls back to the default board."""
    return BOARDS.get(key, BOARDS[DEFAULT_BOARD])


def board_key(machine: str = "", sysname: str = "", platform: str = "") -> str:
    """Map what a board says about itself (os.uname().machine, .sysname, sys.platform) to a
    key of BOARDS. "Raspberry Pi Pico W with RP2040" -> "rp2-pico-w"; "Generic ESP32 module
    with ESP32" -> "esp32"; a Pico 2 or an ESP32-S3 gets the closest board we carry stubs for."""
    text = machine.lower()
    port = (sysname or platform).lower()
    if "esp8266" in text or port == "esp8266":
        return "esp8266"
    if "esp32" in text or port == "esp32":
        return "esp32"
    if "pico" in text or port == "rp2":
        # "Pico W" and "Pico 2 W": the ones with the wireless chip (network, bluetooth)
        words = text.replace("with", " ").split()
        return "rp2-pico-w" if "w" in words else "rp2-pico"
    # the simulator ("Hotaru virtual board with WebAssembly") is a Pico; so is anything unknown
    return DEFAULT_BOARD


def board_key_from_info(info: object) -> str:
    """The board key for an ide.board.BoardInfo (duck-typed so this module needs no board)."""
    return board_key(
        str(getattr(info, "machine", "") or ""),
        str(getattr(info, "sysname", "") or ""),
        str(getattr(info, "platform", "") or ""),
    )
