"""The board suite's core over both transports (USB serial and WebREPL, each to the virtual
board), and what only WebREPL has: the password, one client, a cut link."""

from __future__ import annotations

import os
import threading
import time

import pytest

from ide.board import Busy, Disconnected, RemoteError, connect
from ide.board.state import BoardState
from ide.board.transports.webrepl import WebReplBusy, WrongPassword, normalise_url
from ide.simulator.webrepl import WebReplEndpoint

HOSTILE = "'); import os; os.remove('main.py') #"
PASSWORD = "s3cret"


def wait_for(predicate, timeout=10.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


class Console:
    def __init__(self):
        self.data = bytearray()
        self.lock = threading.Lock()

    def __call__(self, data: bytes) -> None:
        with self.lock:
            self.data += data

    def text(self) -> str:
        with self.lock:
            return self.data.decode("utf-8", "replace")


@pytest.fixture
def endpoint(sim):
    ep = WebReplEndpoint(sim, PASSWORD)
    yield ep
    ep.close()


@pytest.fixture(params=["serial", "webrepl"])
def board(request, sim):
    if request.param == "serial":
        s = connect(sim.port)
        yield s
        s.close()
        return
    ep = WebReplEndpoint(sim, PASSWORD)
    s = connect(ep.url, password=PASSWORD)
    yield s
    s.close()
    ep.close()


def test_exec_and_listdir(board):
    assert board.exec("print(1 + 1)") == "2\r\n"
    assert board.eval("'ä' * 2") == "ää"
    with pytest.raises(RemoteError):
        board.exec("1/0")
    board.mkdir("/d")
    board.write_file("/d/a.txt", b"x")
    assert [(e.name, e.is_dir) for e in board.listdir("/d")] == [("a.txt", False)]


def test_a_100_kB_binary_file_round_trips(board):
    blob = os.urandom(100 * 1024) + b"\r\n\x03\x04\x01\x02\x05"
    board.write_file("/big.bin", blob)
    assert board.read_file("/big.bin") == blob
    assert board.stat("/big.bin").size == len(blob)
    assert [e.name for e in board.listdir("/")] == ["big.bin"]  # no temporary file left


def test_hostile_names_are_data(board):
    board.write_file("/main.py", b"print('survivor')\n")
    board.write_file("/" + HOSTILE, b"hostile")
    assert board.read_file("/" + HOSTILE) == b"hostile"
    board.remove("/" + HOSTILE)
    assert board.read_file("/main.py") == b"print('survivor')\n"


def test_run_with_output_and_interrupt(board):
    con = Console()
    board.subscribe(con, replay=False)
    out = bytearray()
    result = board.run("for i in range(3):\n    print('line', i)\n", on_output=out.extend)
    assert result.ok and out.decode() == "line 0\r\nline 1\r\nline 2\r\n"
    results = []
    t = threading.Thread(target=lambda: results.append(board.run("while True:\n    pass\n")))
    t.start()
    wait_for(lambda: board.running, what="running")
    with pytest.raises(Busy):
        board.listdir("/")
    board.interrupt()
    t.join(10)
    assert results and results[0].interrupted
    assert con.text().endswith(">>> ")
    assert board.eval("1") == 1


def test_wrong_password_is_said_in_words(endpoint):
    with pytest.raises(WrongPassword) as info:
        connect(endpoint.url, password="wrong")
    assert "password" in str(info.value.message).lower()
    with connect(endpoint.url, password=PASSWORD) as s:  # the right one still works after
        assert s.eval("2") == 2


def test_the_virtual_boards_webrepl_keeps_passwords_as_a_board_does(sim):
    """modwebrepl.c: webrepl.password() refuses more than 9 bytes (ValueError); a typed
    password is kept to its first 10 bytes, so a longer one typed is denied, never cut to fit."""
    with pytest.raises(ValueError):
        WebReplEndpoint(sim, "abcdefghij")  # 10 bytes: the board's webrepl.start() fails
    ep = WebReplEndpoint(sim, "abcdefghi")  # 9: the longest a board takes
    try:
        with pytest.raises(WrongPassword):
            connect(ep.url, password="abcdefghiX")
        with connect(ep.url, password="abcdefghi") as s:
            assert s.eval("3") == 3
    finally:
        ep.close()


def test_a_second_client_is_told_the_board_is_taken(endpoint):
    with connect(endpoint.url, password=PASSWORD) as s:
        with pytest.raises(WebReplBusy) as info:
            connect(endpoint.url, password=PASSWORD)
        assert "only one" in str(info.value.message)
        assert s.eval("3") == 3  # the first one is untouched
    assert endpoint.rejected == 1


def test_refused_and_unknown_hosts_are_said_in_words(endpoint):
    port = endpoint.port
    endpoint.close()  # nobody listens there now: as a board without WebREPL
    with pytest.raises(Disconnected) as info:
        connect(f"ws://127.0.0.1:{port}", password=PASSWORD)
    assert "not enabled" in str(info.value.message)
    with pytest.raises(Disconnected) as info:
        connect("ws://no-such-board.invalid:8266", password=PASSWORD)
    assert "no-such-board.invalid" in str(info.value.message)


def test_a_cut_link_is_noticed_at_once_and_calls_fail_at_once(endpoint):
    s = connect(endpoint.url, password=PASSWORD, auto_reconnect=False)
    try:
        states = []
        s.on_state(states.append)
        endpoint.cut()
        wait_for(lambda: s.state is BoardState.DISCONNECTED, timeout=5, what="disconnected")
        with pytest.raises(Disconnected):
            s.listdir("/")
    finally:
        s.close()


def test_a_cut_link_reconnects_when_the_board_is_back(endpoint):
    s = connect(endpoint.url, password=PASSWORD)
    try:
        s.write_file("/kept.txt", b"kept")
        endpoint.cut()
        wait_for(lambda: not s.connected, timeout=5, what="lost")
        wait_for(lambda: s.state is BoardState.IDLE, timeout=20, what="reconnected")
        assert s.read_file("/kept.txt") == b"kept"
    finally:
        s.close()


def test_addresses_as_users_type_them():
    assert normalise_url("esp32.local") == "ws://esp32.local:8266"
    assert normalise_url(" 192.168.1.4:8300 ") == "ws://192.168.1.4:8300"
    assert normalise_url("ws://10.0.0.2") == "ws://10.0.0.2:8266"
    with pytest.raises(Disconnected):
        normalise_url("http://10.0.0.2")


def test_the_setup_helper_writes_boot_py_and_webrepl_cfg_that_read_back(sim):
    from ide.core import webrepl_setup as ws

    assert not ws.password_ok("abc") and ws.password_ok("abcd") and not ws.password_ok("x" * 10)
    # the board counts bytes: 5 Japanese characters are 15 (webrepl.start() would fail)
    assert not ws.password_ok("パスワード") and not ws.password_ok("１２３４")
    with connect(sim.port) as s:
        s.write_file("/boot.py", b"# my own boot\nimport gc\n")
        old = ws.read_boot(s)
        setup = ws.plan(old, "Home 'net'", 'p"w', "secret")  # quotes are data
        # the diff shows the added lines; the values went through repr()
        ssid, pw = "Home 'net'", 'p"w'
        assert f"+        w.connect({ssid!r}, {pw!r})" in setup.diff()
        assert "-" + "# my own boot" not in setup.diff()  # the user's lines stay
        ws.apply(s, setup)
        assert s.read_file("/webrepl_cfg.py") == b"PASS = 'secret'\n"
        boot = s.read_file("/boot.py").decode()
        assert boot.startswith("# my own boot\nimport gc\n")
        assert boot.count(ws.BEGIN) == 1 and "webrepl.start()" in boot
        compile(boot, "boot.py", "exec")  # it is Python the board can run
        # again with other values: Hotaru's block is replaced, not added twice
        again = ws.plan(ws.read_boot(s), "Other", "pw2", "newpass")
        ws.apply(s, again)
        boot = s.read_file("/boot.py").decode()
        assert boot.count(ws.BEGIN) == 1 and "'Other'" in boot and "Home" not in boot
        assert s.eval("__import__('webrepl_cfg').PASS") == "newpass"
        # boot.py changed behind the dialog's back: nothing is written
        stale = ws.plan("", "X", "y", "zzzz")
        with pytest.raises(ValueError):
            ws.apply(s, stale)
        assert "'Other'" in s.read_file("/boot.py").decode()


def _read_until(t, marker, timeout=10.0):
    data = b""
    end = time.monotonic() + timeout
    while marker not in data:
        assert time.monotonic() < end, data
        data += t.read(4096, 0.1)
    return data


def test_the_transport_keeps_the_seams_contract(endpoint):
    from ide.board.transports.base import Transport, TransportLost
    from ide.board.transports.webrepl import WebReplTransport

    t = WebReplTransport(endpoint.url, PASSWORD)
    assert isinstance(t, Transport)
    assert t.name == endpoint.url and t.reset_lines is None and t.serial_number is None
    assert not t.alive
    t.open()
    assert t.alive
    t.write(b"\x03\r")
    _read_until(t, b">>> ")
    t.write(b"print('\\u65e5\\u672c\\u8a9e' * 2)\r")  # typed in ASCII, printed in UTF-8
    assert "日本語日本語\r\n>>> " in _read_until(t, "日本語日本語\r\n>>> ".encode()).decode()
    assert t.read(100, 0.05) == b""  # nothing more: b"" after the timeout
    result: list[object] = []

    def reader() -> None:
        try:
            while True:
                t.read(4096, 30)
        except TransportLost as e:
            result.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.1)
    t.close()  # from another thread, while it reads: it ends at once
    thread.join(30)
    assert not thread.is_alive() and result
    t.close()  # idempotent
    assert not t.alive
    with pytest.raises(TransportLost):
        t.write(b"x")


