"""The WebREPL transport: a board's REPL over Wi-Fi (``ws://HOST:8266``), behind the seam.

    from ide.board import connect
    with connect("ws://192.168.1.40:8266", password="secret") as s:
        print(s.listdir("/"))

The password is a keyword of :func:`ide.board.connect` (never part of the URL, so it never shows
in a port name, a title bar or a log). ``HOST`` may be an IP address or any name the operating
system resolves (``esp32.local`` where mDNS works); the port defaults to 8266.

The protocol as MicroPython's board implements it (extmod/modwebrepl.c, micropython-lib's
webrepl.py): after the WebSocket handshake the board sends the text "Password: "; the client
sends the password and CR; the board answers "\\r\\nWebREPL connected\\r\\n>>> " or
"\\r\\nAccess denied\\r\\n" (and closes). From then on text frames carry the REPL both ways and
binary frames carry the board's file requests (see ``ide.board.webrepl_files``). The board
serves one client: a second one sees the handshake succeed and the connection closed before any
frame. The board does not answer WebSocket pings, so none are sent; a dead link is noticed by
TCP keep-alive probes (the board's network stack answers them without Python) and a TCP user
timeout on writes: a board gone off the network raises TransportLost within ~5 s.
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
import time
from collections import deque
from urllib.parse import urlsplit

from ide.board.errors import BoardError, Disconnected, PermissionDenied
from ide.board.transports.base import ResetLines, TransportLost
from ide.text import QT_TRANSLATE_NOOP, Message, message

CTX = "WebRepl"
DEFAULT_PORT = 8266
OPEN_TIMEOUT = 6.0  # TCP connect + handshake; Wi-Fi boards answer in well under a second
LOGIN_TIMEOUT = 5.0
KEEPALIVE_IDLE = 2  # seconds of silence before the first TCP keep-alive probe
KEEPALIVE_INTERVAL = 1
KEEPALIVE_COUNT = 3  # unanswered probes before the OS declares the peer gone
USER_TIMEOUT_MS = 5000  # unacknowledged sent data for this long: the peer is gone (Linux)
CONNECTED = b"WebREPL connected\r\n"
DENIED = b"Access denied"
PROMPT = b"Password: "


class WrongPassword(PermissionDenied):
    """The board said "Access denied"."""

    default = QT_TRANSLATE_NOOP(
        "BoardError", "The board refused the WebREPL password. Check it and try again."
    )


class WebReplBusy(Disconnected):
    """The board already has a WebREPL client (it serves one)."""

    default = QT_TRANSLATE_NOOP(
        "BoardError",
        "The board already has a WebREPL connection (it accepts only one). Close the other "
        "WebREPL window or program, then connect again.",
    )


def _closed() -> TransportLost:
    """The link is gone: said in the user's language when the board's session reports it."""
    said = QT_TRANSLATE_NOOP("WebRepl", "the Wi-Fi (WebREPL) connection was closed")
    return TransportLost("the WebREPL connection was closed", message=message(CTX, said))


def parse_url(url: str) -> tuple[str, int]:
    """(host, port) of ``ws://HOST[:PORT][/]``; a bare ``HOST[:PORT]`` is accepted too."""
    if "://" not in url:
        url = "ws://" + url
    parts = urlsplit(url)
    if parts.scheme != "ws" or not parts.hostname:
        raise Disconnected(
            message(
                CTX,
                QT_TRANSLATE_NOOP("WebRepl", "“{url}” is not a WebREPL address (ws://HOST:8266)."),
                url=url,
            )
        )
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as e:
        raise Disconnected(
            message(CTX, QT_TRANSLATE_NOOP("WebRepl", "“{url}” has no valid port number."), url=url)
        ) from e
    return parts.hostname, port


def normalise_url(text: str) -> str:
    """What the user typed (``esp32.local``, ``192.168.1.4:8266``, ``ws://…``) as ws://HOST:PORT."""
    host, port = parse_url(text.strip())
    return f"ws://{host}:{port}"


def is_webrepl_url(port: str) -> bool:
    return port.startswith("ws://")


