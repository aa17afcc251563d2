"""A link to a board that may have booted before we listened: sorting out its greeting.

The console gets one whole banner on a line of its own and the prompt after it, and nothing of
the greeting leaks into a later operation's output. Part of the raw-REPL protocol
(ide.board.repl.RawRepl.greet), run with the session's operation lock held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ide.board.link import LinkTimeout

if TYPE_CHECKING:
    from ide.board.repl import RawRepl

GREET_WAIT = 0.5  # seconds a board just opened gets to show its prompt before Ctrl-B asks for it
GREET_ANSWER = 1.0  # seconds its friendly REPL gets to answer that Ctrl-B


def greet(repl: RawRepl) -> None:
    """A link to a board that may have booted before we listened (no interrupt): the console
    gets one whole banner on a line of its own and the prompt after it, and nothing of the
    greeting leaks later. A board running main.py keeps running; its output is shown."""
    link = repl.link
    repl.board_reset()
    repl.mode = "unknown"  # until the greeting is sorted out (a failure here: resync)
    repl.console.board_restarting()  # the console waits for this link's own prompt
    link.set_capture(True)  # the greeting is sorted out here, then handed to the console
    # Output printed before the port was open is gone (USB, a fresh simulator): the boot's
    # banner may be missing, or cut in the middle with only its prompt left.
    try:
        seen = link.read_until(b">>> ", GREET_WAIT)
    except LinkTimeout as e:
        seen = b""
        link.unread(e.received)  # (nothing consumed: the later reads see it in order)
    if seen and banner_at(seen) >= 0:
        _greeted(repl, seen, whole=True)  # the whole boot arrived: shown as it is
        return
    # Ctrl-B on an empty friendly line prints the banner and prompt again (a running
    # main.py ignores it). Its answer must be read here: a banner arriving after this
    # returns would leak into the next operation's output, after a ">>> " already shown.
    link.write(b"\x02")
    try:
        answer = link.read_until(b">>> ", GREET_ANSWER)
        if not seen:
            # No prompt before the Ctrl-B: the board may still have been booting, and the
            # prompt just read its boot's; the Ctrl-B's banner and prompt then follow it.
            # (An idle board answered already: nothing more comes, we wait GREET_ANSWER.)
            try:
                answer += link.read_until(b">>> ", GREET_ANSWER)
            except LinkTimeout as e:
                link.unread(e.received)
                answer += link.take()
    except LinkTimeout as e:
        # No prompt at all: main.py runs; everything it said is the console's.
        link.unread(e.received)
        repl.mode = "friendly"
        with repl.console.cond:
            repl.console.emit(link.set_capture(False))
        return
    _greeted(repl, answer)


def _greeted(repl: RawRepl, data: bytes, whole: bool = False) -> None:
    """``data`` ends with the friendly prompt. ``whole``: the boot as it came (shown as it
    is); else the console shows the last banner (Ctrl-B's answer) on a line of its own and
    its prompt, after what the board said before its first banner (an ESP32's ROM log)."""
    start = banner_at(data)
    if start >= 0:
        repl.on_banner(data[start:].split(b"\r\n", 1)[0].decode("utf-8", "replace"))
    if whole or start < 0:
        shown = data  # (no banner at all: not MicroPython? as the board said it)
    else:
        before = data[:start]
        first = banner_at(before, last=False)
        if first >= 0:
            before = before[:first]  # the boot's banner and prompt: Ctrl-B's answer repeats it
        elif b">>> " in before:
            before = b""  # a banner cut when the port opened, and its prompt: chatter
        # (one line end between: Ctrl-B's answer starts with its own)
        shown = before.rstrip(b"\r\n") + b"\r\n" + data[start:]
    repl.mode = "friendly"
    with repl.console.cond:  # the reader's next bytes wait until these are out
        rest = repl.link.set_capture(False)
        repl.console.fresh_prompt()
        repl.console.emit(shown)
        if rest:
            repl.console.emit(rest)


def banner_at(data: bytes, last: bool = True) -> int:
    """Where the last (or first) whole banner line in ``data`` starts (-1: none)."""
    found = []
    for name in (b"MicroPython", b"CircuitPython"):
        if data.startswith(name):
            found.append(0)
        i = data.rfind(b"\n" + name) if last else data.find(b"\n" + name)
        if i >= 0:
            found.append(i + 1)
    if not found:
        return -1
    return max(found) if last else min(found)
