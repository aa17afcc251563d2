"""esptool's own log lines, recognised and turned into translatable messages.

esptool (5.6) writes English progress lines through its logger (see ide.firmware.esp). The
lines a user sees on a normal install, and on the usual failures, are matched here against a
small table of regular expressions; each becomes a :class:`~ide.text.Message` in the
``Esptool`` context with the numbers it carried as named placeholders. A line not in the
table is kept word for word, prefixed "esptool: ", so nothing esptool says is hidden.
"""

from __future__ import annotations

import re

from ide.text import QT_TRANSLATE_NOOP, Message, message

CONTEXT = "Esptool"

# (pattern matched against the whole stripped line, English source with the groups' names)
# esptool's lines that say the chip's flash is being erased now (its image checks are over)
_ERASING_ALL = QT_TRANSLATE_NOOP("Esptool", "Erasing the flash memory (this may take a while)...")
_ERASING_RANGE = QT_TRANSLATE_NOOP("Esptool", "Erasing the flash memory from {start} to {end}...")

_TABLE: tuple[tuple[str, str], ...] = (
    (r"Connecting[._]*", QT_TRANSLATE_NOOP("Esptool", "Connecting...")),
    (
        # a port without modem lines (a pty, some USB ROM-loader interfaces): no auto-reset
        r"Warning: Chip was NOT reset\. Setting RTS/DTR lines is not supported for port "
        r"'(?P<port>[^']*)'\..*",
        QT_TRANSLATE_NOOP(
            "Esptool",
            "Warning: the board was not reset: the port {port} cannot set the RTS/DTR lines. "
            "If the chip does not answer, put it in its loader by hand: hold BOOT, press and "
            "release RESET (EN), then release BOOT.",
        ),
    ),
    (r"Detecting chip type\.\.\.", QT_TRANSLATE_NOOP("Esptool", "Detecting the chip type...")),
    (
        r"Detecting chip type\.\.\. (?P<chip>\S.*)",
        QT_TRANSLATE_NOOP("Esptool", "Chip type: {chip}"),
    ),
    (
        r"Enabling default SPI flash mode\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Setting up the flash memory..."),
    ),
    (
        r"Uploading stub flasher\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Sending the flashing helper to the chip..."),
    ),
    (
        r"Running stub flasher\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Starting the flashing helper..."),
    ),
    (r"Stub flasher running\.", QT_TRANSLATE_NOOP("Esptool", "The flashing helper is running.")),
    (
        r"Stub flasher is already running\. No upload is necessary\.",
        QT_TRANSLATE_NOOP("Esptool", "The flashing helper is already running."),
    ),
    (
        r"Changing baud rate to (?P<baud>\d+)\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Changing the baud rate to {baud}..."),
    ),
    (r"Changed\.", QT_TRANSLATE_NOOP("Esptool", "Baud rate changed.")),
    (
        r"Configuring flash size\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Setting the flash memory size..."),
    ),
    (r"Erasing flash memory \(this may take a while\)\.\.\.", _ERASING_ALL),
    (
        r"Flash memory erased successfully in (?P<seconds>[\d.]+) seconds\.",
        QT_TRANSLATE_NOOP("Esptool", "Flash memory erased in {seconds} s."),
    ),
    (
        r"Flash will be erased from (?P<start>0x[0-9a-fA-F]+) to (?P<end>0x[0-9a-fA-F]+)\.\.\.",
        _ERASING_RANGE,
    ),
    (
        r"Compressed (?P<size>\d+) bytes to (?P<compressed>\d+)\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Compressed {size} bytes to {compressed} bytes..."),
    ),
    (
        r"Wrote (?P<size>\d+) bytes \((?P<compressed>\d+) compressed\) at "
        r"(?P<offset>0x[0-9a-fA-F]+) in (?P<seconds>[\d.]+) seconds "
        r"\((?P<speed>[\d.]+) kbit/s\)\.",
        QT_TRANSLATE_NOOP(
            "Esptool",
            "Wrote {size} bytes ({compressed} compressed) at {offset}: {seconds} s, {speed} kbit/s",
        ),
    ),
    (
        r"Wrote (?P<size>\d+) bytes \((?P<compressed>\d+) compressed\) at "
        r"(?P<offset>0x[0-9a-fA-F]+) in (?P<seconds>[\d.]+) seconds\.",
        QT_TRANSLATE_NOOP(
            "Esptool", "Wrote {size} bytes ({compressed} compressed) at {offset} in {seconds} s."
        ),
    ),
    (
        r"Wrote (?P<size>\d+) bytes at (?P<offset>0x[0-9a-fA-F]+) in (?P<seconds>[\d.]+) seconds"
        r"(?: \((?P<speed>[\d.]+) kbit/s\))?\.",
        QT_TRANSLATE_NOOP("Esptool", "Wrote {size} bytes at {offset} in {seconds} s."),
    ),
    (r"Verifying written data\.\.\.", QT_TRANSLATE_NOOP("Esptool", "Checking the written data...")),
    (
        r"Hash of data verified\.",
        QT_TRANSLATE_NOOP("Esptool", "The written data matches the firmware."),
    ),
    (
        r"Hard resetting via RTS pin\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "Resetting the board (RTS pin)..."),
    ),
    (r"Leaving\.\.\.", QT_TRANSLATE_NOOP("Esptool", "Leaving the flashing mode...")),
    # a write cut short (a loose cable, the board reset): esptool reconnects and starts again
    (
        r"Lost connection, retrying\.\.\.",
        QT_TRANSLATE_NOOP("Esptool", "The connection to the board was lost. Trying again..."),
    ),
    (
        r"Waiting for the chip to reconnect\.*",
        QT_TRANSLATE_NOOP("Esptool", "Waiting for the board to answer again..."),
    ),
    (
        r"Note: Failed to get VID/PID of a device on (?P<port>.+?): .* "
        r"Using standard reset sequence\.",
        QT_TRANSLATE_NOOP(
            "Esptool",
            "Note: could not read the USB IDs of {port}; using the standard reset sequence.",
        ),
    ),
    (
        r"Note: In case of failure, please set a specific flash size\.",
        QT_TRANSLATE_NOOP("Esptool", "Note: if this fails, set the flash size by hand."),
    ),
    (
        r"Note: Watchdog hard reset is not supported on (?P<chip>\S+), attempting classic hard "
        r"reset instead\.",
        QT_TRANSLATE_NOOP(
            "Esptool",
            "Note: {chip} cannot be reset by its watchdog; trying a normal hard reset instead.",
        ),
    ),
    (
        r"Note: Verification failed after fast reflash .*Reflashing the whole image\.\.\.",
        QT_TRANSLATE_NOOP(
            "Esptool",
            "Note: the check failed after a quick rewrite; writing the whole image again...",
        ),
    ),
)

_COMPILED = tuple((re.compile(pattern), source) for pattern, source in _TABLE)


def translatable_line(text: str) -> Message | None:
    """The message for one of esptool's known lines, or None for a line not in the table."""
    line = text.strip()
    for pattern, source in _COMPILED:
        found = pattern.fullmatch(line)
        if found:
            args = {k: v for k, v in found.groupdict().items() if v is not None}
            return message(CONTEXT, source, **args)
    return None


def esptool_line(text: str) -> Message:
    """esptool's line as the user should read it: translated if known, else verbatim."""
    known = translatable_line(text)
    if known is not None:
        return known
    return message(CONTEXT, QT_TRANSLATE_NOOP("Esptool", "esptool: {text}"), text=text.strip())


def flash_altered(msg: Message) -> bool:
    """True for esptool's line saying it begins to erase the flash: from then on a board that
    stops half-way starts nothing until MicroPython is written again."""
    return msg.context == CONTEXT and msg.source in (_ERASING_ALL, _ERASING_RANGE)


def is_esptool_detail(msg: Message) -> bool:
    """True for esptool's detail lines (shown in the log, never as the wizard's step)."""
    return msg.context == CONTEXT
