"""Hotaru's virtual board: real MicroPython (WebAssembly port, under Node.js) behind a pty.

    from ide.simulator import start
    with start() as board:            # ready: the REPL answers on board.port
        serial.Serial(board.port)     # "/dev/pts/N": pyserial, mpremote and ide.board all work
        board.pin_events("LED")       # [(time.time(), value), ...] for pins the program drives

``python -m ide.simulator [--baud N]`` prints the port as its first line and serves until
killed. The pinned npm package is installed into ide.paths.cache_dir() on first use;
SimulatorUnavailable (with a translatable ``.message``) says when Node.js or npm is missing.
See ARCHITECTURE.md, "ide.simulator", for how the pieces fit.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
import tty
from pathlib import Path
from types import TracebackType
from typing import Any

from ide.simulator.bridge import Bridge
from ide.simulator.node_env import (
    SimulatorUnavailable,
    micropython_module,
    node_executable,
)
from ide.text import QT_TRANSLATE_NOOP, Message, message

__all__ = ["SimulatorUnavailable", "VirtualBoard", "start"]

HERE = Path(__file__).resolve().parent
HEAP_BYTES = 2 * 1024 * 1024
START_TIMEOUT = 60.0


class VirtualBoard:
    """A running virtual board. Use :func:`start` to make one."""

    def __init__(self, baud: int | None = None, timeout: float = START_TIMEOUT) -> None:
        t0 = time.monotonic()
        self._lock = threading.Lock()
        self._events: dict[str, list[tuple[float, int]]] = {}
        self._pwm: dict[str, list[tuple[float, float]]] = {}
        self._changed = threading.Condition(self._lock)
        self._ready = threading.Event()
        self._error: str | None = None
        self._closed = False
        node = node_executable()
        module = micropython_module()

        master, slave = os.openpty()
        tty.setraw(slave)
        self.port: str = os.ttyname(slave)
        os.close(slave)  # nobody has the port open until a client opens it
        self._master = master
        events_r, events_w = os.pipe()
        commands_r, commands_w = os.pipe()
        try:
            self._proc = subprocess.Popen(
                [
                    node,
                    str(HERE / "host.js"),
                    str(module),
                    str(HERE / "board_runtime.py"),
                    str(HEAP_BYTES),
                    str(events_w),
                    str(commands_r),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(events_w, commands_r),
            )
        except OSError as e:
            for fd in (master, events_r, commands_w):
                os.close(fd)
            raise SimulatorUnavailable(_start_failed(str(e))) from e
        finally:
            os.close(events_w)
            os.close(commands_r)
        self._commands = commands_w
        assert self._proc.stdin and self._proc.stdout and self._proc.stderr
        self._bridge = Bridge(
            master,
            self._proc.stdin.fileno(),
            self._proc.stdout.fileno(),
            self._proc.stderr.fileno(),
            events_r,
            self._on_event,
            baud,
        )
        self._events_fd = events_r
        self._bridge.start()
        deadline = time.monotonic() + timeout
        while not self._ready.wait(0.05):
            if self._proc.poll() is not None or self._error or time.monotonic() > deadline:
                detail = self._error or self._bridge.stderr_tail.decode(errors="replace")
                self.close()
                raise SimulatorUnavailable(_start_failed(detail.strip() or "timeout"))
        self.startup_seconds = time.monotonic() - t0

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
        if "error" in event:
            self._error = str(event["error"])

    def pin_events(self, name: str | int) -> list[tuple[float, int]]:
        """Every level the board's program set on pin ``name``: [(time.time(), value), ...]."""
        with self._lock:
            return list(self._events.get(str(name), []))

    def pwm_events(self, name: str | int) -> list[tuple[float, float]]:
        """Every PWM duty the program set on pin ``name``: [(time.time(), 0.0..1.0), ...]."""
        with self._lock:
            return list(self._pwm.get(str(name), []))

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
        with self._changed:
            while len(self._events.get(str(name), [])) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return list(self._events.get(str(name), []))

    def set_pin(self, name: str | int, value: int) -> None:
        """Drive input pin ``name`` from outside (a button, a sensor): Pin.value() reads it,
        and Pin.irq handlers run on the edge."""
        line = json.dumps({"pin": str(name), "value": 1 if value else 0}) + "\n"
        with self._lock:
            if not self._closed:
                os.write(self._commands, line.encode())

    # ------------------------------------------------------------------ lifetime

    @property
    def alive(self) -> bool:
        return not self._closed and self._proc.poll() is None

    def close(self) -> None:
        """Stop the board: ends node and closes the pty (clients see the port vanish)."""
        if self._closed:
            return
        self._closed = True
        self._bridge.stop()
        try:
            self._proc.terminate()
            self._proc.wait(5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(5)
        self._bridge.join(5)
        for stream in (self._proc.stdin, self._proc.stdout, self._proc.stderr):
            if stream:
                try:
                    stream.close()
                except OSError:
                    pass
        for fd in (self._master, self._events_fd, self._commands):
            try:
                os.close(fd)
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


def start(baud: int | None = None) -> VirtualBoard:
    """Start a fresh virtual board and return it once its REPL is ready.

    ``baud`` limits both directions to baud/10 bytes per second, like a UART; None is unlimited.
    """
    return VirtualBoard(baud=baud)
