"""The side channel to node: events from the board (ready, pin and PWM changes), commands to it
(set_pin). A local TCP socket, because extra pipes cannot be handed to a child on Windows.

The Python side listens on 127.0.0.1 (any free port) and gives node the port number in argv
and a random token in its environment (not argv: other users can read a command line); the
first line node sends is the token, so no other local program can pose as the board.
"""

from __future__ import annotations

import json
import secrets
import select
import socket
import threading
from collections.abc import Callable
from typing import Any


class ControlChannel:
    def __init__(self, on_event: Callable[[dict[str, Any]], None]) -> None:
        self._on_event = on_event
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self.token: str = secrets.token_hex(16)
        self._conn: socket.socket | None = None
        self._lock = threading.Lock()
        self._read_lock = threading.Lock()  # one reader at a time: the thread or settle()
        self._buf = b""
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="hotaru-sim-events", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _accept(self) -> socket.socket | None:
        expected = self.token.encode() + b"\n"
        while not self._closed:
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue  # look at _closed again (closing does not wake accept() everywhere)
            except OSError:
                return None  # closed
            conn.settimeout(10)
            got = b""
            try:
                while len(got) < len(expected) and (chunk := conn.recv(len(expected) - len(got))):
                    got += chunk
            except OSError:
                got = b""
            if secrets.compare_digest(got, expected):
                conn.settimeout(None)
                return conn
            conn.close()  # not our board
        return None

    def _run(self) -> None:
        conn = self._accept()
        try:
            self._server.close()
        except OSError:
            pass
        if conn is None:
            return
        conn.setblocking(False)
        with self._lock:
            if self._closed:
                conn.close()
                return
            self._conn = conn
        while self._pump():
            try:
                select.select([conn], [], [], 0.5)
            except (OSError, ValueError):
                return

    def _pump(self) -> bool:
        """Handle every event that has arrived; False once the connection is gone."""
        with self._read_lock:
            conn = self._conn
            if conn is None:
                return False
            while True:
                try:
                    data = conn.recv(65536)
                except BlockingIOError:
                    return True
                except OSError:
                    return False
                if not data:
                    return False
                self._buf += data
                *lines, self._buf = self._buf.split(b"\n")
                for line in lines:
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    self._on_event(event)

    def settle(self) -> None:
        """Handle now the events node has already sent. The serial bytes travel on another
        channel; the bridge calls this before handing on board output, so a pin change the
        program made before a print is seen before the print (``pins`` agrees with it)."""
        self._pump()

    def send(self, obj: dict[str, Any]) -> None:
        """One command line to node (dropped when node is not, or no longer, connected)."""
        with self._lock:
            if self._conn is None or self._closed:
                return
            # non-blocking socket: a short command line always fits; a full buffer means
            # node stopped reading (it is gone)
            try:
                self._conn.sendall(json.dumps(obj).encode() + b"\n")
            except OSError:
                pass

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conn, self._conn = self._conn, None
        for s in (self._server, conn):
            if s is not None:
                try:
                    s.close()
                except OSError:
                    pass

    def join(self, timeout: float) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)
