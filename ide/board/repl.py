"""The raw-REPL protocol: which mode the board is in, entering and leaving the raw REPL,
sending code (raw-paste with its flow-control window, or plain raw REPL), reading an exec's
result, and recovering from a cut upload.

Modes as the protocol believes them: "friendly" (console traffic flows to the subscribers),
"raw" (captured; an operation may run), "unknown" (after a timeout or a cut: the next operation
interrupts and re-enters the raw REPL from scratch). Every method here runs with the session's
operation lock held.
"""

from __future__ import annotations

import ast
import dataclasses
import struct
import time
from collections.abc import Callable
from typing import Any

from ide.board import greeting, helpers
from ide.board.console import ConsoleRouter
from ide.board.errors import BoardError, RemoteError, Timeout
from ide.board.link import Link, LinkTimeout
from ide.board.types import BoardInfo

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
DEFAULT_WINDOW = 256  # the board's stdin buffer when it does not tell (raw-paste tells)
PROBE_WAIT = 0.5  # seconds an idle prompt gets to answer Ctrl-C (it answers in milliseconds)
MAX_CHUNK = 8192  # largest upload chunk (see transfer.upload_chunk); also the recovery's zeros


class RawRepl:
    """The protocol state of one board: mode, raw-paste support and window, a cut upload."""

    def __init__(
        self,
        link: Link,
        console: ConsoleRouter,
        *,
        timeout: float,
        diagnose: Callable[[bytes], Exception],
        on_banner: Callable[[str], None],
    ) -> None:
        self.link = link
        self.console = console
        self.timeout = timeout
        self._diagnose = diagnose
        self.on_banner = on_banner
        self.mode = "unknown"
        self.raw_paste: bool | None = None  # None: not tried yet
        self.window = DEFAULT_WINDOW
        self._helpers_installed = False
        self.stream_installed = False  # the stream upload helper (transfer_stream) is there
        self.deflate: bool | None = None  # the board has deflate (transfer_stream.has_deflate)
        self._dirty_upload: tuple[str, int] | None = None  # (temp path, chunk) of a cut upload

    @property
    def helpers_installed(self) -> bool:
        """The fast transfer helpers (ide.board.helpers.INSTALL) are on the board."""
        return self._helpers_installed

    @helpers_installed.setter
    def helpers_installed(self, value: bool) -> None:
        self._helpers_installed = value
        if not value:  # (set after a reset: sys.modules is new, the stream helper went too)
            self.stream_installed = False

    # -- cut uploads --------------------------------------------------------------------------
    def upload_started(self, temp: str, chunk: int) -> None:
        """An upload's helper runs on the board: if the link is cut now, recovery must abort it
        (``chunk``: its chunk size, 0 for the portable path) and remove ``temp``."""
        self._dirty_upload = (temp, chunk)

    def upload_ended(self) -> None:
        self._dirty_upload = None

    @property
    def upload_cut(self) -> bool:
        return self._dirty_upload is not None

    def new_link(self, link: Link) -> None:
        """A new link (a reconnect): it may lead to another board (a CH340 has no serial number
        to tell boards apart, a board may be reflashed meanwhile), so what was learnt about the
        last one is asked again: raw-paste and its window (short code goes out with the request
        only up to the window this board granted), deflate for stream uploads."""
        self.link = link
        self.raw_paste = None
        self.window = DEFAULT_WINDOW
        self.deflate = None
        self.invalidate()

    def invalidate(self) -> None:
        """The protocol state is not known (mid-protocol failure): resync before the next use."""
        self.mode = "unknown"

    def board_reset(self) -> None:
        """The board restarted: helpers are gone, it talks to the console."""
        self.helpers_installed = False
        self.mode = "friendly"

    # -- entering and leaving -----------------------------------------------------------------
    def resync(self, *, banner_follows: bool = False) -> None:
        """From any state to the raw REPL prompt: interrupt, Ctrl-A, wait for the banner.
        ``banner_follows``: the caller shows the board's banner next (connect), so a boot's
        banner read meanwhile is not passed on (else the console shows it twice)."""
        link = self.link
        link.set_capture(True)
        self.mode = "unknown"
        received = bytearray()
        # how long the board's answer to Ctrl-C may pause before it is complete: 0.1 s over
        # USB and networks; a transport that answers at once (the unthrottled simulator: a
        # pipe in this machine) says less (base.py), which takes ~0.1 s off every connect
        quiet = float(getattr(link.transport, "quiet_seconds", 0.1))
        if self._dirty_upload is not None:
            # A fast upload was cut: its helper may still wait for bytes with Ctrl-C disabled.
            # Fill any half chunk with zeros; the zero header after it makes the helper abort.
            link.write(b"\x00" * (self._dirty_upload[1] + 2))
            received += link.wait_quiet(0.2, 3.0)
        for attempt in range(3):
            if attempt == 1 and not _repl_answered(received):
                # No REPL answered Ctrl-C: maybe an upload helper of an earlier session (the IDE
                # killed or closed mid-upload) waits for data with Ctrl-C disabled; its late
                # acknowledgements (\x06) may be all we saw. Zeros finish its chunk (our own
                # Ctrl-C and Ctrl-A may have started one), and a zero header aborts it.
                link.write(b"\x00" * (MAX_CHUNK + 2))
                received += link.wait_quiet(0.3, 3.0)
            link.write(b"\x03\x03" if attempt == 0 else b"\r\x03\x03")
            received += link.wait_quiet(quiet, 0.5)
            link.write(b"\x01")
            try:
                received += link.read_until(RAW_BANNER, 0.7 + 0.5 * attempt)
            except LinkTimeout as e:
                received += e.received
                continue
            time.sleep(0.02 if attempt else quiet / 5)
            link.take()  # drop another banner if an earlier Ctrl-A arrived late
            self.mode = "raw"
            if self._dirty_upload is None:
                # What the board said on its own before our keys took effect (an ESP32's ROM
                # boot log when the port opened, a program's last lines) is the console's;
                # the prompts, banners and tracebacks our own Ctrl-C/Ctrl-A caused are not.
                self._pass_on(_own_words(bytes(received), banner_follows))
            if self._dirty_upload is not None:
                temp = self._dirty_upload[0]
                self._dirty_upload = None
                self.exec(helpers.call(helpers.UPLOAD_ABORT, temp))
            return
        raise self._diagnose(bytes(received))

    def ensure_raw(self) -> None:
        """At the raw REPL prompt, from wherever the board is."""
        link = self.link
        if self.mode == "raw":
            stray = link.take()
            if not stray:
                return
            self.console.emit(stray)  # printed on its own meanwhile (a Timer, a reset button)
            self.resync()
            return
        if self.mode == "friendly":
            link.set_capture(True)
            self.mode = "unknown"
            # Ctrl-C first when the user has half a line typed (it would prefix our Ctrl-A).
            clean = self.console.clean_prompt()
            link.write(b"\x01" if clean else b"\x03\x01")
            try:
                before = link.read_until(RAW_BANNER, 2.0)
                self.mode = "raw"
                self._pass_on(before[: -len(RAW_BANNER)])
                return
            except LinkTimeout as e:
                if not e.received:
                    self._probe_silence()
        self.resync()

    def _probe_silence(self) -> None:
        """The friendly REPL, which answered until now, said nothing at all to Ctrl-A: one
        short probe (Ctrl-C, which an idle prompt answers at once) before the long resync and
        its diagnosis. Still nothing: the wire is broken (or the board hangs with Ctrl-C
        off) -- say "the board stopped answering" now, never "install MicroPython"."""
        self.link.write(b"\x03")
        got = self.link.read_some(PROBE_WAIT)
        if got:
            self.link.unread(got)
            return
        self.mode = "unknown"
        raise Timeout(detail="no answer to Ctrl-A or Ctrl-C at the friendly prompt")

    def _pass_on(self, before: bytes) -> None:
        """Bytes the board printed on its own just before the raw REPL banner (a Timer, a log
        line) belong to the console; the prompts our Ctrl-C brought and line ends do not."""
        text = before.replace(b">>> ", b"").replace(b"\r\n", b"\n")
        if text.strip():
            self.console.emit(text.strip(b"\n").replace(b"\n", b"\r\n") + b"\r\n")

    def to_friendly(self, show_banner: bool = False, prompt: bool = False) -> None:
        """Leave the raw REPL; the console sees nothing of it (or the banner at connect, or just
        the prompt after a program), then the user's half-typed line is typed again."""
        link = self.link
        stray = link.take()  # printed on its own at the raw prompt (a Timer, a log line)
        link.write(b"\x02")
        try:
            data = link.read_until(b">>> ", 3.0)
        except LinkTimeout as e:
            self.mode = "unknown"
            raise Timeout(detail="leaving raw REPL") from e
        # The board answers Ctrl-B with its banner line; anything before it is the board's own.
        starts = [i for i in (data.find(b"MicroPython"), data.find(b"CircuitPython")) if i >= 0]
        if starts:
            stray, data = stray + data[: min(starts)], data[min(starts) :]
        if stray.strip(b"\r\n"):
            self.console.emit(stray)
        banner = data.lstrip(b"\r\n")
        first = banner.split(b"\r\n", 1)[0].decode("utf-8", "replace")
        if first.startswith("MicroPython") or first.startswith("CircuitPython"):
            self.on_banner(first)
        typed = self.console.typed()
        if typed:
            link.write(typed)
        self.mode = "friendly"
        if typed:
            # The echo is already on the console: swallow it (it starts within a second and
            # has no long pauses).
            if link.read_some(1.0):
                link.wait_quiet(0.1, 2.0)
        with self.console.cond:  # the reader's next bytes wait until these are out
            rest = link.set_capture(False)
            if not typed:
                self.console.fresh_prompt()
            if show_banner:
                self.console.emit(banner)
            elif prompt:
                self.console.emit(b">>> ")
            if rest:
                self.console.emit(rest)

    def greet(self) -> None:
        """A link to a board that may have booted before we listened: see ide.board.greeting."""
        greeting.greet(self)

    def soft_reset_raw(self) -> None:
        """A soft reset from the raw REPL prompt: a fresh interpreter (no timers, IRQ handlers,
        PWM or globals of an earlier program), boot.py runs, main.py does not (MicroPython runs
        main.py only when the reset happens at the friendly REPL), files are kept, and the
        board comes back to the raw REPL prompt."""
        link = self.link
        # Ctrl-D with nothing typed at the raw prompt is the raw REPL's soft reset: "OK", then
        # the reboot; the board keeps the raw REPL and greets with its banner again.
        link.write(b"\x04")
        self.helpers_installed = False  # sys.modules is new: the transfer helpers are gone
        try:
            link.read_until(b"soft reboot\r\n", self.timeout, max_bytes=4096)
            before = link.read_until(RAW_BANNER, self.timeout, idle=True)
        except LinkTimeout as e:
            self.mode = "unknown"
            raise Timeout(detail="soft reset in the raw REPL") from e
        self._pass_on(before[: -len(RAW_BANNER)])  # what boot.py printed is the console's

    def release_to_console(self) -> None:
        """After a reset: what the board says from now on is the console's."""
        with self.console.cond:
            self.console.board_restarting()
            rest = self.link.set_capture(False)
            self.console.emit(rest)

    # -- sending code and reading results -----------------------------------------------------
    def send_code(self, code: bytes) -> None:
        """Send code to the raw REPL prompt; returns when the board starts executing it."""
        link = self.link
        if self.raw_paste and len(code) <= self.window:
            self._paste_short(code)
            return
        if self.raw_paste is not False:
            link.write(b"\x05A\x01")
            answer = self.read_until_any((b"R\x01", b"R\x00", b"w REPL; CTRL-B to exit\r\n>"), 2.0)
            if answer == b"R\x01":
                self.raw_paste = True
                self.window = struct.unpack("<H", link.read_exact(2, 2.0))[0] or DEFAULT_WINDOW
                self._paste(code)
                return
            # R\x00: understood but unsupported. The banner: firmware without raw-paste took
            # ^E as a character and Ctrl-A reset its raw REPL. Either way: plain raw REPL.
            self.raw_paste = False
        for i in range(0, len(code), 256):
            link.write(code[i : i + 256])
            if len(code) > 256:
                time.sleep(0.01)  # no flow control in plain raw REPL: pace like a typist
        link.write(b"\x04")
        ok = link.read_exact(2, self.timeout, idle=False)
        if ok != b"OK":
            self.mode = "unknown"
            raise Timeout(detail=f"raw REPL answered {ok!r} instead of OK")

    def read_until_any(self, markers: tuple[bytes, ...], timeout: float) -> bytes:
        """Skip bytes (line noise) up to the first of ``markers``; return that marker."""
        seen = b""
        deadline = time.monotonic() + timeout
        while True:
            hits = [(seen.find(m), m) for m in markers if m in seen]
            if hits:
                i, m = min(hits)
                self.link.unread(seen[i + len(m) :])
                return m
            left = deadline - time.monotonic()
            more = self.link.read_some(left) if left > 0 else b""
            if not more:
                raise LinkTimeout(seen, " or ".join(repr(m) for m in markers))
            seen += more

    def _paste_short(self, code: bytes) -> None:
        """Raw-paste ``code`` (no longer than the window the board granted last time) in the
        same write as the request: the one round trip of asking first is saved on every short
        call (a transfer helper's start, a stat). Safe on a UART too: a board that grants a
        window has room for two of them in its input buffer, and this is at most one."""
        link = self.link
        link.write(b"\x05A\x01" + code + b"\x04")
        answer = self.read_until_any((b"R\x01", b"R\x00", b"w REPL; CTRL-B to exit\r\n>"), 2.0)
        if answer != b"R\x01":
            # A board that granted raw-paste refuses it now (another board or older firmware
            # behind the same port). Either answer leaves it at a plain raw REPL prompt that
            # then reads the code and the \x04 as typed input (pyexec.c: after R\x00 the line
            # is reset and '>' printed; without raw-paste, ^E and 'A' are typed and the Ctrl-A
            # resets the line): the board runs the code once, as plain raw REPL, and says OK.
            # Going on from there neither loses the call nor runs it twice by repeating it.
            self.raw_paste = False
            if answer == b"R\x00":
                link.read_exact(1, 2.0)  # the prompt '>' that follows the refusal
            ok = link.read_exact(2, self.timeout, idle=False)
            if ok != b"OK":
                self.mode = "unknown"
                raise Timeout(detail=f"raw REPL answered {ok!r} instead of OK")
            return
        self.window = struct.unpack("<H", link.read_exact(2, 2.0))[0] or DEFAULT_WINDOW
        # window grants (\x01) and then the end of the data acknowledged (\x04)
        link.read_until(b"\x04", self.timeout, max_bytes=4096)

    def _paste(self, code: bytes) -> None:
        link = self.link
        window = self.window
        remain = window
        i = 0
        while i < len(code):
            got = link.take() if remain else link.read_some(self.timeout)
            if not got and not remain:
                raise LinkTimeout(b"", "raw-paste window")
            for b in got:
                if b == 1:
                    remain += window
                elif b == 4:  # the board ends the paste early (e.g. out of memory)
                    link.write(b"\x04")
                    i = len(code)
                    break
                else:
                    self.mode = "unknown"
                    raise Timeout(detail=f"unexpected {bytes([b])!r} during raw-paste")
            if i >= len(code):
                break
            n = min(remain, len(code) - i)
            if n:
                link.write(code[i : i + n])
                remain -= n
                i += n
        link.write(b"\x04")
        link.read_until(b"\x04", self.timeout, max_bytes=4096)

    def finish_exec(self, timeout: float | None = None) -> tuple[bytes, bytes]:
        """Read the end of an exec: stdout, the error frame and the raw prompt (``timeout``
        per wait, restarted by incoming bytes; the protocol's timeout when None)."""
        link = self.link
        if timeout is None:
            timeout = self.timeout
        out = link.read_until(b"\x04", timeout, idle=True)[:-1]
        err = link.read_until(b"\x04", timeout, idle=True)[:-1]
        link.read_exact(1, timeout)  # the raw REPL prompt ">"
        return out, err

    def exec(self, code: str, timeout: float | None = None) -> str:
        """Run ``code`` at the raw prompt; its output. RemoteError if it raised."""
        self.send_code(code.encode("utf-8"))
        out, err = self.finish_exec(timeout)
        if err:
            raise RemoteError(err.decode("utf-8", "replace"))
        return out.decode("utf-8", "replace")


