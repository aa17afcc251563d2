"""Serial port discovery: pyserial's list plus the boards and USB-serial bridges a beginner has.

``list_ports()`` returns :class:`PortInfo` with ``board``, a name a beginner recognises
("ESP32 board (CH340 USB-serial)", "Raspberry Pi Pico"), and ``likely`` (True for ports that are
probably a MicroPython board, False for Bluetooth/built-in serial ports). Sorted likely first.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from serial.tools import list_ports as _pyserial_ports

from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "PortNames"

# (vid, pid or None for "any") -> (beginner name, has DTR/RTS wired to EN/BOOT like ESP boards)
KNOWN: dict[tuple[int, int | None], tuple[str, bool]] = {
    (0x2E8A, 0x0005): (QT_TRANSLATE_NOOP("PortNames", "Raspberry Pi Pico (MicroPython)"), False),
    (0x2E8A, 0x000A): (
        QT_TRANSLATE_NOOP("PortNames", "Raspberry Pi Pico (C SDK USB serial)"),
        False,
    ),
    (0x2E8A, 0x0003): (QT_TRANSLATE_NOOP("PortNames", "Raspberry Pi Pico in BOOTSEL mode"), False),
    (0x2E8A, 0x000F): (
        QT_TRANSLATE_NOOP("PortNames", "Raspberry Pi Pico 2 in BOOTSEL mode"),
        False,
    ),
    (0x2E8A, None): (QT_TRANSLATE_NOOP("PortNames", "Raspberry Pi RP2040/RP2350 board"), False),
    (0x303A, 0x1001): (
        QT_TRANSLATE_NOOP("PortNames", "ESP32-S3/C3/C6 board (built-in USB)"),
        False,
    ),
    (0x303A, 0x4001): (
        QT_TRANSLATE_NOOP("PortNames", "ESP32-S2/S3 board (MicroPython USB)"),
        False,
    ),
    (0x303A, 0x0002): (QT_TRANSLATE_NOOP("PortNames", "ESP32-S2 board (built-in USB)"), False),
    (0x303A, None): (QT_TRANSLATE_NOOP("PortNames", "Espressif ESP32 board"), False),
    (0x1A86, 0x7523): (
        QT_TRANSLATE_NOOP("PortNames", "ESP32/ESP8266 board (CH340 USB-serial)"),
        True,
    ),
    (0x1A86, 0x7522): (
        QT_TRANSLATE_NOOP("PortNames", "ESP32/ESP8266 board (CH340 USB-serial)"),
        True,
    ),
    (0x1A86, 0x55D4): (QT_TRANSLATE_NOOP("PortNames", "ESP32 board (CH9102 USB-serial)"), True),
    (0x1A86, 0x55D3): (QT_TRANSLATE_NOOP("PortNames", "ESP32 board (CH343 USB-serial)"), True),
    (0x1A86, None): (QT_TRANSLATE_NOOP("PortNames", "Board with a WCH USB-serial chip"), True),
    (0x10C4, 0xEA60): (
        QT_TRANSLATE_NOOP("PortNames", "ESP32/ESP8266 board (CP210x USB-serial)"),
        True,
    ),
    (0x10C4, None): (
        QT_TRANSLATE_NOOP("PortNames", "Board with a Silicon Labs USB-serial chip"),
        True,
    ),
    (0x0403, 0x6010): (QT_TRANSLATE_NOOP("PortNames", "ESP32 board (FTDI dual USB-serial)"), True),
    (0x0403, None): (QT_TRANSLATE_NOOP("PortNames", "Board with an FTDI USB-serial chip"), True),
    (0x1209, 0xADDA): (QT_TRANSLATE_NOOP("PortNames", "MicroPython board"), False),
    (0xF055, 0x9800): (QT_TRANSLATE_NOOP("PortNames", "MicroPython pyboard"), False),
    (0xF055, None): (QT_TRANSLATE_NOOP("PortNames", "MicroPython board"), False),
    (0x239A, None): (QT_TRANSLATE_NOOP("PortNames", "Adafruit board"), False),
    (0x2886, None): (QT_TRANSLATE_NOOP("PortNames", "Seeed Studio board"), False),
    (0x1B4F, None): (QT_TRANSLATE_NOOP("PortNames", "SparkFun board"), False),
    (0x2341, None): (QT_TRANSLATE_NOOP("PortNames", "Arduino board"), False),
    (0x067B, 0x2303): (
        QT_TRANSLATE_NOOP("PortNames", "Board with a Prolific USB-serial chip"),
        True,
    ),
}

USB_SERIAL_BRIDGES = {(0x1A86, 0x7523), (0x1A86, 0x7522), (0x10C4, 0xEA60)}  # brltty grabs these


@dataclass(frozen=True)
class PortInfo:
    device: str  # what to pass to connect()
    description: str  # pyserial's description
    vid: int | None
    pid: int | None
    serial_number: str | None
    board: str  # beginner name; the description when unknown
    likely: bool  # probably a MicroPython board (known VID, or a USB serial device)
    reset_lines: bool = False  # DTR/RTS reset the chip (ESP boards with a bridge)

    def __str__(self) -> str:
        return f"{self.board} ({self.device})"

    @property
    def board_message(self) -> Message:
        """``board`` for the UI: translated when it is one of the table's names."""
        if lookup(self.vid, self.pid):
            return message(CTX, self.board)
        return message("BoardError", QT_TRANSLATE_NOOP("BoardError", "{text}"), text=self.board)


