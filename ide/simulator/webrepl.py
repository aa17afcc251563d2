"""A WebREPL endpoint in front of a virtual board: what an ESP32 with ``webrepl.start()`` serves.

    from ide.simulator import start
    from ide.simulator.webrepl import WebReplEndpoint
    with start() as board, WebReplEndpoint(board, "secret") as ep:
        print(ep.url)                 # ws://127.0.0.1:NNNNN  (a random free port)

``python -m ide.simulator.webrepl PASSWORD`` starts a board and serves it until killed (its first
line is the URL), so a user can try "Network (WebREPL)…" without a board.

It behaves as MicroPython's own WebREPL does (facts learnt from extmod/modwebrepl.c,
extmod/modwebsocket.c and micropython-lib's webrepl.py):

- a plain HTTP/1.1 upgrade; a request that is not a WebSocket upgrade gets a small HTML page;
- one client at a time: a second one completes the handshake and is then closed at once, with
  no frame (the board prints "Concurrent WebREPL connection … rejected" on its USB console);
- the first frame is the text "Password: "; the password is the characters up to CR or LF
  (only the first 10 are kept, as the board does); a wrong one gets "\\r\\nAccess denied\\r\\n" and
  the socket is closed; a right one gets "\\r\\nWebREPL connected\\r\\n>>> " and the REPL;
- text frames carry the REPL both ways; binary frames carry the 82-byte "WA" file requests
  (PUT 1, GET 2, GET_VER 3) answered by "WB" + a 16-bit little-endian status;
- client frames may be masked or not (webrepl_cli.py does not mask); pings get no pong (the
  board does not answer them), a close frame gets a close frame.

The WebSocket framing here is written by hand on purpose: the board's own is this small, and a
library server would refuse webrepl_cli.py's unmasked frames. File requests are carried out on
the board through its raw REPL while the REPL stream is paused (the real board does them in C).
"""

from __future__ import annotations

import base64
import hashlib
import socket
import struct
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ide.simulator import Client, VirtualBoard

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455's fixed key suffix
PROMPT = b"Password: "
CONNECTED = b"\r\nWebREPL connected\r\n>>> "
DENIED = b"\r\nAccess denied\r\n"
PASSWORD_TYPED = 10  # the board keeps at most this many typed password bytes
PASSWORD_MAX = 9  # webrepl.password() refuses a longer one (ValueError), as modwebrepl.c does
REQ = struct.Struct("<2sBBQIH64s")  # the board's packed struct webrepl_file: 82 bytes
PUT_FILE, GET_FILE, GET_VER = 1, 2, 3
OP_CONT, OP_TEXT, OP_BIN, OP_CLOSE = 0, 1, 2, 8
VERSION = bytes((1, 24, 0))  # what GET_VER answers (major, minor, micro)


