"""The simulator as a transport: no pty, every OS; a dead node process is noticed and reaped."""

from __future__ import annotations

import ast
import os
import threading
import time
from pathlib import Path

import pytest

from ide.board.transports import Transport, TransportLost
from ide.board.transports.simulator import SimulatorTransport

POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "grp", "pwd", "resource"}
IDE = Path(__file__).resolve().parents[2] / "ide"


def _module_level_imports(tree: ast.Module):
    """Import nodes that run when the module is imported (not inside a def)."""
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
            continue
        todo.extend(ast.iter_child_nodes(node))


def test_no_module_level_import_of_a_posix_only_module():
    bad = []
    for path in sorted(IDE.rglob("*.py")):
        if "simulator" in path.parts and path.name.startswith("board_"):
            continue  # runs inside MicroPython, not on the host
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _module_level_imports(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                if name.split(".")[0] in POSIX_ONLY:
                    bad.append(f"{path.relative_to(IDE.parent)}:{node.lineno} {name}")
    assert not bad, bad


def read_until(t: SimulatorTransport, marker: bytes, timeout: float = 10.0) -> bytes:
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data:
        assert time.monotonic() < deadline, data
        data += t.read(4096, 0.1)
    return data


@pytest.fixture
def transport():
    t = SimulatorTransport()
    try:
        yield t
    finally:
        t.close()


def test_transport_keeps_the_contract(transport):
    assert isinstance(transport, Transport)
    assert transport.name == "simulator"
    assert transport.reset_lines is None and transport.serial_number is None
    assert transport.flow_control is True
    assert not transport.alive
    transport.open()
    assert transport.alive
    assert transport.board is not None and transport.board.port is None  # no pty asked for
    transport.write(b"\x02\x03\r")
    read_until(transport, b">>> ")
    transport.write(b"print(1+1)\r")
    assert b"print(1+1)\r\n2\r\n>>> " in read_until(transport, b"2\r\n>>> ")
    assert transport.read(100, 0.05) == b""  # nothing more: b"" after the timeout
    transport.close()
    transport.close()  # idempotent
    assert not transport.alive


def test_a_dead_node_is_lost_at_once_and_reaped(transport):
    transport.open()
    transport.write(b"\x02\x03\r")
    read_until(transport, b">>> ")
    proc = transport.board._proc
    pid = proc.pid
    os.kill(pid, 9)
    t0 = time.monotonic()
    with pytest.raises(TransportLost):
        while True:
            transport.read(4096, 30)  # must raise long before this timeout
    assert time.monotonic() - t0 < 30
    assert not transport.alive
    with pytest.raises((TransportLost, OSError)):
        transport.write(b"x")
    # reaped without anyone calling close(): no zombie left behind
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not Path(f"/proc/{pid}").exists(), Path(f"/proc/{pid}/stat").read_text()
    transport.close()
    transport.close()


def test_close_while_another_thread_reads(transport):
    transport.open()
    result: list[object] = []

    def reader() -> None:
        try:
            while True:
                if not transport.alive:
                    result.append("closed")
                    return
                transport.read(4096, 30)
        except Exception as e:  # noqa: BLE001
            result.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.1)
    transport.close()
    thread.join(30)
    assert not thread.is_alive() and result


def test_ide_board_session_runs_code_over_the_transport():
    from ide.board import connect

    session = connect("simulator")  # the board builds the simulator's transport itself
    t = session.transport
    assert isinstance(t, SimulatorTransport)
    try:
        assert session.exec("print(6 * 7)").strip() == "42"
        session.write_file("/hello.txt", b"hi")
        assert session.read_file("/hello.txt") == b"hi"
    finally:
        session.close()
    assert not t.alive  # closing the session stopped the board


def test_output_without_a_client_is_dropped_and_a_client_sees_what_follows(sim):
    link = sim.connect()
    link.write(b"\x02\x03\r")
    data = b""
    while b">>> \r\n>>> \r\n>>> " not in data:
        data += link.read(4096, 10)
    link.write(b"from machine import Pin\rimport time\rp = Pin(2, Pin.OUT)\r")
    link.write(b"for i in range(60): print('tick', i); p.value(i % 2); time.sleep(0.02)\r\r")
    while b"tick 3\r\n" not in data:
        data += link.read(4096, 10)
    link.close()
    # the pin tells how far the program got while nobody listened (no guessed delay)
    assert len(sim.wait_pin_events(2, 40, timeout=60)) >= 40
    link = sim.connect()
    data = b""
    while b">>> " not in data:
        data += link.read(4096, 30)
    first = int(data.split(b"tick ")[1].split(b"\r")[0])
    assert first > 20, data  # ticks 4..~39 were printed to nobody: gone
    link.close()


