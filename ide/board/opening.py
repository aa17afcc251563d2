"""Opening a port, and saying in plain words why it failed or why the board stays silent."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import serial

from ide.board.errors import Disconnected, NotResponding, PermissionDenied, PortBusy
from ide.board.ports import USB_SERIAL_BRIDGES, PortInfo, list_ports
from ide.os_errors import os_reason, with_os_details
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "BoardError"


def open_serial(port: str, baudrate: int = 115200) -> Any:
    """A pyserial object for a device path or a pyserial URL, opened without resetting an ESP
    board (ide.board.transports.serial); errors become BoardErrors."""
    from ide.board.transports.serial import open_without_reset

    info = port_info(port) if "://" not in port else None
    try:
        return open_without_reset(port, baudrate, vid=info.vid if info else None)
    except (serial.SerialException, OSError, ValueError) as e:
        raise open_error(port, e) from e


def open_error(port: str, exc: BaseException) -> Exception:
    """Turn an exception from opening ``port`` into the BoardError that explains it."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.EACCES or "Permission denied" in text or "PermissionError" in text:
        return PermissionDenied(permission_message(port), detail=text)
    if (
        code in (errno.EBUSY, errno.EAGAIN)
        or "exclusively lock" in text
        or "Resource busy" in text
        or "Access is denied" in text  # Windows: another program has it open
    ):
        return PortBusy(detail=text)
    if code == errno.ENOENT or "No such file" in text or "could not open port" in text.lower():
        return Disconnected(missing_port_message(port), detail=text)
    return Disconnected(
        with_os_details(  # i18n: the OS's English words on a line of their own
            message(
                CTX,
                QT_TRANSLATE_NOOP("BoardError", "Could not open {port}: {reason}"),
                port=port,
                reason=os_reason(exc),
            ),
            exc,
        ),
        detail=text,
    )


def permission_message(port: str) -> Message:
    """Linux: which group owns the device, whether the user is in it, what to do."""
    if not sys.platform.startswith("linux"):
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardError", "You are not allowed to open {port}. Ask your administrator."
            ),
            port=port,
        )
    import grp
    import pwd

    try:
        gid = os.stat(port).st_gid
        group = grp.getgrgid(gid).gr_name
    except (OSError, KeyError):
        return message(
            CTX,
            QT_TRANSLATE_NOOP("BoardError", "You are not allowed to open {port}."),
            port=port,
        )
    user = pwd.getpwuid(os.getuid()).pw_name
    try:
        members = grp.getgrnam(group).gr_mem
    except KeyError:
        members = []
    in_group_file = user in members or pwd.getpwnam(user).pw_gid == gid
    in_session = gid in os.getgroups()
    if in_group_file and not in_session:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardError",
                '{port} belongs to the group "{group}". You were added to it, but this login '
                "started before that: log out and back in (or restart), then try again.",
            ),
            port=port,
            group=group,
        )
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "BoardError",
            '{port} belongs to the group "{group}" and you ({user}) are not in it. Run '
            '"sudo usermod -aG {group} {user}" in a terminal, then log out and back in.',
        ),
        port=port,
        group=group,
        user=user,
    )


def brltty_installed() -> bool:
    return bool(
        shutil.which("brltty")
        or Path("/usr/bin/brltty").exists()
        or Path("/usr/lib/udev/rules.d/85-brltty.rules").exists()
        or Path("/lib/udev/rules.d/85-brltty.rules").exists()
    )


def bridges_without_port(sys_usb: Path = Path("/sys/bus/usb/devices")) -> list[tuple[int, int]]:
    """Linux: CH340/CP210x USB devices present but with no tty bound to them."""
    found: list[tuple[int, int]] = []
    if not sys_usb.is_dir():
        return found
    for dev in sys_usb.iterdir():
        try:
            vid = int((dev / "idVendor").read_text().strip(), 16)
            pid = int((dev / "idProduct").read_text().strip(), 16)
        except (OSError, ValueError):
            continue
        if (vid, pid) not in USB_SERIAL_BRIDGES:
            continue
        if not any(dev.glob("*/ttyUSB*")) and not any(dev.glob("*/tty/*")):
            found.append((vid, pid))
    return found


def brltty_hint() -> Message | None:
    """The Braille-display daemon steals CH340/CP210x ports on some Linux distributions."""
    if not sys.platform.startswith("linux") or not brltty_installed():
        return None
    if not bridges_without_port():
        return None
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "BoardError",
            "A USB-serial board is plugged in but has no port: the braille display service "
            '"brltty" took it. If you do not use a braille display, remove it with '
            '"sudo apt remove brltty" and plug the board in again.',
        ),
    )


def missing_port_message(port: str) -> Message:
    hint = brltty_hint()
    if hint is not None:
        return hint
    return message(
        CTX,
        QT_TRANSLATE_NOOP(
            "BoardError",
            "{port} does not exist (any more). Is the board plugged in? Try another USB cable: "
            "some cables only charge.",
        ),
        port=port,
    )


