"""Hotaru's virtual board: real MicroPython (WebAssembly port, under Node.js).

    from ide.simulator import start
    with start() as board:            # ready: the REPL answers
        link = board.connect()        # in-process serial line: read(n, timeout)/write/close
        serial.Serial(board.port)     # Linux/macOS: "/dev/pts/N" for mpremote, pyserial, ...
        board.pin_events("LED")       # [(time.time(), value), ...] for pins the program drives

The host talks to node over its stdin/stdout pipes and a local socket (no pty), so the board
runs on every OS; the pty (``pty=True``, the default where the OS has one) is an extra door for
outside tools. ide.board reaches it through ide.board.transports.simulator.

``python -m ide.simulator [--baud N]`` prints the port as its first line and serves until
killed. The pinned npm package is installed into ide.paths.cache_dir() on first use;
SimulatorUnavailable (with a translatable ``.message``) says when Node.js or npm is missing.
See ARCHITECTURE.md, "ide.simulator", for how the pieces fit.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from ide.simulator import host_flash, pty_port
from ide.simulator.bridge import Bridge, Client
from ide.simulator.control import ControlChannel
from ide.simulator.host_flash import FlashInUse, erase_files
from ide.simulator.node_env import (
    SimulatorUnavailable,
    micropython_module,
    node_executable,
)
from ide.text import QT_TRANSLATE_NOOP, Message, message

__all__ = [
    "Client",
    "FlashInUse",
    "SimulatorUnavailable",
    "VirtualBoard",
    "erase_files",
    "start",
]

HERE = Path(__file__).resolve().parent
HEAP_BYTES = 2 * 1024 * 1024
START_TIMEOUT = 60.0
#: the boards the simulator can pretend to be (None: the generic virtual board)
BOARDS = ("pico", "esp32")
#: what Pin("LED") is on each board (ESP32 DevKits have no named LED: GPIO 2 is wired to it)
LED_PINS = {"pico": "25", "esp32": "2"}


class VirtualBoard:
    """A running virtual board. Use :func:`start` to make one."""

    def __init__(
        self,
        baud: int | None = None,
        timeout: float = START_TIMEOUT,
        *,
        pty: bool | None = None,
        flash: host_flash.FlashChoice = None,
        board: str | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        t0 = time.monotonic()
        if board is not None and board not in BOARDS:
            raise ValueError(f"unknown board {board!r}; one of {BOARDS}")
        #: "pico", "esp32", or None (the generic virtual board)
        self.board = board
        if pty and not pty_port.available():
            raise OSError("this system has no pseudo-terminals")
        self._lock = threading.Lock()
        self._events: dict[str, list[tuple[float, int]]] = {}
        self._pwm: dict[str, list[tuple[float, float]]] = {}
        self._parts: dict[str, Any] = {}  # part key -> its last state (neopixel, tone, wlan)
        self._changed = threading.Condition(self._lock)
        self._ready = threading.Event()
        self._error: str | None = None
        self._closed = False
        node = node_executable()
        module = micropython_module(progress)
        #: the host folder that keeps the board's files (None: kept in memory only)
        self.flash_folder = host_flash.resolve(flash)
        self._flash_lock = host_flash.claim(self.flash_folder) if self.flash_folder else None

        self._control = ControlChannel(self._on_event)
        env = dict(os.environ, HOTARU_SIM_TOKEN=self._control.token, HOTARU_SIM_BOARD=board or "")
        # glibc's malloc (Linux; ignored elsewhere): one arena, not one per thread of node's,
        # and freed memory given back sooner: ~7 MB less for an idle board (measured with
        # psutil's USS), no slower (bench/bench_startup.py --simulator)
        env.setdefault("MALLOC_ARENA_MAX", "1")
        env.setdefault("MALLOC_TRIM_THRESHOLD_", "131072")
        try:
            self._proc = subprocess.Popen(
                [
                    node,
                    str(HERE / "host.js"),
                    str(module),
                    str(HERE / "board_runtime.py"),
                    str(HEAP_BYTES),
                    str(self._control.port),
                    str(self.flash_folder or ""),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except OSError as e:
            self._control.close()
            self._release_flash()
            raise SimulatorUnavailable(_start_failed(str(e))) from e
        assert self._proc.stdin and self._proc.stdout and self._proc.stderr
        self._bridge = Bridge(
            self._proc.stdin.fileno(),
            self._proc.stdout.fileno(),
            self._proc.stderr.fileno(),
            baud,
            on_lost=self._reap,
            before_output=self._control.settle,
        )
        self._control.start()
        self._bridge.start()
        self._pty: pty_port.PtyPort | None = None
        if pty if pty is not None else pty_port.available():
            self._pty = pty_port.PtyPort(self._bridge)
            self._pty.start()
        #: Linux/macOS with a pty: its device path ("/dev/pts/N") for outside tools; else None
        self.port: str | None = self._pty.path if self._pty else None
        deadline = time.monotonic() + timeout
        while not self._ready.wait(0.05):
            if self._proc.poll() is not None or self._error or time.monotonic() > deadline:
                detail = self._error or self._bridge.stderr_tail.decode(errors="replace")
                self.close()
                raise SimulatorUnavailable(_start_failed(detail.strip() or "timeout"))
        self.startup_seconds = time.monotonic() - t0

    def connect(self) -> Client:
        """Open the board's serial line in this process (as opening its port would): a Client
        with read(n, timeout), write(data), close(), alive. Output the board printed while no
        client was connected is gone, as on USB."""
        if self._closed:
            raise SimulatorUnavailable(_start_failed("closed"))
        return self._bridge.new_client()

    def _reap(self) -> None:
        # node's stdout ended: it exited or is exiting; collect it (no zombie) without blocking
        # the out pump for long
        try:
            self._proc.wait(1)
        except subprocess.TimeoutExpired:
            return
        self._release_flash()  # node is gone: another board may use the files now

    def _release_flash(self) -> None:
        lock, self._flash_lock = self._flash_lock, None
        if lock is not None:
            lock.close()

    # ------------------------------------------------------------------ events

    def _on_event(self, event: dict[str, Any]) -> None:  # one JSON line from board.js
        if event.get("ready"):
            self._ready.set()
            return
        for key, series, kind in (("pin", self._events, int), ("pwm", self._pwm, float)):
            if key in event:
                with self._changed:
                    # pin series hold ints and pwm series floats: kind() makes the matching one
                    series.setdefault(str(event[key]), []).append(
                        (float(event["t"]) / 1000.0, kind(event["value"]))  # type: ignore[arg-type]
                    )
                    self._changed.notify_all()
                return
        if "part" in event:
            with self._changed:
                self._parts[str(event["part"])] = event.get("value")
                self._changed.notify_all()
            return
        if "error" in event:
            self._error = str(event["error"])

    def pin_name(self, name: str | int) -> str:
        """The name events use for pin ``name``: on a Pico or ESP32 board its GPIO number
        ("LED" -> "25" on a Pico, "GP4" -> "4"); the generic board keeps names as written."""
        text = str(name)
        if self.board is None:
            return text
        if text == "LED":
            return LED_PINS[self.board]
        if self.board == "pico" and text.startswith("GP") and text[2:].isdigit():
            return str(int(text[2:]))
        return text

    def pin_events(self, name: str | int) -> list[tuple[float, int]]:
        """Every level the board's program set on pin ``name``: [(time.time(), value), ...]."""
        with self._lock:
            return list(self._events.get(self.pin_name(name), []))

    def pin_events_since(self, name: str | int, start: int) -> list[tuple[float, int]]:
        """pin_events(name)[start:] without copying the rest (the board view reads a tight
        loop's events every frame)."""
        with self._lock:
            return self._events.get(self.pin_name(name), [])[start:]

    def pwm_events(self, name: str | int) -> list[tuple[float, float]]:
        """Every PWM duty the program set on pin ``name``: [(time.time(), 0.0..1.0), ...]."""
        with self._lock:
            return list(self._pwm.get(self.pin_name(name), []))

    def driven_pins(self) -> list[str]:
        """Names of the pins the program has set a level or a PWM duty on."""
        with self._lock:
            return list({*self._events, *self._pwm})

    def last_pwm(self, name: str | int) -> tuple[float, float] | None:
        """The last (time, duty) set on pin ``name`` by PWM, or None."""
        with self._lock:
            series = self._pwm.get(self.pin_name(name))
            return series[-1] if series else None

    @property
    def parts(self) -> dict[str, Any]:
        """The last state each simulated part reported ("neopixel:<pin>": [[r, g, b], ...],
        "tone:<pin>": frequency in Hz or 0, "wlan": {...})."""
        with self._lock:
            return dict(self._parts)

    def set_input(self, key: str, value: float) -> None:
        """Give a part's input its value: "adc:<pin>" (0..65535, what ADC.read_u16() reads),
        "dht:t" / "dht:h" (degrees C / % RH), "touch:<pin>" (TouchPad.read())."""
        if not self._closed:
            self._control.send({"input": key, "value": value})

    @property
    def pins(self) -> dict[str, int]:
        """The last level written to each pin the program has driven."""
        with self._lock:
            return {name: ev[-1][1] for name, ev in self._events.items() if ev}

    def wait_pin_events(
        self, name: str | int, count: int, timeout: float = 10.0
    ) -> list[tuple[float, int]]:
        """Wait until pin ``name`` has at least ``count`` events (or the timeout passes)."""
        deadline = time.monotonic() + timeout
        key = self.pin_name(name)
        with self._changed:
            while len(self._events.get(key, [])) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return list(self._events.get(key, []))

    def set_pin(self, name: str | int, value: int) -> None:
        """Drive input pin ``name`` from outside (a button, a sensor): Pin.value() reads it,
        and Pin.irq handlers run on the edge."""
        if not self._closed:
            self._control.send({"pin": self.pin_name(name), "value": 1 if value else 0})

    def power_cycle(self) -> None:
        """Unplug and plug in again: whatever runs is stopped (even with Ctrl-C switched off),
        the files stay, and the board starts as from power-on: a pause as a board's boot
        takes, boot.py, main.py, the REPL. Input sent meanwhile is lost."""
        if not self._closed:
            self._control.send({"power": True})

    # ------------------------------------------------------------------ lifetime

    @property
    def alive(self) -> bool:
        # the bridge knows first (node's stdout ended); poll() may say None while the reaper
        # thread holds the wait lock
        return not self._closed and not self._bridge.lost and self._proc.poll() is None

    def close(self) -> None:
        """Stop the board: ends node, closes the pty (clients see the port vanish) and every
        connected Client (reads then raise BoardGone)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._bridge.stop()
        if self._pty:
            self._pty.close()
        try:
            self._proc.stdin.close()  # type: ignore[union-attr]  # node exits at stdin's end
        except OSError:
            pass
        try:
            self._proc.terminate()
            self._proc.wait(5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(5)
        self._bridge.join(5)
        self._control.close()
        self._control.join(1)
        self._release_flash()
        for stream in (self._proc.stdout, self._proc.stderr):
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass

    def __enter__(self) -> VirtualBoard:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"<VirtualBoard {self.port}{' closed' if self._closed else ''}>"


def _start_failed(detail: str) -> Message:
    return message(
        "Simulator",
        QT_TRANSLATE_NOOP("Simulator", "The virtual board did not start: {detail}"),
        detail=detail,
    )


def start(
    baud: int | None = None,
    *,
    pty: bool | None = None,
    flash: host_flash.FlashChoice = None,
    board: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> VirtualBoard:
    """Start a virtual board and return it once its REPL is ready.

    ``baud`` limits both directions to baud/10 bytes per second, like a UART; None is unlimited.
    ``pty``: also serve the board on a pseudo-terminal (``.port``) for outside tools; None means
    yes where the OS has ptys (Linux, macOS), False on Windows. ``connect()`` works always.
    ``flash``: the folder that keeps the board's files (see host_flash): None = the
    HOTARU_SIM_FLASH environment variable, else the per-user data folder; ":memory:" = none.
    Raises FlashInUse when another running board uses that folder.
    ``board``: "pico" (Raspberry Pi Pico) or "esp32" (ESP32 DevKit): what the board reports
    (sys.platform, os.uname(), the banner), which pins exist, what Pin("LED") is and which
    modules it has; None: the generic virtual board (any pin name).
    ``progress`` receives npm's lines when the first start installs MicroPython (source
    checkout; a wheel carries it), for the console.
    """
    return VirtualBoard(baud=baud, pty=pty, flash=flash, board=board, progress=progress)