NO_POSIX = r"""
import os, sys
BLOCK = {"fcntl", "termios", "tty", "pty", "grp", "pwd", "resource"}
IDE = os.path.join(os.getcwd(), "ide")


class Blocker:
    # Windows has none of these: refuse them to Hotaru's own code (pyserial's POSIX backend
    # may use them here; on Windows it has its own)
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in BLOCK:
            return None
        frame = sys._getframe(1)
        while frame and "importlib" in frame.f_code.co_filename:
            frame = frame.f_back
        if frame and frame.f_code.co_filename.startswith(IDE):
            raise ImportError("no " + name + " on Windows")
        return None


sys.meta_path.insert(0, Blocker())
del os.openpty  # no pseudo-terminals either
from ide.board.transports.simulator import SimulatorTransport

t = SimulatorTransport()
t.open()
assert t.board.port is None
t.write(b"\x02\x03\rprint(1+1)\r")
out = b""
while b"2\r\n>>> " not in out:
    out += t.read(4096, 30)
t.close()
print("ok")
"""


def test_the_simulator_runs_without_posix_modules_or_ptys(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, HOTARU_SIM_FLASH=str(tmp_path / "flash"))
    proc = subprocess.run(
        [sys.executable, "-c", NO_POSIX],
        cwd=IDE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.strip() == "ok", proc.stderr[-3000:]
    assert (tmp_path / "flash").is_dir()  # the file lock and the flash folder worked too


def test_the_handshake_waits_for_silence_as_long_as_the_link_needs(monkeypatch):
    """Connecting waits for the board's answer to Ctrl-C to be complete: 0.1 s of silence over
    USB (a transport that does not say), 0.02 s on the unthrottled simulator (a local pipe),
    0.1 s on a simulator at a baud rate (its bytes trickle as over a UART)."""
    from ide.board import connect
    from ide.board.link import Link

    waits: list[float] = []
    real = Link.wait_quiet

    def wait_quiet(self: Link, quiet: float, limit: float) -> bytes:
        waits.append(quiet)
        return real(self, quiet, limit)

    monkeypatch.setattr(Link, "wait_quiet", wait_quiet)
    assert SimulatorTransport().quiet_seconds == 0.02
    assert SimulatorTransport(115200).quiet_seconds == 0.1
    session = connect("simulator", transport=SimulatorTransport(flash=":memory:"))
    try:
        assert waits[0] == 0.02
        assert session.exec("print(6 * 7)").strip() == "42"
    finally:
        session.close()


def test_a_virtual_board_lost_under_a_call_is_said_in_the_users_language():
    """"The connection to the board was lost (the virtual board stopped)." stood in English in
    a Japanese or Chinese console and status bar: the reason is a translatable phrase."""
    from ide.board import connect
    from tests.helpers.simulator_helpers import assert_reason_translatable, loss_under_a_call

    session = connect("simulator", auto_reconnect=False)
    try:
        node = session.transport.board._proc.pid
        assert_reason_translatable(loss_under_a_call(session, lambda: os.kill(node, 9)))
    finally:
        session.close()


def test_a_virtual_board_that_does_not_start_again_is_not_told_to_be_plugged_in(
    monkeypatch, tmp_path
):
    """"Plug it in again" sent the beginner looking for a cable the virtual board never had."""
    from ide.board import connect, connection

    monkeypatch.setattr(connection, "RECONNECT_WINDOW", 1.0)
    session = connect("simulator")
    events: list[tuple[str, object]] = []
    session.add_listener(lambda event, msg: events.append((event, msg)))
    try:
        no_node = tmp_path / "node"
        no_node.write_text("#!/bin/sh\nexit 1\n")
        no_node.chmod(0o755)
        monkeypatch.setenv("HOTARU_NODE", str(no_node))  # (a Node.js that no longer starts)
        os.kill(session.transport.board._proc.pid, 9)
        deadline = time.monotonic() + 60
        while not any(e == "reconnect-failed" for e, _ in events):
            assert time.monotonic() < deadline, events
            time.sleep(0.05)
        text = str(next(m for e, m in events if e == "reconnect-failed"))
        assert "virtual board did not start again" in text and "Plug" not in text, text
    finally:
        session.close()