def _own_words(received: bytes, no_banner: bool = False) -> bytes:
    """``received`` (what a resync read) without the answers to the resync's own keys: raw
    REPL banners, prompts, the KeyboardInterrupt our Ctrl-C caused, control bytes; and, with
    ``no_banner``, without the friendly banner's two lines (a boot's, shown again later)."""
    text = received.replace(RAW_BANNER, b"\n").replace(b"raw REPL; CTRL-B to exit", b"")
    keep = []
    for line in text.replace(b"\r\n", b"\n").split(b"\n"):
        # Why strip control bytes: late upload acknowledgements (\x06) and zeros are protocol.
        line = bytes(b for b in line if b >= 0x20 or b in (0x09, 0x1B))
        bare = line.replace(b">>> ", b"").strip()
        if not bare or bare in (b">", b"KeyboardInterrupt:", b"KeyboardInterrupt"):
            continue
        if bare.startswith(b"Traceback (most recent call last)") or bare.startswith(b'File "'):
            continue
        if no_banner and (
            greeting.banner_at(bare) == 0 or bare == b'Type "help()" for more information.'
        ):
            continue
        keep.append(line.replace(b">>> ", b"") if line.startswith(b">>> ") else line)
    return b"\n".join(keep)


def _repl_answered(received: bytes | bytearray) -> bool:
    """A MicroPython REPL (friendly or raw) answered: its prompt is in ``received``."""
    return b">>> " in received or b"raw REPL" in received


