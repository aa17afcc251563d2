"""rescue(): get a stuck board back to its prompt and disable the program that holds it,
never deleting a file. Speaks to the board through a Transport (ide.board.transports), so the
same code serves a USB port, a pty and the built-in simulator."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from ide.board.transports.base import Transport, TransportLost
from ide.core.rescue.report import Cause, RescueReport
from ide.core.rescue.under import UnderResult
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "Rescue"
Progress = Callable[[Message], None]
Ask = Callable[[Message], bool]

BURST_S = 2.0  # Ctrl-C at a board that ignores them for this long: reset it
BOOT_CATCH_S = 4.0  # after a reset: Ctrl-C every few ms for this long, through the boot
REPLUG_WAIT_S = 60.0  # the user unplugs and plugs in again within this
EVERY_S = 0.005  # Ctrl-C this often during the boot: main.py must not slip through
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
FLOOD_BYTES = 4000  # more output than this while listening or stopping it: it floods
LISTEN_S = 0.3  # first just listen: a program that floods shows itself


def _m(source: str, **args: object) -> Message:
    return message(CTX, source, **args)


class _Board:
    """The raw conversation: bytes in, bytes out, everything it said kept."""

    def __init__(self, transport: Transport) -> None:
        self.t = transport
        self.seen = bytearray()  # everything the board sent (for the traceback and the cause)

    def read(self, timeout: float) -> bytes:
        data = self.t.read(4096, timeout)
        self.seen += data
        return data

    def read_until(self, end: bytes, timeout: float) -> bytes | None:
        got = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got += self.read(0.02)
            if got.endswith(end) or end in got:
                return got
        return None

    def at_prompt(self, tail: bytes) -> bool:
        return tail.rstrip(b" ").endswith(b"\r\n>>>")

    def burst(self, seconds: float, every: float) -> bool:
        """Ctrl-C every ``every`` seconds until a friendly prompt stays quiet; True then."""
        tail = b""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.t.write(b"\x03")
            tail = (tail + self.read(every))[-400:]
            if self.at_prompt(tail):
                # a prompt, and nothing after it for a moment: the program is not running on
                quiet = self.read(0.15)
                if not quiet or self.at_prompt(quiet):
                    return True
                tail = quiet[-400:]
        return False

    def exec_raw(self, code: str, timeout: float = 5.0) -> tuple[str, str] | None:
        """Run ``code`` in the raw REPL: (output, error) or None when it did not answer."""
        self.t.write(code.encode("utf-8") + b"\x04")
        got = self.read_until(b"\x04>", timeout)
        if got is None or b"OK" not in got:
            return None
        body = got[got.index(b"OK") + 2 :]
        parts = body.split(b"\x04")
        out = parts[0].decode("utf-8", "replace")
        err = parts[1].decode("utf-8", "replace") if len(parts) > 1 else ""
        return out, err


_LIST = (
    "import os\n"
    "for _n in sorted(os.listdir()):\n"
    " try:\n"
    "  print(repr((_n, os.stat(_n)[6])))\n"
    " except OSError:\n"
    "  pass\n"
)


def _listing(board: _Board) -> list[tuple[str, int]]:
    import ast

    answer = board.exec_raw(_LIST)
    if answer is None:
        return []
    files: list[tuple[str, int]] = []
    for line in answer[0].splitlines():
        try:
            name, size = ast.literal_eval(line.strip())
        except (ValueError, SyntaxError):
            continue
        files.append((str(name), int(size)))
    return files


def _rename_code(was: str) -> str:
    """Code for the raw REPL that renames ``was`` (main.py) to the first of main_disabled.py,
    main_disabled_2.py... that does not exist on the board, and prints the name it took.
    The check (os.stat raising OSError) runs in the same exec, just before the rename: the
    listing read earlier may have missed an entry (a stat that failed, a line lost), and
    os.rename would then replace that file without a word on littlefs."""
    stem = was[:-3] + "_disabled"
    return (
        "import os\n"
        f"_s = {stem!r}\n"
        "_c, _n = _s + '.py', 2\n"
        "while True:\n"
        " try:\n"
        "  os.stat(_c)\n"
        " except OSError:\n"
        "  break\n"
        " _c, _n = '%s_%d.py' % (_s, _n), _n + 1\n"
        f"os.rename({was!r}, _c)\n"
        "print(repr(_c))\n"
    )


def _taken_name(output: str) -> str | None:
    import ast

    for line in reversed(output.splitlines()):
        try:
            value = ast.literal_eval(line.strip())
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, str):
            return value
    return None


def _source(board: _Board, name: str) -> str:
    answer = board.exec_raw(f"print(repr(open({name!r}).read(4000)))")
    if answer is None:
        return ""
    import ast

    try:
        return str(ast.literal_eval(answer[0].strip()))
    except (ValueError, SyntaxError):
        return ""


_TRACEBACK = re.compile(r"Traceback \(most recent call last\):\r?\n(?:  .*\r?\n)*[^\r\n]*")


def _last_traceback(text: str, file: str) -> str:
    found = [m.group(0) for m in _TRACEBACK.finditer(text) if f'"{file}"' in m.group(0)]
    found = [t for t in found if "KeyboardInterrupt" not in t]
    return found[-1].replace("\r\n", "\n") if found else ""


def _cause(source: str, boot_error: str, flood: bool) -> Cause:
    if boot_error:
        return Cause.BOOT_ERROR
    if re.search(r"kbd_intr\(\s*-1\s*\)", source):
        return Cause.KBD_INTR
    if "deepsleep(" in source:
        return Cause.DEEPSLEEP
    loop = re.search(r"while\s+(True|1)\s*:", source) is not None
    # seen flooding, or a loop that prints and never sleeps (how fast the output came depends on
    # the link and the load: the source says it for sure)
    if flood or (loop and "print(" in source and "sleep" not in source):
        return Cause.FLOOD
    if loop:
        return Cause.LOOP
    return Cause.UNKNOWN


def rescue(
    transport: Transport,
    progress: Progress,
    ask: Ask,
    *,
    power: Callable[[], None] | None = None,
    reopen: Callable[[], Transport] | None = None,
    under: Callable[[Progress, Ask], UnderResult] | None = None,
) -> RescueReport:
    """Bring the board behind ``transport`` (open) back to its prompt and rename the file that
    holds it (main.py, boot.py when it fails) to ..._disabled.py. ``progress`` gets each step;
    ``ask`` asks the user to do something (unplug and plug in again) and returns False to give
    up. ``power`` is a power switch (the simulator's); ``reopen`` opens the same board again
    after a replug (waits for its port). ``under`` is the next step when no prompt can be
    reached (ide.core.rescue.under.go_under with the board's plan): the transport is closed
    first, so the ROM loader (or PICOBOOT) gets the port. Files are only ever renamed."""
    report = RescueReport()

    def step(msg: Message) -> None:
        report.steps.append(msg)
        progress(msg)

    try:
        board = _Board(transport)
        _run(report, board, step, ask, power, reopen)
    except (TransportLost, OSError):
        report.ok = False
        step(_m(QT_TRANSLATE_NOOP("Rescue", "The board's port went away.")))
    if not report.ok and under is not None:
        try:
            board.t.close()  # the bootloader path opens the port itself
        except Exception:  # noqa: BLE001, S110 - gone already: just as good
            pass
        report.under = under(step, ask)
        folder = report.under.folder
        if folder is not None and "/main.py" in report.under.copied:
            # the saved main.py says why the board hung, as the board's own copy would
            source = (folder / "main.py").read_text("utf-8", "replace")
            report.cause = _cause(source, "", False)
    return report


def _run(
    report: RescueReport,
    board: _Board,
    step: Progress,
    ask: Ask,
    power: Callable[[], None] | None,
    reopen: Callable[[], Transport] | None,
) -> None:
    transport = board.t
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Listening to what the board is doing…")))
    deadline = time.monotonic() + LISTEN_S
    while time.monotonic() < deadline and len(board.seen) <= FLOOD_BYTES:
        board.read(0.05)
    flood = len(board.seen) > FLOOD_BYTES
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Sending Ctrl-C to stop the running program…")))
    start = len(board.seen)
    if board.burst(BURST_S, 0.05):
        report.how = "ctrl-c"
    if not report.how and transport.reset_lines is not None:
        step(
            _m(
                QT_TRANSLATE_NOOP(
                    "Rescue", "Resetting the board, and catching it with Ctrl-C while it starts…"
                )
            )
        )
        lines = transport.reset_lines
        lines.set_lines(dtr=False)  # BOOT/IO0 high: start MicroPython, not the ROM loader
        lines.set_lines(rts=True)  # EN low: the chip is held in reset
        time.sleep(0.1)
        lines.set_lines(rts=False)  # and runs again
        if board.burst(BOOT_CATCH_S, EVERY_S):
            report.how = "reset"
    if not report.how and power is not None:
        step(
            _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "Switching the board off and on, and catching it with Ctrl-C while it starts…",
                )
            )
        )
        power()
        if board.burst(BOOT_CATCH_S, EVERY_S):
            report.how = "power"
    if not report.how:
        if ask(
            _m(
                QT_TRANSLATE_NOOP(
                    "Rescue",
                    "Unplug the board's USB cable, wait two seconds and plug it in again. Hotaru "
                    "waits for it and catches it while it starts.",
                )
            )
        ):
            step(_m(QT_TRANSLATE_NOOP("Rescue", "Waiting for the board to come back…")))
            report.how = "replug" if _catch_replug(board, reopen) else ""
            # the replug is over: what holds from now on takes the place of "unplug" (it
            # stayed on screen while later questions were asked; the answer means nothing)
            ask(
                _m(
                    QT_TRANSLATE_NOOP(
                        "Rescue", "Keep the board plugged in now, until Hotaru has finished."
                    )
                )
            )
    if not report.how:
        step(_m(QT_TRANSLATE_NOOP("Rescue", "The board did not answer.")))
        return
    report.ok = True
    flood = flood or len(board.seen) - start > FLOOD_BYTES
    step(
        _m(
            QT_TRANSLATE_NOOP(
                "Rescue", "The board answers. Restarting it without main.py (raw REPL soft reset)…"
            )
        )
    )
    board.t.write(b"\r\x01")
    if board.read_until(RAW_BANNER, 3.0) is None:
        board.t.write(b"\x03\x03\r\x01")  # a half line or a late program: once more
        if board.read_until(RAW_BANNER, 3.0) is None:
            report.ok = False
            return
    board.t.write(b"\x04")  # soft reset in the raw REPL: boot.py runs, main.py does not
    boot_hangs = board.read_until(b"soft reboot\r\n", 3.0) is not None and (
        board.read_until(b"raw REPL; CTRL-B to exit\r\n>", 3.0) is None
    )
    if boot_hangs:  # boot.py itself does not come back: stop it too
        board.burst(BOOT_CATCH_S, EVERY_S)
        board.t.write(b"\r\x01")
        board.read_until(RAW_BANNER, 3.0)
    text = bytes(board.seen).decode("utf-8", "replace")
    boot_error = _last_traceback(text, "boot.py")
    main_error = _last_traceback(text, "main.py")
    report.files_before = _listing(board)
    names = {n for n, _ in report.files_before}
    culprits = ["main.py"] if "main.py" in names else []
    if "boot.py" in names and (boot_error or boot_hangs):
        culprits.append("boot.py")
    source = "\n".join(_source(board, name) for name in culprits)
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Disabling the program that runs at start-up…")))
    for was in culprits:
        answer = board.exec_raw(_rename_code(was))
        now = _taken_name(answer[0]) if answer is not None and not answer[1] else None
        if now is not None:
            report.renamed.append((was, now))
            names.add(now)
    report.files_after = _listing(board)
    report.cause = _cause(source, boot_error, flood)
    report.traceback = boot_error or main_error
    board.t.write(b"\x02")  # back to the friendly prompt
    board.read_until(b">>> ", 2.0)
    step(_m(QT_TRANSLATE_NOOP("Rescue", "Done: the board answers again.")))


def _catch_replug(board: _Board, reopen: Callable[[], Transport] | None) -> bool:
    """Ctrl-C every few ms while the user unplugs and plugs in; when the port vanishes, wait
    for it (``reopen``) and go on. True once the board is at its prompt."""
    deadline = time.monotonic() + REPLUG_WAIT_S
    while time.monotonic() < deadline:
        try:
            if board.burst(min(BOOT_CATCH_S, deadline - time.monotonic()), EVERY_S):
                return True
        except (TransportLost, OSError):
            if reopen is None:
                return False
            try:
                board.t.close()
            except Exception:  # noqa: BLE001, S110 - the port is already gone
                pass
            board.t = reopen()  # waits for the same board (USB serial number) to come back
    return False
