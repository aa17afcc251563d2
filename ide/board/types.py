"""Plain data returned by ide.board."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    """One item of a board folder. ``size`` is -1 when the board could not tell."""

    name: str
    path: str
    is_dir: bool
    size: int


@dataclass(frozen=True)
class BoardInfo:
    """What the board says about itself (os.uname() and the REPL banner)."""

    machine: str = ""  # "Raspberry Pi Pico with RP2040", "Generic ESP32 module with ESP32"
    version: str = ""  # MicroPython version, "1.24.1"
    release: str = ""  # os.uname().release
    sysname: str = ""  # "rp2", "esp32", ...
    platform: str = ""  # sys.platform
    banner: str = ""  # the friendly REPL's banner line, as printed
    fast_transfer: bool = False  # sys.stdin.buffer + micropython.kbd_intr available
    has_hashlib: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.machine or self.sysname or self.platform or "MicroPython"

    def __str__(self) -> str:
        return f"MicroPython {self.version} on {self.name}" if self.version else self.name


@dataclass
class RunResult:
    """How a user program ended. ``traceback`` is the board's error text (None when it ended
    normally); ``interrupted`` is True when it ended with KeyboardInterrupt (Stop/Ctrl-C)."""

    traceback: str | None = None
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return self.traceback is None
