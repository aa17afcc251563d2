"""A Raspberry Pi Pico in BOOTSEL mode, at the level pyusb talks to: a pyusb backend
(usb.backend.IBackend) whose one device answers the boot ROM's PICOBOOT protocol against a
flash image in RAM. The real pypicoboot, over real pyusb, talks to it the way it talks to
libusb, as real esptool talks to tests/helpers/esp_rom_sim.py.

Protocol facts (RP2040/RP2350 datasheets, "USB PICOBOOT interface"): every command is one
32-byte packet on the bulk OUT endpoint: dMagic 0x431fd10b, dToken, bCmdId (bit 7 set = data
IN), bCmdSize (bytes of args that count), 2 reserved, dTransferLength, 16 bytes of args. When
dTransferLength is not zero that many bytes follow in the command's direction, and the
command completes with an empty packet the other way; with no data, success is an empty IN
packet. A bad command stalls both bulk endpoints; the host reads why with the class request
GET_COMMAND_STATUS (0x42: dToken, dStatusCode, bCmdId, bInProgress) and clears the stall
with INTERFACE_RESET (0x41), which also drops exclusive access. FLASH_ERASE takes whole 4 kB
sectors, WRITE to flash whole 256-byte pages (a short last page is zero-filled), READ any
range of ROM, RAM or the 16 MB flash window, where the flash repeats every flash-size bytes
(the chip ignores the high address bits). REBOOT (0x02) exists on the RP2040 only, REBOOT2
(0x0a) on the RP2350 only. The ROM has 'M', 'u', chip (1 or 2), version at 0x10. Flash is
NOR: an erase sets 0xFF, a write ANDs, so programming over written bytes shows up.

Not modelled: GET_INFO/OTP (RP2350), EXEC, VECTORIZE_FLASH, the mass-storage interface's
traffic (its descriptors are there, as on the chip), USB timing.

    sim = PicobootSim(flash=micropython_flash({"main.py": b"..."}))
    sim.install(monkeypatch)   # pyusb's default backend is now this device
"""

from __future__ import annotations

import array
import errno
import struct
from types import SimpleNamespace
from typing import Any

import littlefs
import usb.backend
import usb.backend.libusb1
import usb.core

MAGIC = 0x431FD10B
XIP_BASE = 0x10000000
XIP_WINDOW = 16 * 1024 * 1024
SECTOR, PAGE = 4096, 256
EP_OUT, EP_IN = 0x03, 0x84  # the PICOBOOT interface's bulk endpoints
MSC_IN, MSC_OUT = 0x81, 0x02
MAX_PACKET = 64  # full speed bulk

EXCLUSIVE_ACCESS, REBOOT, FLASH_ERASE, READ, WRITE = 0x01, 0x02, 0x03, 0x84, 0x05
EXIT_XIP, ENTER_XIP, REBOOT2 = 0x06, 0x07, 0x0A
# bCmdSize each command must carry
ARG_SIZES = {
    EXCLUSIVE_ACCESS: 1,
    REBOOT: 12,
    FLASH_ERASE: 8,
    READ: 8,
    WRITE: 8,
    EXIT_XIP: 0,
    ENTER_XIP: 0,
    REBOOT2: 16,
}
NAMES = {
    EXCLUSIVE_ACCESS: "EXCLUSIVE_ACCESS",
    REBOOT: "REBOOT",
    FLASH_ERASE: "FLASH_ERASE",
    READ: "READ",
    WRITE: "WRITE",
    EXIT_XIP: "EXIT_XIP",
    ENTER_XIP: "ENTER_XIP",
    REBOOT2: "REBOOT2",
}
OK, UNKNOWN_CMD, INVALID_CMD_LENGTH, INVALID_TRANSFER_LENGTH = 0, 1, 2, 3
INVALID_ADDRESS, BAD_ALIGNMENT, REBOOTING, UNKNOWN_ERROR = 4, 5, 7, 8

CHIPS = {  # chip: (USB product id, ROM magic chip byte, RAM size, commands it knows)
    "RP2040": (0x0003, 1, 264 * 1024, set(ARG_SIZES) - {REBOOT2}),
    "RP2350": (0x000F, 2, 520 * 1024, set(ARG_SIZES) - {REBOOT}),
}


