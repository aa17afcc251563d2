"""Hotaru's own PICOBOOT client: the boot ROM's USB command interface of a Raspberry Pi Pico in
BOOTSEL mode (RP2040, RP2350), over pyusb and libusb. Only what the Pico rescue needs: read
memory, erase and write flash, restart. No thread, no write the caller did not ask for, a
timeout on every USB transfer.

The protocol, from the RP2040 and RP2350 datasheets ("USB PICOBOOT interface"):

- The device (2e8a:0003 RP2040, 2e8a:000f RP2350) has a vendor-class interface (class 0xFF)
  with one bulk OUT and one bulk IN endpoint, beside the USB drive's interface.
- A command is one 32-byte packet on bulk OUT: magic 0x431fd10b, a token the host picks,
  the command id (bit 7 set: its data comes IN), how many bytes of the 16 argument bytes
  count, two reserved bytes, the data phase's length, the arguments (little-endian).
- Then the data phase (if any) in the command's direction, then an empty packet the other
  way that says "done": IN after a command with no data or with data OUT, OUT after data IN.
- A command the ROM refuses stalls the endpoints. GET_COMMAND_STATUS (vendor control
  request 0x42 to the interface) says why; INTERFACE_RESET (0x41) clears the stall (and
  exclusive access).
- FLASH_ERASE takes whole 4 kB sectors, WRITE to flash whole 256-byte pages; READ reads ROM,
  RAM or the flash window at 0x10000000, where the flash repeats every flash-size bytes.
  Flash is read after EXIT_XIP, as the ROM's flash commands expect.
- REBOOT exists on the RP2040 only, REBOOT2 on the RP2350 only.

    with opened(find_bootsel()[0]) as pico:
        data = pico.read(XIP_BASE, 4096)  # one READ, one 4 kB bulk transfer
"""

from __future__ import annotations

import errno
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

VENDOR = 0x2E8A  # Raspberry Pi
BOOTSEL_PIDS = {0x0003: "RP2040", 0x000F: "RP2350"}
XIP_BASE = 0x10000000  # flash as PICOBOOT addresses it
FLASH_WINDOW = 16 * 1024 * 1024  # the flash addresses the chip decodes (it repeats inside)
SECTOR, PAGE = 4096, 256  # FLASH_ERASE's unit, WRITE's unit in flash
MAGIC = 0x431FD10B
VENDOR_CLASS = 0xFF

# command ids; bit 7 set = the data phase comes IN
EXCLUSIVE_ACCESS, REBOOT, FLASH_ERASE, READ, WRITE, EXIT_XIP, REBOOT2 = (
    0x01,
    0x02,
    0x03,
    0x84,
    0x05,
    0x06,
    0x0A,
)
NOT_EXCLUSIVE, EXCLUSIVE, EXCLUSIVE_AND_EJECT = 0, 1, 2
# class requests to the interface (bmRequestType: vendor, to an interface; OUT / IN)
REQ_OUT, REQ_IN = 0x41, 0xC1
INTERFACE_RESET, GET_COMMAND_STATUS = 0x41, 0x42

STATUS_NAMES = {  # dStatusCode of GET_COMMAND_STATUS (9 and up: RP2350 only)
    0: "OK",
    1: "UNKNOWN_CMD",
    2: "INVALID_CMD_LENGTH",
    3: "INVALID_TRANSFER_LENGTH",
    4: "INVALID_ADDRESS",
    5: "BAD_ALIGNMENT",
    6: "INTERLEAVED_WRITE",
    7: "REBOOTING",
    8: "UNKNOWN_ERROR",
    9: "INVALID_STATE",
    10: "NOT_PERMITTED",
    11: "INVALID_ARG",
    12: "BUFFER_TOO_SMALL",
    13: "PRECONDITION_NOT_MET",
    14: "MODIFIED_DATA",
    15: "INVALID_DATA",
    16: "NOT_FOUND",
    17: "UNSUPPORTED_MODIFICATION",
}

