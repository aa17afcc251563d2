"""Asking a serial port what is behind it: MicroPython at its prompt, MicroPython busy, the ESP
ROM loader, other firmware, or silence; or why it cannot be opened at all."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ide.core.doctor import system, verdicts
from ide.core.doctor.verdicts import Verdict

# SLIP-framed SYNC request of Espressif's serial loader protocol: direction 0, command 0x08,
# 36 data bytes (07 07 12 20, then 32 x 0x55), checksum 0 (unused for SYNC).
_SYNC_BODY = b"\x00\x08\x24\x00\x00\x00\x00\x00\x07\x07\x12\x20" + b"\x55" * 32
ESP_SYNC = b"\xc0" + _SYNC_BODY + b"\xc0"
ESP_SYNC_REPLY = b"\xc0\x01\x08"  # a response (1) to command 8
MICROPYTHON_MARKS = (
    b"MicroPython",
    b"Traceback (most recent call last)",
    b"KeyboardInterrupt",
    b"soft reboot",
    b">>> ",
    b"raw REPL",
)


def _readable(data: bytes) -> tuple[str, list[bool]] | None:
    """``data`` as text (UTF-8, line ends as "\\n") with which characters read as such, when
    it is mostly text (a program's Japanese or Chinese output too); None for noise."""
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    readable = [c in "\n\t" or (c.isprintable() and c != "\ufffd") for c in text]
    return (text, readable) if text and sum(readable) >= len(text) * 0.7 else None


def shown_bytes(data: bytes) -> str:
    """What a board sent, for a person: its text when it is mostly text (line breaks kept,
    other control bytes and broken sequences as "·"), else the bytes in hex with spaces
    ("B0 B1 B2"), which a dialog can wrap (Python's repr, b'\\xb0\\xb1...', was one
    unbreakable line)."""
    found = _readable(data)
    if found is None:
        return " ".join(f"{b:02X}" for b in data)
    text, readable = found
    return "".join(c if ok else "·" for c, ok in zip(text, readable, strict=True)).strip()


def _read_for(ser: Any, seconds: float, until: Callable[[bytes], bool] | None = None) -> bytes:
    """Everything the port sends for ``seconds`` (or until ``until(data)``)."""
    data = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        chunk = ser.read(4096)  # the port's own timeout (0.05 s) bounds each read
        if chunk:
            data += chunk
            if until is not None and until(data):
                break
    return data


def probe(
    port: str,
    *,
    opener: Callable[[str], Any] | None = None,
    proc: Path = system.PROC,
    platform: str = sys.platform,
) -> Verdict:
    """Open ``port`` and find out what answers. Never resets or writes more than Ctrl-C, Enter
    and one ESP SYNC request (harmless to MicroPython: it is a line it never executes)."""
    from ide.board.errors import Disconnected, PermissionDenied, PortBusy

    holders = system.port_holders(port, proc, platform)
    if holders:
        return verdicts.held(port, holders)
    if opener is None:
        from ide.board.opening import open_serial

        opener = open_serial
    try:
        ser = opener(port)
    except PermissionDenied:
        owner = system.port_owner(port)
        return verdicts.permission(port, owner.group, owner.user, owner.in_group_file)
    except PortBusy:
        return verdicts.held(port, system.port_holders(port, proc, platform))
    except Disconnected:
        return verdicts.port_flaps(port)
    try:
        ser.timeout = 0.05
        return _ask(ser, port)
    finally:
        try:
            ser.close()
        except Exception:  # noqa: BLE001, S110 - closing a port that went away
            pass


def _ask(ser: Any, port: str) -> Verdict:
    before = _read_for(ser, 0.3)  # what it says on its own: a boot message, a flood
    if b"waiting for download" in before:
        return verdicts.bootloader(port)
    ser.write(b"\r\x03\x03")  # Enter, then Ctrl-C twice: a MicroPython board shows its prompt
    answer = _read_for(ser, 1.5, lambda d: d.rstrip(b" ").endswith(b">>>"))
    tail = answer[-200:]
    if tail.rstrip(b" ").endswith(b">>>"):
        return verdicts.ok(port)
    if not answer.strip(b"\x00\r\n "):
        ser.write(ESP_SYNC)  # silent: the ESP ROM loader answers a SYNC even when it is quiet
        reply = _read_for(ser, 0.5, lambda d: ESP_SYNC_REPLY in d)
        if ESP_SYNC_REPLY in reply:
            return verdicts.bootloader(port)
        if reply.strip(b"\x00\r\n "):
            return verdicts.not_micropython(port, shown_bytes(reply[-80:]))
        return verdicts.silent(port)
    # it talks but shows no prompt: still talking now = a program that ignores Ctrl-C
    later = _read_for(ser, 0.5)
    seen = before + answer + later
    if b"waiting for download" in seen:
        return verdicts.bootloader(port)
    if _readable(seen) is None:  # noise: a wrong speed, or not a text console at all
        return verdicts.not_micropython(port, shown_bytes(seen[-80:]))
    if later or any(m in seen for m in MICROPYTHON_MARKS):
        return verdicts.busy(port, shown_bytes(seen[-80:]))
    return verdicts.not_micropython(port, shown_bytes(seen[-80:]))