class _Conn:
    """One accepted socket: frame reading and writing (server side, as the board does it)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        # small frames at once: Nagle + the peer's delayed ACK would add ~40 ms per round trip
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.wlock = threading.Lock()
        self.buf = b""
        self.pause = threading.Event()
        self.idle = threading.Event()
        self.closed = False

    def recv_exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("client went away")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_line(self) -> bytes:
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("client went away")
            self.buf += chunk
            if len(self.buf) > 16384:
                raise ConnectionError("header too long")
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def read_frame(self) -> tuple[int, bytes]:
        b0, b1 = self.recv_exact(2)
        size = b1 & 0x7F
        if size == 126:
            (size,) = struct.unpack(">H", self.recv_exact(2))
        elif size == 127:
            (size,) = struct.unpack(">Q", self.recv_exact(8))
        mask = self.recv_exact(4) if b1 & 0x80 else b"\0\0\0\0"  # unmasked is accepted
        data = self.recv_exact(size)
        if b1 & 0x80:
            data = bytes(c ^ mask[i & 3] for i, c in enumerate(data))
        return b0 & 0x0F, data

    def send_frame(self, opcode: int, data: bytes) -> None:
        n = len(data)
        if n < 126:
            head = bytes((0x80 | opcode, n))
        elif n < 65536:
            head = bytes((0x80 | opcode, 126)) + struct.pack(">H", n)
        else:
            head = bytes((0x80 | opcode, 127)) + struct.pack(">Q", n)
        with self.wlock:
            self.sock.sendall(head + data)

    def close(self) -> None:
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class WebReplEndpoint:
    """A WebSocket listener on 127.0.0.1 (random port) serving ``board`` as WebREPL does."""

    def __init__(self, board: VirtualBoard, password: str, *, port: int = 0) -> None:
        self.board = board
        if len(password.encode()) > PASSWORD_MAX:
            raise ValueError  # (the board's own, with no text)
        self.password = password.encode()
        self._listener = socket.create_server(("127.0.0.1", port))
        self.port: int = self._listener.getsockname()[1]
        self.url = f"ws://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._active: _Conn | None = None  # the one client in the REPL (or at the password)
        self._board_link: Client | None = None
        self._closed = False
        self.rejected = 0  # concurrent clients turned away (tests read it)
        self._thread = threading.Thread(target=self._accept_loop, name="sim-webrepl", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ accepting
    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                sock, _addr = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(_Conn(sock),), daemon=True).start()

    def _handshake(self, conn: _Conn) -> bool:
        conn.read_line()  # the GET line
        key = None
        upgrade = False
        while True:
            line = conn.read_line()
            if not line:
                break
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip()
            if name == b"sec-websocket-key":
                key = value
            elif name == b"upgrade" and value.lower() == b"websocket":
                upgrade = True
        if not (upgrade and key):
            conn.sock.sendall(b"HTTP/1.0 200 OK\r\n\r\n<p>WebREPL (Hotaru simulator)</p>\r\n")
            return False
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
        conn.sock.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        return True

    def _serve(self, conn: _Conn) -> None:
        try:
            conn.sock.settimeout(30)  # a client that never finishes its handshake
            if not self._handshake(conn):
                conn.close()
                return
            conn.sock.settimeout(None)
            with self._lock:
                busy = self._active is not None
                if not busy:
                    self._active = conn
            if busy:
                self.rejected += 1
                conn.close()  # as the board: handshake done, then closed without a frame
                return
            try:
                self._session(conn)
            finally:
                with self._lock:
                    if self._active is conn:
                        self._active = None
                    link, self._board_link = self._board_link, None
                if link is not None:
                    link.close()
                conn.close()
        except (OSError, ConnectionError, ValueError):
            conn.close()

    # ------------------------------------------------------------------ one client
    def _session(self, conn: _Conn) -> None:
        conn.send_frame(OP_TEXT, PROMPT)
        typed = b""
        while True:  # the password, typed character by character or in one frame
            op, data = conn.read_frame()
            if op == OP_CLOSE:
                return
            if op not in (OP_TEXT, OP_BIN, OP_CONT):  # the board takes it from any data frame
                continue
            for i, c in enumerate(data):
                if c in b"\r\n":
                    if typed != self.password:
                        conn.send_frame(OP_TEXT, DENIED)
                        return
                    rest = data[i + 1 :].lstrip(b"\r\n")
                    break
                if len(typed) < PASSWORD_TYPED:
                    typed += bytes((c,))
            else:
                continue
            break
        conn.send_frame(OP_TEXT, CONNECTED)
        link = self.board.connect()
        with self._lock:
            self._board_link = link
        # Per client (a closed client's pump may still be winding down): the pause is set while
        # a file request borrows the board's line, idle once the pump has stepped aside.
        conn.pause = threading.Event()
        conn.idle = threading.Event()
        pump = threading.Thread(target=self._pump, args=(conn, link), daemon=True)
        pump.start()
        if rest:
            link.write(rest)
        while True:
            op, data = conn.read_frame()
            if op == OP_CLOSE:
                try:
                    conn.send_frame(OP_CLOSE, b"")
                except OSError:
                    pass
                return
            if op in (OP_TEXT, OP_CONT):
                link.write(data)
            elif op == OP_BIN:
                self._file_request(conn, link, data)
            # pings and pongs: ignored, as by the board

    def _pump(self, conn: _Conn, link: Client) -> None:
        """What the board prints goes to the client as text frames."""
        # Ends with the client or the board's line (a closed Client may answer b"" at once:
        # looping on it would spin).
        while not conn.closed and link.alive:
            if conn.pause.is_set():  # a file request reads the board's line itself
                conn.idle.set()
                time.sleep(0.01)
                continue
            conn.idle.clear()
            try:
                data = link.read(4096, 0.05)
            except ConnectionError:
                conn.close()
                return
            if data:
                try:
                    conn.send_frame(OP_TEXT, data)
                except OSError:
                    return

    # ------------------------------------------------------------------ file requests
    def _file_request(self, conn: _Conn, link: Client, first: bytes) -> None:
        data = first
        while len(data) < REQ.size:  # the 82 bytes may come in several binary frames
            op, more = conn.read_frame()
            data += more
        sig, kind, _flags, _offset, size, name_len, fname = REQ.unpack(data[: REQ.size])
        if sig != b"WA":
            return
        name = fname[:name_len].decode(errors="replace")
        if kind == GET_VER:
            conn.send_frame(OP_BIN, VERSION)
            return
        from ide.simulator.webrepl_files import board_get, board_put

        conn.pause.set()
        conn.idle.wait(2)
        try:
            if kind == PUT_FILE:
                conn.send_frame(OP_BIN, b"WB\0\0")
                body = data[REQ.size :]
                while len(body) < size:
                    _op, more = conn.read_frame()
                    body += more
                ok = board_put(link, name, body[:size])
                conn.send_frame(OP_BIN, b"WB" + struct.pack("<H", 0 if ok else 1))
            elif kind == GET_FILE:
                content = board_get(link, name)
                conn.send_frame(OP_BIN, b"WB" + struct.pack("<H", 0 if content is not None else 1))
                if content is None:
                    return
                pos = 0
                while True:
                    conn.read_frame()  # the client's b"\0": send the next chunk
                    chunk = content[pos : pos + 256]
                    pos += len(chunk)
                    conn.send_frame(OP_BIN, struct.pack("<H", len(chunk)) + chunk)
                    if not chunk:
                        break
                conn.send_frame(OP_BIN, b"WB\0\0")
        finally:
            conn.pause.clear()

    # ------------------------------------------------------------------ tests and lifetime
    def cut(self) -> None:
        """Drop the client's TCP connection without a close frame (a board gone off Wi-Fi)."""
        with self._lock:
            conn = self._active
        if conn is not None:
            conn.close()

    def wait_free(self, timeout: float = 5.0) -> bool:
        """Wait until no client is connected (the last one's close has been handled)."""
        deadline = time.monotonic() + timeout
        while self._active is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        return self._active is None

    def close(self) -> None:
        self._closed = True
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() (Linux)
        except OSError:
            pass
        self._listener.close()
        self.cut()

    def __enter__(self) -> WebReplEndpoint:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def main(argv: list[str] | None = None) -> None:
    import sys
    import time

    from ide.simulator import start

    args = sys.argv[1:] if argv is None else argv
    password = args[0] if args else "hotaru"
    board = start()
    try:
        endpoint = WebReplEndpoint(board, password, port=int(args[1]) if len(args) > 1 else 0)
    except ValueError:
        board.close()
        sys.exit(f"a WebREPL password has at most {PASSWORD_MAX} bytes, as on a board")
    print(endpoint.url, flush=True)
    try:
        while board.alive:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.close()
        board.close()


if __name__ == "__main__":
    main()
