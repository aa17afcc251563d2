"""WebREPL file requests carried out on the virtual board (the real board does them in C).

The endpoint pauses its REPL pump, and these functions borrow the board's serial line: Ctrl-C,
the raw REPL (Ctrl-A), Python that writes or reads the file, Ctrl-B back to the friendly REPL.
Host-side only; what they send to the board holds every path through repr().
"""

from __future__ import annotations

import base64
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ide.simulator import Client

STEP_TIMEOUT = 10.0
CHUNK = 4096  # file bytes per exec line (base64 on the wire)


def _read_until(link: Client, marker: bytes, timeout: float = STEP_TIMEOUT) -> bytes:
    got = b""
    deadline = time.monotonic() + timeout
    while marker not in got:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"waiting for {marker!r}, got {got[-80:]!r}")
        got += link.read(4096, min(left, 0.2))
    return got


def _raw_exec(link: Client, code: str) -> tuple[bytes, bytes]:
    """Run ``code`` in the raw REPL: (output, error text). The answer is
    ``OK<output>\x04<error>\x04>``."""
    link.write(code.encode() + b"\x04")
    got = _read_until(link, b"OK")
    while got.count(b"\x04") < 2 or not got.rstrip().endswith(b">"):
        got += _read_until(link, b">")
    body = got.split(b"OK", 1)[1]
    out, err, _ = body.split(b"\x04", 2)
    return out, err


def _enter(link: Client) -> None:
    link.write(b"\r\x03\x03\x01")
    _read_until(link, b"raw REPL; CTRL-B to exit\r\n>")


def _leave(link: Client) -> None:
    link.write(b"\x02")
    _read_until(link, b">>> ")


def board_put(link: Client, name: str, data: bytes) -> bool:
    """Write ``data`` to ``name`` on the board; True when it worked."""
    try:
        _enter(link)
        try:
            _, err = _raw_exec(link, f"import binascii\n_wf=open({name!r},'wb')")
            if err:
                return False
            for i in range(0, len(data), CHUNK):
                b64 = base64.b64encode(
                    data[i : i + CHUNK]
                )  # bytes: every port's binascii takes them
                _, err = _raw_exec(link, f"_wf.write(binascii.a2b_base64({b64!r}))")
                if err:
                    return False
            _, err = _raw_exec(link, "_wf.close()\ndel _wf")
            return not err
        finally:
            _leave(link)
    except (TimeoutError, ConnectionError):
        return False


def board_get(link: Client, name: str) -> bytes | None:
    """The bytes of ``name`` on the board, or None when it cannot be read."""
    try:
        _enter(link)
        try:
            out, err = _raw_exec(
                link,
                f"import binascii\nwith open({name!r},'rb') as _rf:"
                "print(binascii.b2a_base64(_rf.read()).decode().strip())",
            )
        finally:
            _leave(link)
    except (TimeoutError, ConnectionError):
        return None
    if err:
        return None
    return base64.b64decode(out.strip())
