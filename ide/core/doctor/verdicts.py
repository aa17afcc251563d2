"""What the connection doctor can conclude: one plain sentence and the one thing to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Doctor"


class Kind(StrEnum):
    NO_DEVICE = "no-device"  # nothing new on USB when the board was plugged in
    NO_DRIVER = "no-driver"  # a USB device, no serial port: the chip's driver is missing
    PERMISSION = "permission"  # the port exists but this user may not open it
    BRLTTY = "brltty"  # Linux: the port appears and vanishes (the braille service takes it)
    PORT_FLAPS = "port-flaps"  # the port appears and vanishes (not brltty): cable or power
    HELD = "held"  # another program has the port open
    BOOTLOADER = "bootloader"  # the ESP ROM loader answers ("waiting for download")
    BOOTSEL = "bootsel"  # a Pico's UF2 drive appeared instead of a port
    NOT_MICROPYTHON = "not-micropython"  # something answers, not MicroPython
    BUSY = "busy"  # MicroPython is there but a program keeps it busy
    SILENT = "silent"  # the port opens but nothing answers
    OK = "ok"  # MicroPython answers at its prompt


class Action(StrEnum):
    """The one button the verdict page offers."""

    RETRY = "retry"  # watch again (after changing the cable, the port, the group...)
    INSTALLER = "installer"  # Tools > Install MicroPython
    RESCUE = "rescue"  # Tools > Rescue board
    CONNECT = "connect"  # it works: connect to it
    COPY_COMMAND = "copy-command"  # a command to paste in a terminal (Verdict.command)


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    sentence: Message  # what is wrong, in plain words
    todo: Message  # the one thing to do
    action: Action
    command: str | None = None  # a terminal command to copy (Linux group, brltty)
    port: str | None = None  # the port this is about, when there is one
    detail: str = ""  # for the curious: what was seen (not translated)


# A chip from its USB ids: the driver a Windows/macOS user must install.
BRIDGE_CHIPS: dict[tuple[int, int], str] = {
    (0x1A86, 0x7523): "CH340",
    (0x1A86, 0x7522): "CH340",
    (0x1A86, 0x5523): "CH341",
    (0x1A86, 0x55D4): "CH9102",
    (0x1A86, 0x55D3): "CH343",
    (0x10C4, 0xEA60): "CP210x",
    (0x10C4, 0xEA70): "CP2105",
    (0x0403, 0x6001): "FTDI FT232",
    (0x0403, 0x6010): "FTDI FT2232",
    (0x067B, 0x2303): "Prolific PL2303",
}


def chip_name(vid: int, pid: int) -> str | None:
    """The USB-serial chip of a VID/PID ("CH340", "CP210x"), None when it is not a bridge."""
    if (vid, pid) in BRIDGE_CHIPS:
        return BRIDGE_CHIPS[(vid, pid)]
    return {0x1A86: "CH340/CH9102", 0x10C4: "CP210x", 0x0403: "FTDI"}.get(vid)


def _m(source: str, **args: object) -> Message:
    return message(CTX, source, **args)


def no_device(platform: str) -> Verdict:
    if platform.startswith("linux"):
        sentence = _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Nothing new appeared on USB when the board was plugged in: the cable most "
                "likely only charges, or the USB port is not working.",
            )
        )
    else:  # the USB device list is read on Linux only: a missing driver looks the same here
        sentence = _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "No serial port appeared when the board was plugged in: the cable may only "
                "charge, or the driver of the board's USB chip (CH340, CH9102, CP210x) is "
                "missing.",
            )
        )
    return Verdict(
        Kind.NO_DEVICE,
        sentence,
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Try another cable (many cables only charge) or another USB port, then watch "
                "again.",
            )
        ),
        Action.RETRY,
    )


def port_missing(port: str) -> Verdict:
    """The port the user asked about (the one last used) is not on this computer at all."""
    return Verdict(
        Kind.NO_DEVICE,
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "{port} is not on this computer now: the board is unplugged, or it came back "
                "under another name.",
            ),
            port=port,
        ),
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Plug the board in with a USB data cable, then press Watch again: Hotaru shows "
                "the port it gets.",
            )
        ),
        Action.RETRY,
        port=port,
    )


def no_driver(vid: int, pid: int, platform: str) -> Verdict:
    chip = chip_name(vid, pid) or f"{vid:04X}:{pid:04X}"
    if platform.startswith("linux"):
        todo = _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Linux has the {chip} driver built in: update the system, or ask your "
                "administrator why the module is missing.",
            ),
            chip=chip,
        )
    else:
        todo = _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Install the {chip} USB driver from the chip maker's website, then unplug "
                "the board and plug it in again.",
            ),
            chip=chip,
        )
    return Verdict(
        Kind.NO_DRIVER,
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "The board was seen on USB (its USB-serial chip is a {chip}), but no serial "
                "port appeared: the driver for that chip is missing.",
            ),
            chip=chip,
        ),
        todo,
        Action.RETRY,
        detail=f"USB {vid:04X}:{pid:04X}",
    )


def permission(port: str, group: str | None, user: str, in_group_file: bool) -> Verdict:
    if group is None:
        return Verdict(
            Kind.PERMISSION,
            _m(QT_TRANSLATE_NOOP("Doctor", "You are not allowed to open {port}."), port=port),
            _m(QT_TRANSLATE_NOOP("Doctor", "Ask your administrator for access to it.")),
            Action.RETRY,
            port=port,
        )
    if in_group_file:
        return Verdict(
            Kind.PERMISSION,
            _m(
                QT_TRANSLATE_NOOP(
                    "Doctor",
                    '{port} belongs to the group "{group}". You were added to it, but this '
                    "login started before that.",
                ),
                port=port,
                group=group,
            ),
            _m(QT_TRANSLATE_NOOP("Doctor", "Log out and in again (or restart the computer).")),
            Action.RETRY,
            port=port,
        )
    command = f"sudo usermod -aG {group} {user}"
    return Verdict(
        Kind.PERMISSION,
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                '{port} belongs to the group "{group}" and you ({user}) are not in it.',
            ),
            port=port,
            group=group,
            user=user,
        ),
        _m(
            QT_TRANSLATE_NOOP(
                "Doctor", "Run this command in a terminal, then log out and in again:"
            )
        ),
        Action.COPY_COMMAND,
        command=command,
        port=port,
    )


# The verdicts that are one fixed sentence (with the port or drive in it), one fixed thing to
# do and one button: Kind -> (sentence, todo, action, the command to copy or None).
_PLAIN: dict[Kind, tuple[str, str, Action, str | None]] = {
    Kind.BRLTTY: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            'The port appeared and vanished at once: the braille display service "brltty" '
            "takes USB-serial boards on this system.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "If you do not use a braille display, remove it with this command, then plug "
            "the board in again:",
        ),
        Action.COPY_COMMAND,
        "sudo apt remove brltty",
    ),
    Kind.PORT_FLAPS: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            "{port} appeared and vanished again: the board keeps restarting or the cable is loose.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor", "Try another cable and plug the board straight into the computer."
        ),
        Action.RETRY,
        None,
    ),
    Kind.BOOTLOADER: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            'The chip\'s bootloader answers on {port} ("waiting for download"), not '
            "MicroPython: BOOT was held down, or GPIO0 is connected to GND.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Release BOOT (disconnect GPIO0) and press EN/RESET once. If it still does "
            "not start, install MicroPython.",
        ),
        Action.INSTALLER,
        None,
    ),
    Kind.BOOTSEL: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            "A Raspberry Pi Pico appeared as a USB drive ({drive}), not as a serial port: "
            "it is in BOOTSEL mode, ready to receive MicroPython.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Install MicroPython on it. (If it already has MicroPython, unplug it and plug "
            "it in again without holding BOOTSEL.)",
        ),
        Action.INSTALLER,
        None,
    ),
    Kind.NOT_MICROPYTHON: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Something answers on {port}, but it is not MicroPython: the board has other "
            "firmware (Arduino, CircuitPython...) or talks at another speed.",
        ),
        QT_TRANSLATE_NOOP("Doctor", "Install MicroPython on the board."),
        Action.INSTALLER,
        None,
    ),
    Kind.BUSY: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            "MicroPython is on {port}, but a program keeps it busy and does not stop for Ctrl-C.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Rescue the board: Hotaru stops the program and disables main.py without "
            "deleting any file.",
        ),
        Action.RESCUE,
        None,
    ),
    Kind.SILENT: (
        QT_TRANSLATE_NOOP(
            "Doctor",
            "{port} opens but nothing answers: a program may have switched Ctrl-C off, or "
            "the board has no MicroPython yet.",
        ),
        QT_TRANSLATE_NOOP(
            "Doctor",
            "Rescue the board (it restarts it and catches it early); if that fails, install "
            "MicroPython.",
        ),
        Action.RESCUE,
        None,
    ),
    Kind.OK: (
        QT_TRANSLATE_NOOP("Doctor", "MicroPython answers on {port}: the board is fine."),
        QT_TRANSLATE_NOOP("Doctor", "Connect to it."),
        Action.CONNECT,
        None,
    ),
}


def _plain(kind: Kind, port: str | None = None, detail: str = "", **args: str) -> Verdict:
    """A verdict of the _PLAIN table; ``port`` (when given) fills {port} and is the port it is
    about, ``args`` fill the sentence's other placeholders."""
    sentence, todo, action, command = _PLAIN[kind]
    if port is not None:
        args["port"] = port
    return Verdict(
        kind, _m(sentence, **args), _m(todo), action, command=command, port=port, detail=detail
    )