def port_info(port: str) -> PortInfo | None:
    """What the system knows about ``port`` (USB ids, serial number): one enumeration. None for
    ports it does not list (a pty, a URL) or when discovery fails."""
    try:
        for p in list_ports(include_all=True):
            if p.device == port:
                return p
    except Exception:  # noqa: BLE001 - discovery trouble must not break a connection
        return None
    return None


def find_by_serial_number(serial_number: str) -> str | None:
    for p in list_ports(include_all=True):
        if p.serial_number == serial_number:
            return p.device
    return None


NATIVE_USB_VIDS = {0x2E8A, 0x303A, 0xF055, 0x1209, 0x239A, 0x2886}


def has_flow_control(port: str, info: PortInfo | None) -> bool:
    """True when the link cannot overrun the board's input buffer: native USB CDC boards
    (Pico, ESP32-S2/S3 USB, pyboard...) and pseudo-terminals (the simulator). ``info`` is
    :func:`port_info` of ``port``."""
    if port.startswith("/dev/pts/"):
        return True
    if info is None:
        return False
    return info.vid in NATIVE_USB_VIDS and (info.vid, info.pid) != (0x303A, 0x1001)


def board_keeps_pace(platform: str, version: str, network: bool) -> bool:
    """Whether a board whose link paces itself (:func:`has_flow_control`, WebREPL's TCP)
    also keeps the pace inside: some firmware takes bytes off that link into its 256-byte
    stdin ring as fast as they come and drops what does not fit, so the link's flow control
    never reaches the host. ``platform``: sys.platform; ``version``: os.uname().release.

    - ESP8266: WebREPL's socket is drained into the ring (os.dupterm_notify) whatever its room;
      its serial port is always a bridge anyway.
    - ESP32-S2/S3 native USB before MicroPython 1.24: the TinyUSB receive callback puts every
      byte into the ring (ports/esp32/usb.c); 1.24 moved to the shared USB code that leaves
      bytes in the USB buffer while the ring is full. WebREPL on an ESP32 is read when stdin is
      (safe).
    - nRF52840 native USB (sys.platform "nrf") before 1.24: its own CDC driver, the same drop."""
    if platform == "esp8266":
        return False
    if platform in ("esp32", "nrf") and not network:
        digits = [int(p) if p.isdigit() else -1 for p in version.split("-")[0].split(".")[:2]]
        return len(digits) == 2 and tuple(digits) >= (1, 24)  # unknown: assume the old one
    return True


# Bytes only MicroPython (or Hotaru's helpers on it) sends: the upload helper's acknowledgement
# and start mark, the REPL's prompts and banners, a traceback.
MICROPYTHON_SIGNS = (b"\x06", b"RDY", b">>> ", b"raw REPL", b"MicroPython", b"Traceback (most")


def diagnose_silence(received: bytes, port: str) -> NotResponding:
    """Why the board did not reach the raw REPL, from what it sent meanwhile."""
    text = received.decode("utf-8", "replace")
    if (
        "waiting for download" in text
        or "DOWNLOAD_BOOT" in text
        or "boot:0x" in text
        and ("DOWNLOAD" in text)
    ):
        return NotResponding(
            message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardError",
                    'The board is in its bootloader ("waiting for download"), not running '
                    "MicroPython. Press its RESET (EN) button without holding BOOT, or install "
                    "MicroPython with Tools > Install MicroPython.",
                ),
            ),
            diagnosis=NotResponding.BOOTLOADER,
            detail=repr(received[-120:]),
        )
    if not received.strip(b"\x00\r\n "):
        return NotResponding(
            message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardError",
                    "{port} stays silent. It may be the wrong port, the board may not have "
                    "MicroPython yet, or a program on it has switched off Ctrl-C. Try another "
                    "port, press the board's reset button, or install MicroPython.",
                ),
                port=port,
            ),
            diagnosis=NotResponding.SILENT,
        )
    if any(m in received for m in MICROPYTHON_SIGNS):
        # MicroPython is there (an upload helper's acknowledgement, a prompt, a traceback):
        # never "different firmware", whose advice (install MicroPython) would erase the files.
        return NotResponding(
            message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardError",
                    "MicroPython is on the board but does not answer. Press the board's reset "
                    "button (or unplug it and plug it in again), then connect again.",
                ),
            ),
            diagnosis=NotResponding.IGNORES_CTRL_C,
            detail=repr(received[-120:]),
        )
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in received)
    if printable < len(received) * 0.7:
        return NotResponding(
            message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "BoardError",
                    "{port} sends bytes that are not MicroPython's: a wrong speed (baud rate) "
                    "or different firmware on the board.",
                ),
                port=port,
            ),
            diagnosis=NotResponding.GARBAGE,
            detail=repr(received[-120:]),
        )
    return NotResponding(
        message(
            CTX,
            QT_TRANSLATE_NOOP(
                "BoardError",
                "A program on the board keeps running and ignores Ctrl-C. Press the board's "
                "reset button (a hard reset) to stop it, then connect again.",
            ),
        ),
        diagnosis=NotResponding.IGNORES_CTRL_C,
        detail=repr(received[-120:]),
    )
