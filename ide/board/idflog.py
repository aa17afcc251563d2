"""ESP-IDF log lines the board prints on its own, told apart from protocol traffic.

An ESP32 running MicroPython shares its UART between MicroPython's stdout and ESP-IDF's logger:
lines such as ``E (1234) wifi: ...`` or ``\\x1b[0;31mE (1234) wifi: ...\\x1b[0m`` can arrive at any
moment, also in the middle of a raw-REPL answer or a file transfer. :class:`LogSieve` sits in
the link's capture path (only while an IDE operation captures, and only in protocol phases: a
running program's output goes to the console anyway) and takes such lines out of the captured
bytes so that they reach the console instead of being parsed as the operation's result.

A line is recognised by its exact shape only: optional SGR colour, a level letter (E W I D V),
a space, ``(milliseconds)``, a space, a tag, ``: ``, the message, ``\\r\\n``. A bare (uncoloured)
line must start where a line can start in the protocol (after a line end, an acknowledgement,
an end-of-frame byte or the raw prompt, or at the start of the capture); a coloured one may
start anywhere (the escape byte is distinctive). The file transfers' sha256 check still guards
the data: a file whose own bytes have that shape is retried with the sieve off.
"""

from __future__ import annotations

import re

# A whole log line (the caller only tries it where a line may start).
_LINE = re.compile(
    rb"(?:\x1b\[[0-9;]{0,8}m)?[EWIDV] \(\d{1,10}\) [\w.\-/]{1,32}: [^\r\n]{0,400}\r?\n"
)
# Everything that could still grow into such a line (no line end yet): each step optional.
_PARTIAL = re.compile(
    rb"(?:\x1b(?:\[(?:[0-9;]{0,8}(?:m)?)?)?)?\Z"
    rb"|(?:\x1b\[[0-9;]{0,8}m)?[EWIDV]"
    rb"(?: (?:\((?:\d{1,10}(?:\)(?: (?:[\w.\-/]{1,32}(?::(?: [^\r\n]{0,400}\r?)?)?)?)?)?)?)?)?\Z"
)
# Bytes after which a bare log line may begin: a line end, ACK/NAK of an upload chunk, a stream
# upload's file committed (\x07), the end of a raw-REPL frame (\x04), the raw prompt ">".
_BOUNDARY = b"\n\x06\x07\x15\x04>"
_STARTS = b"EWIDV\x1b"
# A candidate start inside a chunk: an escape anywhere, a level letter after a boundary.
_CANDIDATE = re.compile(rb"\x1b|(?<=[\n\x06\x07\x15\x04>])[EWIDV]")
MAX_LINE = 480  # longer than any line _LINE accepts: a held candidate this long is data


class LogSieve:
    """Feed captured bytes in; get back what the operation should see and the log lines."""

    def __init__(self) -> None:
        self._held = b""  # a possible log line still arriving (not yet given to anyone)
        self._prev = b"\n"  # last byte passed on: the capture starts at a line start

    def reset(self) -> None:
        """A new capture starts (at a line start, nothing held)."""
        self._held = b""
        self._prev = b"\n"

    def feed(self, data: bytes) -> tuple[bytes, list[bytes]]:
        """(bytes for the operation, whole log lines for the console)."""
        work = self._held + data
        self._held = b""
        keep = bytearray()
        lines: list[bytes] = []
        i = 0
        n = len(work)
        while i < n:
            # The byte before i as the protocol sees it (a diverted line ends in \n, so this is
            # right after one too).
            before = work[i - 1 : i] if i else self._prev
            if work[i] == 0x1B or (work[i : i + 1] in b"EWIDV" and before in _BOUNDARY):
                j = i
            else:
                # The next place a log line could start (a search, not a byte loop: 100 kB
                # downloads pass through here).
                m = _CANDIDATE.search(work, i + 1)
                if m is None:
                    keep += work[i:]
                    i = n
                    break
                j = m.start()
                keep += work[i:j]
            line = _LINE.match(work, j)
            if line:
                lines.append(bytes(work[j : line.end()]))
                i = line.end()
                continue
            rest = work[j : j + MAX_LINE]
            if len(rest) < MAX_LINE and _PARTIAL.match(rest):
                self._held = bytes(work[j:])  # may still become a log line: wait for more
                i = j
                break
            keep += work[j : j + 1]
            i = j + 1
        if i:
            self._prev = work[i - 1 : i]
        return bytes(keep), lines

    def flush(self) -> bytes:
        """The line is not coming (the board went quiet): held bytes were data after all."""
        held, self._held = self._held, b""
        if held:
            self._prev = held[-1:]
        return held

    @property
    def holding(self) -> bool:
        return bool(self._held)


def is_log_line(line: bytes) -> bool:
    """``line`` is one whole ESP-IDF log line (with its line end)."""
    return _LINE.fullmatch(line) is not None


def sift_logs(data: bytes) -> tuple[bytes, list[bytes]]:
    """``data`` (starting at a line start, complete) without its log lines, and those lines."""
    sieve = LogSieve()
    keep, lines = sieve.feed(data)
    return keep + sieve.flush(), lines