def brltty() -> Verdict:
    return _plain(Kind.BRLTTY)


def port_flaps(port: str) -> Verdict:
    return _plain(Kind.PORT_FLAPS, port)


def held(port: str, programs: list[str]) -> Verdict:
    if programs:
        sentence = _m(
            QT_TRANSLATE_NOOP("Doctor", "{port} is in use by another program: {programs}."),
            port=port,
            programs=", ".join(programs),
        )
        todo = _m(
            QT_TRANSLATE_NOOP(
                "Doctor", "Close that program (or disconnect it from the board), then try again."
            )
        )
    else:
        sentence = _m(
            QT_TRANSLATE_NOOP("Doctor", "{port} is in use by another program."), port=port
        )
        todo = _m(
            QT_TRANSLATE_NOOP(
                "Doctor",
                "Close other programs that talk to boards (Thonny, Arduino IDE, a serial "
                "monitor), then try again.",
            )
        )
    return Verdict(Kind.HELD, sentence, todo, Action.RETRY, port=port)


def bootloader(port: str) -> Verdict:
    return _plain(Kind.BOOTLOADER, port)


def bootsel(drive: str) -> Verdict:
    return _plain(Kind.BOOTSEL, drive=drive)


def not_micropython(port: str, detail: str = "") -> Verdict:
    return _plain(Kind.NOT_MICROPYTHON, port, detail)


def busy(port: str, detail: str = "") -> Verdict:
    return _plain(Kind.BUSY, port, detail)


def silent(port: str) -> Verdict:
    return _plain(Kind.SILENT, port)


def ok(port: str) -> Verdict:
    return _plain(Kind.OK, port)