# Milliseconds. A command packet or an acknowledgement is one USB packet; a 4 kB read is
# 64 full-speed packets (a few ms). A flash erase is the slow one: up to ~0.4 s a sector on
# the flash chips Picos use, less per sector in 64 kB blocks, so its wait grows with the size.
COMMAND_TIMEOUT = 1000
DATA_TIMEOUT = 3000
ERASE_TIMEOUT_BASE, ERASE_TIMEOUT_PER_64K = 3000, 2000
LIBUSB_ERROR_PIPE = -9  # a stalled endpoint, as pyusb's libusb backend reports it


class PicobootError(OSError):
    """A command the ROM refused (``status``: its GET_COMMAND_STATUS name, e.g.
    "INVALID_ADDRESS"), or an answer that breaks the protocol (``status`` "PROTOCOL")."""

    def __init__(self, command: str, status: str) -> None:
        super().__init__(errno.EIO, f"the Pico refused {command}: {status}")
        self.command = command
        self.status = status


@dataclass(frozen=True)
class CommandStatus:
    token: int
    code: int
    command: int
    in_progress: bool

    @property
    def name(self) -> str:
        return STATUS_NAMES.get(self.code, f"status {self.code}")


def usb_backend() -> Any:
    """pyusb's libusb 1.0 backend, with libusb loaded from the libusb-package wheel where it is
    installed (Windows and macOS have no libusb of their own); the system's otherwise. Raises
    usb.core.NoBackendError when there is no libusb at all. (pyusb keeps the first library it
    loads, so this is cheap after the first call.)"""
    import usb.backend.libusb1
    import usb.core

    backend = None
    try:
        import libusb_package

        backend = usb.backend.libusb1.get_backend(find_library=libusb_package.find_library)
    except ImportError:  # no wheel for this platform (Windows on ARM): the system's libusb
        pass
    if backend is None:
        backend = usb.backend.libusb1.get_backend()
    if backend is None:
        raise usb.core.NoBackendError("No backend available")
    return backend


def find_bootsel(serial: str | None = None) -> list[Any]:
    """The USB devices (pyusb Devices) of Picos in BOOTSEL mode, only ``serial``'s if given.
    Reads the device list only: nothing is opened unless a serial number must be compared."""
    import usb.core

    found = list(
        usb.core.find(
            find_all=True,
            backend=usb_backend(),
            custom_match=lambda d: d.idVendor == VENDOR and d.idProduct in BOOTSEL_PIDS,
        )
        or []
    )
    if serial is None:
        return found
    picked = []
    for dev in found:
        try:
            if dev.serial_number == serial:
                picked.append(dev)
        except (ValueError, OSError, NotImplementedError):  # cannot read its strings: not ours
            continue
    return picked


def chip_of(dev: Any) -> str:
    """ "RP2040" or "RP2350" for a device find_bootsel returned."""
    return BOOTSEL_PIDS[int(dev.idProduct)]


