"""Small serial helpers for the simulator tests (plain pyserial, no ide.board)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import serial

MPREMOTE = [sys.executable, "-m", "mpremote"]


def open_port(port: str) -> serial.Serial:
    return serial.Serial(port, 115200, timeout=0.05)


def read_until(s: serial.Serial, marker: bytes, timeout: float = 10.0) -> bytes:
    """Read until ``marker`` arrives; fails the test with what did arrive on timeout."""
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {marker!r}; got {data[-500:]!r}")
        data += s.read(max(1, s.in_waiting))
    return data


def friendly_prompt(s: serial.Serial) -> None:
    s.write(b"\x02\x03\r")
    # the banner's prompt, Ctrl-C's and Enter's: all three, so nothing more is on its way
    read_until(s, b">>> \r\n>>> \r\n>>> ")


def enter_raw(s: serial.Serial) -> None:
    s.write(b"\r\x03\x03\x01")
    read_until(s, b"raw REPL; CTRL-B to exit\r\n>")
    time.sleep(0.05)
    s.reset_input_buffer()


def raw_exec(s: serial.Serial, code: str, timeout: float = 10.0) -> tuple[bytes, bytes]:
    """Plain raw REPL: returns (stdout, error text)."""
    s.write(code.encode() + b"\x04")
    data = read_until(s, b"OK", timeout)
    data = data[data.index(b"OK") + 2 :]
    while data.count(b"\x04") < 2 or not data.endswith(b"\x04>"):
        data += read_until(s, b">", timeout)
    out, err = data[: -len(b"\x04>")].split(b"\x04", 1)
    return out, err


def mpremote(port: str, *args: str, timeout: float = 60.0, cwd: Path | None = None):
    return subprocess.run(
        [*MPREMOTE, "connect", port, *args],
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
    )


def read_exact(s: serial.Serial, n: int, timeout: float = 10.0) -> bytes:
    data = b""
    deadline = time.monotonic() + timeout
    while len(data) < n:
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {data!r}, wanted {n} bytes")
        data += s.read(n - len(data))
    return data


class TransportSerial:
    """A pyserial-like face (read with .timeout, in_waiting, write, close) over a Transport or
    a simulator Client, for ide.board.Session(serial_factory=...) and the raw REPL helpers."""

    def __init__(self, transport) -> None:
        self.transport = transport
        self.timeout = 0.05
        self._ahead = b""

    def read(self, n: int = 1) -> bytes:
        if not self._ahead:
            self._ahead = self.transport.read(65536, self.timeout)
        data, self._ahead = self._ahead[:n], self._ahead[n:]
        return data

    @property
    def in_waiting(self) -> int:
        if not self._ahead:
            self._ahead = self.transport.read(65536, 0)
        return len(self._ahead)

    def reset_input_buffer(self) -> None:
        self._ahead = b""
        while self.transport.read(65536, 0):
            pass

    def write(self, data: bytes) -> int:
        self.transport.write(bytes(data))
        return len(data)

    def close(self) -> None:
        self.transport.close()


#: MicroPython source of a block device in RAM: RAMBlockDev(block_size, num_blocks), what
#: os.VfsFat/os.VfsLfs2 format and mount (with `import os`)
RAM_BLOCK_DEVICE = """
import os
class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)
    def readblocks(self, n, buf):
        buf[:] = self.data[n * self.block_size : n * self.block_size + len(buf)]
    def writeblocks(self, n, buf):
        self.data[n * self.block_size : n * self.block_size + len(buf)] = buf
    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size
"""


def loss_under_a_call(session, cut, timeout: float = 30.0):
    """The Disconnected a call gets when ``cut()`` takes the link away while the call keeps
    the board busy (a loop on the board), or None when the call did not fail."""
    import threading

    from ide.board.errors import Disconnected

    failed: list[Disconnected] = []

    def call() -> None:
        try:
            session.exec("import time\nwhile True:\n    time.sleep_ms(10)\n")
        except Disconnected as e:
            failed.append(e)

    thread = threading.Thread(target=call)
    thread.start()
    deadline = time.monotonic() + timeout
    while str(session.state) != "busy" and time.monotonic() < deadline:
        time.sleep(0.01)
    cut()
    thread.join(timeout)
    return failed[0] if failed else None


def assert_reason_translatable(error) -> None:
    """"The connection to the board was lost ({reason})": every argument a translatable
    phrase, never a transport's English words inside a Japanese or Chinese sentence."""
    from ide.text import Message

    assert error is not None, "the call did not fail"
    msg = error.message
    assert isinstance(msg, Message) and msg.args, msg
    assert all(isinstance(v, Message) for v in msg.args.values()), msg