# Where no board is found: the install wizard's first page and the main window's port
# selector say the same words (the connection doctor can too). CH340/CP210x bridges work
# without a driver on Linux, not on Windows and macOS.
NEEDS_USB_DRIVERS = sys.platform in ("win32", "darwin")
NO_BOARD_FOUND = QT_TRANSLATE_NOOP(
    "PortNames",
    "No board was found. Plug the board in with a USB cable. If nothing appears, try another "
    "cable: many USB cables only charge and carry no data.",
)
USB_DRIVER_NEEDED = QT_TRANSLATE_NOOP(
    "PortNames",
    "Boards with a CH340 or CP210x USB chip need that chip's driver on Windows and macOS: "
    "install it from the maker's site, then plug the board in again.",
)


def usb_driver_hint(needs_driver: bool = NEEDS_USB_DRIVERS) -> Message | None:
    """The CH340/CP210x driver sentence on Windows and macOS, None elsewhere."""
    return message(CTX, USB_DRIVER_NEEDED) if needs_driver else None


def lookup(vid: int | None, pid: int | None) -> tuple[str, bool] | None:
    """(beginner name, reset lines wired) for a VID/PID, or None."""
    if vid is None:
        return None
    return KNOWN.get((vid, pid)) or KNOWN.get((vid, None))


def _is_noise(device: str, description: str) -> bool:
    d = (device + " " + description).lower()
    if "bluetooth" in d or "debug-console" in d or "wlan-debug" in d:
        return True
    return sys.platform.startswith("linux") and device.startswith("/dev/ttyS")


def list_ports(include_all: bool = False) -> list[PortInfo]:
    """Serial ports, the likely boards first. Built-in serial ports without a USB device
    (/dev/ttyS*, Bluetooth) are left out unless ``include_all``."""
    found: list[PortInfo] = []
    for p in _pyserial_ports.comports():
        known = lookup(p.vid, p.pid)
        noise = _is_noise(p.device, p.description or "")
        if noise and not include_all and p.vid is None:
            continue
        desc = p.description if p.description and p.description != "n/a" else p.device
        if known:
            board, lines = known
        else:
            board, lines = (p.product or desc), False
        found.append(
            PortInfo(
                device=p.device,
                description=desc,
                vid=p.vid,
                pid=p.pid,
                serial_number=p.serial_number,
                board=board,
                likely=bool(known) or (p.vid is not None and not noise),
                reset_lines=lines,
            )
        )
    found.sort(key=lambda i: (not i.likely, i.device))
    return found