class Picoboot:
    """One opened PICOBOOT interface. Build it with open_bootsel(); close() releases it."""

    def __init__(self, dev: Any, interface: int, ep_out: int, ep_in: int, detached: bool) -> None:
        self.dev = dev
        self.chip = chip_of(dev)
        self.interface = interface
        self.ep_out, self.ep_in = ep_out, ep_in
        self._detached = detached  # a kernel driver was on the interface: give it back
        self._token = 0

    # ---------------------------------------------------------------- control requests

    def interface_reset(self) -> None:
        """Clear a stall and whatever command was half done (the ROM also drops exclusive
        access), then clear the halt on this side too, so the data toggles match again."""
        self.dev.ctrl_transfer(
            REQ_OUT, INTERFACE_RESET, 0, self.interface, None, timeout=COMMAND_TIMEOUT
        )
        for ep in (self.ep_out, self.ep_in):
            try:
                self.dev.clear_halt(ep)
            except Exception:  # noqa: BLE001, S110 - the endpoint was not halted on this host
                pass

    def command_status(self) -> CommandStatus:
        """GET_COMMAND_STATUS: the last command's token, status code, id and whether it is
        still running (16 bytes: token, status, command id, in progress, 6 reserved)."""
        raw = bytes(
            self.dev.ctrl_transfer(
                REQ_IN, GET_COMMAND_STATUS, 0, self.interface, 16, timeout=COMMAND_TIMEOUT
            )
        )
        if len(raw) < 10:
            raise PicobootError("GET_COMMAND_STATUS", "PROTOCOL")
        token, code, cmd, busy = struct.unpack_from("<IIBB", raw)
        return CommandStatus(token, code, cmd, bool(busy))

    # ---------------------------------------------------------------- one command

    def _command(
        self,
        name: str,
        cmd: int,
        args: bytes = b"",
        *,
        data_out: bytes = b"",
        read: int = 0,
        ack_timeout: int = COMMAND_TIMEOUT,
    ) -> bytes:
        """Send one command and run its data phase and acknowledgement; the data read IN
        (``read`` bytes), or b"". A stall: the ROM's reason as PicobootError, the interface
        reset so the next command can go."""
        import usb.core

        self._token = (self._token + 1) & 0xFFFFFFFF
        length = read or len(data_out)
        packet = struct.pack(
            "<IIBBHI16s", MAGIC, self._token, cmd, len(args), 0, length, args.ljust(16, b"\0")
        )
        try:
            self.dev.write(self.ep_out, packet, timeout=COMMAND_TIMEOUT)
            data = b""
            if read:
                data = self._read_in(read)
                # data IN: the host says "done" with an empty OUT packet
                self.dev.write(self.ep_out, b"", timeout=COMMAND_TIMEOUT)
            else:
                if data_out:
                    self.dev.write(self.ep_out, data_out, timeout=DATA_TIMEOUT)
                # no data or data OUT: the ROM says "done" with an empty IN packet once the
                # work (an erase, a write) is finished, so this wait is the command's own
                ack = self.dev.read(self.ep_in, 64, timeout=ack_timeout)
                if len(ack):
                    raise PicobootError(name, "PROTOCOL")
            return data
        except usb.core.USBError as exc:
            if not _stalled(exc):
                raise
        status = self.command_status()
        self.interface_reset()
        raise PicobootError(name, status.name)

    def _read_in(self, size: int) -> bytes:
        """``size`` bytes from bulk IN: one large transfer (libusb splits it into packets),
        again only if the device ended it early with a short packet."""
        parts: list[bytes] = []
        got = 0
        while got < size:
            chunk = bytes(self.dev.read(self.ep_in, size - got, timeout=DATA_TIMEOUT))
            if not chunk:  # an empty packet before all the data: the device broke off
                raise PicobootError("READ", "PROTOCOL")
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    # ---------------------------------------------------------------- the commands

    def exclusive_access(self, mode: int = EXCLUSIVE) -> None:
        """Keep the computer off the USB drive while flash changes under it (EXCLUSIVE: the
        drive stays, but the ROM refuses its access; the setting ends at INTERFACE_RESET)."""
        self._command("EXCLUSIVE_ACCESS", EXCLUSIVE_ACCESS, bytes([mode]))

    def exit_xip(self) -> None:
        """Leave execute-in-place, so the flash answers the ROM's read/erase/write routines."""
        self._command("EXIT_XIP", EXIT_XIP)

    def read(self, addr: int, size: int) -> bytes:
        """``size`` bytes of memory at ``addr`` (flash at XIP_BASE + offset) in one READ."""
        return self._command("READ", READ, struct.pack("<II", addr, size), read=size)

    def flash_erase(self, addr: int, size: int) -> None:
        """Erase whole sectors (``addr`` and ``size`` multiples of 4 kB, in the flash window)."""
        wait = ERASE_TIMEOUT_BASE + ERASE_TIMEOUT_PER_64K * -(-size // (64 * 1024))
        self._command("FLASH_ERASE", FLASH_ERASE, struct.pack("<II", addr, size), ack_timeout=wait)

    def write(self, addr: int, data: bytes) -> None:
        """Program ``data`` at ``addr`` (in flash: page-aligned; erased bytes only change)."""
        self._command(
            "WRITE",
            WRITE,
            struct.pack("<II", addr, len(data)),
            data_out=data,
            ack_timeout=DATA_TIMEOUT,
        )

    def reboot(self, delay_ms: int = 100) -> None:
        """Restart into the program in flash after ``delay_ms``. RP2040: REBOOT with PC 0 (a
        normal boot; the stack pointer is then unused). RP2350: REBOOT2 with flags 0 (a normal
        boot). The device leaves the bus a moment later."""
        if self.chip == "RP2040":
            self._command("REBOOT", REBOOT, struct.pack("<III", 0, 0, delay_ms))
        else:
            self._command("REBOOT2", REBOOT2, struct.pack("<IIII", 0, delay_ms, 0, 0))

    def flash_size(self) -> int | None:
        """The flash chip's size, found where its contents repeat: the chip ignores the
        address bits above its size, so XIP_BASE + size reads what XIP_BASE does. The first
        two pages are compared (they differ on a flash with a program; None when they are the
        same, e.g. erased: then the size cannot be seen this way). Reads only."""
        head = self.read(XIP_BASE, 2 * PAGE)
        if head[:PAGE] == head[PAGE:]:
            return None
        size = FLASH_WINDOW // 2
        while size >= SECTOR and self.read(XIP_BASE + size, 2 * PAGE) == head:
            size //= 2  # the contents repeat at ``size``: the chip is at most that big
        return size * 2

    def close(self) -> None:
        """Release the interface (and give a kernel driver back its interface)."""
        import usb.util

        try:
            usb.util.release_interface(self.dev, self.interface)
            if self._detached:
                self.dev.attach_kernel_driver(self.interface)
        except Exception:  # noqa: BLE001, S110 - the device left the bus (rebooted, pulled)
            pass
        try:
            usb.util.dispose_resources(self.dev)  # pyusb's handle on it: closed
        except Exception:  # noqa: BLE001, S110 - closing a handle whose device is gone
            pass


def _stalled(exc: Exception) -> bool:
    return getattr(exc, "backend_error_code", None) == LIBUSB_ERROR_PIPE or (
        getattr(exc, "errno", None) == errno.EPIPE
    )


def _interface(dev: Any) -> tuple[int, int, int]:
    """(interface number, bulk OUT address, bulk IN address) of the PICOBOOT interface: the
    vendor-class one with two bulk endpoints, found in the descriptors (its number differs:
    interface 1 on an RP2040, and the RP2350 can hide the drive's interface)."""
    import usb.core
    import usb.util

    try:
        cfg = dev.get_active_configuration()
    except usb.core.USBError:  # not configured yet (no OS driver did it): the only one there is
        dev.set_configuration()
        cfg = dev.get_active_configuration()
    for intf in cfg:
        if intf.bInterfaceClass != VENDOR_CLASS:
            continue
        bulk = [
            e for e in intf if usb.util.endpoint_type(e.bmAttributes) == usb.util.ENDPOINT_TYPE_BULK
        ]
        outs = [
            e
            for e in bulk
            if usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_OUT
        ]
        ins = [
            e
            for e in bulk
            if usb.util.endpoint_direction(e.bEndpointAddress) == usb.util.ENDPOINT_IN
        ]
        if len(outs) == 1 and len(ins) == 1:
            return (
                int(intf.bInterfaceNumber),
                int(outs[0].bEndpointAddress),
                int(ins[0].bEndpointAddress),
            )
    raise OSError(errno.ENODEV, "the device has no PICOBOOT interface")


def open_bootsel(dev: Any) -> Picoboot:
    """Open a device find_bootsel returned: claim its PICOBOOT interface (after taking it from a
    kernel driver, where the OS put one on it), reset the interface (a stall or half command
    another program left), take exclusive access and leave XIP. Raises what the OS says
    (permission, no driver, busy: usb.core.USBError / NotImplementedError) or PicobootError.
    Nothing here writes to the flash."""
    import usb.util

    interface, ep_out, ep_in = _interface(dev)
    detached = False
    try:
        if dev.is_kernel_driver_active(interface):
            dev.detach_kernel_driver(interface)
            detached = True
    except NotImplementedError:  # Windows, macOS: no kernel driver to ask about
        pass
    usb.util.claim_interface(dev, interface)
    pico = Picoboot(dev, interface, ep_out, ep_in, detached)
    try:
        pico.interface_reset()
        pico.exclusive_access()
        pico.exit_xip()
    except BaseException:
        pico.close()
        raise
    return pico


@contextmanager
def opened(dev: Any) -> Iterator[Picoboot]:
    """open_bootsel(dev) for a ``with`` block, closed at its end."""
    pico = open_bootsel(dev)
    try:
        yield pico
    finally:
        pico.close()