class WebReplTransport:
    """A Transport (see base.py) to a board's WebREPL over a WebSocket (``websockets``)."""

    flow_control = True  # TCP paces the sender: large chunks are safe
    serial_number: str | None = None

    def __init__(self, url: str, password: str | None = None) -> None:
        self.host, self.port = parse_url(url)
        self.name = f"ws://{self.host}:{self.port}"
        self._password = password
        self._lock = threading.Lock()
        self._data = threading.Condition()
        self._text: deque[bytes] = deque()  # REPL bytes received, not yet read
        self._binary: deque[bytes] = deque()  # file-request answers (binary frames)
        self._ws: object | None = None
        self._lost = True
        self._reader: threading.Thread | None = None

    # -- Transport ----------------------------------------------------------------------------
    def open(self) -> None:
        from websockets.exceptions import ConnectionClosed, InvalidHandshake
        from websockets.sync.client import connect as ws_connect

        if self._password is None:
            raise WrongPassword(
                message(CTX, QT_TRANSLATE_NOOP("WebRepl", "A WebREPL password is needed."))
            )
        sock = self._tcp_connect()
        try:
            ws = ws_connect(
                self.name + "/",
                sock=sock,
                open_timeout=OPEN_TIMEOUT,
                close_timeout=1,
                ping_interval=None,  # the board never answers pings (see the module docstring)
                compression=None,  # nor does it speak permessage-deflate
                max_size=None,
                user_agent_header=None,
                # REPL text may split a UTF-8 character over two frames: never decode here
                create_connection=_tagged_connection(),
                legacy=True,  # the connection outlives this call (no context manager)
            )
        except InvalidHandshake as e:
            sock.close()
            raise Disconnected(self._msg_not_webrepl(), detail=str(e)) from e
        except (OSError, TimeoutError) as e:
            sock.close()
            if isinstance(e, ConnectionResetError | ConnectionAbortedError | EOFError):
                raise WebReplBusy() from e
            raise Disconnected(self._msg_not_webrepl(), detail=str(e)) from e
        try:
            leftover = self._login(ws)
        except ConnectionClosed as e:
            ws.close()
            raise WebReplBusy() from e
        except BoardError:
            ws.close()
            raise
        with self._data:
            self._text.clear()
            self._binary.clear()
            if leftover:
                self._text.append(leftover)
            self._ws = ws
            self._lost = False
        self._reader = threading.Thread(
            target=self._read_loop, args=(ws,), name="hotaru-webrepl-reader", daemon=True
        )
        self._reader.start()

    def _tcp_connect(self) -> socket.socket:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=OPEN_TIMEOUT)
        except socket.gaierror as e:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "WebRepl",
                        "No device called “{host}” was found on the network. Check the address "
                        "(a .local name works only where the computer supports mDNS).",
                    ),
                    host=self.host,
                ),
                detail=str(e),
            ) from e
        except ConnectionRefusedError as e:
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "WebRepl",
                        "{host} refused the connection: WebREPL is not enabled on that board "
                        "(or it listens on another port). Use Tools > Set up Wi-Fi and WebREPL… "
                        "over USB first.",
                    ),
                    host=self.host,
                ),
                detail=str(e),
            ) from e
        except OSError as e:  # timeout, no route, network down
            raise Disconnected(
                message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "WebRepl",
                        "{host} cannot be reached. Is the board switched on and on the same "
                        "Wi-Fi network as this computer?",
                    ),
                    host=self.host,
                ),
                detail=str(e) or type(e).__name__,
            ) from e
        _keepalive(sock)
        sock.settimeout(None)
        return sock

    def _msg_not_webrepl(self) -> Message:
        return message(
            CTX,
            QT_TRANSLATE_NOOP(
                "WebRepl", "{host}:{port} answered, but not as a MicroPython WebREPL."
            ),
            host=self.host,
            port=self.port,
        )

    def _login(self, ws: object) -> bytes:
        """The password exchange; returns what the board sent after "WebREPL connected"."""
        seen = b""
        deadline = time.monotonic() + LOGIN_TIMEOUT
        sent = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Disconnected(self._msg_not_webrepl(), detail=f"login: {seen!r}")
            try:
                frame = ws.recv(timeout=left, decode=False)  # type: ignore[attr-defined]
            except TimeoutError:
                continue
            _is_binary(ws)  # keep the per-message kinds in step
            seen += frame if isinstance(frame, bytes) else frame.encode()
            if not sent and PROMPT in seen:
                assert self._password is not None
                ws.send((self._password + "\r").encode(), text=True)  # type: ignore[attr-defined]
                sent = True
                seen = seen.split(PROMPT, 1)[1]
            if sent and DENIED in seen:
                raise WrongPassword()
            if sent and CONNECTED in seen:
                return seen.split(CONNECTED, 1)[1]

    def _read_loop(self, ws: object) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            while True:
                frame = ws.recv(decode=False)  # type: ignore[attr-defined]
                with self._data:
                    if _is_binary(ws):
                        self._binary.append(frame)
                    else:
                        self._text.append(frame if isinstance(frame, bytes) else frame.encode())
                    self._data.notify_all()
        except (ConnectionClosed, OSError, RuntimeError):
            pass
        with self._data:
            self._lost = True
            self._data.notify_all()

    def read(self, n: int, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        with self._data:
            while not self._text:
                if self._lost:
                    raise _closed()
                left = deadline - time.monotonic()
                if left <= 0:
                    return b""
                self._data.wait(left)
            chunk = self._text.popleft()
            if len(chunk) > n:
                self._text.appendleft(chunk[n:])
                chunk = chunk[:n]
            return chunk

    def write(self, data: bytes) -> None:
        ws = self._ws
        if ws is None or self._lost:
            raise _closed()
        try:
            ws.send(data, text=True)  # type: ignore[attr-defined]  # REPL bytes: text frames
        except Exception as e:  # noqa: BLE001 - ConnectionClosed, OSError: the link is gone
            with self._data:
                self._lost = True
                self._data.notify_all()
            raise TransportLost(str(e) or type(e).__name__) from e

    def send_binary(self, data: bytes) -> None:
        """One binary frame (a file request or its data)."""
        ws = self._ws
        if ws is None or self._lost:
            raise _closed()
        try:
            ws.send(data)  # type: ignore[attr-defined]
        except Exception as e:  # noqa: BLE001
            raise TransportLost(str(e) or type(e).__name__) from e

    def read_binary(self, timeout: float) -> bytes | None:
        """The next binary frame, or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._data:
            while not self._binary:
                if self._lost:
                    raise _closed()
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._data.wait(left)
            return self._binary.popleft()

    def close(self) -> None:
        with self._lock:
            ws, self._ws = self._ws, None
        with self._data:
            self._lost = True
            self._data.notify_all()
        if ws is not None:
            try:
                ws.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - closing a dead socket may fail; it is gone
                pass

    @property
    def alive(self) -> bool:
        return not self._lost

    @property
    def reset_lines(self) -> ResetLines | None:
        return None

    def __repr__(self) -> str:
        return f"<WebReplTransport {self.name} {'lost' if self._lost else 'open'}>"


def _is_binary(ws: object) -> bool:
    """Whether the message just received was binary: recv(decode=False) returns bytes for both
    kinds, so _TaggedConnection notes each message's first opcode in arrival order."""
    kinds = getattr(ws, "kinds", None)
    return bool(kinds.popleft()) if kinds else False


def _tagged_connection() -> type:
    from websockets.frames import Opcode
    from websockets.sync.client import ClientConnection

    class _TaggedConnection(ClientConnection):
        """Remembers, per message, whether it came as a binary frame (the board never fragments
        its frames, so one data frame is one message)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.kinds: deque[bool] = deque()
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

        def process_event(self, event: object) -> None:
            opcode = getattr(event, "opcode", None)
            if self.response is not None and opcode in (Opcode.TEXT, Opcode.BINARY):
                self.kinds.append(opcode is Opcode.BINARY)
            super().process_event(event)  # type: ignore[arg-type]

    return _TaggedConnection


def _keepalive(sock: socket.socket) -> None:
    """TCP keep-alive and a user timeout short enough to notice a vanished board in seconds."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        if hasattr(socket, "TCP_KEEPIDLE"):  # Linux, recent Windows and macOS
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, KEEPALIVE_IDLE)
        elif sys.platform == "darwin":
            sock.setsockopt(socket.IPPROTO_TCP, 0x10, KEEPALIVE_IDLE)  # TCP_KEEPALIVE
        if hasattr(socket, "TCP_KEEPINTVL"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, KEEPALIVE_INTERVAL)
        if hasattr(socket, "TCP_KEEPCNT"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, KEEPALIVE_COUNT)
        if hasattr(socket, "TCP_USER_TIMEOUT"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, USER_TIMEOUT_MS)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # keystrokes go at once
    except OSError as e:
        if e.errno not in (errno.ENOPROTOOPT, errno.EINVAL):
            raise
