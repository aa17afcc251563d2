"""A simulated ESP32 / ESP32-S3 / ESP8266 ROM loader on a pty, good enough for real esptool.

It speaks the ROM loader's SLIP protocol, answers chip detection the way the real chips do
(an ESP32 or ESP8266 rejects GET_SECURITY_INFO and is recognised by the magic word at
0x40001000; an ESP32-S3 reports chip id 9), serves eFuse/OTP words (chip description,
features, MAC), the SPI flash id through the SPI user-command registers, "runs" the uploaded
flasher stub by greeting with OHAI and then answers in the stub's reply format. The ESP8266
ROM answers with 2 status bytes (the ESP32 ROMs with 4) and knows only the basic commands:
everything else (compressed writes, MD5, baud change, SPI attach) needs the stub. Flash
behaves like NOR: erasing sets 0xFF and writing ANDs, so a write without an erase shows up
as corrupted data.

Closing the port (the last client closes the pty) resets the chip, like the DTR/RTS
auto-reset circuit on a development board: back into the ROM loader, or, with ``app_port``
and an image in flash, into the "application": a real MicroPython board (ide.simulator)
whose console is bridged until esptool's SYNC asks for the loader again.

    sim = EspRomSim("esp32s3"); sim.start(); sim.port; sim.flash; sim.close()
    python tests/helpers/esp_rom_sim.py --chip esp32 [--flash-file F]   # prints the port, serves
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import mmap
import os
import select
import signal
import struct
import sys
import threading
import time
import tty
import zlib
from pathlib import Path

SECTOR = 0x1000
ROM_BAUD = 115200  # the loader's speed after every reset
BITS_PER_BYTE = 10  # 8N1 on the wire: start bit, 8 data bits, stop bit


class WireClock:
    """One direction of a UART at ``baud``: bytes pass no faster than the line carries them.

    A token bucket without burst (a UART has no credit to spend): each byte costs
    BITS_PER_BYTE / baud seconds of line time, and ``carry(n)`` sleeps until the line has
    had the time to carry ``n`` more bytes after the ones before.
    """

    def __init__(self, baud: int) -> None:
        self.baud = baud
        self._free_at = 0.0  # monotonic time at which the line is idle again
        self.busy_seconds = 0.0  # line time of everything carried so far (for tests/bench)

    def carry(self, n: int) -> None:
        now = time.monotonic()
        # an idle line does not save up time for later bytes: start from now
        cost = n * BITS_PER_BYTE / self.baud
        self.busy_seconds += cost
        self._free_at = max(self._free_at, now) + cost
        delay = self._free_at - now
        if delay > 0:
            time.sleep(delay)


# The ESP8266 ROM's command set; later ROMs add SPI attach/params, baud change, compressed
# writes and MD5 (esptool's command table). ERASE_FLASH/ERASE_REGION are stub-only everywhere.
ESP8266_ROM_OPS = frozenset({0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A})
ESP32_ROM_OPS = ESP8266_ROM_OPS | {0x0B, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14}


def _esp32_words(mac: bytes) -> dict[int, int]:
    efuse = 0x3FF5A000
    return {
        efuse + 4: int.from_bytes(mac[2:6], "big"),
        efuse + 8: int.from_bytes(mac[0:2], "big"),
        # word 3: package D0WD (bits 9..11 = 1), BT enabled, dual core, rev bit 0
        efuse + 12: (1 << 9) | (1 << 15),
        efuse + 20: 1 << 20,  # rev bit 1
        0x3FF66000 + 0x7C: 1 << 31,  # APB_CTL_DATE: rev bit 2 -> v3
    }


def _esp32s3_words(mac: bytes) -> dict[int, int]:
    block1 = 0x60007000 + 0x44
    return {
        block1: int.from_bytes(mac[2:6], "big"),
        block1 + 4: int.from_bytes(mac[0:2], "big"),
        block1 + 16: (1 << 3) | (1 << 7),  # embedded PSRAM 8 MB, AP_3v3
    }


def _esp8266_words(mac: bytes) -> dict[int, int]:
    # OTP words 0x3FF00050..5C: MAC0 holds the last MAC byte in bits 24..31, MAC1 bytes 3..4,
    # MAC3 the OUI. Bit 4 of word 0 and bit 16 of word 2 clear: an ESP8266EX, not an ESP8285.
    return {
        0x3FF00050: mac[5] << 24,
        0x3FF00054: (mac[3] << 8) | mac[4],
        0x3FF00058: 0,
        0x3FF0005C: int.from_bytes(mac[0:3], "big"),
    }


# Facts about the chips (register addresses from the chips' technical reference; the ESP8266's
# magic and OTP layout as esptool reads them). ``uart_clock`` / 115200 is the UART divider
# the ROM leaves behind: esptool derives the crystal from it (the ESP8266's APB clock is twice
# its 26 MHz crystal).
CHIPS: dict[str, dict] = {
    "esp32": {
        "magic": 0x00F01D83,
        "chip_id": None,  # the ROM does not know GET_SECURITY_INFO
        "spi_base": 0x3FF42000,
        "spi_usr2": 0x24,
        "spi_w0": 0x80,
        "uart_clkdiv": 0x3FF40014,
        "uart_clock": 40_000_000,
        "boot_offset": 0x1000,
        "rom_ops": ESP32_ROM_OPS - {0x14},
        "rom_status_len": 4,
        "words": _esp32_words,
    },
    "esp32s3": {
        "magic": 0x00000009,
        "chip_id": 9,
        "spi_base": 0x60002000,
        "spi_usr2": 0x20,
        "spi_w0": 0x58,
        "uart_clkdiv": 0x60000014,
        "uart_clock": 40_000_000,
        "boot_offset": 0x0,
        "rom_ops": ESP32_ROM_OPS,
        "rom_status_len": 4,
        "words": _esp32s3_words,
    },
    "esp8266": {
        "magic": 0xFFF0C101,
        "chip_id": None,
        "spi_base": 0x60000200,
        "spi_usr2": 0x24,
        "spi_w0": 0x40,
        "uart_clkdiv": 0x60000014,
        "uart_clock": 52_000_000,
        "boot_offset": 0x0,
        "rom_ops": ESP8266_ROM_OPS,
        "rom_status_len": 2,
        "words": _esp8266_words,
    },
}

CAPACITY_BYTE = {1 << 20: 0x14, 2 << 20: 0x15, 4 << 20: 0x16, 8 << 20: 0x17, 16 << 20: 0x18}

OK = 0
ERR_INVALID_MESSAGE = 0x05
ERR_BAD_DATA_CHECKSUM = 0x07


def _xor_fold(data: bytes) -> int:
    """XOR of all bytes, computed with big integers (fast in C)."""
    if not data:
        return 0
    n = int.from_bytes(data, "little")
    width = len(data) * 8
    while width > 8:
        half = ((width // 8 + 1) // 2) * 8
        n = (n & ((1 << half) - 1)) ^ (n >> half)
        width = half
    return n & 0xFF


class EspRomSim:
    """One simulated chip on a pty. ``flash`` is its flash memory (bytearray or mmap)."""

    def __init__(
        self,
        chip: str = "esp32",
        *,
        flash_size: int = 4 << 20,
        flash_file: str | Path | None = None,
        mac: bytes = bytes.fromhex("246f28a1b2c3"),
        fill: int = 0xFF,
        max_baud: int | None = None,
        app_port: str | None = None,
        throttle: bool = False,
    ) -> None:
        if chip not in CHIPS:
            raise ValueError(f"unknown chip {chip!r}")
        self.chip = chip
        self.facts = CHIPS[chip]
        self.flash_size = flash_size
        self.mac = mac
        self._file = None
        if flash_file is not None:
            path = Path(flash_file)
            if not path.exists() or path.stat().st_size != flash_size:
                path.write_bytes(bytes([fill]) * flash_size)
            self._file = open(path, "r+b")  # noqa: SIM115 - closed in close()
            self.flash: bytearray | mmap.mmap = mmap.mmap(self._file.fileno(), flash_size)
        else:
            self.flash = bytearray([fill]) * flash_size
        self.regs: dict[int, int] = {}
        self.max_baud = max_baud  # faster than this, the link garbles: the chip goes deaf
        # throttle: both directions move at the line speed esptool set (a pty has none; off
        # by default so ordinary tests stay fast). ``baud`` is tracked either way.
        self.throttle = throttle
        self.baud = ROM_BAUD
        self.baud_changes: list[int] = []  # every CHANGE_BAUDRATE asked, in order
        self._rx = WireClock(ROM_BAUD)  # host -> chip
        self._tx = WireClock(ROM_BAUD)  # chip -> host
        # The "application": once flash holds an image, a reset boots it. Its console is the
        # MicroPython board on ``app_port`` (ide.simulator), bridged byte for byte, until a
        # SLIP SYNC arrives (esptool's auto-reset into the loader, which a pty cannot signal).
        self.app_port = app_port
        self._app_fd = -1
        self.app_mode = False
        self.deaf = False
        self.resets = 0
        self.stub = False
        self.commands: list[int] = []  # every opcode received, for tests
        self.refused: list[int] = []  # opcodes answered "invalid message" (unknown here)
        self.erase_all_count = 0
        self.changes: list[tuple[str, int, int]] = []  # ("erase"|"write", offset, size)
        self._write_ptr = 0
        self._defl: zlib._Decompress | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._master = -1
        self.port = ""
        self._init_regs()

    # ----- life cycle -------------------------------------------------------------------
    def start(self) -> EspRomSim:
        master, slave = os.openpty()
        tty.setraw(slave)
        self.port = os.ttyname(slave)
        os.close(slave)  # nobody holds the slave: its close by a client reads as a reset
        self._master = master
        self._thread = threading.Thread(target=self._serve, name="esp-rom-sim", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self._master >= 0:
            os.close(self._master)
            self._master = -1
        if self._app_fd >= 0:
            os.close(self._app_fd)
            self._app_fd = -1
        if isinstance(self.flash, mmap.mmap):
            self.flash.flush()
            self.flash.close()
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> EspRomSim:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reset(self) -> None:
        """A reset: the chip boots its application if flash holds one, else the ROM loader."""
        self.stub = False
        self.deaf = False
        self._defl = None
        self.resets += 1
        self._set_baud(ROM_BAUD)  # the ROM starts at its own speed
        boot = self.facts["boot_offset"]
        self.app_mode = self.app_port is not None and self.flash[boot] == 0xE9

    def _set_baud(self, baud: int) -> None:
        self.baud = self._rx.baud = self._tx.baud = baud

    # ----- chip state -------------------------------------------------------------------
    def _init_regs(self) -> None:
        f = self.facts
        self.regs[0x40001000] = f["magic"]
        self.regs[f["uart_clkdiv"]] = f["uart_clock"] // 115200
        self.regs.update(f["words"](self.mac))

    def read_reg(self, addr: int) -> int:
        return self.regs.get(addr, 0)

    def write_reg(self, addr: int, value: int, mask: int) -> None:
        old = self.regs.get(addr, 0)
        self.regs[addr] = (old & ~mask) | (value & mask)
        base = self.facts["spi_base"]
        if addr == base and self.regs[addr] & (1 << 18):  # SPI_CMD_USR: run a user command
            command = self.regs.get(base + self.facts["spi_usr2"], 0) & 0xFF
            self.regs[base + self.facts["spi_w0"]] = self._spi_command(command)
            self.regs[addr] &= ~(1 << 18)

    def _spi_command(self, command: int) -> int:
        if command == 0x9F:  # RDID: manufacturer, memory type, capacity
            return 0xEF | (0x40 << 8) | (CAPACITY_BYTE.get(self.flash_size, 0x16) << 16)
        if command == 0x5A:  # SFDP: signature at address 0
            addr = self.regs.get(self.facts["spi_base"] + 4, 0)
            return 0x50444653 if addr == 0 else 0
        return 0

    def erase(self, offset: int, size: int) -> None:
        start = offset - offset % SECTOR
        end = min(self.flash_size, -(-(offset + size) // SECTOR) * SECTOR)
        if end > start:
            self.changes.append(("erase", start, end - start))
            self.flash[start:end] = b"\xff" * (end - start)

    def program(self, offset: int, data: bytes) -> None:
        end = offset + len(data)
        if data:
            self.changes.append(("write", offset, len(data)))
        if end > self.flash_size:
            raise ValueError("write past the end of flash")
        old = int.from_bytes(self.flash[offset:end], "little")
        new = old & int.from_bytes(data, "little")
        self.flash[offset:end] = new.to_bytes(len(data), "little")

    # ----- wire -------------------------------------------------------------------------
    def _open_app(self) -> int:
        if self._app_fd < 0 and self.app_port is not None:
            self._app_fd = os.open(self.app_port, os.O_RDWR | os.O_NOCTTY)
            tty.setraw(self._app_fd)
        return self._app_fd

    def _serve(self) -> None:
        buf = bytearray()
        connected = False
        while not self._stop.is_set():
            watch = [self._master] + ([self._app_fd] if self._app_fd >= 0 else [])
            try:
                ready, _, _ = select.select(watch, [], [], 0.05)
            except (OSError, ValueError):
                return
            if self._app_fd >= 0 and self._app_fd in ready:
                try:
                    out = os.read(self._app_fd, 65536)
                except OSError:
                    out = b""
                if out and connected and self.app_mode:
                    self._write(out)  # the application's console output
            if self._master not in ready:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError as exc:
                if exc.errno != errno.EIO:
                    return
                # no client has the port open: the board sits in reset until one comes
                if connected:
                    self.reset()
                    connected = False
                buf.clear()
                time.sleep(0.01)
                continue
            connected = True
            if self.throttle:
                self._rx.carry(len(chunk))  # the whole chunk is in only after its line time
            if self.app_mode:
                sync = chunk.find(b"\xc0\x00\x08")
                if sync < 0:
                    os.write(self._open_app(), chunk)  # keystrokes / raw REPL to the app
                    continue
                self.app_mode = False  # esptool's auto-reset into the loader
                chunk = chunk[sync:]
            buf += chunk
            while True:
                start = buf.find(0xC0)
                if start < 0:
                    buf.clear()
                    break
                end = buf.find(0xC0, start + 1)
                if end < 0:
                    del buf[:start]
                    break
                frame = bytes(buf[start + 1 : end])
                del buf[: end + 1]
                if not frame:
                    buf[0:0] = b"\xc0"  # two delimiters in a row: the second opens a frame
                    continue
                # unescape DB DC first, then DB DD (the other order would corrupt DB DD DC)
                packet = frame.replace(b"\xdb\xdc", b"\xc0").replace(b"\xdb\xdd", b"\xdb")
                self._handle(packet)

    def _send(self, packet: bytes) -> None:
        data = b"\xc0" + packet.replace(b"\xdb", b"\xdb\xdd").replace(b"\xc0", b"\xdb\xdc")
        self._write(data + b"\xc0")

    def _write(self, data: bytes) -> None:
        if self.throttle:
            self._tx.carry(len(data))  # the reply's last byte leaves after its line time
        view = memoryview(data)
        while view:
            try:
                n = os.write(self._master, view)
            except BlockingIOError:
                select.select([], [self._master], [], 0.05)
                continue
            except OSError:
                return
            view = view[n:]

    def _reply(self, op: int, value: int = 0, data: bytes = b"", status: int = OK,
               error: int = 0) -> None:  # fmt: skip
        pad = 0 if self.stub else self.facts["rom_status_len"] - 2
        tail = bytes([status, error]) + b"\x00" * pad
        body = data + tail
        self._send(struct.pack("<BBHI", 1, op, len(body), value) + body)

    def _handle(self, packet: bytes) -> None:
        if len(packet) < 8 or packet[0] != 0:
            return
        _, op, size, chk = struct.unpack("<BBHI", packet[:8])
        data = packet[8 : 8 + size]
        if self.deaf:
            return
        self.commands.append(op)
        handler = getattr(self, f"_op_{op:02x}", None)
        if handler is None or not (self.stub or op in self.facts["rom_ops"]):
            self.refused.append(op)
            self._reply(op, status=1, error=ERR_INVALID_MESSAGE)
            return
        handler(op, data, chk)

    # ----- commands ---------------------------------------------------------------------
    def _op_08(self, op: int, data: bytes, chk: int) -> None:  # SYNC
        value = 0 if self.stub else 0x20120707
        for _ in range(8):
            self._reply(op, value)

    def _op_0a(self, op: int, data: bytes, chk: int) -> None:  # READ_REG
        (addr,) = struct.unpack("<I", data[:4])
        self._reply(op, self.read_reg(addr))

    def _op_09(self, op: int, data: bytes, chk: int) -> None:  # WRITE_REG (1+ tuples)
        for i in range(0, len(data) - 15, 16):
            addr, value, mask, _delay = struct.unpack("<IIII", data[i : i + 16])
            self.write_reg(addr, value, mask)
        self._reply(op)

    def _op_14(self, op: int, data: bytes, chk: int) -> None:  # GET_SECURITY_INFO
        chip_id = self.facts["chip_id"]
        if chip_id is None:  # ESP32 ROM and stub: not supported
            self._reply(op, status=1, error=ERR_INVALID_MESSAGE)
            return
        info = struct.pack("<IBBBBBBBBII", 0, 0, 0, 0, 0, 0, 0, 0, 0, chip_id, 0)
        self._reply(op, data=info)

    def _op_05(self, op: int, data: bytes, chk: int) -> None:  # MEM_BEGIN
        self._reply(op)

    def _op_07(self, op: int, data: bytes, chk: int) -> None:  # MEM_DATA
        length = struct.unpack("<I", data[:4])[0]
        payload = data[16 : 16 + length]
        if _xor_fold(payload) ^ 0xEF != chk & 0xFF:
            self._reply(op, status=1, error=ERR_BAD_DATA_CHECKSUM)
            return
        self._reply(op)

    def _op_06(self, op: int, data: bytes, chk: int) -> None:  # MEM_END: run the stub
        no_entry, entry = struct.unpack("<II", data[:8])
        self._reply(op)
        if not no_entry and entry:
            self.stub = True
            self._send(b"OHAI")

    def _op_0d(self, op: int, data: bytes, chk: int) -> None:  # SPI_ATTACH
        self._reply(op)

    def _op_0b(self, op: int, data: bytes, chk: int) -> None:  # SPI_SET_PARAMS
        self._reply(op)

    def _op_0f(self, op: int, data: bytes, chk: int) -> None:  # CHANGE_BAUDRATE
        (baud,) = struct.unpack("<I", data[:4])
        self._reply(op)  # the reply still goes at the old speed, then the chip switches
        self.baud_changes.append(baud)
        self._set_baud(baud)
        if self.max_baud is not None and baud > self.max_baud:
            self.deaf = True  # until the next reset

    def _op_02(self, op: int, data: bytes, chk: int) -> None:  # FLASH_BEGIN
        erase_size, _blocks, block_size, offset = struct.unpack("<IIII", data[:16])
        self.erase(offset, erase_size)
        self._write_ptr = offset
        self._block_size = block_size
        self._begin_offset = offset
        self._reply(op)

    def _op_03(self, op: int, data: bytes, chk: int) -> None:  # FLASH_DATA
        length, seq = struct.unpack("<II", data[:8])
        payload = data[16 : 16 + length]
        if _xor_fold(payload) ^ 0xEF != chk & 0xFF:
            self._reply(op, status=1, error=ERR_BAD_DATA_CHECKSUM)
            return
        addr = self._begin_offset + seq * self._block_size
        payload = payload[: max(0, self.flash_size - addr)]
        self.program(addr, payload)
        self._reply(op)

    def _op_04(self, op: int, data: bytes, chk: int) -> None:  # FLASH_END
        self._reply(op)

    def _op_10(self, op: int, data: bytes, chk: int) -> None:  # FLASH_DEFL_BEGIN
        size, _blocks, _block_size, offset = struct.unpack("<IIII", data[:16])
        self.erase(offset, size)  # ROM erases up front; the stub as it goes: same result
        self._write_ptr = offset
        self._defl = zlib.decompressobj()
        self._reply(op)

    def _op_11(self, op: int, data: bytes, chk: int) -> None:  # FLASH_DEFL_DATA
        length = struct.unpack("<I", data[:4])[0]
        payload = data[16 : 16 + length]
        if self._defl is None or _xor_fold(payload) ^ 0xEF != chk & 0xFF:
            self._reply(op, status=1, error=ERR_BAD_DATA_CHECKSUM)
            return
        out = self._defl.decompress(payload)
        self.program(self._write_ptr, out)
        self._write_ptr += len(out)
        self._reply(op)

    def _op_12(self, op: int, data: bytes, chk: int) -> None:  # FLASH_DEFL_END
        self._defl = None
        if isinstance(self.flash, mmap.mmap):
            self.flash.flush()
        self._reply(op)

    def _op_13(self, op: int, data: bytes, chk: int) -> None:  # SPI_FLASH_MD5
        addr, size = struct.unpack("<II", data[:8])
        digest = hashlib.md5(self.flash[addr : addr + size])
        self._reply(op, data=digest.digest() if self.stub else digest.hexdigest().encode())

    def _op_d2(self, op: int, data: bytes, chk: int) -> None:  # READ_FLASH (stub only)
        # the stub's read: OK, then one frame per block, each acknowledged by the host with the
        # byte count so far (a 4-byte frame), then the MD5 of everything sent
        offset, length, block, _in_flight = struct.unpack("<IIII", data[:16])
        self._reply(op)
        sent = 0
        while sent < length:
            chunk = bytes(self.flash[offset + sent : offset + min(sent + block, length)])
            self._send(chunk)
            sent += len(chunk)
            self._await_frame()  # the acknowledgement (waiting keeps the pty from filling)
        self._send(hashlib.md5(self.flash[offset : offset + length]).digest())

    def _await_frame(self, timeout: float = 5.0) -> bytes:
        """Read one SLIP frame from the host (READ_FLASH acknowledgements), outside _serve."""
        got = bytearray()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if ready:
                try:
                    got += os.read(self._master, 1)
                except OSError:
                    return b""
                if len(got) > 1 and got[-1] == 0xC0 and got.count(0xC0) >= 2:
                    return bytes(got)
        return b""

    def _op_d0(self, op: int, data: bytes, chk: int) -> None:  # ERASE_FLASH (stub only)
        self.erase_all_count += 1
        self.changes.append(("erase", 0, self.flash_size))
        self.flash[:] = b"\xff" * self.flash_size
        self._reply(op)

    def _op_d1(self, op: int, data: bytes, chk: int) -> None:  # ERASE_REGION (stub only)
        offset, size = struct.unpack("<II", data[:8])
        self.erase(offset, size)
        self._reply(op)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chip", default="esp32", choices=sorted(CHIPS))
    parser.add_argument("--flash-file")
    parser.add_argument("--flash-size", type=int, default=4 << 20)
    parser.add_argument(
        "--throttle", action="store_true", help="move bytes at the baud rate esptool set"
    )
    args = parser.parse_args(argv)
    sim = EspRomSim(
        args.chip, flash_size=args.flash_size, flash_file=args.flash_file, throttle=args.throttle
    )
    sim.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(sim.port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        sim.close()


if __name__ == "__main__":
    sys.exit(main())