def with_banner(info: BoardInfo, banner: str) -> BoardInfo:
    """``info`` completed from the friendly REPL's banner line, e.g.
    "MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040"."""
    version = info.version
    machine = info.machine
    head, _, tail = banner.partition(";")
    words = head.split()
    if len(words) >= 2 and words[1].startswith("v"):
        version = words[1][1:].split("-")[0] if not version else version
    if tail.strip() and not machine:
        machine = tail.strip()
    return dataclasses.replace(info, machine=machine, version=version, banner=banner)


def literal(out: str) -> Any:
    """The Python literal a helper printed; BoardError (not SyntaxError/ValueError) when the
    output is garbled (line noise, a program printing meanwhile)."""
    try:
        return ast.literal_eval(out.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as e:
        raise BoardError(detail=f"unexpected answer from the board: {out.strip()[:80]!r}") from e


def probe_info(repl: RawRepl, banner: str) -> BoardInfo:
    """What the board is (helpers.PROBE at the raw prompt); a board that answers garbage is
    taken for one without the fast-transfer features."""
    try:
        fast, kbd, sha, uname, platform, version = literal(repl.exec(helpers.PROBE))
        u = [*list(uname), "", "", "", "", ""]
    except (BoardError, TypeError, ValueError):
        fast = kbd = sha = False
        platform, version, u = "", "", [""] * 5
    return BoardInfo(
        machine=str(u[4]),
        version=str(u[2]),
        release=str(u[2]),
        sysname=str(u[0]),
        platform=str(platform),
        banner=banner,
        fast_transfer=bool(fast and kbd),
        has_hashlib=bool(sha),
        extra={"sys.version": str(version), "uname.version": str(u[3])},
    )