def _error(text: str, code: int, err: int) -> usb.core.USBError:
    return usb.core.USBError(text, code, err)  # the way pyusb's libusb1 backend raises


def _gone() -> usb.core.USBError:
    return _error("No such device (it may have been disconnected)", -4, errno.ENODEV)


def _stalled() -> usb.core.USBError:
    return _error("Pipe error", -9, errno.EPIPE)


def micropython_flash(
    files: dict[str, bytes],
    *,
    flash_size: int = 2 * 1024 * 1024,
    fs_offset: int = 0xA0000,
    disk_version: int = 0x00020001,
) -> bytearray:
    """A Pico's flash as MicroPython leaves it: firmware at the start, then (to the end of
    flash) littlefs formatted as VfsLfs2(rp2.Flash(), progsize=256) holding ``files``
    ("lib/x.py" makes the folder). Defaults: a Raspberry Pi Pico (2 MB, 1408 kB filesystem)
    on current firmware (littlefs on-disk 2.1; v1.15-era firmware wrote 2.0)."""
    flash = bytearray(b"\xff" * flash_size)
    firmware = b"\x00\xb5\x32\x4b" + b"MicroPython firmware image " * 2000  # boot2 + code
    flash[: len(firmware)] = firmware
    size = flash_size - fs_offset
    fs = littlefs.LittleFS(
        block_size=SECTOR,
        block_count=size // SECTOR,
        read_size=32,
        prog_size=PAGE,
        lookahead_size=32,
        block_cycles=100,
        disk_version=disk_version,
    )
    for name, data in files.items():
        parts = name.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in fs.listdir("/".join(parts[: depth - 1]) or "/"):
                fs.mkdir(folder)
        with fs.open(name, "wb") as f:
            f.write(data)
    flash[fs_offset:] = fs.context.buffer
    return flash


