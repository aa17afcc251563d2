"""Set up Wi-Fi and WebREPL over USB: what goes into boot.py and webrepl_cfg.py (Qt-free).

The lines added to boot.py sit between two marker comments, so running the helper again
replaces Hotaru's block and never touches the user's own lines. :func:`plan` says exactly what
will change (a unified diff the dialog shows before anything is written); :func:`apply` writes
both files through the session's verified, atomic write_file.

Facts from MicroPython's webrepl_setup: the password is 4 to 9 characters, ``webrepl_cfg.py``
holds ``PASS = '...'``, and ``import webrepl; webrepl.start()`` in boot.py starts it at boot.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Protocol

from ide.text import QT_TRANSLATE_NOOP, message

BEGIN = "# --- Hotaru: Wi-Fi and WebREPL (Tools > Set up Wi-Fi and WebREPL) ---"
END = "# --- end of Hotaru's Wi-Fi and WebREPL lines ---"
PASSWORD_MIN, PASSWORD_MAX = 4, 9  # what the board's _webrepl.password() accepts
# the board's station address, or '' while it has none (eval'd; NameError/ImportError
# without a network module)
IP_EXPR = (
    "(lambda w: w.ifconfig()[0] if w.isconnected() else '')"
    "(__import__('network').WLAN(__import__('network').STA_IF))"
)
# after boot.py ran: webrepl.start() keeps its listening socket in the module's listen_s
# (micropython-lib's webrepl.py); None, or no module at all, when boot.py never got that far
WEBREPL_STARTED_EXPR = (
    "getattr(__import__('sys').modules.get('webrepl'), 'listen_s', None) is not None"
)
# whether the board's MicroPython has webrepl at all (when it did not start): prints 1 or 0
WEBREPL_PRESENT_CODE = "try:\n import webrepl\n print(1)\nexcept ImportError:\n print(0)\n"


class BootChanged(ValueError):
    """boot.py on the board is not the text whose change the user was shown: nothing written."""

    def __init__(self) -> None:
        self.message = message(
            "WebReplSetup",
            QT_TRANSLATE_NOOP(
                "WebReplSetup",
                "boot.py on the board changed since the change was shown, so nothing was "
                "written. Close this window and open it again to see the change to today's "
                "boot.py.",
            ),
        )
        super().__init__("boot.py changed on the board since the change was shown")


class NoWifi(Exception):
    """The board has no network module: boot.py's lines would fail at every start."""

    def __init__(self) -> None:
        self.message = message(
            "WebReplSetup",
            QT_TRANSLATE_NOOP(
                "WebReplSetup",
                "MicroPython on this board has no network module, so nothing was written (boot.py "
                "would fail at every start). Either the board has no Wi-Fi: use one that has, "
                "such as an ESP32, an ESP8266 or a Raspberry Pi Pico W; or its MicroPython was "
                "made for a board without Wi-Fi: a Pico W needs the MicroPython for the Pico W "
                "(Tools > Install MicroPython…).",
            ),
        )
        super().__init__("the board has no network module")


class FileBoard(Protocol):
    def exists(self, path: str) -> bool: ...

    def read_file(self, path: str) -> bytes: ...

    def write_file(self, path: str, data: bytes | str) -> None: ...


@dataclass(frozen=True)
class SetupPlan:
    old_boot: str
    new_boot: str
    config: str | None  # the whole webrepl_cfg.py; None: left as it is (a removal)

    def diff(self) -> str:
        """boot.py's change as a unified diff (what the user is shown)."""
        return "".join(
            difflib.unified_diff(
                self.old_boot.splitlines(keepends=True),
                self.new_boot.splitlines(keepends=True),
                "boot.py",
                "boot.py",
            )
        )


def password_ok(password: str) -> bool:
    return PASSWORD_MIN <= len(password) <= PASSWORD_MAX and password_chars_ok(password)


def password_chars_ok(password: str) -> bool:
    """Only ASCII letters, digits, symbols and spaces: the board's _webrepl.password() counts
    bytes (at most 9, extmod/modwebrepl.c), and a full-width or CJK character is 3 bytes in
    UTF-8, so "パスワード" (5 characters, 15 bytes) stops boot.py at webrepl.start()."""
    return password.isascii() and password.isprintable()


def block(ssid: str, wifi_password: str) -> str:
    """The lines Hotaru adds to boot.py: join the Wi-Fi (waiting up to 10 s), start WebREPL.
    Every value goes through repr(), so quotes in a network name are data."""
    return "\n".join(
        [
            BEGIN,
            "def _hotaru_wifi():",
            "    import network, time",
            "    w = network.WLAN(network.STA_IF)",
            "    w.active(True)",
            "    if not w.isconnected():",
            f"        w.connect({ssid!r}, {wifi_password!r})",
            "        for _ in range(100):",
            "            if w.isconnected():",
            "                break",
            "            time.sleep_ms(100)",
            "    print('Wi-Fi:', w.ifconfig()[0] if w.isconnected() else 'not connected')",
            "try:",
            "    _hotaru_wifi()",
            "except Exception as e:",
            "    print('Wi-Fi:', e)",
            "del _hotaru_wifi",
            "import webrepl",
            "webrepl.start()",
            END,
            "",
        ]
    )


def without_block(boot: str) -> str:
    """boot.py with Hotaru's earlier block (if any) taken out; the user's lines untouched."""
    lines = boot.splitlines(keepends=True)
    out: list[str] = []
    inside = False
    for line in lines:
        if line.rstrip("\r\n") == BEGIN:
            inside = True
            continue
        if inside and line.rstrip("\r\n") == END:
            inside = False
            continue
        if not inside:
            out.append(line)
    return "".join(out)


def plan(old_boot: str, ssid: str, wifi_password: str, webrepl_password: str) -> SetupPlan:
    base = without_block(old_boot)
    if base and not base.endswith("\n"):
        base += "\n"
    new_boot = base + block(ssid, wifi_password)
    return SetupPlan(old_boot, new_boot, f"PASS = {webrepl_password!r}\n")


def removal(old_boot: str) -> SetupPlan | None:
    """boot.py without Hotaru's Wi-Fi and WebREPL lines (the user's own untouched), or None
    when it has none. webrepl_cfg.py stays: nothing starts WebREPL any more."""
    new_boot = without_block(old_boot)
    return None if new_boot == old_boot else SetupPlan(old_boot, new_boot, None)


def check_wifi(board: Any) -> None:
    """Raise NoWifi when the board's MicroPython has no ``network`` module."""
    from ide.board import RemoteError

    try:
        board.exec("import network")
    except RemoteError as e:
        if e.exc_type == "ImportError":
            raise NoWifi() from e
        raise


def read_boot(board: FileBoard) -> str:
    if not board.exists("/boot.py"):
        return ""
    return board.read_file("/boot.py").decode("utf-8", "replace")


def apply(board: FileBoard, setup: SetupPlan) -> None:
    """Write webrepl_cfg.py, then boot.py (verified, atomic writes). Refuses when boot.py
    changed on the board since the plan was shown (the user saw a diff of that text)."""
    if read_boot(board) != setup.old_boot:
        raise BootChanged()
    if setup.config is not None:
        board.write_file("/webrepl_cfg.py", setup.config)
    board.write_file("/boot.py", setup.new_boot)