def test_a_cut_link_is_said_in_the_users_language(endpoint):
    # "The connection to the board was lost (…)" of a call cut short: the reason is a
    # translatable phrase, not the transport's English words inside a Japanese sentence
    from tests.helpers.simulator_helpers import assert_reason_translatable, loss_under_a_call

    s = connect(endpoint.url, password=PASSWORD, auto_reconnect=False)
    try:
        assert_reason_translatable(loss_under_a_call(s, endpoint.cut))
    finally:
        s.close()


def test_a_network_board_that_does_not_come_back_is_not_told_to_be_plugged_in(
    endpoint, monkeypatch
):
    """Over WebREPL there is no cable: "Plug it in again" sent the beginner looking for one."""
    from ide.board import connection

    monkeypatch.setattr(connection, "RECONNECT_WINDOW", 1.0)
    s = connect(endpoint.url, password=PASSWORD)
    events: list[tuple[str, object]] = []
    s.add_listener(lambda event, msg: events.append((event, msg)))
    try:
        endpoint.close()  # the board is gone from the network (switched off, out of range)
        wait_for(
            lambda: any(e == "reconnect-failed" for e, _ in events), timeout=20, what="gave up"
        )
        text = str(next(m for e, m in events if e == "reconnect-failed"))
        assert "Wi-Fi" in text and "Plug" not in text, text
    finally:
        s.close()