class PicobootSim:
    """One Pico in BOOTSEL mode. ``open_error``: the errno the OS gives on opening it
    (EACCES: no udev rule; "unsupported": Windows without a driver). ``cut_after``: the
    cable is pulled during the n-th erase/write command (1-based): an erase is done, a
    write programs half its bytes, and the device is gone before it answers.
    ``gone_after_reads``: unplugged after answering that many READs. After a REBOOT
    the device leaves the bus (``rebooted`` holds its arguments)."""

    def __init__(
        self,
        flash: bytearray,
        *,
        chip: str = "RP2040",
        serial: str = "E6614C311B7F6A2B",
        open_error: int | str | None = None,
        cut_after: int | None = None,
        gone_after_reads: int | None = None,
    ) -> None:
        self.flash = flash
        self.chip = chip
        self.pid, magic_chip, ram_size, self.commands = CHIPS[chip]
        self.rom = bytearray(16 * 1024)
        self.rom[0x10:0x14] = bytes([ord("M"), ord("u"), magic_chip, 3])
        self.ram = bytearray(ram_size)
        self.serial = serial
        self.open_error = open_error
        self.cut_after = cut_after
        self.reads_left = gone_after_reads  # READ commands answered before it is unplugged
        self.present = True
        self.exclusive = 0
        self.xip = True
        self.halted = False
        self.status = (0, OK, 0)  # token, status code, command id
        self.log: list[tuple[str, int, int]] = []  # (command, address, size)
        self.rebooted: tuple[int, ...] | None = None
        self.overwrites = 0  # bytes programmed over already programmed bytes
        self.changes = 0  # erase/write commands done
        self._pending: dict[str, Any] = {"state": "idle"}
        self.backend = SimBackend(self)

    def install(self, monkeypatch: Any) -> None:
        """Make this device what pyusb's default backend (libusb 1.0) sees."""
        monkeypatch.setattr(usb.backend.libusb1, "get_backend", lambda *a, **k: self.backend)

    # -------------------------------------------------------------- the ROM's command loop

    def command(self, packet: bytes) -> None:
        if len(packet) != 32:
            return self._fail(0, UNKNOWN_CMD, 0)
        magic, token, cmd, arg_size, _res, length = struct.unpack_from("<IIBBHI", packet)
        args = packet[16:32]
        if magic != MAGIC:
            return self._fail(token, UNKNOWN_CMD, cmd)
        if cmd not in self.commands:
            return self._fail(token, UNKNOWN_CMD, cmd)
        if arg_size != ARG_SIZES[cmd]:
            return self._fail(token, INVALID_CMD_LENGTH, cmd)
        addr, size = struct.unpack_from("<II", args)
        if cmd in (READ, WRITE):
            if length != size:
                return self._fail(token, INVALID_TRANSFER_LENGTH, cmd)
        elif length:
            return self._fail(token, INVALID_TRANSFER_LENGTH, cmd)
        self.status = (token, OK, cmd)
        self.log.append((NAMES[cmd], addr, size))
        if cmd == READ:
            if self.reads_left is not None:
                self.reads_left -= 1
                if self.reads_left < 0:
                    self.present = False  # unplugged: nothing answers any more
                    return None
            data = self._read(addr, size)
            if data is None:
                return self._fail(token, INVALID_ADDRESS, cmd)
            self._pending = {"state": "data_in", "data": bytearray(data)}
        elif cmd == WRITE:
            problem = self._check_write(addr, size)
            if problem:
                return self._fail(token, problem, cmd)
            self._pending = {"state": "data_out", "addr": addr, "size": size, "data": bytearray()}
        else:
            problem = self._run(cmd, args)
            if problem:
                return self._fail(token, problem, cmd)
            self._pending = {"state": "ack_in"}
        return None

    def _fail(self, token: int, status: int, cmd: int) -> None:
        self.status = (token, status, cmd)
        self.halted = True
        self._pending = {"state": "idle"}

    def _flash_offset(self, addr: int, size: int) -> int | None:
        if XIP_BASE <= addr and addr + size <= XIP_BASE + XIP_WINDOW:
            return addr - XIP_BASE
        return None

    def _read(self, addr: int, size: int) -> bytes | None:
        at = self._flash_offset(addr, size)
        if at is not None:
            n = len(self.flash)
            return (
                bytes(self.flash[(at + i) % n] for i in range(size))
                if (at % n + size > n)
                else bytes(self.flash[at % n : at % n + size])
            )
        for base, mem in ((0, self.rom), (0x20000000, self.ram)):
            if base <= addr and addr + size <= base + len(mem):
                return bytes(mem[addr - base : addr - base + size])
        return None

    def _check_write(self, addr: int, size: int) -> int:
        at = self._flash_offset(addr, size)
        if at is not None:
            return BAD_ALIGNMENT if at % PAGE else OK
        if 0x20000000 <= addr and addr + size <= 0x20000000 + len(self.ram):
            return OK
        return INVALID_ADDRESS

    def _run(self, cmd: int, args: bytes) -> int:
        if cmd == EXCLUSIVE_ACCESS:
            if args[0] > 2:
                return UNKNOWN_ERROR
            self.exclusive = args[0]
        elif cmd in (EXIT_XIP, ENTER_XIP):
            self.xip = cmd == ENTER_XIP
        elif cmd == FLASH_ERASE:
            addr, size = struct.unpack_from("<II", args)
            at = self._flash_offset(addr, size)
            if at is None:
                return INVALID_ADDRESS
            if at % SECTOR or size % SECTOR:
                return BAD_ALIGNMENT
            self._change()
            for pos in range(at, at + size, SECTOR):
                start = pos % len(self.flash)
                self.flash[start : start + SECTOR] = b"\xff" * SECTOR
        elif cmd == REBOOT:
            self.rebooted = struct.unpack_from("<III", args)
        elif cmd == REBOOT2:
            self.rebooted = struct.unpack_from("<IIII", args)
        return OK

    def _change(self) -> None:
        """One more erase/write; the cable is pulled during the ``cut_after``-th."""
        self.changes += 1
        if self.cut_after is not None and self.changes >= self.cut_after:
            self.cut = True

    cut = False

    def _write(self, addr: int, data: bytes) -> None:
        at = self._flash_offset(addr, len(data))
        if at is None:
            self.ram[addr - 0x20000000 : addr - 0x20000000 + len(data)] = data
            return
        self._change()
        data = data + bytes(-len(data) % PAGE)  # a short last page is zero-filled
        if self.cut:
            data = data[: len(data) // 2]  # the cable goes half way through the program
        for i, byte in enumerate(data):
            pos = (at + i) % len(self.flash)
            if self.flash[pos] != 0xFF and byte != 0xFF:
                self.overwrites += 1
            self.flash[pos] &= byte  # NOR: a write only clears bits

    # ----------------------------------------------------------------- bulk endpoints

    def bulk_out(self, data: bytes) -> int:
        state = self._pending["state"]
        if state == "data_out":
            self._pending["data"] += data
            if len(self._pending["data"]) >= self._pending["size"]:
                self._write(self._pending["addr"], bytes(self._pending["data"]))
                self._pending = {"state": "ack_in"}
            return len(data)
        if state == "ack_out" and not data:
            self._pending = {"state": "idle"}
            return 0
        self.command(bytes(data))
        return len(data)

    def bulk_in(self, size: int) -> bytes | None:
        state = self._pending["state"]
        if state == "data_in":
            data = self._pending["data"]
            chunk = bytes(data[:size])
            del data[:size]
            if not data:
                self._pending = {"state": "ack_out"}
            return chunk
        if state == "ack_in":
            self._pending = {"state": "idle"}
            return b""
        return None  # nothing to send: the host waits until its timeout

    def after_ack(self) -> None:
        if self.cut or self.rebooted is not None:
            self.present = False  # off the bus: pulled out, or restarting into MicroPython


def _ns(**kw: Any) -> SimpleNamespace:
    return SimpleNamespace(extra_descriptors=[], **kw)


class SimBackend(usb.backend.IBackend):  # type: ignore[misc]
    """pyusb's backend interface over one PicobootSim (the device handle is the sim)."""

    def __init__(self, sim: PicobootSim) -> None:
        self.sim = sim

    def _live(self) -> PicobootSim:
        if not self.sim.present:
            raise _gone()
        return self.sim

    def enumerate_devices(self) -> Any:
        if self.sim.present:
            yield self.sim

    def get_device_descriptor(self, dev: PicobootSim) -> SimpleNamespace:
        return _ns(
            bLength=18,
            bDescriptorType=1,
            bcdUSB=0x0110,
            bDeviceClass=0,
            bDeviceSubClass=0,
            bDeviceProtocol=0,
            bMaxPacketSize0=64,
            idVendor=0x2E8A,
            idProduct=dev.pid,
            bcdDevice=0x0100,
            iManufacturer=1,
            iProduct=2,
            iSerialNumber=3,
            bNumConfigurations=1,
            address=7,
            bus=1,
            port_number=2,
            port_numbers=(2,),
            speed=2,
        )

    def get_configuration_descriptor(self, dev: PicobootSim, config: int) -> SimpleNamespace:
        if config != 0:
            raise IndexError(config)
        return _ns(
            bLength=9,
            bDescriptorType=2,
            wTotalLength=55,
            bNumInterfaces=2,
            bConfigurationValue=1,
            iConfiguration=0,
            bmAttributes=0x80,
            bMaxPower=50,
        )

    def get_interface_descriptor(
        self, dev: PicobootSim, intf: int, alt: int, config: int
    ) -> SimpleNamespace:
        if alt != 0 or intf > 1:
            raise IndexError(intf)
        cls, sub, proto = ((0x08, 0x06, 0x50), (0xFF, 0x00, 0x00))[intf]  # MSC, PICOBOOT
        return _ns(
            bLength=9,
            bDescriptorType=4,
            bInterfaceNumber=intf,
            bAlternateSetting=0,
            bNumEndpoints=2,
            bInterfaceClass=cls,
            bInterfaceSubClass=sub,
            bInterfaceProtocol=proto,
            iInterface=0,
        )

    def get_endpoint_descriptor(
        self, dev: PicobootSim, ep: int, intf: int, alt: int, config: int
    ) -> SimpleNamespace:
        address = ((MSC_IN, MSC_OUT), (EP_OUT, EP_IN))[intf][ep]
        return _ns(
            bLength=7,
            bDescriptorType=5,
            bEndpointAddress=address,
            bmAttributes=2,
            wMaxPacketSize=MAX_PACKET,
            bInterval=0,
            bRefresh=0,
            bSynchAddress=0,
        )

    def open_device(self, dev: PicobootSim) -> PicobootSim:
        sim = self._live()
        if sim.open_error == "unsupported":  # libusb on Windows without a driver
            raise NotImplementedError("Operation not supported or unimplemented on this platform")
        if isinstance(sim.open_error, int):
            raise _error("Access denied (insufficient permissions)", -3, sim.open_error)
        return sim

    def close_device(self, dev_handle: PicobootSim) -> None:
        pass

    def get_configuration(self, dev_handle: PicobootSim) -> int:
        self._live()
        return 1

    def set_configuration(self, dev_handle: PicobootSim, config_value: int) -> None:
        self._live()

    def claim_interface(self, dev_handle: PicobootSim, intf: int) -> None:
        self._live()

    def release_interface(self, dev_handle: PicobootSim, intf: int) -> None:
        self._live()

    def is_kernel_driver_active(self, dev_handle: PicobootSim, intf: int) -> bool:
        return False

    def clear_halt(self, dev_handle: PicobootSim, ep: int) -> None:
        self._live().halted = False

    def bulk_write(
        self, dev_handle: PicobootSim, ep: int, intf: int, data: array.array[int], timeout: int
    ) -> int:
        sim = self._live()
        if ep != EP_OUT:
            raise _error("Pipe error", -9, errno.EPIPE)
        if sim.halted:
            raise _stalled()
        n = sim.bulk_out(bytes(data))
        if sim.halted:
            raise _stalled()
        if sim.cut:
            sim.present = False
            raise _gone()
        if sim._pending["state"] == "idle":
            sim.after_ack()
        return n

    def bulk_read(
        self, dev_handle: PicobootSim, ep: int, intf: int, buff: array.array[int], timeout: int
    ) -> int:
        sim = self._live()
        if sim.halted:
            raise _stalled()
        if sim.cut:
            sim.present = False
            raise _gone()
        chunk = sim.bulk_in(len(buff))
        if chunk is None:
            raise usb.core.USBTimeoutError("Operation timed out", -7, errno.ETIMEDOUT)
        buff[: len(chunk)] = array.array("B", chunk)
        if sim._pending["state"] == "idle":
            sim.after_ack()
        return len(chunk)

    def ctrl_transfer(
        self,
        dev_handle: PicobootSim,
        bmRequestType: int,  # noqa: N803 - pyusb's names
        bRequest: int,  # noqa: N803
        wValue: int,  # noqa: N803
        wIndex: int,  # noqa: N803
        data: array.array[int],
        timeout: int,
    ) -> int:
        sim = self._live()
        if bmRequestType == 0x41 and bRequest == 0x41:  # INTERFACE_RESET
            sim.halted = False
            sim.exclusive = 0
            sim._pending = {"state": "idle"}
            return 0
        if bmRequestType == 0xC1 and bRequest == 0x42:  # GET_COMMAND_STATUS
            token, status, cmd = sim.status
            answer = struct.pack("<IIBB6x", token, status, cmd, 0)
        elif bmRequestType == 0x80 and bRequest == 6 and wValue >> 8 == 3:  # string descriptor
            index = wValue & 0xFF
            if index == 0:
                answer = bytes([4, 3, 0x09, 0x04])  # English (US)
            else:
                text = {1: "Raspberry Pi", 2: "RP2 Boot", 3: sim.serial}.get(index, "")
                raw = text.encode("utf-16-le")
                answer = bytes([2 + len(raw), 3]) + raw
        else:
            raise _stalled()
        n = min(len(data), len(answer))
        data[:n] = array.array("B", answer[:n])
        return n
